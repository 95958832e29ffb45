import type pg from 'pg';
import { inTransaction, isRetryable } from './in-transaction.js';
import { ingestOffice, ingestPushesAtOnce, NotAtOnce, type IngestOutcome, type OfficePush, type Project } from './office-ingest.js';
import { isConnectionFailure } from './unavailable.js';
import { settleGroup, type GroupOutcome } from '../group-outcome.js';

export interface GroupCommitOptions {
  /** How long the first push of a group waits for more (0: those of the same tick only). */
  windowMs: number;
  /** Pushes in one transaction at most. */
  maxPushes: number;
  /** Groups committing at once, each on one pooled connection; more pushes wait and join the next group. */
  concurrent: number;
}

interface Waiting extends OfficePush {
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for `events:push` on PostgreSQL: the pushes that arrive together (in one tick, or
 * within `windowMs`, and all those that queued while the groups in flight committed) share one
 * transaction, so many offices cost one COMMIT and a handful of statements instead of a
 * transaction each. Every push is answered only after the shared COMMIT returned (durable, with
 * `synchronous_commit` on). One office's trouble stays its own: the group is first tried in one
 * go; if that meets anything unusual (a gap, a bad row), it is rolled back and taken again office
 * by office, each in its own SAVEPOINT, and only the office that failed gets the error.
 * An office is in a group at most once, and in one group in flight at a time, so two of its pushes
 * on this node are taken in the order they came.
 */
export function createIngestGroups(pool: pg.Pool, project: Project, options: GroupCommitOptions) {
  let waiting: Waiting[] = [];
  let inFlight = 0;
  /** Offices with a push in a group in flight: their next push waits for it, so it sees its commit. */
  const committing = new Set<string>();
  let timer: { kind: 'timeout'; handle: NodeJS.Timeout } | { kind: 'immediate'; handle: NodeJS.Immediate } | undefined;
  const stopTimer = () => {
    if (timer?.kind === 'timeout') clearTimeout(timer.handle);
    else if (timer?.kind === 'immediate') clearImmediate(timer.handle);
    timer = undefined;
  };
  const settled: Promise<void>[] = [];

  const schedule = () => {
    if (timer || waiting.length === 0 || inFlight >= options.concurrent) return;
    if (waiting.length >= options.maxPushes) {
      flush();
      return;
    }
    timer = options.windowMs > 0 ? { kind: 'timeout', handle: setTimeout(flush, options.windowMs) } : { kind: 'immediate', handle: setImmediate(flush) };
  };

  function flush() {
    stopTimer();
    if (inFlight >= options.concurrent || waiting.length === 0) return;
    const group: Waiting[] = [];
    const later: Waiting[] = [];
    const offices = new Set<string>();
    for (const w of waiting) {
      if (group.length < options.maxPushes && !offices.has(w.officeId) && !committing.has(w.officeId)) {
        offices.add(w.officeId);
        group.push(w);
      } else later.push(w);
    }
    waiting = later;
    // Every push waiting is of an office whose earlier push is still committing.
    if (group.length === 0) return;
    for (const o of offices) committing.add(o);
    inFlight += 1;
    const done = commitGroup(group.sort((a, b) => (a.officeId < b.officeId ? -1 : a.officeId > b.officeId ? 1 : 0))).finally(() => {
      inFlight -= 1;
      for (const o of offices) committing.delete(o);
      settled.splice(settled.indexOf(done), 1);
      schedule();
    });
    settled.push(done);
    schedule();
  }

  async function commitGroup(group: Waiting[]): Promise<void> {
    let outcomes: GroupOutcome<IngestOutcome>[];
    try {
      try {
        outcomes = (await inTransaction(pool, (c) => ingestPushesAtOnce(c, project, group))).map((value) => ({ ok: true as const, value }));
      } catch (error) {
        if (!(error instanceof NotAtOnce) && (isRetryable(error) || isConnectionFailure(error))) throw error;
        outcomes = await inTransaction(pool, (c) => ingestOneByOne(c, project, group));
      }
    } catch (error) {
      // The shared transaction itself failed (the database went away, the COMMIT failed): nothing
      // of the group is held, and every office is told so and pushes again.
      for (const w of group) w.reject(error);
      return;
    }
    settleGroup(group, outcomes);
  }

  return {
    ingest(push: OfficePush): Promise<IngestOutcome> {
      return new Promise((resolve, reject) => {
        waiting.push({ ...push, resolve, reject });
        schedule();
      });
    },
    /** Commits what waits and what is in flight; the pool may be closed after. */
    async drain(): Promise<void> {
      for (;;) {
        stopTimer();
        flush();
        if (settled.length === 0) return;
        await Promise.race(settled);
      }
    },
  };
}

/** The careful way: each office in its own SAVEPOINT, so one that throws is rolled back alone. */
async function ingestOneByOne(c: pg.PoolClient, project: Project, group: readonly OfficePush[]) {
  const outcomes: GroupOutcome<IngestOutcome>[] = [];
  for (const push of group) {
    await c.query('SAVEPOINT office_push');
    try {
      outcomes.push({ ok: true, value: await ingestOffice(c, project, push) });
      await c.query('RELEASE SAVEPOINT office_push');
    } catch (error) {
      // A deadlock or a lost connection is the whole group's: retried (or refused) as one.
      if (isRetryable(error) || isConnectionFailure(error)) throw error;
      await c.query('ROLLBACK TO SAVEPOINT office_push');
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
