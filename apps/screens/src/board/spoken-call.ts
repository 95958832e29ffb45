import { spokenTicketNumber } from '@talon/domain';
import type { BoardCall } from '@talon/protocol';
import { t } from '@talon/messages';
import type { Announcement } from './announcement-queue.js';

/**
 * The hall hears Russian whatever language the screen shows; the number goes out in words so no
 * speech engine reads "A015" as "а пятнадцать" or spells "B" in English.
 */
export function spokenCall(call: Pick<BoardCall, 'ticketId' | 'number' | 'deskNumber' | 'recall' | 'at'>): Announcement {
  const params = { number: spokenTicketNumber(call.number), desk: call.deskNumber };
  return {
    key: `${call.ticketId}@${call.at}`,
    text: t('ru', call.recall ? 'board.spokenRecall' : 'board.spokenCall', params),
  };
}
