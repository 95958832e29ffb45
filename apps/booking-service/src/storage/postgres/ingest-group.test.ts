import type { SyncOutboxMessage } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { postgresSuitesRun } from '../../testing/test-postgres.js';
import { postgresStorePerTest } from '../../testing/postgres-store-per-test.js';
import type { CentralStore } from '../central-store.js';
import { createPostgresCentralStore } from './postgres-central-store.js';

const run = await postgresSuitesRun();
const T = Date.UTC(2026, 10, 24, 7, 0);

const issued = (officeId: string, seq: number, number = `A${seq}`): SyncOutboxMessage =>
  ({
    eventId: `${officeId}-e${seq}`, officeId, seq,
    event: { type: 'ticket.issued', at: T + seq, actor: { kind: 'kiosk', deviceId: 'k1' }, ticket: { id: `${officeId}-t${seq}`, number, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T, queuedAt: T } },
  }) as unknown as SyncOutboxMessage;
const called = (officeId: string, seq: number, ticketSeq: number): SyncOutboxMessage =>
  ({ eventId: `${officeId}-e${seq}`, officeId, seq, event: { type: 'ticket.called', at: T + seq, actor: { kind: 'operator', operatorId: 'op-1' }, ticketId: `${officeId}-t${ticketSeq}`, deskId: 'desk-1' } }) as unknown as SyncOutboxMessage;
const offices = (n: number) => Array.from({ length: n }, (_, i) => `office-${String(i).padStart(3, '0')}`);

describe.runIf(run)('PostgreSQL group commit of events:push', () => {
  const each = postgresStorePerTest(6);
  /** Transactions that wrote office events: rows one transaction wrote share its xmin. */
  const transactions = async () => Number((await each.sql.query(`SELECT COUNT(DISTINCT xmin::text) AS n FROM office_events`)).rows[0].n);

  it('commits the pushes of many offices arriving together in one transaction, each answered for itself', async () => {
    const ids = offices(60);
    const answers = await Promise.all(ids.map((o) => each.store.ingest(o, [issued(o, 1), called(o, 2, 1)], T)));
    answers.forEach((a, i) => expect(a).toEqual({ acked: [`${ids[i]}-e1`, `${ids[i]}-e2`], bookingsChanged: false }));
    expect(await transactions()).toBe(1);
    const tickets = await each.sql.query(`SELECT status, COUNT(*)::int AS n FROM tickets GROUP BY status`);
    expect(tickets.rows).toEqual([{ status: 'called', n: 60 }]);
    expect((await each.sql.query(`SELECT DISTINCT last_seq::int FROM office_seq`)).rows).toEqual([{ last_seq: 2 }]);
  });

  it("fails only the office whose row PostgreSQL refuses; the others' pushes in the same group are held", async () => {
    const ids = offices(30);
    // JSONB refuses a NUL character: a bad row of one office, in a group of thirty.
    const bad = issued('office-011', 1, 'A\u0000');
    const answers = await Promise.allSettled(ids.map((o) => each.store.ingest(o, o === 'office-011' ? [bad] : [issued(o, 1), issued(o, 2)], T)));
    answers.forEach((a, i) => {
      if (ids[i] === 'office-011') expect(a).toMatchObject({ status: 'rejected', reason: { code: '22P05' } });
      else expect(a).toEqual({ status: 'fulfilled', value: { acked: [`${ids[i]}-e1`, `${ids[i]}-e2`], bookingsChanged: false } });
    });
    expect(await each.store.eventCount('office-011')).toBe(0);
    expect(Number((await each.sql.query(`SELECT COUNT(*) AS n FROM office_events`)).rows[0].n)).toBe(58);
    // The office's next, good push is taken as if nothing had happened.
    expect(await each.store.ingest('office-011', [issued('office-011', 1)], T)).toEqual({ acked: ['office-011-e1'], bookingsChanged: false });
  });

  it('answers no push before the shared COMMIT: a COMMIT that fails holds nothing and fails every push of the group', async () => {
    // A check PostgreSQL makes only at COMMIT, refusing one office's events.
    await each.sql.query(`CREATE FUNCTION refuse_doomed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.office_id = 'doomed' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`);
    await each.sql.query(`CREATE CONSTRAINT TRIGGER refuse_doomed AFTER INSERT ON office_events DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION refuse_doomed()`);
    const ids = [...offices(10), 'doomed'];
    const answers = await Promise.allSettled(ids.map((o) => each.store.ingest(o, [issued(o, 1)], T)));
    expect(answers.every((a) => a.status === 'rejected')).toBe(true);
    expect(Number((await each.sql.query(`SELECT COUNT(*) AS n FROM office_events`)).rows[0].n)).toBe(0);
    // The next group, without the doomed office, commits.
    const again = await Promise.all(offices(10).map((o) => each.store.ingest(o, [issued(o, 1)], T)));
    expect(again.every((a) => a.acked.length === 1)).toBe(true);
  });

  it('takes two pushes of one office arriving at once in order, the second after the first has committed', async () => {
    const answers = await Promise.all([
      each.store.ingest('north', [issued('north', 1), issued('north', 2)], T),
      each.store.ingest('north', [issued('north', 3)], T),
      each.store.ingest('south', [issued('south', 1)], T),
    ]);
    expect(answers.map((a) => a.acked)).toEqual([['north-e1', 'north-e2'], ['north-e3'], ['south-e1']]);
    expect(await each.store.eventCount('north')).toBe(3);
  });

  it('takes a push naming one event id twice as one event, as the office-by-office way does', async () => {
    const twice = { ...issued('west', 2), eventId: 'west-e1' } as SyncOutboxMessage;
    const answers = await Promise.all([each.store.ingest('west', [issued('west', 1), twice], T), ...offices(5).map((o) => each.store.ingest(o, [issued(o, 1)], T))]);
    expect(answers[0]).toEqual({ acked: ['west-e1', 'west-e1'], bookingsChanged: false });
    expect(await each.store.eventCount('west')).toBe(1);
    expect((await each.sql.query(`SELECT id FROM tickets WHERE office_id = 'west'`)).rows).toEqual([{ id: 'west-t1' }]);
    // Its seq 2 was not taken: the office's next event 2 is, without a gap.
    expect(await each.store.ingest('west', [issued('west', 2)], T)).toEqual({ acked: ['west-e2'], bookingsChanged: false });
  });

  it('holds every event once when two nodes take overlapping groups of the same offices at once', async () => {
    const other = await createPostgresCentralStore({ url: each.url, poolSize: 6 });
    try {
      const ids = offices(40);
      for (let round = 1; round <= 5; round += 1) {
        // Each node gets every office's outbox so far, in opposite orders, all at once.
        const pushes = (node: CentralStore, order: string[]) =>
          order.map((o) => node.ingest(o, Array.from({ length: round * 2 }, (_, i) => issued(o, i + 1)), T));
        const answers = await Promise.all([...pushes(each.store, ids), ...pushes(other, [...ids].reverse())]);
        expect(answers.every((a) => a.acked.length === round * 2 && a.resendFrom === undefined)).toBe(true);
      }
      const counts = await each.sql.query(`SELECT COUNT(*)::int AS rows, COUNT(DISTINCT (office_id, event_id))::int AS ids FROM office_events`);
      expect(counts.rows[0]).toEqual({ rows: 400, ids: 400 });
    } finally {
      await other.close();
    }
  });
});
