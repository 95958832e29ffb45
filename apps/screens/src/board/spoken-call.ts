import { spokenTicketNumber } from '@talon/domain';
import type { BoardCall } from '@talon/protocol';
import { t } from '@talon/messages';

/**
 * A call as a browser's speech voice reads it (`board.voice: 'browser'`); the number goes out in
 * words so no speech engine reads "A015" as "а пятнадцать" or spells "B" in English.
 */
export function spokenCall(call: Pick<BoardCall, 'ticketId' | 'number' | 'deskNumber' | 'recall' | 'at'>, language: 'ru' | 'en' = 'ru'): { key: string; text: string } {
  const params = { number: language === 'ru' ? spokenTicketNumber(call.number) : call.number, desk: call.deskNumber };
  return {
    key: `${call.ticketId}@${call.at}`,
    text: t(language, call.recall ? 'board.spokenRecall' : 'board.spokenCall', params),
  };
}
