import { PAUSE_REASONS } from '@talon/domain';
import { WEEKDAY_KEYS, type WeekdayKey } from '@talon/protocol';
import { useId } from 'react';
import { useLanguage } from '../shared/language.js';
import { officeDate } from '../shared/office-time.js';
import { dayHours, fieldKey, withDayHours, withNewBreak, withNewHoliday, withNewSpecialDay } from './config-form.js';
import { awayWhileOpen } from './break-coverage.js';
import { useDraft } from './draft.js';
import { CheckField, DayField, ListProblems, NumberField, RemoveItemButton, SelectField, TextField } from './fields.js';

export function ScheduleSection() {
  const { t } = useLanguage();
  const { config, replace } = useDraft();
  const away = awayWhileOpen(config);
  return (
    <section aria-labelledby="ad-schedule-title" className="ad-section">
      <h2 id="ad-schedule-title">{t('admin.tab.schedule')}</h2>
      <fieldset className="ad-card">
        <legend>{t('admin.officeHeading')}</legend>
        <div className="ad-grid">
          <TextField label={t('admin.field.officeName')} path={['office', 'name']} wide />
          <TextField label={t('admin.field.officeNameEn')} path={['office', 'nameEn']} optional wide />
          <TextField label={t('admin.field.address')} path={['office', 'address']} optional wide />
          <TextField label={t('admin.field.addressEn')} path={['office', 'addressEn']} optional wide />
          <TextField label={t('admin.field.timeZone')} path={['office', 'timeZone']} />
          <CheckField label={t('admin.field.alwaysOpen')} path={['office', 'alwaysOpen']} />
          <NumberField label={t('admin.field.waitingStandard')} path={['rules', 'waitingStandardMinutes']} />
          <NumberField label={t('admin.field.issueUntil')} path={['issuing', 'untilMinutesBeforeClose']} />
        </div>
      </fieldset>

      <fieldset className="ad-card">
        <legend>{t('admin.hoursHeading')}</legend>
        <table className="ad-table">
          <tbody>
            {WEEKDAY_KEYS.map((day) => (
              <DayRow key={day} day={day} />
            ))}
          </tbody>
        </table>
      </fieldset>

      <fieldset className="ad-card">
        <legend>{t('admin.holidaysHeading')}</legend>
        <ListProblems path={['holidays']} />
        <div className="ad-inline">
          {config.holidays.map((_date, index) => (
            <div key={index} className="ad-inline">
              <DayField label={t('admin.field.holiday', { n: index + 1 })} path={['holidays', index]} />
              <RemoveItemButton list="holidays" index={index} label={t('admin.removeHoliday', { n: index + 1 })} />
            </div>
          ))}
        </div>
        <button type="button" className="ad-small" onClick={() => replace((c) => withNewHoliday(c, officeDate(Date.now(), c.office.timeZone)))}>
          {t('admin.addHoliday')}
        </button>
      </fieldset>

      <fieldset className="ad-card">
        <legend>{t('admin.specialDaysHeading')}</legend>
        <p className="ad-note">{t('admin.specialDaysHint')}</p>
        <ListProblems path={['specialDays']} />
        {config.specialDays.map((_day, index) => (
          <div key={index} className="ad-inline ad-row">
            <DayField label={t('admin.field.specialDate', { n: index + 1 })} path={['specialDays', index, 'date']} />
            <TextField label={t('admin.field.from')} path={['specialDays', index, 'open']} />
            <TextField label={t('admin.field.to')} path={['specialDays', index, 'close']} />
            <RemoveItemButton list="specialDays" index={index} label={t('admin.removeSpecialDay', { n: index + 1 })} />
          </div>
        ))}
        <button type="button" className="ad-small" onClick={() => replace((c) => withNewSpecialDay(c, officeDate(Date.now(), c.office.timeZone)))}>
          {t('admin.addSpecialDay')}
        </button>
      </fieldset>

      <fieldset className="ad-card">
        <legend>{t('admin.breaksHeading')}</legend>
        <ListProblems path={['breaks']} />
        {config.breaks.map((entry, index) => (
          <div key={index} className="ad-inline ad-row">
            <SelectField
              label={t('admin.field.breakOperator', { n: index + 1 })}
              path={['breaks', index, 'operatorId']}
              options={config.operators.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextField label={t('admin.field.from')} path={['breaks', index, 'from']} />
            <TextField label={t('admin.field.to')} path={['breaks', index, 'to']} />
            <SelectField
              label={t('admin.field.reason')}
              path={['breaks', index, 'reason']}
              options={PAUSE_REASONS.map((r) => ({ value: r, label: t(`operator.reason.${r}`) }))}
            />
            <RemoveItemButton list="breaks" index={index} label={t('admin.removeBreak', { n: index + 1 })} />
          </div>
        ))}
        <button type="button" className="ad-small" onClick={() => replace(withNewBreak)}>
          {t('admin.addBreak')}
        </button>
        {/* Read from the draft, so the administrator sees the effect before saving. */}
        {away.length === 0 ? (
          <p className="ad-note" data-testid="break-coverage" data-away="no">
            {t('admin.breaksStaggered')}
          </p>
        ) : (
          <div className="ad-field-problem" role="status" data-testid="break-coverage" data-away="yes">
            <p>{t('admin.breaksAllAway')}</p>
            <ul>
              {away.map((w) => (
                <li key={`${w.from}-${w.to}`}>
                  {w.from}–{w.to}: {w.days.map((day) => t(`admin.day.${day}`)).join(', ')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>
    </section>
  );
}

function DayRow({ day }: { day: WeekdayKey }) {
  const { t } = useLanguage();
  const { config, replace, problems } = useDraft();
  const hours = dayHours(config, day);
  const id = useId();
  const found = [...problems.entries()].filter(([field]) => field.startsWith(fieldKey(['hours', day]))).flatMap(([, texts]) => texts);
  const set = (change: Partial<typeof hours>) => replace((c) => withDayHours(c, day, { ...hours, ...change }));
  const dayName = t(`admin.day.${day}`);
  return (
    <tr data-field={fieldKey(['hours', day])}>
      <th scope="row">{dayName}</th>
      <td>
        <input id={`${id}-open`} type="checkbox" checked={hours.open} onChange={(e) => set({ open: e.target.checked })} />
        <label htmlFor={`${id}-open`}>{t('admin.dayOpen')}</label>
      </td>
      <td>
        <input
          aria-label={t('admin.dayFrom', { day: dayName })}
          value={hours.from}
          disabled={!hours.open}
          className="ad-narrow"
          onChange={(e) => set({ from: e.target.value })}
        />
        {' – '}
        <input
          aria-label={t('admin.dayTo', { day: dayName })}
          value={hours.to}
          disabled={!hours.open}
          className="ad-narrow"
          onChange={(e) => set({ to: e.target.value })}
        />
      </td>
      <td>{found.length > 0 && <span className="ad-field-problem">{found.join('; ')}</span>}</td>
    </tr>
  );
}
