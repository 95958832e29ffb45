import type { SyncOutboxMessage } from '@talon/protocol';
import type pg from 'pg';
import { officeBookingPhone } from '../booking-row.js';
import type { ReportWrites } from './postgres-report-days.js';

type Event = SyncOutboxMessage['event'];

/**
 * The SQLite projection's rules (see ../sqlite/central-event-projection.ts) in PostgreSQL, run
 * inside the ingest transaction for first-seen events only. Lock order, to keep two nodes from
 * deadlocking: the office's version counter before any slot row; `nextVersion` is always called
 * before a slot is touched. Each event notes in `writes` what it wrote (a day, or a ticket whose day
 * the drop looks up); the ingest drops those days' report roll-up before it commits, for all its
 * events at once (ReportWrites in postgres-report-days.ts). Cheaper than in each event's statement:
 * that cost a third of ingest throughput, and even a day RETURNING from touchVisit's statement ~7%
 * (measured on the 2-core machine, 120,000 events each way, batches alternating).
 */
export function createPostgresEventProjection(nextVersion: (client: pg.PoolClient, officeId: string) => Promise<number>, dayOf: (officeId: string, at: number) => Promise<string>) {
  const ended = async (c: pg.PoolClient, status: string, at: number, serviceMs: number | null, officeId: string, ticketId: string, writes: ReportWrites) => {
    await c.query(`UPDATE tickets SET status = $1, ended_at = $2, service_ms = COALESCE($3, service_ms) WHERE office_id = $4 AND id = $5`, [status, at, serviceMs, officeId, ticketId]);
    writes.ticket(officeId, ticketId);
  };
  const setStatus = async (c: pg.PoolClient, status: string, officeId: string, ticketId: string, writes: ReportWrites) => {
    await c.query(`UPDATE tickets SET status = $1 WHERE office_id = $2 AND id = $3`, [status, officeId, ticketId]);
    writes.ticket(officeId, ticketId);
  };
  const bookingFrom = async (c: pg.PoolClient, status: string, officeId: string, bookingId: string, writes: ReportWrites) => {
    const version = await nextVersion(c, officeId);
    const r = bookingDays(writes, officeId, await c.query(`UPDATE bookings SET status = $1, version = $2 WHERE id = $3 AND office_id = $4 AND status = 'booked'
      RETURNING service_id, slot_start, office_day`, [status, version, bookingId, officeId]));
    return r.rows[0] as { service_id: string; slot_start: number } | undefined;
  };

  /** Answers whether a booking's state changed, so the office's copy may need a nudge; notes what it wrote in `writes`. */
  return async function project(c: pg.PoolClient, officeId: string, event: Event, writes: ReportWrites): Promise<boolean> {
    switch (event.type) {
      case 'ticket.issued':
        await insertIssuedTickets(c, [{ officeId, event }], writes);
        return false;
      case 'ticket.called':
        await touchVisit(c, officeId, event.ticketId, `status = 'called', first_called_at = COALESCE(first_called_at, $3), desk_id = $4,
          operator_id = COALESCE($5, operator_id)`, [event.at, event.deskId, text(event['operatorId'])], writes);
        return false;
      case 'ticket.recalled':
      case 'ticket.category-checked':
        return false;
      case 'ticket.serving-started':
        await setStatus(c, 'serving', officeId, event.ticketId, writes);
        return false;
      case 'ticket.postponed':
        await setStatus(c, 'postponed', officeId, event.ticketId, writes);
        return false;
      case 'ticket.finished':
        await touchVisit(c, officeId, event.ticketId, `status = 'done', ended_at = $3, service_ms = $4, outcome_id = $5, desk_id = COALESCE($6, desk_id),
          operator_id = COALESCE($7, operator_id)`, [event.at, event.serviceMs, text(event['outcomeId']), text(event['deskId']), text(event['operatorId'])], writes);
        return false;
      case 'ticket.no-show':
        await ended(c, 'no-show', event.at, null, officeId, event.ticketId, writes);
        return false;
      case 'ticket.cancelled':
        await ended(c, 'cancelled', event.at, null, officeId, event.ticketId, writes);
        return false;
      case 'ticket.transferred':
        await touchVisit(c, officeId, event.ticketId, `status = 'waiting', service_id = $3, transfers = transfers + 1`, [event.toServiceId], writes);
        return false;
      case 'ticket.rated':
        await touchVisit(c, officeId, event.ticketId, `rating = $3, rated_at = $4`, [event.value, event.at], writes);
        return false;
      case 'booking.created': {
        const b = event.booking;
        // Central's own bookings come back up once the office holds them; they are known already.
        if ((await c.query(`SELECT 1 FROM bookings WHERE id = $1`, [b.id])).rowCount) return false;
        const name = typeof b['customerName'] === 'string' ? b['customerName'] : null;
        const phone = officeBookingPhone(b);
        const version = await nextVersion(c, officeId);
        const day = await dayOf(officeId, b.slotStart);
        await c.query(`INSERT INTO bookings (id, code, office_id, service_id, slot_start, slot_minutes, office_day, status, origin,
          customer_name, phone, created_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', 'office', $8, $9, $10, $11)`,
          [b.id, b.code, officeId, b.serviceId, b.slotStart, b.slotMinutes, day, name, phone, event.at, version]);
        writes.day(officeId, day);
        // Booked at the office: may go past capacity (both sides took the last place while the link
        // was down, and both visitors come), but the booking page must not offer it again.
        await c.query(`INSERT INTO slot_places (office_id, service_id, slot_start, taken) VALUES ($1, $2, $3, 1)
          ON CONFLICT (office_id, service_id, slot_start) DO UPDATE SET taken = slot_places.taken + 1`, [officeId, b.serviceId, b.slotStart]);
        return true;
      }
      case 'booking.checked-in': {
        const status = event.late ? 'late' : 'arrived';
        const version = await nextVersion(c, officeId);
        // A visitor who came is a fact: a check-in wins over a cancel the office had not heard of
        // (made on central's booking page while the office checked the visitor in, or before it
        // relinked). The row is locked first so `before` is the status this update replaces.
        const r = bookingDays(writes, officeId, await c.query(`WITH before AS (SELECT id, status FROM bookings WHERE id = $4 AND office_id = $5 FOR UPDATE)
          UPDATE bookings b SET status = $1, ticket_id = $2, version = $3 FROM before WHERE b.id = before.id AND before.status <> $1
          RETURNING b.office_day, b.service_id, b.slot_start, before.status AS before`, [status, event.ticketId, version, event.bookingId, officeId]));
        const row = r.rows[0] as { service_id: string; slot_start: number; before: string } | undefined;
        // ...and the place that cancel freed is taken again: the visitor is there, the page must not sell it.
        if (row?.before === 'cancelled') {
          await c.query(`INSERT INTO slot_places (office_id, service_id, slot_start, taken) VALUES ($1, $2, $3, 1)
            ON CONFLICT (office_id, service_id, slot_start) DO UPDATE SET taken = slot_places.taken + 1`, [officeId, row.service_id, row.slot_start]);
        }
        return row !== undefined;
      }
      case 'booking.cancelled': {
        const freed = await bookingFrom(c, 'cancelled', officeId, event.bookingId, writes);
        if (freed) {
          await c.query(`UPDATE slot_places SET taken = taken - 1 WHERE office_id = $1 AND service_id = $2 AND slot_start = $3 AND taken > 0`,
            [officeId, freed.service_id, freed.slot_start]);
        }
        return freed !== undefined;
      }
      case 'day.earlier-closed': {
        for (const ticketId of event.cancelledTicketIds) await ended(c, 'cancelled', event.at, null, officeId, ticketId, writes);
        let changed = false;
        for (const bookingId of event.expiredBookingIds) changed = (await bookingFrom(c, 'expired', officeId, bookingId, writes)) !== undefined || changed;
        return changed;
      }
      // A place taken from home arriving or passed over: the office's queue, not central's counts.
      case 'ticket.arrived':
      case 'ticket.remote-skipped':
      case 'desk.opened':
      case 'desk.paused':
      case 'desk.resumed':
      case 'desk.closed':
        return false;
      default:
        return missing(event);
    }
  };
}

