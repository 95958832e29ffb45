import { useLanguage } from '../shared/language.js';
import { formatTime } from '../shared/office-time.js';
import type { Answer } from './kiosk-flow.js';

/** Instead of a ticket: what happened in plain words, and always a way on. */
export function AnswerPage({
  answer,
  timeZone,
  onBack,
  onHome,
  onAcceptWalkIn,
}: {
  answer: Answer;
  /** The office's zone: the visitor reads times off the office's clocks. */
  timeZone: string;
  onBack: () => void;
  onHome: () => void;
  onAcceptWalkIn: () => void;
}) {
  const { t } = useLanguage();
  return (
    <div className="kiosk-page kiosk-answer" data-testid="kiosk-answer" data-answer={answer.kind}>
      <p className="kiosk-answer__text" role="alert">
        {answerText(answer, timeZone, t)}
      </p>
      {answer.kind === 'booking-late' && <p className="kiosk-lead">{t('kiosk.bookingLateOffer')}</p>}
      <div className="kiosk-actions">
        {answer.kind === 'booking-late' && (
          <button type="button" className="kiosk-action kiosk-action--accent" onClick={onAcceptWalkIn}>
            {t('kiosk.acceptWalkIn')}
          </button>
        )}
        {(answer.kind === 'booking-unknown' || answer.kind === 'booking-early') && (
          <button type="button" className="kiosk-action" onClick={onBack}>
            {t('kiosk.tryAgain')}
          </button>
        )}
        <button type="button" className="kiosk-action" onClick={onHome}>
          {t('kiosk.home')}
        </button>
      </div>
    </div>
  );
}

function answerText(answer: Answer, timeZone: string, t: ReturnType<typeof useLanguage>['t']): string {
  switch (answer.kind) {
    case 'booking-unknown':
      return t('kiosk.bookingUnknown');
    case 'booking-early':
      return answer.checkInFrom !== null ? t('kiosk.bookingEarly', { time: formatTime(answer.checkInFrom, timeZone) }) : t('kiosk.bookingEarlyNoTime');
    case 'booking-late':
      return t('kiosk.bookingLate');
    case 'closed':
      return `${t('kiosk.closedTitle')}. ${t('kiosk.closedLead')}`;
    case 'no-answer':
      return t('kiosk.noAnswer');
    case 'failed':
      return t('kiosk.failed');
  }
}
