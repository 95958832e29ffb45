import type { MessageKey } from '@talon/messages';
import { formatTime } from '../shared/office-time.js';
import type { Answer } from './kiosk-flow.js';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The answer's main line. Times are read off the office's clocks, not the kiosk PC's, so a
 * visitor can match them with the booking confirmation and the hall's clock.
 */
export function answerText(answer: Answer, timeZone: string, t: Translate): string {
  switch (answer.kind) {
    case 'booking-unknown':
      return t('kiosk.bookingUnknown');
    case 'booking-used':
      return answer.usedAt !== null ? t('kiosk.bookingUsed', { time: formatTime(answer.usedAt, timeZone) }) : t('kiosk.bookingUsedNoTime');
    case 'booking-cancelled':
      return t('kiosk.bookingCancelled');
    case 'booking-expired':
      return t('kiosk.bookingExpired');
    case 'booking-early':
      return answer.checkInFrom !== null ? t('kiosk.bookingEarly', { time: formatTime(answer.checkInFrom, timeZone) }) : t('kiosk.bookingEarlyNoTime');
    case 'booking-late':
      return answer.slotStart !== null ? t('kiosk.bookingLate', { time: formatTime(answer.slotStart, timeZone) }) : t('kiosk.bookingLateNoTime');
    case 'closed':
      return `${t('kiosk.closedTitle')}. ${t('kiosk.closedLead')}`;
    case 'no-answer':
      return t('kiosk.noAnswer');
    case 'failed':
      return t('kiosk.failed');
  }
}
