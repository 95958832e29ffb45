import type { MessageKey } from '@talon/messages';
import type { CentralQualityView } from '@talon/protocol';

type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

/** 2026-08-14 -> 14.08.2026 */
const dayText = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

/**
 * The period's ratings of 1–2 across the offices in view, newest first: the quality department
 * sees what the heads are to call back (the heads mark them done at their office).
 */
export function CentralFollowUps({ view, say, decimal, outcomeName }: { view: CentralQualityView; say: Say; decimal: (value: number | null) => string; outcomeName: (id: string) => string }) {
  const officeName = new Map(view.offices.map((o) => [o.officeId, o.name]));
  return (
    <section className="qc-panel" tabIndex={0} aria-labelledby="qc-follow-ups">
      <h2 id="qc-follow-ups" data-testid="central-follow-ups-shown" data-value={view.followUps.length} data-more={view.followUpsMore ? 'yes' : 'no'}>
        {say('quality.followUps')} ({view.followUps.length}{view.followUpsMore ? '+' : ''})
      </h2>
      {view.followUps.length === 0 ? (
        <p>{say('quality.followUpsNone')}</p>
      ) : (
        <>
          {view.followUpsMore && <p className="qc-prev">{say('quality.followUpsNewest', { shown: view.followUps.length })}</p>}
          <table data-testid="central-follow-ups">
            <thead>
              <tr>
                <th scope="col" className="qc-name">
                  {say('quality.office')}
                </th>
                <th scope="col">{say('quality.day')}</th>
                <th scope="col">{say('quality.ticket')}</th>
                <th scope="col" className="qc-name">
                  {say('quality.service')}
                </th>
                <th scope="col">{say('quality.operator')}</th>
                <th scope="col">{say('quality.desk')}</th>
                <th scope="col">{say('quality.wait')}</th>
                <th scope="col" className="qc-name">
                  {say('quality.outcome')}
                </th>
                <th scope="col">{say('quality.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {view.followUps.map((f) => (
                <tr key={`${f.officeId}/${f.ticketId}`} data-testid="central-follow-up" data-office={f.officeId} data-ticket={f.ticketId} data-rating={f.rating}>
                  <th scope="row">{officeName.get(f.officeId) ?? f.officeId}</th>
                  <td>{dayText(f.officeDay)}</td>
                  <td>{f.ticketNumber}</td>
                  <td className="qc-name">{view.services[f.serviceId]?.name ?? f.serviceId}</td>
                  <td>{f.operatorId ?? '—'}</td>
                  <td>{f.deskId ?? '—'}</td>
                  <td>{decimal(f.waitMinutes === undefined ? null : Math.round(f.waitMinutes * 10) / 10)}</td>
                  <td className="qc-name">{f.outcomeId ? outcomeName(f.outcomeId) : '—'}</td>
                  <td>{f.rating}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
