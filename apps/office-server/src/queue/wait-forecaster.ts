import { arrivalRatesFrom, forecastWaits, localTimeOf, waitRange, type ForecastError, type ForecastOptions, type QueueState, type Ticket } from '@talon/domain';
import type Database from 'better-sqlite3';
import type { OfficeDatabase } from '../storage/open-database.js';

/** What a visitor is told: the minutes, and the range printed around them. */
export interface ToldWait {
  estimateMin: number;
  fromMin: number;
  toMin: number;
}

export interface WaitForecaster {
  /** A ticket in the hall; null when it is not waiting or no desk that serves it is open or coming back. */
  forTicket(ticketId: string): ToldWait | null;
  /** A visitor who takes a plain ticket of the service now (the kiosk's screen, before issuing). */
  forNewcomer(serviceId: string): ToldWait | null;
  /** Keeps what the ticket was told at issue, to be set against its wait. */
  remember(ticket: Ticket, told: ToldWait): void;
}

/** The range is cut from this many of the latest forecasts against what happened. */
const RECENT_ERRORS = 100;
/** However still the queue, the forecasts are played again this often: the clock moves them. */
const REPLAY_MS = 30_000;
const MINUTE = 60_000;
const newcomerId = (serviceId: string) => `\u0000newcomer:${serviceId}`;

/**
 * The office's wait forecast: `forecastWaits` (packages/domain) played over the live queue, with
 * the arrivals of the last hour, the measured walk to the desk and the range from the forecast's
 * own recent errors, read from this office's tickets. Played once per queue change (the state is
 * immutable, so a new state object is a change) or every 30 s, and memoised in between: every
 * screen, ticket page and phone status of one moment reads the same play.
 */
export function createWaitForecaster(db: OfficeDatabase, state: () => QueueState, now: () => number): WaitForecaster {
  const issuedSince = db.prepare(`SELECT service_id AS serviceId, kind, issued_at AS issuedAt FROM tickets WHERE issued_at > ?`);
  const callGaps = db
    .prepare(
      `SELECT serving_started_at - called_at FROM tickets
        WHERE serving_started_at IS NOT NULL AND called_at IS NOT NULL AND issued_at > ? ORDER BY issued_at DESC LIMIT 50`,
    )
    .pluck();
  // A database migrated past 0110 before 0110 existed (0150 and 0170 landed first) has no
  // wait_told: the office still tells the play, with the default range, and keeps nothing.
  const keeps = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'wait_told'`).get() !== undefined;
  if (!keeps) return createForecaster(state, now, issuedSince, callGaps, undefined);
  const recentErrors = db.prepare(
    `SELECT w.forecast_min AS forecastMin, w.forecast_min - (t.first_called_at - t.issued_at) / 60000.0 AS errorMin
      FROM wait_told w JOIN tickets t ON t.id = w.ticket_id
      WHERE t.first_called_at IS NOT NULL AND w.issued_at > ? ORDER BY w.issued_at DESC LIMIT ${RECENT_ERRORS}`,
  );
  const insertTold = db.prepare(`INSERT OR IGNORE INTO wait_told VALUES (?, ?, ?, ?, ?, ?, ?)`);
  return createForecaster(state, now, issuedSince, callGaps, { recentErrors, insertTold });
}

type Statement = Database.Statement<unknown[]>;

function createForecaster(
  state: () => QueueState,
  now: () => number,
  issuedSince: Statement,
  callGaps: Statement,
  told: { recentErrors: Statement; insertTold: Statement } | undefined,
): WaitForecaster {

  let played: { state: QueueState; at: number; waits: Map<string, number>; errors: ForecastError[] } | undefined;

  function play() {
    const current = state();
    const at = now();
    if (played && played.state === current && at - played.at < REPLAY_MS) return played;
    // Errors of the last 30 days: an office's pace changes with the season, and the range with it.
    const errors = (told?.recentErrors.all(at - 30 * 24 * 60 * MINUTE) ?? []) as ForecastError[];
    // The kiosk's question for every service rides along in the same play (see `probes`).
    const officeDay = localTimeOf(current.setup.schedule, at).date;
    const probes = current.setup.services.map((s): Ticket => ({ id: newcomerId(s.id), number: '\uffff', serviceId: s.id, officeDay, kind: 'walk-in', issuedAt: at, queuedAt: at, status: 'waiting', recalls: 0 }));
    const options: ForecastOptions = {
      arrivals: arrivalRatesFrom(issuedSince.all(at - 60 * MINUTE) as { serviceId: string; kind: string; issuedAt: number }[], at),
      callToStartMs: walkToDeskMs(callGaps.all(at - 24 * 60 * MINUTE) as number[]),
      probes,
    };
    played = { state: current, at, waits: forecastWaits(current, at, options), errors };
    return played;
  }

  const toldOf = (forecastMin: number, errors: readonly ForecastError[]): ToldWait => {
    const estimateMin = Math.round(forecastMin);
    const range = waitRange(estimateMin, errors);
    return { estimateMin, fromMin: Math.min(range.fromMin, estimateMin), toMin: Math.max(range.toMin, estimateMin) };
  };

  return {
    forTicket(ticketId) {
      const p = play();
      const wait = p.waits.get(ticketId);
      return wait === undefined ? null : toldOf(wait, p.errors);
    },
    forNewcomer(serviceId) {
      const p = play();
      const wait = p.waits.get(newcomerId(serviceId));
      return wait === undefined ? null : toldOf(wait, p.errors);
    },
    remember(ticket, wait) {
      const p = play();
      told?.insertTold.run(ticket.id, ticket.officeDay, ticket.issuedAt, wait.estimateMin, wait.fromMin, wait.toMin, p.waits.get(ticket.id) ?? wait.estimateMin);
    },
  };
}

/** Longer than this between a call and the start is a desk that forgot to press «Начать», not a walk. */
const MAX_WALK_MS = 5 * MINUTE;

/** The median of the recent walks from call to start, capped: one forgotten button must not move every estimate. */
function walkToDeskMs(gaps: readonly number[]): number {
  if (gaps.length === 0) return 0;
  const sorted = [...gaps].sort((a, b) => a - b);
  return Math.min(MAX_WALK_MS, Math.max(0, sorted[Math.floor(sorted.length / 2)] as number));
}
