import { inLanguage, nameIn } from '@talon/messages';
import type { CentralLinkView, DeskView, DeviceHealthView, ServiceQueueView } from '@talon/protocol';
import { useLanguage } from '../shared/language.js';
import { formatTime, officeDate } from '../shared/office-time.js';
import { deviceStatusKey } from './device-status.js';
import { deskActivity, deviceAlarm } from './figures.js';

export function QueuePanel({ queue, standardMinutes }: { queue: readonly ServiceQueueView[]; standardMinutes: number }) {
  const { t, language } = useLanguage();
  return (
    <section className="dash-panel" tabIndex={0} aria-labelledby="queue-title">
      <h2 id="queue-title">{t('dashboard.queue')}</h2>
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.service')}</th>
            <th scope="col">{t('dashboard.waitingCol')}</th>
            <th scope="col">{t('dashboard.longestCol')}</th>
            <th scope="col">{t('dashboard.servingCol')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.map((service) => (
            <tr key={service.serviceId} data-testid="queue-row" data-service={service.serviceId}>
              <th scope="row">
                {service.prefix} · {inLanguage(service.serviceName, service.serviceNameEn, language)}
              </th>
              <td>
                {service.waiting}
                {service.remote && (
                  <span className="dash-remote" data-testid="queue-remote">
                    {' '}
                    ({t('remote.queue', { waiting: service.remote.waiting, away: service.remote.away })})
                  </span>
                )}
              </td>
              <td className={service.longestWaitMin > standardMinutes ? 'dash-late' : undefined}>{service.longestWaitMin}</td>
              {/* People waiting and no desk open for them: staggered breaks went wrong, or a desk was left closed. */}
              {service.waiting > 0 && service.desksServing === 0 ? (
                <td className="dash-late" data-testid="nobody-serving">
                  0, {t('dashboard.nobodyServing')}
                </td>
              ) : (
                <td>{service.desksServing}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DesksPanel({ desks }: { desks: readonly DeskView[] }) {
  const { t, language } = useLanguage();
  return (
    <section className="dash-panel" tabIndex={0} aria-labelledby="desks-title">
      <h2 id="desks-title">{t('dashboard.desks')}</h2>
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.deskCol')}</th>
            <th scope="col">{t('dashboard.stateCol')}</th>
            <th scope="col">{t('dashboard.operatorCol')}</th>
            <th scope="col">{t('dashboard.ticketCol')}</th>
          </tr>
        </thead>
        <tbody>
          {desks.map((desk) => {
            const activity = deskActivity(desk);
            return (
              <tr key={desk.id} data-testid="desk-row" data-desk={desk.number} data-activity={activity}>
                <th scope="row">{nameIn(desk, language)}</th>
                <td>
                  <span className={`dash-desk dash-desk--${activity}`}>{t(`dashboard.deskStatus.${activity}`)}</span>
                </td>
                <td>{desk.operatorName ?? '—'}</td>
                <td>{desk.currentTicket?.number ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function DevicesPanel({ devices, central, timeZone }: { devices: readonly DeviceHealthView[]; central: CentralLinkView; timeZone: string }) {
  const { t, language } = useLanguage();
  return (
    <section className="dash-panel" tabIndex={0} aria-labelledby="devices-title">
      <h2 id="devices-title">{t('dashboard.devices')}</h2>
      {devices.length === 0 && <p>{t('dashboard.devicesNone')}</p>}
      <ul className="dash-devices">
        {devices.map((device) => {
          // Not heard since the server started is a question until it has been long enough to be missing.
          const alarm = device.missing ? 'offline' : device.status === 'never-seen' ? 'warning' : deviceAlarm(device);
          const neverHeard = device.status === 'never-seen' && device.lastSeenAt === undefined;
          return (
            <li
              key={`${device.kind}:${device.id}`}
              className={`dash-device dash-device--${alarm}`}
              data-testid="device-row"
              data-device={`${device.kind}:${device.id}`}
              data-alarm={alarm}
              data-missing={device.missing === true}
            >
              <span className="dash-device__name">
                {t(`dashboard.deviceKind.${device.kind}`)}: {nameIn(device, language)}
              </span>
              <span>
                {!neverHeard &&
                  (device.status === 'never-seen' ? deviceStatusText(device, t) : `${deviceStatusText(device, t)} · ${formatTime(device.since, timeZone)}`)}
                {!device.online && (
                  <span data-testid="device-last-seen">
                    {neverHeard ? '' : ' · '}
                    {device.lastSeenAt === undefined
                      ? t('dashboard.deviceNeverSeen')
                      : t('dashboard.deviceLastSeen', { time: seenTime(device.lastSeenAt, timeZone) })}
                  </span>
                )}
              </span>
            </li>
          );
        })}
        <CentralLinkRow central={central} timeZone={timeZone} />
      </ul>
    </section>
  );
}

/** The link that carries tickets and ratings up and bookings down; down is a warning, not an alarm: the office works on. */
function CentralLinkRow({ central, timeZone }: { central: CentralLinkView; timeZone: string }) {
  const { t, language } = useLanguage();
  const alarm = central.state === 'offline' ? 'warning' : 'ok';
  const parts =
    central.state === 'not-configured'
      ? [t('dashboard.centralNotConfigured')]
      : [
          central.state === 'online' ? t('dashboard.centralOnline') : t('dashboard.centralOffline'),
          central.unsent > 0 ? t('dashboard.centralUnsent', { count: central.unsent }) : t('dashboard.centralAllSent'),
          ...(central.lastAckedAt !== null ? [t('dashboard.centralLastAck', { time: formatTime(central.lastAckedAt, timeZone) })] : []),
        ];
  return (
    <li className={`dash-device dash-device--${alarm}`} data-testid="central-link-row" data-link={central.state} data-alarm={alarm}>
      <span className="dash-device__name">{t('dashboard.central')}</span>
      <span>{parts.join(' · ')}</span>
    </li>
  );
}

/**
 * Printers and rating buttons are what visitors touch: one that fails is a banner, not a table row.
 * A device whose trouble is already on screen as a fresh alert (`covered`, `kind:id`) is not said twice.
 */
export function DeviceAlarms({ devices, covered, timeZone }: { devices: readonly DeviceHealthView[]; covered: ReadonlySet<string>; timeZone: string }) {
  const { t, language } = useLanguage();
  // Printers and buttons alarm as soon as they fail; any device alarms once it has been missing a while.
  const failing = devices.filter((device) => {
    const alarm = deviceAlarm(device);
    const failed = (device.kind === 'printer' || device.kind === 'rating-button') && (alarm === 'alarm' || alarm === 'offline');
    return (failed || device.missing === true) && !covered.has(`${device.kind}:${device.id}`);
  });
  return (
    <>
      {failing.map((device) => (
        <p
          key={`${device.kind}:${device.id}`}
          role="alert"
          className="dash-alert dash-alert--device"
          data-testid="device-alarm"
          data-device={`${device.kind}:${device.id}`}
        >
          {t('dashboard.alertDevice', {
            message: t('dashboard.deviceAlertDetail', { kind: t(`dashboard.deviceKind.${device.kind}`), name: nameIn(device, language), status: missingText(device, timeZone, t) }),
          })}
        </p>
      ))}
    </>
  );
}

/**
 * A standing alarm while people wait for a service that no open desk serves (everyone for it at
 * lunch at once, or a desk left closed): it lasts as long as the state says so, like a device's.
 */
export function UnservedAlarms({ queue }: { queue: readonly ServiceQueueView[] }) {
  const { t, language } = useLanguage();
  return (
    <>
      {queue
        .filter((service) => service.waiting > 0 && service.desksServing === 0)
        .map((service) => (
          <p key={service.serviceId} role="alert" className="dash-alert dash-alert--device" data-testid="unserved-alarm" data-service={service.serviceId}>
            {t('dashboard.alertUnserved', { service: inLanguage(service.serviceName, service.serviceNameEn, language), count: service.waiting, minutes: service.longestWaitMin })}
          </p>
        ))}
    </>
  );
}

/** «закончилась бумага» rather than «неисправность (paper-end)»; a status without words keeps the verdict and shows itself. */
export function deviceStatusText(device: Pick<DeviceHealthView, 'kind' | 'online' | 'status'>, t: Translate): string {
  const key = deviceStatusKey(device.online || device.status === 'disconnected' || device.status === 'never-seen' ? device.status : 'offline');
  if (key) return t(key);
  const alarm = deviceAlarm(device);
  const verdict = alarm === 'offline' ? t('dashboard.deviceOffline') : alarm === 'alarm' ? t('dashboard.deviceAlarm') : t('dashboard.deviceOk');
  return t('dashboard.deviceStatusOther', { verdict, status: device.status });
}

type Translate = ReturnType<typeof useLanguage>['t'];

/** A missing device says since when; one never heard at all says that; else its status as usual. */
function missingText(device: DeviceHealthView, timeZone: string, t: Translate): string {
  if (!device.missing) return deviceStatusText(device, t);
  if (device.lastSeenAt === undefined) return t('dashboard.deviceNeverSeen');
  return t('dashboard.deviceMissingSince', { time: seenTime(device.lastSeenAt, timeZone) });
}

/** «14:05» today; «04.12 14:05» on an earlier day (a board dead since yesterday evening). */
function seenTime(at: number, timeZone: string): string {
  const day = officeDate(at, timeZone);
  if (day === officeDate(Date.now(), timeZone)) return formatTime(at, timeZone);
  const [, month, date] = day.split('-');
  return `${date}.${month} ${formatTime(at, timeZone)}`;
}
