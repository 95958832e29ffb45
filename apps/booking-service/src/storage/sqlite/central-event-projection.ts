import type { SyncOutboxMessage } from '@talon/protocol';
import type { CentralDatabase } from './open-central-database.js';
import { officeBookingPhone } from '../booking-row.js';

type Event = SyncOutboxMessage['event'];

/**
 * Central's read tables from an office's events, run inside the ingest transaction for events
 * seen for the first time only, so a resent event never counts twice.
 */
export function createCentralEventProjection(db: CentralDatabase, nextBookingVersion: () => number, dayOf: (officeId: string, at: number) => string) {
  const s = {
    insertTicket: db.prepare(`INSERT OR IGNORE INTO tickets (office_id, id, number, service_id, office_day, kind, booking_id,
      issued_at, queued_at, status, first_service_id, account_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`),
    called: db.prepare(`UPDATE tickets SET status = 'called', first_called_at = COALESCE(first_called_at, ?), desk_id = ?,
      operator_id = COALESCE(?, operator_id) WHERE office_id = ? AND id = ?`),
    finished: db.prepare(`UPDATE tickets SET status = 'done', ended_at = ?, service_ms = ?, outcome_id = ?, desk_id = COALESCE(?, desk_id),
      operator_id = COALESCE(?, operator_id) WHERE office_id = ? AND id = ?`),
    // A late event for a visit makes its day's quality counts stale: they are counted again when read.
    staleDay: db.prepare(`DELETE FROM quality_days WHERE office_id = ? AND office_day = (SELECT office_day FROM tickets WHERE office_id = ? AND id = ?)`),
    // Any write to a ticket or booking drops its day's report roll-up (sqlite-report-days.ts), in this transaction.
    dropReportDay: db.prepare(`DELETE FROM report_days WHERE office_id = ? AND office_day = ?`),
    dropTicketReportDay: db.prepare(`DELETE FROM report_days WHERE office_id = ? AND office_day = (SELECT office_day FROM tickets WHERE office_id = ? AND id = ?)`),
    dropBookingReportDay: db.prepare(`DELETE FROM report_days WHERE (office_id, office_day) = (SELECT office_id, office_day FROM bookings WHERE id = ?)`),
    status: db.prepare(`UPDATE tickets SET status = ? WHERE office_id = ? AND id = ?`),
    ended: db.prepare(`UPDATE tickets SET status = ?, ended_at = ?, service_ms = COALESCE(?, service_ms) WHERE office_id = ? AND id = ?`),
    transferred: db.prepare(`UPDATE tickets SET status = 'waiting', service_id = ?, transfers = transfers + 1 WHERE office_id = ? AND id = ?`),
    rated: db.prepare(`UPDATE tickets SET rating = ?, rated_at = ? WHERE office_id = ? AND id = ?`),
    bookingExists: db.prepare(`SELECT 1 FROM bookings WHERE id = ?`).pluck(),
    insertOfficeBooking: db.prepare(`INSERT INTO bookings (id, code, office_id, service_id, slot_start, slot_minutes, office_day,
      status, origin, customer_name, phone, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', 'office', ?, ?, ?, ?)`),
    bookingStatus: db.prepare(`SELECT status FROM bookings WHERE id = ? AND office_id = ?`).pluck(),
    // A visitor who came is a fact: a check-in wins over a cancel the office had not heard of
    // (made on central's booking page while the office checked the visitor in, or before it relinked).
    checkedIn: db.prepare(`UPDATE bookings SET status = ?, ticket_id = ?, version = ? WHERE id = ? AND office_id = ? AND status <> ?`),
    // ...and the place that cancel freed is taken again: the visitor is there, the page must not sell it.
    retakePlace: db.prepare(`INSERT INTO slot_places (office_id, service_id, slot_start, taken)
      SELECT office_id, service_id, slot_start, 1 FROM bookings WHERE id = ? ON CONFLICT DO UPDATE SET taken = taken + 1`),
    bookingFrom: db.prepare(`UPDATE bookings SET status = ?, version = ? WHERE id = ? AND office_id = ? AND status = 'booked'`),
    takePlace: db.prepare(`INSERT INTO slot_places (office_id, service_id, slot_start, taken) VALUES (?, ?, ?, 1)
      ON CONFLICT DO UPDATE SET taken = taken + 1`),
    freePlace: db.prepare(`UPDATE slot_places SET taken = taken - 1 WHERE (office_id, service_id, slot_start) =
      (SELECT office_id, service_id, slot_start FROM bookings WHERE id = ?) AND taken > 0`),
  };

  const ticketDay = (officeId: string, ticketId: string) => s.dropTicketReportDay.run(officeId, officeId, ticketId);

  /** Answers whether a booking's state changed, so the office's copy may need a nudge. */
  return function project(officeId: string, event: Event): boolean {
    switch (event.type) {
      case 'ticket.issued': {
        const t = event.ticket;
        s.insertTicket.run(officeId, t.id, t.number, t.serviceId, t.officeDay, t.kind, t.bookingId ?? event.lateBookingId ?? null, t.issuedAt, t.queuedAt,
          t.serviceId, t.accountKey ?? null);
        s.dropReportDay.run(officeId, t.officeDay);
        return false;
      }
      case 'ticket.called':
        s.called.run(event.at, event.deskId, text(event['operatorId']), officeId, event.ticketId);
        s.staleDay.run(officeId, officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'ticket.recalled':
      case 'ticket.category-checked':
        return false;
      case 'ticket.serving-started':
        s.status.run('serving', officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'ticket.postponed':
        s.status.run('postponed', officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'ticket.finished':
        s.finished.run(event.at, event.serviceMs, text(event['outcomeId']), text(event['deskId']), text(event['operatorId']), officeId, event.ticketId);
        s.staleDay.run(officeId, officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'ticket.no-show':
        s.ended.run('no-show', event.at, null, officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'ticket.cancelled':
        s.ended.run('cancelled', event.at, null, officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'ticket.transferred':
        s.transferred.run(event.toServiceId, officeId, event.ticketId);
        s.staleDay.run(officeId, officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'ticket.rated':
        s.rated.run(event.value, event.at, officeId, event.ticketId);
        s.staleDay.run(officeId, officeId, event.ticketId);
        ticketDay(officeId, event.ticketId);
        return false;
      case 'booking.created': {
        const b = event.booking;
        // Central's own bookings come back up once the office holds them; they are known already.
        if (s.bookingExists.get(b.id)) return false;
        const name = typeof b['customerName'] === 'string' ? b['customerName'] : null;
        const day = dayOf(officeId, b.slotStart);
        s.insertOfficeBooking.run(b.id, b.code, officeId, b.serviceId, b.slotStart, b.slotMinutes, day, name, officeBookingPhone(b), event.at, nextBookingVersion());
        s.dropReportDay.run(officeId, day);
        // A place booked at the office is a place the booking page must not offer again. It may go
        // past capacity: both sides took the last place while the link was down, and both visitors come.
        s.takePlace.run(officeId, b.serviceId, b.slotStart);
        return true;
      }
      case 'booking.checked-in': {
        const status = event.late ? 'late' : 'arrived';
        const before = s.bookingStatus.get(event.bookingId, officeId) as string | undefined;
        const changed = s.checkedIn.run(status, event.ticketId, nextBookingVersion(), event.bookingId, officeId, status).changes > 0;
        if (changed) s.dropBookingReportDay.run(event.bookingId);
        if (changed && before === 'cancelled') s.retakePlace.run(event.bookingId);
        return changed;
      }
      case 'booking.cancelled': {
        const changed = s.bookingFrom.run('cancelled', nextBookingVersion(), event.bookingId, officeId).changes > 0;
        if (changed) {
          s.freePlace.run(event.bookingId);
          s.dropBookingReportDay.run(event.bookingId);
        }
        return changed;
      }
      case 'day.earlier-closed': {
        for (const ticketId of event.cancelledTicketIds) {
          s.ended.run('cancelled', event.at, null, officeId, ticketId);
          ticketDay(officeId, ticketId);
        }
        let changed = false;
        for (const bookingId of event.expiredBookingIds) {
          if (s.bookingFrom.run('expired', nextBookingVersion(), bookingId, officeId).changes === 0) continue;
          s.dropBookingReportDay.run(bookingId);
          changed = true;
        }
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

function missing(event: never): never {
  throw new Error(`unhandled office event ${JSON.stringify(event)}`);
}

/** Fields central reads beyond the schema's named ones arrive as unknown: a string or nothing. */
function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
