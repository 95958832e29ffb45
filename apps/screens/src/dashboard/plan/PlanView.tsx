import type { DayLunch, PlannedLunchOption } from '@talon/domain';
import type { AcceptedDaySchedule, PlanView as PlanAnswer } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { DayInput } from '../../shared/DayInput.js';
import { dayText } from '../../shared/day-text.js';
import { sendCommand } from '../../shared/connection.js';
import { useLanguage } from '../../shared/language.js';
import { formatTime } from '../../shared/office-time.js';
import { refusalText } from '../../shared/refusal-text.js';
import { ChartFigure, type ChartSeries } from '../charts/ChartFigure.js';
import { formatPlanShare, formatTenths, formatWholeMinutes, weekdayDayText } from './plan-figures.js';
import './plan.css';

const CHART_HEIGHT = 140;

/**
 * The head's «План на завтра»: the visitors expected per hour from the same weekday of past weeks,
 * the desks needed each hour (Erlang C) against the desks the lunches leave on duty, and the lunch
 * options played forward with each one's expected share within the standard. «Принять план» (with
 * a confirmation) makes the chosen option that date's schedule.
 *
 * Stable hooks for tests: `[data-testid="plan-view"]` with `data-date`; `plan-hour` rows with
 * `data-hour` and cells `plan-arrivals`, `plan-needed`, `plan-on-duty` carrying `data-value`;
 * `plan-option` with `data-index`, `data-share`, `data-current`, `data-selected`;
 * `plan-accepted` once the date has an accepted schedule.
 */
