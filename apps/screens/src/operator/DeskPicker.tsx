import { nameIn } from '@talon/messages';
import type { OperatorState } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { serviceNamer } from './service-names.js';

/** One button per desk, named by the desk alone; what it serves and who sits there is its description. */
export function DeskPicker({ state, busy, onOpen }: { state: OperatorState; busy: boolean; onOpen: (deskId: string) => void }) {
  const { t, language } = useLanguage();
  const nameOf = serviceNamer(state.services, language);
  return (
    <section className="op-picker" aria-labelledby="op-picker-title">
      <h2 id="op-picker-title">{t('operator.pickDesk')}</h2>
      <p className="op-muted">{t('operator.pickDeskHint')}</p>
      <ul>
        {state.desks.map((desk) => {
          const taken = desk.status !== 'closed';
          const detailsId = `op-desk-${desk.id}-details`;
          return (
            <li key={desk.id}>
              <button type="button" disabled={busy || taken} aria-describedby={detailsId} onClick={() => onOpen(desk.id)}>
                {nameIn(desk, language)}
              </button>
              <span id={detailsId} className="op-muted">
                {taken ? t('operator.deskTaken', { name: desk.operatorName ?? '' }) : t('operator.deskFree')}
                {' · '}
                {t('operator.deskServices', { services: desk.serviceIds.map((id) => nameOf(id)).join(', ') })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
