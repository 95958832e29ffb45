import { nameIn } from '@talon/messages';
import { TICKET_PREFIXES } from '@talon/domain';
import { useLanguage } from '../shared/language.js';
import { withNewService } from './config-form.js';
import { useDraft } from './draft.js';
import { CheckField, ListProblems, NumberField, RemoveItemButton, SelectField, TextField } from './fields.js';

export function ServicesSection() {
  const { t, language } = useLanguage();
  const { config, replace, edit } = useDraft();
  const groups = config.serviceGroups.map((g) => ({ value: g.id, label: nameIn(g, language) }));
  return (
    <section aria-labelledby="ad-services-title" className="ad-section">
      <h2 id="ad-services-title">{t('admin.tab.services')}</h2>
      <ListProblems path={['services']} />
      {config.services.map((service, index) => {
        const at = ['services', index] as const;
        return (
          <fieldset key={index} className="ad-card">
            <legend>
              {service.prefix} · {nameIn(service, language)} <span className="ad-id">({service.id})</span>
            </legend>
            <div className="ad-card__head">
              <RemoveItemButton
                list="services"
                index={index}
                label={t('admin.removeService', { name: service.name })}
                confirm={t('admin.removeServiceConfirm', { name: service.name })}
              />
            </div>
            <div className="ad-grid">
              <TextField label={t('admin.field.id')} path={[...at, 'id']} />
              <TextField label={t('admin.field.name')} path={[...at, 'name']} wide />
              <TextField label={t('admin.field.nameEn')} path={[...at, 'nameEn']} optional wide />
              <TextField label={t('admin.field.hint')} path={[...at, 'hint']} optional wide />
              <TextField label={t('admin.field.hintEn')} path={[...at, 'hintEn']} optional wide />
              <SelectField label={t('admin.field.prefix')} path={[...at, 'prefix']} options={TICKET_PREFIXES.map((p) => ({ value: p, label: p }))} />
              <SelectField label={t('admin.field.group')} path={[...at, 'groupId']} options={groups} optional />
              <NumberField label={t('admin.field.normMinutes')} path={[...at, 'normMinutes']} />
              <CheckField label={t('admin.field.askAccountNumber')} path={[...at, 'askAccountNumber']} />
              <CheckField label={t('admin.field.bookable')} path={[...at, 'bookable']} />
              <NumberField label={t('admin.field.bookingSlotMinutes')} path={[...at, 'bookingSlotMinutes']} />
              <NumberField label={t('admin.field.bookingCapacity')} path={[...at, 'bookingCapacityPerSlot']} />
              <CheckField label={t('admin.field.requireOutcome')} path={[...at, 'finishRequires', 'outcome']} />
              <CheckField label={t('admin.field.requireDocumentCheck')} path={[...at, 'finishRequires', 'documentCheck']} />
            </div>
            <div className="ad-outcomes">
              <span className="ad-subhead">{t('admin.field.outcomes')}</span>
              {service.outcomes.map((outcome, o) => (
                <div key={o} className="ad-inline">
                  <TextField label={t('admin.field.outcomeName', { n: o + 1 })} path={[...at, 'outcomes', o, 'name']} wide />
                  <TextField label={t('admin.field.outcomeNameEn', { n: o + 1 })} path={[...at, 'outcomes', o, 'nameEn']} optional />
                  <button
                    type="button"
                    className="ad-small"
                    onClick={() => edit([...at, 'outcomes'], service.outcomes.filter((_, i) => i !== o))}
                    aria-label={t('admin.removeOutcome', { name: outcome.name })}
                  >
                    {t('admin.remove')}
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="ad-small"
                onClick={() => edit([...at, 'outcomes'], [...service.outcomes, { id: `outcome-${service.outcomes.length + 1}`, name: t('admin.newOutcome') }])}
              >
                {t('admin.addOutcome')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="ad-small" onClick={() => replace(withNewService)}>
        {t('admin.addService')}
      </button>

      <h3>{t('admin.groups')}</h3>
      <ListProblems path={['serviceGroups']} />
      {config.serviceGroups.map((group, index) => (
        <div key={index} className="ad-inline ad-row">
          <TextField label={t('admin.field.id')} path={['serviceGroups', index, 'id']} />
          <TextField label={t('admin.field.name')} path={['serviceGroups', index, 'name']} wide />
          <TextField label={t('admin.field.nameEn')} path={['serviceGroups', index, 'nameEn']} optional />
          <SelectField
            label={t('admin.field.parentGroup')}
            path={['serviceGroups', index, 'parentId']}
            options={config.serviceGroups.filter((g) => g.id !== group.id).map((g) => ({ value: g.id, label: g.name }))}
            optional
          />
          <RemoveItemButton list="serviceGroups" index={index} label={t('admin.removeNamed', { name: group.name })} />
        </div>
      ))}
      <button
        type="button"
        className="ad-small"
        onClick={() => replace((c) => ({ ...c, serviceGroups: [...c.serviceGroups, { id: `group-${c.serviceGroups.length + 1}`, name: t('admin.newGroup') }] }))}
      >
        {t('admin.addGroup')}
      </button>
    </section>
  );
}