export function PlanView({ socket }: { socket: Socket | null }) {
  const { t, language } = useLanguage();
  const [asked, setAsked] = useState<string | undefined>(undefined);
  const [dateText, setDateText] = useState('');
  const [answer, setAnswer] = useState<PlanAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [acceptError, setAcceptError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const ack = await sendCommand<PlanAnswer>(socket, 'dashboard:plan', asked ? { date: asked } : {}, 60_000);
    if (ack.ok) {
      setAnswer(ack);
      setSelected(0);
      setDateText(ack.plan.date);
    } else setError(refusalText(t, ack, true));
  }, [socket, asked, t]);

  useEffect(() => {
    void load();
  }, [load]);

  const plan = answer?.plan;
  const option = plan?.options[selected];
  const operatorName = useCallback((id: string) => answer?.operators[id] ?? id, [answer]);
  const lunchesText = (lunches: readonly DayLunch[]) =>
    lunches.map((l) => t('plan.lunch', { name: operatorName(l.operatorId), from: l.from, to: l.to })).join('; ');

  const accept = useCallback(async () => {
    if (!plan || !option) return;
    setAcceptError(null);
    const ack = await sendCommand<{ accepted: AcceptedDaySchedule }>(socket, 'dashboard:accept-plan', {
      date: plan.date,
      lunches: option.lunches,
      expectedShare: option.expectedShare,
    });
    setConfirming(false);
    if (!ack.ok) setAcceptError(refusalText(t, ack));
    else await load();
  }, [socket, plan, option, t, load]);

  const hours = useMemo(() => plan?.byHour.map((h) => `${h.hour}:00`) ?? [], [plan]);
  const arrivalsSeries = useMemo<ChartSeries[]>(
    () => (plan ? [{ label: t('plan.arrivals'), kind: 'bars', color: 'issued', values: plan.byHour.map((h) => Math.round(h.total * 10) / 10) }] : []),
    [plan, t],
  );
  const desksSeries = useMemo<ChartSeries[]>(
    () =>
      plan && option
        ? [
            { label: t('plan.desksNeeded'), kind: 'bars', color: 'issued', values: plan.byHour.map((h) => h.need.desks) },
            { label: t('plan.desksOnDuty'), kind: 'line', color: 'served', values: option.desksOnDuty.map((d) => Math.round(d * 10) / 10) },
          ]
        : [],
    [plan, option, t],
  );

  if (error) {
    return (
      <p role="alert" className="dash-alert dash-alert--device">
        {t('plan.failed', { message: error })}
      </p>
    );
  }
  if (!answer || !plan) return <p className="plan-loading">{t('plan.loading')}</p>;
  const day = weekdayDayText(plan.date, language);
  const serviceName = (id: string) => (language === 'en' ? answer.services[id]?.nameEn : undefined) ?? answer.services[id]?.name ?? id;
  const dayTotals = Object.keys(answer.services)
    .map((id) => [id, plan.byHour.reduce((sum, h) => sum + (h.byService[id] ?? 0), 0)] as const)
    .filter(([, n]) => n > 0);

  return (
    <div className="plan" data-testid="plan-view" data-date={plan.date}>
      <div className="plan-head">
        <div>
          <h2 className="plan-title">{t('plan.title', { day })}</h2>
          <p className="plan-note">
            {plan.sampleDates.length > 0
              ? t('plan.history', { count: plan.sampleDates.length, dates: plan.sampleDates.map(dayText).join(', ') })
              : t('plan.historyNone')}
            {plan.skipped.length > 0 && ` ${t('plan.skipped', { dates: plan.skipped.map((s) => t(`plan.skipped.${s.reason}`, { date: dayText(s.date) })).join(', ') })}`}
          </p>
        </div>
        <form
          className="plan-date"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked(dateText || undefined);
          }}
        >
          <label htmlFor="plan-date">{t('plan.date')}</label>
          <DayInput id="plan-date" value={dateText} onChange={setDateText} placeholder={t('date.placeholder')} invalidText={t('date.invalid')} />
          <button type="submit" className="dash__quiet">
            {t('plan.show')}
          </button>
        </form>
      </div>
      {plan.closed ? (
        <p className="plan-note">{t('plan.closed')}</p>
      ) : (
        <div className="plan-grid">
          <section className="dash-panel" aria-labelledby="plan-charts-title">
            <h3 id="plan-charts-title" className="plan-figure">
              {t('plan.expectedVisitors')}: <strong data-testid="plan-expected-visitors" data-value={plan.expectedVisitors}>{formatTenths(plan.expectedVisitors, language)}</strong>
            </h3>
            <p className="plan-note">{t('plan.target', { share: formatPlanShare(plan.targetShare, language), minutes: plan.standardMinutes })}</p>
            <ChartFigure title={t('plan.chartArrivals')} testId="plan-chart-arrivals" xLabels={hours} xTitle={t('chart.hour')} series={arrivalsSeries} height={CHART_HEIGHT} />
            <ChartFigure title={t('plan.chartDesks')} testId="plan-chart-desks" xLabels={hours} xTitle={t('chart.hour')} series={desksSeries} height={CHART_HEIGHT} />
          </section>
          <section className="dash-panel" aria-labelledby="plan-hours-title">
            <h3 id="plan-hours-title">{t('plan.hoursTitle')}</h3>
            <table className="dash-table plan-hours">
              <thead>
                <tr>
                  <th scope="col">{t('plan.hour')}</th>
                  <th scope="col">{t('plan.arrivals')}</th>
                  <th scope="col">{t('plan.desksNeeded')}</th>
                  <th scope="col">{t('plan.desksOnDuty')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.byHour.map((h, i) => {
                  const onDuty = option?.desksOnDuty[i] ?? 0;
                  return (
                    <tr key={h.hour} data-testid="plan-hour" data-hour={h.hour} className={onDuty + 1e-9 < h.need.desks ? 'plan-short' : undefined}>
                      <th scope="row">{`${h.hour}:00`}</th>
                      <td data-testid="plan-arrivals" data-value={h.total} title={Object.entries(h.byService).map(([id, n]) => `${serviceName(id)}: ${formatTenths(n, language)}`).join('\n')}>
                        {formatTenths(h.total, language)}
                      </td>
                      <td data-testid="plan-needed" data-value={h.need.desks}>
                        {h.need.desks}
                      </td>
                      <td data-testid="plan-on-duty" data-value={onDuty}>
                        {formatTenths(onDuty, language)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="plan-note">{dayTotals.map(([id, n]) => `${serviceName(id)}: ${formatTenths(n, language)}`).join(' · ')}</p>
            {plan.pools.length > 1 && <p className="plan-note">{t('plan.pools', { pools: plan.pools.filter((p) => p.deskIds.length > 0).map((p) => p.serviceIds.map(serviceName).join(' + ')).join('; ') })}</p>}
          </section>
          <section className="dash-panel" aria-labelledby="plan-options-title">
            <h3 id="plan-options-title">{t('plan.optionsTitle')}</h3>
            <p className="plan-note">{t('plan.optionsHint', { days: plan.simulatedDays })}</p>
            <fieldset className="plan-options">
              <legend className="visually-hidden">{t('plan.optionsTitle')}</legend>
              {plan.options.map((o, index) => (
                <OptionRow key={index} option={o} index={index} selected={index === selected} onSelect={() => setSelected(index)} lunches={lunchesText(o.lunches)} />
              ))}
            </fieldset>
            {answer.accepted && (
              <p className="plan-accepted" data-testid="plan-accepted">
                {t('plan.accepted', { day: dayText(answer.accepted.date), name: answer.accepted.acceptedBy.name, at: formatTime(answer.accepted.acceptedAt, answer.timeZone) })}
              </p>
            )}
            {acceptError && (
              <p role="alert" className="dash-alert dash-alert--device">
                {t('plan.acceptFailed', { message: acceptError })}
              </p>
            )}
            {confirming && option ? (
              <div role="alertdialog" aria-modal="false" aria-labelledby="plan-confirm-title" aria-describedby="plan-confirm-text" className="plan-confirm">
                <p id="plan-confirm-title" className="plan-confirm__title">
                  {t('plan.confirmTitle', { day: dayText(plan.date) })}
                </p>
                <p id="plan-confirm-text">{t('plan.confirmText', { n: selected + 1 })}</p>
                <div className="plan-actions">
                  <button type="button" className="plan-primary" onClick={() => void accept()}>
                    {t('plan.confirm')}
                  </button>
                  <button type="button" className="dash__quiet" onClick={() => setConfirming(false)}>
                    {t('plan.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <div className="plan-actions">
                <button type="button" className="plan-primary" onClick={() => setConfirming(true)} disabled={!option}>
                  {t('plan.accept')}
                </button>
              </div>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function OptionRow({ option, index, selected, onSelect, lunches }: { option: PlannedLunchOption; index: number; selected: boolean; onSelect: () => void; lunches: string }) {
  const { t, language } = useLanguage();
  const id = `plan-option-${index}`;
  return (
    <div
      className={`plan-option${selected ? ' plan-option--selected' : ''}`}
      data-testid="plan-option"
      data-index={index}
      data-share={option.expectedShare}
      data-current={option.current ? 'yes' : 'no'}
      data-selected={selected ? 'yes' : 'no'}
    >
      <input type="radio" name="plan-option" id={id} checked={selected} onChange={onSelect} />
      <label htmlFor={id}>
        <span className="plan-option__head">
          <strong>{t('plan.option', { n: index + 1 })}</strong>
          {index === 0 && <span className="plan-badge">{t('plan.optionBest')}</span>}
          {option.current && <span className="plan-badge plan-badge--current">{t('plan.optionCurrent')}</span>}
          <span className="plan-option__share" data-testid="plan-option-share">
            {t('plan.optionShare', { share: formatPlanShare(option.expectedShare, language) })}
          </span>
          <span className="plan-option__wait">{t('plan.optionWait', { minutes: formatTenths(option.meanWaitMin, language), longest: formatWholeMinutes(option.longestWaitMin) })}</span>
        </span>
        <span className="plan-option__lunches">{lunches || '—'}</span>
      </label>
    </div>
  );
}
