import { hoursOn, officeDayOf, type QueueState } from '@talon/domain';
import type { CentralLinkView, DashboardState, DayTotals, HourLoad, OperatorDayView, RatingSummary } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';
import type { DeviceHealth } from '../devices/device-health.js';
import { deviceRoster } from './device-roster.js';
import type { OfficeDatabase } from '../storage/open-database.js';
import { allDeskViews } from './desk-view.js';
import { officeView } from './office-view.js';
import { serviceQueues } from './service-queues.js';
import { createWaitAccuracyReader } from './wait-accuracy.js';

const MINUTE = 60_000;
const WAIT_BUCKETS = [
  { label: '≤ 5', maxWaitMin: 5 },
  { label: '5–15', maxWaitMin: 15 },
  { label: '15–30', maxWaitMin: 30 },
  { label: '> 30', maxWaitMin: null },
] as const;

interface TicketRow {
  kind: string;
  categoryId: string | null;
  categoryCheck: string | null;
  status: string;
  issuedAt: number;
  queuedAt: number;
  firstCalledAt: number | null;
  bookingSlotStart: number | null;
  rating: number | null;
  ratedAt: number | null;
  number: string;
  deskId: string | null;
  endedAt: number | null;
  endReason: string | null;
  operatorId: string | null;
  serviceMs: number | null;
}

/** Today's figures for the office head, read from the tickets table. */
export function createDashboardStateReader(db: OfficeDatabase) {
  const todaysTickets = db.prepare(`SELECT t.kind, t.category_id AS categoryId, t.category_check AS categoryCheck, t.status, t.issued_at AS issuedAt, t.queued_at AS queuedAt,
      t.first_called_at AS firstCalledAt, b.slot_start AS bookingSlotStart, t.rating, t.rated_at AS ratedAt,
      t.number, t.desk_id AS deskId, t.ended_at AS endedAt, t.end_reason AS endReason,
      t.operator_id AS operatorId, t.service_ms AS serviceMs
    FROM tickets t LEFT JOIN bookings b ON b.id = t.booking_id AND t.kind = 'booking'
    WHERE t.office_day = ?`);
  const waitAccuracy = createWaitAccuracyReader(db);

  return function dashboardState(
    directory: OfficeDirectory,
    state: QueueState,
    devices: DeviceHealth,
    now: number,
    central: CentralLinkView,
  ): DashboardState {
    const day = officeDayOf(state.setup.schedule, now);
    const rows = todaysTickets.all(day) as TicketRow[];
    const { waitingStandardMinutes, bookingStandardMinutes } = state.setup.rules;
    return {
      office: officeView(directory, state, now),
      day,
      queue: serviceQueues(directory, state, directory.config.services.map((s) => s.id), now),
      totals: dayTotals(rows, state, now, waitingStandardMinutes, bookingStandardMinutes),
      desks: allDeskViews(directory, state),
      ratings: ratingSummary(rows, directory),
      operators: operatorDays(rows, directory),
      hours: hourLoads(rows, state.setup.schedule.timeZone),
      ...openHoursOf(state, day),
      devices: deviceRoster(directory, devices, now),
      central,
      waitingStandardMinutes,
      bookingStandardMinutes,
      waitAccuracy: { today: waitAccuracy(day, day), month: waitAccuracy(`${day.slice(0, 8)}01`, day) },
    };
  };
}

