import type { QueueEvent } from '@talon/domain';
import { missingCase } from '@talon/domain';
import type { OfficeDatabase } from './open-database.js';

/**
 * Keeps the read tables (tickets, bookings) in step with the event log, inside the same
 * transaction as the append, so a report never sees an event without its effect.
 */
export function createTicketProjection(
  db: OfficeDatabase,
  /** The quality programme's keyed hash of the account number; undefined keeps none. */
  accountKeyOf: (accountNumber: string) => string | undefined = () => undefined,
) {
  const s = {
    insertTicket: db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, category_id, category_check,
        booking_id, account_number, kiosk_id, issued_at, queued_at, status, first_service_id, account_key, remote_request_key, remote_code)
      VALUES (@id, @number, @serviceId, @officeDay, @kind, @categoryId, @categoryCheck, @bookingId, @accountNumber,
        @kioskId, @issuedAt, @queuedAt, 'waiting', @serviceId, @accountKey, @remoteRequestKey, @remoteCode)`),
    arrived: db.prepare(`UPDATE tickets SET arrived_at = ?, arrived_via = ? WHERE id = ?`),
    remoteSkipped: db.prepare(`UPDATE tickets SET remote_skipped_at = ? WHERE id = ?`),
    called: db.prepare(`UPDATE tickets SET status = 'called', desk_id = ?, called_desk_id = ?, operator_id = ?, called_at = ?,
        first_called_at = COALESCE(first_called_at, ?) WHERE id = ?`),
    recalled: db.prepare(`UPDATE tickets SET recalls = ? WHERE id = ?`),
    started: db.prepare(`UPDATE tickets SET status = 'serving', serving_started_at = ? WHERE id = ?`),
    finished: db.prepare(`UPDATE tickets SET status = 'done', ended_at = ?, outcome_id = ?, service_ms = ?,
        end_reason = 'finished' WHERE id = ?`),
    noShow: db.prepare(`UPDATE tickets SET status = 'no-show', ended_at = ?, end_reason = ? WHERE id = ?`),
    transferred: db.prepare(`UPDATE tickets SET status = 'waiting', service_id = ?, desk_id = NULL, operator_id = NULL,
        queued_at = ?, recalls = 0, transfers = transfers + 1 WHERE id = ?`),
    postponed: db.prepare(`UPDATE tickets SET status = 'postponed' WHERE id = ?`),
    categoryChecked: db.prepare(`UPDATE tickets SET category_check = ?, kind = CASE WHEN ? THEN kind ELSE 'walk-in' END
        WHERE id = ?`),
    cancelled: db.prepare(`UPDATE tickets SET status = 'cancelled', ended_at = ?, end_reason = ? WHERE id = ?`),
    rated: db.prepare(`UPDATE tickets SET rating = ?, rated_at = ? WHERE id = ?`),
    insertBooking: db.prepare(`INSERT INTO bookings (id, code, service_id, slot_start, slot_minutes, source, customer_name,
        customer_phone, phone_consent_at, status, updated_at)
        VALUES (@id, @code, @serviceId, @slotStart, @slotMinutes, @source, @customerName, @customerPhone, @phoneConsentAt, 'booked', @at)`),
    bookingStatus: db.prepare(`UPDATE bookings SET status = ?, ticket_id = COALESCE(?, ticket_id), updated_at = ? WHERE id = ?`),
  };

  return function project(event: QueueEvent): void {
    switch (event.type) {
      case 'ticket.issued': {
        const t = event.ticket;
        s.insertTicket.run({
          id: t.id,
          number: t.number,
          serviceId: t.serviceId,
          officeDay: t.officeDay,
          kind: t.kind,
          categoryId: t.categoryId ?? null,
          categoryCheck: t.categoryCheck ?? null,
          bookingId: t.bookingId ?? event.lateBookingId ?? null,
          accountNumber: t.accountNumber ?? null,
          accountKey: (t.accountNumber && accountKeyOf(t.accountNumber)) ?? null,
          kioskId: event.actor.kind === 'kiosk' ? event.actor.deviceId : null,
          issuedAt: t.issuedAt,
          queuedAt: t.queuedAt,
          remoteRequestKey: t.remote?.requestKey ?? null,
          remoteCode: t.remote?.code ?? null,
        });
        return;
      }
      case 'ticket.called':
        s.called.run(event.deskId, event.deskId, event.operatorId, event.at, event.at, event.ticketId);
        return;
      case 'ticket.recalled':
        s.recalled.run(event.recalls, event.ticketId);
        return;
      case 'ticket.serving-started':
        s.started.run(event.at, event.ticketId);
        return;
      case 'ticket.finished':
        s.finished.run(event.at, event.outcomeId ?? null, event.serviceMs, event.ticketId);
        return;
      case 'ticket.no-show':
        s.noShow.run(event.at, event.reason, event.ticketId);
        return;
      case 'ticket.transferred':
        s.transferred.run(event.toServiceId, event.queuedAt, event.ticketId);
        return;
      case 'ticket.postponed':
        s.postponed.run(event.ticketId);
        return;
      case 'ticket.category-checked':
        s.categoryChecked.run(event.documentSeen ? 'confirmed' : 'rejected', event.documentSeen ? 1 : 0, event.ticketId);
        return;
      case 'ticket.cancelled':
        s.cancelled.run(event.at, event.reason, event.ticketId);
        return;
      case 'ticket.rated':
        s.rated.run(event.value, event.at, event.ticketId);
        return;
      case 'ticket.arrived':
        s.arrived.run(event.at, event.via, event.ticketId);
        return;
      case 'ticket.remote-skipped':
        s.remoteSkipped.run(event.at, event.ticketId);
        return;
      case 'booking.created': {
        const b = event.booking;
        s.insertBooking.run({
          id: b.id,
          code: b.code,
          serviceId: b.serviceId,
          slotStart: b.slotStart,
          slotMinutes: b.slotMinutes,
          source: b.source,
          customerName: b.customerName ?? null,
          customerPhone: b.customerPhone ?? null,
          phoneConsentAt: b.phoneConsentAt ?? null,
          at: event.at,
        });
        return;
      }
      case 'booking.checked-in':
        s.bookingStatus.run(event.late ? 'late' : 'arrived', event.ticketId, event.at, event.bookingId);
        return;
      case 'booking.cancelled':
        s.bookingStatus.run('cancelled', null, event.at, event.bookingId);
        return;
      case 'day.earlier-closed':
        for (const ticketId of event.cancelledTicketIds) s.cancelled.run(event.at, 'day-closed', ticketId);
        for (const bookingId of event.expiredBookingIds) s.bookingStatus.run('expired', null, event.at, bookingId);
        return;
      case 'desk.opened':
      case 'desk.paused':
      case 'desk.resumed':
      case 'desk.closed':
        // Desk state lives in the queue snapshot; the event log keeps its history.
        return;
      default:
        missingCase(event);
    }
  };
}