export type IssuedEvent = Extract<Event, { type: 'ticket.issued' }>;

/**
 * The tickets of many `ticket.issued` events in one statement (a group commit's pushes of many
 * offices). An issued event only makes its own ticket's row, so the group may insert them all
 * before the other first-seen events, which touch tickets made earlier.
 */
export async function insertIssuedTickets(c: pg.PoolClient, issued: readonly { officeId: string; event: IssuedEvent }[], writes: ReportWrites): Promise<void> {
  if (issued.length === 0) return;
  for (const { officeId, event } of issued) writes.day(officeId, event.ticket.officeDay);
  const column = <T>(pick: (i: { officeId: string; event: IssuedEvent }) => T) => issued.map(pick);
  await c.query(`INSERT INTO tickets (office_id, id, number, service_id, office_day, kind, booking_id, issued_at, queued_at, status,
      first_service_id, account_key)
    SELECT o, i, n, s, d, k, b, ia, qa, 'waiting', s, ak
    FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[])
      AS t(o, i, n, s, d, k, b, ia, qa, ak)
    ON CONFLICT DO NOTHING`, [
    column((i) => i.officeId), column((i) => i.event.ticket.id), column((i) => i.event.ticket.number), column((i) => i.event.ticket.serviceId),
    column((i) => i.event.ticket.officeDay), column((i) => i.event.ticket.kind), column((i) => i.event.ticket.bookingId ?? i.event.lateBookingId ?? null),
    column((i) => i.event.ticket.issuedAt), column((i) => i.event.ticket.queuedAt), column((i) => i.event.ticket.accountKey ?? null),
  ]);
}

function missing(event: never): never {
  throw new Error(`unhandled office event ${JSON.stringify(event)}`);
}

/**
 * Updates a visit and, in the same statement (one round trip), drops its day's quality counts: a
 * late event makes them stale, and the next read counts the day again. `set` uses $3 onwards.
 */
async function touchVisit(c: pg.PoolClient, officeId: string, ticketId: string, set: string, params: unknown[], writes: ReportWrites) {
  await c.query(
    `WITH t AS (UPDATE tickets SET ${set} WHERE office_id = $1 AND id = $2 RETURNING office_day)
      DELETE FROM quality_days q USING t WHERE q.office_id = $1 AND q.office_day = t.office_day`,
    [officeId, ticketId, ...params],
  );
  writes.ticket(officeId, ticketId);
}

/** Notes the office days a booking write returned; answers the result. */
function bookingDays(writes: ReportWrites, officeId: string, result: pg.QueryResult): pg.QueryResult {
  for (const row of result.rows as { office_day: string }[]) writes.day(officeId, row.office_day);
  return result;
}

/** Fields central reads beyond the schema's named ones arrive as unknown: a string or nothing. */
function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
