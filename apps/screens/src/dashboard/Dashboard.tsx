import { inLanguage, nameIn, type Language } from '@talon/messages';
import type { MessageKey } from '@talon/messages';
import type { DashboardAlert, DashboardState, DeviceAlert, DeviceHealthView } from '@talon/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DayInput } from '../shared/DayInput.js';
import { dayText } from '../shared/day-text.js';
import { LinkBanner } from '../shared/LinkBanner.js';
import { sendCommand, useLoggedOutOnRefusal, useOfficeLink, useServerEvent } from '../shared/connection.js';
import { useLanguage } from '../shared/language.js';
import { formatTime } from '../shared/office-time.js';
import type { OperatorSession } from '../shared/session.js';
import { DesksPanel, DeviceAlarms, DevicesPanel, QueuePanel, UnservedAlarms } from './Panels.js';
import { LoadChart, WaitsChart } from './HourCharts.js';
import { OperatorsPanel } from './OperatorsPanel.js';
import { RatingsPanel } from './RatingsPanel.js';
import { WaitAccuracyPanel } from './WaitAccuracyPanel.js';
import { QualityView } from './quality/QualityView.js';
import { PlanView } from './plan/PlanView.js';
import { deviceAlarm, formatMinutes, formatShare } from './figures.js';
import { downloadTicketsCsv } from './tickets-csv.js';
import { refusalText } from '../shared/refusal-text.js';

const MOST_ALERTS = 5;

