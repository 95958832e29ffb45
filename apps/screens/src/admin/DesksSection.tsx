import { nameIn } from '@talon/messages';
import { useId } from 'react';
import { useLanguage } from '../shared/language.js';
import { deskServiceIds, toggleDeskService, withNewDesk } from './config-form.js';
import { useDraft } from './draft.js';
import { ListProblems, NumberField, RemoveItemButton, SelectField, TextField } from './fields.js';

export function DesksSection() {
  const { t, language } = useLanguage();
  const { config, replace } = useDraft();
  return (
    <section aria-labelledby="ad-desks-title" className="ad-section">
      <h2 id="ad-desks-title">{t('admin.tab.desks')}</h2>
      <ListProblems path={['desks']} />
      {config.desks.map((desk, index) => (
        <fieldset key={index} className="ad-card">
          <legend>
            {nameIn(desk, language)} <span className="ad-id">({desk.id})</span>
          </legend>
          <div className="ad-grid">
            <TextField label={t('admin.field.id')} path={['desks', index, 'id']} />
            <NumberField label={t('admin.field.deskNumber')} path={['desks', index, 'number']} />
            <TextField label={t('admin.field.name')} path={['desks', index, 'name']} />
            <TextField label={t('admin.field.nameEn')} path={['desks', index, 'nameEn']} optional />
            <SelectField
              label={t('admin.field.servicePolicy')}
              path={['desks', index, 'servicePolicy']}
              options={[
                { value: 'weighted', label: t('admin.policy.weighted') },
                { value: 'order', label: t('admin.policy.order') },
              ]}
            />
          </div>
          <DeskServices deskIndex={index} />
          <RemoveItemButton list="desks" index={index} label={t('admin.removeNamed', { name: desk.name })} />
        </fieldset>
      ))}
      <button type="button" className="ad-small" onClick={() => replace(withNewDesk)}>
        {t('admin.addDesk')}
      </button>
    </section>
  );
}

/** One tick per service; the desk calls them in the order they were ticked. */
function DeskServices({ deskIndex }: { deskIndex: number }) {
  const { t } = useLanguage();
  const { config, edit, problems } = useDraft();
  const desk = config.desks[deskIndex]!;
  const served = new Set(deskServiceIds(desk));
  const groupId = useId();
  const deskProblems = [...problems.entries()].filter(([field]) => field.startsWith(`desks[${deskIndex}].services`)).flatMap(([field, texts]) => texts.map((text) => `${field}: ${text}`));
  return (
    <fieldset className="ad-services" aria-describedby={deskProblems.length ? `${groupId}-problem` : undefined}>
      <legend>{t('admin.field.deskServices', { desk: desk.name })}</legend>
      {config.services.map((service) => (
        <label key={service.id} className="ad-check">
          <input
            type="checkbox"
            checked={served.has(service.id)}
            onChange={(e) => edit(['desks', deskIndex], toggleDeskService(desk, service.id, e.target.checked))}
          />
          {service.prefix} · {service.name}
        </label>
      ))}
      {deskProblems.length > 0 && (
        <span id={`${groupId}-problem`} className="ad-field-problem" data-testid="field-problem">
          {deskProblems.join('; ')}
        </span>
      )}
    </fieldset>
  );
}
