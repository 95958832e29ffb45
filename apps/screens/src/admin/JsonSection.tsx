import { useEffect, useId, useState } from 'react';
import { useLanguage } from '../shared/language.js';
import { useDraft } from './draft.js';

/** Everything the forms do not cover (printers, rating buttons, rules, holidays), as the file itself. */
export function JsonSection() {
  const { t } = useLanguage();
  const { config, replace } = useDraft();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(config, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  // The forms may change the draft while this view is open; show their change.
  useEffect(() => setText(JSON.stringify(config, null, 2)), [config]);

  function take() {
    try {
      const parsed = JSON.parse(text) as typeof config;
      setProblem(null);
      replace(() => parsed);
    } catch (error) {
      setProblem(t('admin.jsonBroken', { message: (error as Error).message }));
    }
  }

  return (
    <section aria-labelledby="ad-json-title" className="ad-section">
      <h2 id="ad-json-title">{t('admin.tab.json')}</h2>
      <p className="ad-note">{t('admin.jsonHint')}</p>
      <label htmlFor={id} className="visually-hidden">
        {t('admin.jsonLabel')}
      </label>
      <textarea id={id} className="ad-json" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} rows={30} />
      {problem && (
        <p role="alert" className="ad-field-problem">
          {problem}
        </p>
      )}
      <button type="button" className="ad-small" onClick={take}>
        {t('admin.jsonTake')}
      </button>
    </section>
  );
}
