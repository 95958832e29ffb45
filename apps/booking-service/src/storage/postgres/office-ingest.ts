import type { SyncOutboxMessage } from '@talon/protocol';
import type pg from 'pg';
import { withoutPersonalData } from '../booking-row.js';
import { insertIssuedTickets, type IssuedEvent } from './central-event-projection.js';
import { ReportWrites } from './postgres-report-days.js';

export interface OfficePush {
  officeId: string;
  messages: SyncOutboxMessage[];
  at: number;
}
export interface IngestOutcome {
  acked: string[];
  bookingsChanged: boolean;
  resendFrom?: number;
}
/** Projects one first-seen event; notes the days it wrote in `writes`, whose report roll-up the ingest drops before it commits. */
export type Project = (c: pg.PoolClient, officeId: string, event: SyncOutboxMessage['event'], writes: ReportWrites) => Promise<boolean>;

/**
 * One office's push, message by message, on a transaction the caller holds (the careful way: a gap,
 * a duplicate held beyond `last_seq`, anything unusual is decided here exactly as the contract says).
 */
export async function ingestOffice(c: pg.PoolClient, project: Project, { officeId, messages, at }: OfficePush): Promise<IngestOutcome> {
  // One round trip makes the row if need be and locks it (DO UPDATE takes the row lock, as FOR
  // UPDATE would; a node waiting on it reads the other node's committed last_seq).
  let last = (await c.query(`INSERT INTO office_seq (office_id, last_seq) VALUES ($1, 0)
    ON CONFLICT (office_id) DO UPDATE SET last_seq = office_seq.last_seq RETURNING last_seq`, [officeId])).rows[0].last_seq as number;
  const lastBefore = last;
  let bookingsChanged = false;
  const writes = new ReportWrites();
  const acked: string[] = [];
  let resendFrom: number | undefined;
  for (const m of messages) {
    if (m.seq > last + 1) {
      // An office's log has no gaps; one here means an earlier batch went missing.
      const held = await c.query(`SELECT 1 FROM office_events WHERE office_id = $1 AND event_id = $2`, [officeId, m.eventId]);
      if (!held.rowCount) {
        resendFrom = last + 1;
        break;
      }
      acked.push(m.eventId);
      continue;
    }
    const inserted = await c.query(`INSERT INTO office_events (office_id, event_id, seq, type, at, body, received_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (office_id, event_id) DO NOTHING`,
      [officeId, m.eventId, m.seq, m.event.type, m.event.at, JSON.stringify(withoutPersonalData(m.event)), at]);
    if (inserted.rowCount) {
      if (await project(c, officeId, m.event, writes)) bookingsChanged = true;
      last = Math.max(last, m.seq);
    }
    acked.push(m.eventId);
  }
  if (last !== lastBefore) await c.query(`UPDATE office_seq SET last_seq = $2 WHERE office_id = $1`, [officeId, last]);
  await writes.drop(c);
  return { acked, bookingsChanged, ...(resendFrom !== undefined && { resendFrom }) };
}

/** The pushes of a group did something the one-statement-for-all way does not decide; go careful. */
export class NotAtOnce extends Error {
  override name = 'NotAtOnce';
}

/**
 * The pushes of many offices (each office once, sorted by id) in a fixed handful of statements
 * whatever their number: lock every office's `office_seq` row in id order, insert every event,
 * make every issued ticket, project the other first-seen events office by office, save every
 * `last_seq`. It answers what `ingestOffice` would have answered push by push, or throws NotAtOnce
 * where it could differ (a gap, or an event held beyond its office's `last_seq`) and the caller
 * rolls back and takes the group the careful way.
 */
export async function ingestPushesAtOnce(c: pg.PoolClient, project: Project, pushes: readonly OfficePush[]): Promise<IngestOutcome[]> {
  // ORDER BY: the rows are locked in office order, so two groups (on one node or two) never deadlock.
  const locked = await c.query(`INSERT INTO office_seq (office_id, last_seq) SELECT id, 0 FROM UNNEST($1::text[]) AS id ORDER BY id
    ON CONFLICT (office_id) DO UPDATE SET last_seq = office_seq.last_seq RETURNING office_id, last_seq`, [pushes.map((p) => p.officeId)]);
  const lastOf = new Map((locked.rows as { office_id: string; last_seq: number }[]).map((r) => [r.office_id, r.last_seq]));

  // What ingestOffice would do if every event at or below last + 1 were new or already held.
  const rows: { push: OfficePush; m: SyncOutboxMessage; fresh: boolean }[] = [];
  const lastAfter = new Map<string, number>();
  const keys = new Set<string>();
  for (const push of pushes) {
    const before = lastOf.get(push.officeId)!;
    let last = before;
    for (const m of push.messages) {
      if (m.seq > last + 1) throw new NotAtOnce(`a gap in ${push.officeId}'s log`);
      // One event id twice in a push: only the first is new, which one statement cannot tell.
      const key = `${push.officeId}\u0000${m.eventId}`;
      if (keys.has(key)) throw new NotAtOnce(`${m.eventId} twice in one push`);
      keys.add(key);
      // Above `before` the event must be new; at or below it may be a resend already held.
      rows.push({ push, m, fresh: m.seq > before });
      last = Math.max(last, m.seq);
    }
    if (last !== before) lastAfter.set(push.officeId, last);
  }
  const inserted = await c.query(`INSERT INTO office_events (office_id, event_id, seq, type, at, body, received_at)
    SELECT * FROM UNNEST($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::jsonb[], $7::bigint[])
    ON CONFLICT (office_id, event_id) DO NOTHING RETURNING office_id, event_id`, [
    rows.map((r) => r.push.officeId), rows.map((r) => r.m.eventId), rows.map((r) => r.m.seq), rows.map((r) => r.m.event.type),
    rows.map((r) => r.m.event.at), rows.map((r) => JSON.stringify(withoutPersonalData(r.m.event))), rows.map((r) => r.push.at),
  ]);
  const isNew = new Set((inserted.rows as { office_id: string; event_id: string }[]).map((r) => `${r.office_id}\u0000${r.event_id}`));
  const firstSeen = rows.filter((r) => isNew.has(`${r.push.officeId}\u0000${r.m.eventId}`));
  if (rows.some((r) => r.fresh && !isNew.has(`${r.push.officeId}\u0000${r.m.eventId}`))) throw new NotAtOnce('an event held beyond its office\'s last_seq');

  // Issued tickets first, in one statement; then the rest in each office's order (see insertIssuedTickets).
  const writes = new ReportWrites();
  await insertIssuedTickets(c, firstSeen.filter((r) => r.m.event.type === 'ticket.issued').map((r) => ({ officeId: r.push.officeId, event: r.m.event as IssuedEvent })), writes);
  const changed = new Set<string>();
  for (const r of firstSeen) {
    if (r.m.event.type !== 'ticket.issued' && (await project(c, r.push.officeId, r.m.event, writes))) changed.add(r.push.officeId);
  }
  // The report roll-up of every day the group wrote goes in its transaction, the offices' office_seq rows locked.
  await writes.drop(c);
  if (lastAfter.size > 0) {
    await c.query(`UPDATE office_seq s SET last_seq = v.last FROM UNNEST($1::text[], $2::bigint[]) AS v(id, last) WHERE s.office_id = v.id`,
      [[...lastAfter.keys()], [...lastAfter.values()]]);
  }
  return pushes.map((p) => ({ acked: p.messages.map((m) => m.eventId), bookingsChanged: changed.has(p.officeId) }));
}
