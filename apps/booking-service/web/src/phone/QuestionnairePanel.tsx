import { t as translate, type MessageKey } from '@talon/messages';
import type { PhoneQuestionnaireState } from '@talon/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import { questionnaireState, sendQuestionnaire } from './questionnaire-api.js';

/** Central may hear of the visit's end a moment after the page does: ask again this often, this many times. */
const PENDING_RETRY_MS = 3_000;
const PENDING_TRIES = 20;
const EASE = [1, 2, 3, 4, 5] as const;

type View = PhoneQuestionnaireState | 'sending' | 'thanks';

/**
 * The two questions after a served visit: «Ваш вопрос решён?» and «Насколько легко было?». Both are
 * radio groups in fieldsets (a screen reader reads the question with each choice), with big
 * targets; either may be left out. Central keeps one answer per ticket: after sending, or on a page
 * opened again, the panel says thank you instead of asking twice.
 */
export function QuestionnairePanel({ token, language }: { token: string; language: 'ru' | 'en' }) {
  const say = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const [view, setView] = useState<View>('pending');
  const [solved, setSolved] = useState<boolean | undefined>(undefined);
  const [ease, setEase] = useState<number | undefined>(undefined);
  const [problem, setProblem] = useState<MessageKey | undefined>(undefined);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (tries: number) => {
      const state = await questionnaireState(token);
      if (stopped) return;
      setView((held) => (held === 'pending' ? state : held));
      if (state === 'pending' && tries > 1) timer = setTimeout(() => void ask(tries - 1), PENDING_RETRY_MS);
    };
    void ask(PENDING_TRIES);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [token]);

  if (view === 'pending' || view === 'not-served') return null;
  if (view === 'answered' || view === 'thanks')
    return (
      <section className="ph-section" aria-labelledby="ph-survey">
        <h2 id="ph-survey">{say('phone.surveyHeading')}</h2>
        <p className="ph-big" role="status" data-testid="survey-done">
          {say(view === 'thanks' ? 'phone.surveyThanks' : 'phone.surveyAnswered')}
        </p>
      </section>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (solved === undefined && ease === undefined) return;
    setView('sending');
    setProblem(undefined);
    const outcome = await sendQuestionnaire(token, { ...(solved !== undefined && { solved }), ...(ease !== undefined && { ease }) });
    if (outcome === 'answered') return setView('thanks');
    if (outcome === 'already') return setView('answered');
    setView('open');
    setProblem(outcome === 'limited' ? 'phone.surveyLimited' : 'phone.surveyFailed');
  };

  return (
    <section className="ph-section ph-survey" aria-labelledby="ph-survey" data-testid="survey">
      <h2 id="ph-survey">{say('phone.surveyHeading')}</h2>
      <p>{say('phone.surveyIntro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset className="ph-choices">
          <legend>{say('phone.surveySolved')}</legend>
          {([true, false] as const).map((value) => (
            <label key={String(value)} className="ph-choice">
              <input type="radio" name="solved" checked={solved === value} onChange={() => setSolved(value)} data-testid={`survey-solved-${value ? 'yes' : 'no'}`} />
              <span>{say(value ? 'phone.surveyYes' : 'phone.surveyNo')}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="ph-choices">
          <legend>
            {say('phone.surveyEase')} <span className="ph-hint" id="ph-ease-hint">{say('phone.surveyEaseHint')}</span>
          </legend>
          {EASE.map((value) => (
            <label key={value} className="ph-choice ph-choice--digit">
              <input type="radio" name="ease" checked={ease === value} onChange={() => setEase(value)} aria-describedby="ph-ease-hint"
                aria-label={say('phone.surveyEaseValue', { value })} data-testid={`survey-ease-${value}`} />
              <span aria-hidden="true">{value}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" className="ph-button ph-primary" disabled={view === 'sending' || (solved === undefined && ease === undefined)} data-testid="survey-send">
          {say(view === 'sending' ? 'phone.surveySending' : 'phone.surveySend')}
        </button>
        <p role="status" className="ph-problem">{problem ? say(problem) : ''}</p>
      </form>
    </section>
  );
}
