import type { OfficeSummary } from '@talon/protocol';
import type pg from 'pg';
import { isConnectionFailure } from './unavailable.js';

export interface HelloAnswer {
  bookingsVersion: number;
  summaryChanged: boolean;
}
interface Hello {
  officeId: string;
  summary: OfficeSummary;
  at: number;
  resolve: (answer: HelloAnswer) => void;
  reject: (error: unknown) => void;
}

/**
 * `office:hello` in one statement for every office saying it in the same tick: thousands of offices
 * relink at once when a node dies, and each used to cost two round trips (save the summary, read the
 * bookings version) and a COMMIT. A summary is written only if it differs from the stored one
 * (`updated_at` is when it last changed), so the usual relink writes nothing and waits for no WAL
 * flush. The UPDATE takes rows in office id order, so two batches on two nodes cannot deadlock.
 */
export function createOfficeHellos(pool: pg.Pool, maxPerStatement = 1000) {
  let waiting: Hello[] = [];

  const answerAll = async (batch: Hello[]) => {
    try {
      const answers = await helloStatement(pool, batch);
      for (const h of batch) h.resolve(answers.get(h.officeId)!);
    } catch (error) {
      if (batch.length === 1 || isConnectionFailure(error)) {
        for (const h of batch) h.reject(error);
        return;
      }
      // One office's summary PostgreSQL refuses must not refuse the others': each on its own.
      for (const h of batch) await answerAll([h]);
    }
  };

  const flush = () => {
    const all = waiting;
    waiting = [];
    // The same office twice in a tick (a reconnect racing its own hello): its later summary wins.
    const latest = new Map(all.map((h) => [h.officeId, h]));
    for (const h of all) {
      const last = latest.get(h.officeId)!;
      if (last !== h) chain(h, last);
    }
    const distinct = [...latest.values()].sort((a, b) => (a.officeId < b.officeId ? -1 : 1));
    for (let i = 0; i < distinct.length; i += maxPerStatement) void answerAll(distinct.slice(i, i + maxPerStatement));
  };

  return {
    hello(officeId: string, summary: OfficeSummary, at: number): Promise<HelloAnswer> {
      return new Promise((resolve, reject) => {
        if (waiting.length === 0) setImmediate(flush);
        waiting.push({ officeId, summary, at, resolve, reject });
      });
    },
  };
}

/** An earlier hello of the same office in the same tick is answered with the later one's answer. */
function chain(earlier: Hello, later: Hello) {
  const { resolve, reject } = later;
  later.resolve = (answer) => {
    earlier.resolve(answer);
    resolve(answer);
  };
  later.reject = (error) => {
    earlier.reject(error);
    reject(error);
  };
}

async function helloStatement(pool: pg.Pool, batch: readonly Hello[]): Promise<Map<string, HelloAnswer>> {
  const r = await pool.query(`WITH v AS (
      SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) AS v(id, summary, time_zone, waiting_standard_ms, updated_at)
    ), made AS (
      INSERT INTO offices (id, summary, time_zone, waiting_standard_ms, updated_at) SELECT * FROM v ON CONFLICT (id) DO NOTHING RETURNING id
    ), changed AS (
      UPDATE offices o SET summary = v.summary, time_zone = v.time_zone, waiting_standard_ms = v.waiting_standard_ms, updated_at = v.updated_at
      FROM (SELECT o2.id FROM offices o2 JOIN v ON v.id = o2.id WHERE o2.summary <> v.summary ORDER BY o2.id FOR UPDATE OF o2) AS locked, v
      WHERE o.id = locked.id AND v.id = locked.id RETURNING o.id
    )
    SELECT v.id, (SELECT COALESCE(MAX(b.version), 0) FROM bookings b WHERE b.office_id = v.id) AS version,
      EXISTS (SELECT 1 FROM made WHERE made.id = v.id) OR EXISTS (SELECT 1 FROM changed WHERE changed.id = v.id) AS changed
    FROM v`, [
    batch.map((h) => h.officeId), batch.map((h) => JSON.stringify(h.summary)), batch.map((h) => h.summary.timeZone),
    batch.map((h) => h.summary.rules.waitingStandardMinutes * 60_000), batch.map((h) => h.at),
  ]);
  return new Map((r.rows as { id: string; version: number; changed: boolean }[]).map((row) => [row.id, { bookingsVersion: row.version, summaryChanged: row.changed }]));
}
