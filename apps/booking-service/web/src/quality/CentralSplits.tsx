import type { SatisfactionSplit } from '@talon/domain';
import type { MessageKey } from '@talon/messages';
import type { CentralQualityView } from '@talon/protocol';
import { useState } from 'react';

type Say = (key: MessageKey, params?: Record<string, string | number>) => string;

const SPLITS: SatisfactionSplit[] = ['service', 'operator', 'desk', 'hour', 'waitBand'];

const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);

/**
 * The company's ratings by service, operator, desk, hour of call and wait band, as the office
 * head's view splits them. Operators and desks are each office's own, so they are named with
 * their office (central knows neither operators' names nor desk numbers: ids are shown).
 */
export function CentralSplits({ view, say, decimal }: { view: CentralQualityView; say: Say; decimal: (value: number | null) => string }) {
  const [split, setSplit] = useState<SatisfactionSplit>('service');
  const officeName = new Map(view.offices.map((o) => [o.officeId, o.name]));
  const label = (key: string) => {
    switch (split) {
      case 'service':
        return view.services[key]?.name ?? key;
      case 'operator':
      case 'desk': {
        const at = key.indexOf(':');
        return `${officeName.get(key.slice(0, at)) ?? key.slice(0, at)}: ${key.slice(at + 1)}`;
      }
      case 'hour':
        return say('quality.hour', { hour: key });
      case 'waitBand':
        return say('quality.waitBandName', { band: key });
    }
  };
  return (
    <section className="qc-panel" tabIndex={0} aria-labelledby="qc-splits">
      <h2 id="qc-splits">
        {say('quality.splits')}
        <span className="qc-switch">
          {SPLITS.map((s) => (
            <button key={s} type="button" aria-pressed={split === s} data-split={s} onClick={() => setSplit(s)}>
              {say(`quality.split.${s}` as 'quality.split.service')}
            </button>
          ))}
        </span>
      </h2>
      <table data-testid="central-quality-splits" data-split={split}>
        <thead>
          <tr>
            <th scope="col" className="qc-name">
              {say('quality.name')}
            </th>
            <th scope="col">{say('quality.served')}</th>
            <th scope="col">{say('quality.rated')}</th>
            <th scope="col">{say('quality.satisfiedShare')}</th>
            <th scope="col">{say('quality.meanRating')}</th>
          </tr>
        </thead>
        <tbody>
          {view.company.splits[split].map(({ key, satisfaction: s }) => (
            <tr key={key} data-key={key} data-served={s.served} data-rated={s.rated} data-satisfied-share={s.satisfiedShare ?? ''}>
              <th scope="row">{label(key)}</th>
              <td>{s.served}</td>
              <td>{s.rated}</td>
              <td>{share(s.satisfiedShare)}</td>
              <td>{decimal(s.meanRating)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