function dayTotals(rows: TicketRow[], state: QueueState, now: number, standardMin: number, bookingStandardMin: number): DayTotals {
  const waits = rows.filter((r) => r.firstCalledAt !== null).map((r) => (r.firstCalledAt! - r.issuedAt) / MINUTE);
  const within = waits.filter((w) => w <= standardMin).length;
  const bookings = rows.filter((r) => r.kind === 'booking');
  const bookingsCalled = bookings.filter((r) => r.firstCalledAt !== null && r.bookingSlotStart !== null);
  const bookingsWithin = bookingsCalled.filter((r) => r.firstCalledAt! - r.bookingSlotStart! <= bookingStandardMin * MINUTE).length;
  let longest = 0;
  let waitingNow = 0;
  for (const ticket of state.tickets.values()) {
    if (ticket.status !== 'waiting') continue;
    waitingNow += 1;
    longest = Math.max(longest, Math.floor((now - ticket.issuedAt) / MINUTE));
  }
  return {
    issued: rows.length,
    served: rows.filter((r) => r.status === 'done').length,
    noShow: rows.filter((r) => r.status === 'no-show').length,
    cancelled: rows.filter((r) => r.status === 'cancelled').length,
    // Called out of turn as priority, then finished with the document never confirmed.
    priorityUnconfirmed: rows.filter((r) => r.categoryId !== null && r.status === 'done' && r.categoryCheck !== 'confirmed').length,
    waitingNow,
    averageWaitMin: waits.length ? round1(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
    longestWaitNowMin: longest,
    withinStandardShare: waits.length ? within / waits.length : null,
    bookings: {
      checkedIn: bookings.length,
      called: bookingsCalled.length,
      withinStandardShare: bookingsCalled.length ? bookingsWithin / bookingsCalled.length : null,
    },
  };
}

function ratingSummary(rows: TicketRow[], directory: OfficeDirectory): RatingSummary {
  const rated = rows.filter((r) => r.rating !== null);
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const r of rated) distribution[r.rating! - 1]! += 1;
  const average = (items: TicketRow[]) => (items.length ? round1(items.reduce((a, r) => a + r.rating!, 0) / items.length) : null);
  const waitOf = (r: TicketRow) => (r.firstCalledAt !== null ? (r.firstCalledAt - r.issuedAt) / MINUTE : 0);
  const bucketOf = (r: TicketRow) => WAIT_BUCKETS.findIndex((b) => b.maxWaitMin === null || waitOf(r) <= b.maxWaitMin);
  const byWait = WAIT_BUCKETS.map((bucket, index) => {
    const inBucket = rated.filter((r) => bucketOf(r) === index);
    return { label: bucket.label, maxWaitMin: bucket.maxWaitMin, count: inBucket.length, average: average(inBucket) };
  });
  const lowRatings = rated
    .filter((r) => r.rating! <= 2)
    .sort((a, b) => (b.ratedAt ?? 0) - (a.ratedAt ?? 0))
    .slice(0, 10)
    .map((r) => ({
      ticketNumber: r.number,
      deskNumber: (r.deskId && directory.desks.get(r.deskId)?.number) || 0,
      value: r.rating!,
      at: r.ratedAt ?? 0,
    }));
  return { count: rated.length, average: average(rated), distribution, byWait, lowRatings };
}

function operatorDays(rows: TicketRow[], directory: OfficeDirectory): OperatorDayView[] {
  return directory.config.operators
    .filter((o) => o.roles.includes('operator'))
    .map((operator) => {
      const theirs = rows.filter((r) => r.operatorId === operator.id);
      const served = theirs.filter((r) => r.status === 'done');
      const timed = served.filter((r) => r.serviceMs !== null);
      const rated = theirs.filter((r) => r.rating !== null);
      return {
        operatorId: operator.id,
        operatorName: operator.name,
        served: served.length,
        noShow: theirs.filter((r) => r.status === 'no-show').length,
        averageServiceMin: timed.length ? round1(timed.reduce((a, r) => a + r.serviceMs!, 0) / timed.length / MINUTE) : null,
        ratingCount: rated.length,
        ratingAverage: rated.length ? round1(rated.reduce((a, r) => a + r.rating!, 0) / rated.length) : null,
      };
    });
}

function hourLoads(rows: TicketRow[], timeZone: string): HourLoad[] {
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  const hours = new Map<number, { issued: number; served: number; waits: number[] }>();
  const entry = (hour: number) => {
    let e = hours.get(hour);
    if (!e) hours.set(hour, (e = { issued: 0, served: 0, waits: [] }));
    return e;
  };
  for (const r of rows) {
    const e = entry(Number(hourOf.format(r.issuedAt)));
    e.issued += 1;
    if (r.firstCalledAt !== null) e.waits.push((r.firstCalledAt - r.issuedAt) / MINUTE);
    if (r.status === 'done' && r.endedAt !== null) entry(Number(hourOf.format(r.endedAt))).served += 1;
  }
  return [...hours.entries()]
    .sort(([a], [b]) => a - b)
    .map(([hour, e]) => ({
      hour,
      issued: e.issued,
      served: e.served,
      averageWaitMin: e.waits.length ? round1(e.waits.reduce((a, b) => a + b, 0) / e.waits.length) : null,
    }));
}

/** Today's opening hours as clock hours: 08:00-17:00 spans 8..16, 08:30-17:15 spans 8..17. */
function openHoursOf(state: QueueState, day: string): { openHours?: { from: number; to: number } } {
  const hours = hoursOn(state.setup.schedule, day);
  if (!hours) return {};
  const [openHour = 0] = hours.open.split(':').map(Number);
  const [closeHour = 0, closeMinute = 0] = hours.close.split(':').map(Number);
  return { openHours: { from: openHour, to: closeMinute > 0 ? closeHour + 1 : closeHour } };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
