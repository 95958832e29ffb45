import { useLanguage } from '../shared/language.js';
import { answerText } from './answer-text.js';
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
