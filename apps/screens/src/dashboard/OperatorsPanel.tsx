import type { DeskView, OperatorDayView } from '@talon/protocol';
import { useState } from 'react';
import { useLanguage } from '../shared/language.js';
import { formatMinutes } from './figures.js';

/**
 * Each operator's day so far: served, did not come, time per visitor, ratings; and the desk they
 * hold open, which the head may close (an operator gone home, a dead console). Closing takes two
 * presses; the refusal, if any, is shown in the row.
 */
export function OperatorsPanel({
  operators,
  desks,
  onCloseDesk,
}: {
  operators: readonly OperatorDayView[];
  desks: readonly DeskView[];
  onCloseDesk: (deskId: string) => Promise<string | null>;
}) {
  const { t, language } = useLanguage();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ deskId: string; text: string } | null>(null);
  const close = async (deskId: string) => {
    setConfirming(null);
    const refusal = await onCloseDesk(deskId);
    setProblem(refusal ? { deskId, text: refusal } : null);
  };
  return (
    <section className="dash-panel" tabIndex={0} aria-labelledby="operators-title">
      <h2 id="operators-title">{t('dashboard.operators')}</h2>
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.operatorCol')}</th>
            <th scope="col">{t('dashboard.servedCol')}</th>
            <th scope="col">{t('dashboard.noShowCol')}</th>
            <th scope="col">{t('dashboard.serviceTimeCol')}</th>
            <th scope="col">{t('dashboard.ratingCol')}</th>
            <th scope="col">{t('dashboard.deskCol')}</th>
          </tr>
        </thead>
        <tbody>
          {operators.map((o) => {
            const desk = desks.find((d) => d.operatorId === o.operatorId && d.status !== 'closed');
            return (
              <tr key={o.operatorId} data-testid="operator-row" data-operator={o.operatorId}>
                <th scope="row">{o.operatorName}</th>
                <td>{o.served}</td>
                <td>{o.noShow}</td>
                <td>{o.averageServiceMin === null ? '—' : formatMinutes(o.averageServiceMin, language)}</td>
                <td>{o.ratingAverage === null ? '—' : t('dashboard.ratingOf', { value: formatMinutes(o.ratingAverage, language), count: o.ratingCount })}</td>
                <td>
                  {desk ? (
                    <button
                      type="button"
                      data-testid="close-desk"
                      onClick={() => (confirming === desk.id ? void close(desk.id) : setConfirming(desk.id))}
                    >
                      {t(confirming === desk.id ? 'dashboard.closeDeskConfirm' : 'dashboard.closeDesk', { number: desk.number })}
                    </button>
                  ) : (
                    '—'
                  )}
                  {problem && desk?.id === problem.deskId && <p role="alert">{problem.text}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