export function Dashboard({ session, onLoggedOut }: { session: OperatorSession; onLoggedOut: () => void }) {
  const { t, language } = useLanguage();
  const auth = useMemo(() => ({ session: session.session }), [session.session]);
  const { socket, link, refusal } = useOfficeLink('dashboard', auth);
  const [state, setState] = useState<DashboardState | null>(null);
  const [alerts, setAlerts] = useState<DashboardAlert[]>([]);
  const [exportError, setExportError] = useState<string | null>(null);
  const [tab, setTab] = useState<'today' | 'quality' | 'plan'>('today');

  useEffect(() => {
    if (link !== 'online' || !socket) return;
    let current = true;
    void sendCommand<{ state: DashboardState }>(socket, 'dashboard:snapshot').then((ack) => {
      if (current && ack.ok) setState(ack.state);
    });
    return () => {
      current = false;
    };
  }, [link, socket]);

  useLoggedOutOnRefusal(link, refusal, onLoggedOut);

  useServerEvent<DashboardState>(socket, 'dashboard:state', setState);
  useServerEvent<DashboardAlert>(socket, 'dashboard:alert', (alert) => setAlerts((list) => [alert, ...list].slice(0, MOST_ALERTS)));

  const [exportDay, setExportDay] = useState('');
  const exportCsv = useCallback(async () => {
    setExportError(null);
    // An empty or today's date is the office's today, as the server counts it.
    const result = await downloadTicketsCsv(session.session, exportDay && exportDay !== state?.day ? exportDay : undefined);
    if (!result.ok) setExportError(refusalText(t, result));
  }, [session.session, t, exportDay, state?.day]);

  const closeDesk = useCallback(
    async (deskId: string) => {
      if (!socket) return null;
      const ack = await sendCommand(socket, 'dashboard:close-desk', { deskId });
      return ack.ok ? null : refusalText(t, ack);
    },
    [socket, t],
  );

  const totals = state?.totals;
  const timeZone = state?.office.timeZone ?? 'Europe/Moscow';
  // A device alert is news while the device is still in trouble; once it recovers the news is stale.
  const shownAlerts = alerts.filter((alert) => alert.kind !== 'device' || !state || stillInTrouble(alert, state.devices));
  const covered = new Set(shownAlerts.flatMap((alert) => (alert.kind === 'device' ? [`${alert.deviceKind}:${alert.deviceId}`] : [])));

  return (
    <div className={`dash${tab === 'today' ? ' dash--live' : ''}`}>
      <header className="dash__top">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="dash__office">
            {state ? `${nameIn(state.office, language)} · ${t('dashboard.day', { day: dayText(state.day) })} · ${formatTime(state.office.serverTime, timeZone)}` : ''}
          </p>
        </div>
        <div className="dash__actions">
          <label className="dash__day" htmlFor="dash-export-day">
            {t('dashboard.exportDay')}
          </label>
          <DayInput
            id="dash-export-day"
            value={exportDay || state?.day || ''}
            onChange={setExportDay}
            placeholder={t('date.placeholder')}
            invalidText={t('date.invalid')}
          />
          <button type="button" onClick={() => void exportCsv()} disabled={!state}>
            {t('dashboard.export')}
          </button>
          <button type="button" className="dash__quiet" onClick={onLoggedOut}>
            {t('login.logout')} ({session.operator.name})
          </button>
        </div>
      </header>
      <LinkBanner link={link} refusal={refusal} />
      {exportError && (
        <p role="alert" className="dash-alert dash-alert--device">
          {t('dashboard.exportFailed', { message: exportError })}
        </p>
      )}
      {/* On the live view the alarms keep to a strip of their own and scroll there; focusable, so a keyboard scrolls it too. */}
      <div aria-live="assertive" className="dash__alerts" role="region" aria-label={t('dashboard.alertsLabel')} tabIndex={0}>
        {shownAlerts.map((alert, index) => (
          <div key={`${alert.at}-${index}`} role="alert" className={`dash-alert dash-alert--${alert.kind}`} data-testid="dashboard-alert" data-kind={alert.kind}>
            <span>
              {formatTime(alert.at, timeZone)} · {alertText(alert, t, language)}
            </span>
            <button type="button" className="dash__quiet" onClick={() => setAlerts((list) => list.filter((a) => a !== alert))}>
              {t('dashboard.dismiss')}
            </button>
          </div>
        ))}
        {state && <UnservedAlarms queue={state.queue} />}
        {state && <DeviceAlarms devices={state.devices} covered={covered} timeZone={timeZone} />}
      </div>

      <nav className="quality-switch dash__tabs" aria-label={t('dashboard.title')}>
        <button type="button" aria-pressed={tab === 'today'} onClick={() => setTab('today')}>
          {t('quality.tabToday')}
        </button>
        <button type="button" aria-pressed={tab === 'quality'} onClick={() => setTab('quality')}>
          {t('quality.tabQuality')}
        </button>
        <button type="button" aria-pressed={tab === 'plan'} onClick={() => setTab('plan')}>
          {t('plan.tab')}
        </button>
      </nav>
      {tab === 'plan' && state && <PlanView socket={socket} />}
      {tab === 'quality' && state && <QualityView socket={socket} today={state.day} canMark={session.operator.roles.includes('head')} />}
      {tab === 'today' && state && totals && (
        <main className="dash__main">
          <section className="dash-tiles" aria-label={t('dashboard.title')}>
            <Tile label={t('dashboard.waitingNow')} value={String(totals.waitingNow)} testId="waiting-now" />
            <Tile label={t('dashboard.longestWait')} value={t('dashboard.minutes', { value: totals.longestWaitNowMin })} warn={totals.longestWaitNowMin > state.waitingStandardMinutes} />
            <Tile label={t('dashboard.averageWait')} value={totals.averageWaitMin === null ? '—' : t('dashboard.minutes', { value: formatMinutes(totals.averageWaitMin, language) })} />
            <Tile label={t('dashboard.withinStandard', { minutes: state.waitingStandardMinutes })} value={formatShare(totals.withinStandardShare)} />
            <Tile label={t('dashboard.bookingsWithinStandard', { minutes: state.bookingStandardMinutes })} value={formatShare(totals.bookings.withinStandardShare)} />
            <Tile label={t('dashboard.issued')} value={String(totals.issued)} testId="issued-count" />
            <Tile label={t('dashboard.served')} value={String(totals.served)} testId="served-count" />
            <Tile label={t('dashboard.noShow')} value={String(totals.noShow)} testId="no-show-count" />
            <Tile
              label={t('dashboard.priorityUnconfirmed')}
              value={String(totals.priorityUnconfirmed)}
              warn={totals.priorityUnconfirmed > 0}
              testId="priority-unconfirmed-count"
            />
          </section>
          {/* Three columns on a head's monitor (dashboard.css); each panel scrolls inside its column when its list is long. */}
          <div className="dash-col">
            <QueuePanel queue={state.queue} standardMinutes={state.waitingStandardMinutes} />
            <DesksPanel desks={state.desks} />
            <OperatorsPanel operators={state.operators} desks={state.desks} onCloseDesk={closeDesk} />
          </div>
          <div className="dash-col">
            <section className="dash-panel" tabIndex={0} aria-labelledby="waits-title">
              <h2 id="waits-title">{t('dashboard.chartWaits')}</h2>
              <WaitsChart loads={state.hours} open={state.openHours} standardMinutes={state.waitingStandardMinutes} />
            </section>
            <section className="dash-panel" tabIndex={0} aria-labelledby="load-title">
              <h2 id="load-title">{t('dashboard.chartLoad')}</h2>
              <LoadChart loads={state.hours} open={state.openHours} />
            </section>
            <WaitAccuracyPanel accuracy={state.waitAccuracy} />
          </div>
          <div className="dash-col">
            <RatingsPanel ratings={state.ratings} timeZone={timeZone} />
            <DevicesPanel devices={state.devices} central={state.central} timeZone={timeZone} />
          </div>
        </main>
      )}
    </div>
  );
}

function Tile({ label, value, testId, warn = false }: { label: string; value: string; testId?: string; warn?: boolean }) {
  return (
    <div className={`dash-tile${warn ? ' dash-tile--warn' : ''}`}>
      <span className="dash-tile__label">{label}</span>
      <span className="dash-tile__value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

function alertText(alert: DashboardAlert, t: Translate, language: Language): string {
  switch (alert.kind) {
    case 'low-rating':
      return t('dashboard.alertLowRating', {
        message: t('dashboard.lowRatingDetail', { ticket: alert.ticketNumber, desk: alert.deskNumber, value: alert.value }),
      });
    case 'device':
      return t('dashboard.alertDevice', {
        message: t('dashboard.deviceAlertDetail', {
          kind: t(`dashboard.deviceKind.${alert.deviceKind}`),
          name: inLanguage(alert.deviceName, alert.deviceNameEn, language),
          status: t(`dashboard.deviceStatus.${alert.status}`),
        }),
      });
  }
}

function stillInTrouble(alert: DeviceAlert, devices: readonly DeviceHealthView[]): boolean {
  const device = devices.find((d) => d.kind === alert.deviceKind && d.id === alert.deviceId);
  if (!device) return true;
  const alarm = deviceAlarm(device);
  return alarm === 'alarm' || alarm === 'offline';
}
