import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { OfficeDatabase } from '../storage/open-database.js';

const DAY_MS = 24 * 60 * 60_000;

export interface Forgotten {
  accountNumbers: number;
  names: number;
  comments: number;
}

/**
 * What the office forgets about people once it has served them: the account number typed at the
 * kiosk, a booked visitor's name, an operator's free-text transfer comment. Tickets, times,
 * outcomes and ratings stay (they are the office's figures, and name nobody); the same fields are
 * cleared in the event log and the outbox, so no copy outlives the others.
 */
export function createPersonalDataEraser(db: OfficeDatabase): (before: number) => Forgotten {
  const statements = {
    ticketAccounts: db.prepare(`UPDATE tickets SET account_number = NULL WHERE account_number IS NOT NULL AND issued_at < ?`),
    bookingNames: db.prepare(`UPDATE bookings SET customer_name = NULL WHERE customer_name IS NOT NULL AND slot_start < ?`),
    eventAccounts: db.prepare(`UPDATE events SET body = json_remove(body, '$.ticket.accountNumber')
      WHERE type = 'ticket.issued' AND at < ? AND json_extract(body, '$.ticket.accountNumber') IS NOT NULL`),
    // A booking is made days before its slot: its name goes by the slot, like the bookings row's.
    eventNames: db.prepare(`UPDATE events SET body = json_remove(body, '$.booking.customerName')
      WHERE type = 'booking.created' AND json_extract(body, '$.booking.slotStart') < ? AND json_extract(body, '$.booking.customerName') IS NOT NULL`),
    eventComments: db.prepare(`UPDATE events SET body = json_remove(body, '$.comment')
      WHERE type = 'ticket.transferred' AND at < ? AND json_extract(body, '$.comment') IS NOT NULL`),
    // Outbox rows carry names of office bookings up to central; rows from before the outbox left
    // account numbers and comments out may still hold those.
    outbox: db.prepare(`UPDATE outbox SET body = json_remove(body, '$.event.booking.customerName', '$.event.ticket.accountNumber', '$.event.comment')
      WHERE json_extract(body, '$.event.at') < ? AND json_extract(body, '$.event.type') IN ('booking.created', 'ticket.issued', 'ticket.transferred')
        AND (json_extract(body, '$.event.booking.customerName') IS NOT NULL OR json_extract(body, '$.event.ticket.accountNumber') IS NOT NULL
          OR json_extract(body, '$.event.comment') IS NOT NULL)
        AND (json_extract(body, '$.event.type') <> 'booking.created' OR json_extract(body, '$.event.booking.slotStart') < ?)`),
  };
  return db.transaction((before: number): Forgotten => {
    const accountNumbers = statements.ticketAccounts.run(before).changes;
    const names = statements.bookingNames.run(before).changes;
    const comments = statements.eventComments.run(before).changes;
    statements.eventAccounts.run(before);
    statements.eventNames.run(before);
    statements.outbox.run(before, before);
    return { accountNumbers, names, comments };
  });
}

/** Forgets what is past the retention now (at start-up) and then once a day, until stopped. */
export function startPersonalDataRetention(
  db: OfficeDatabase,
  clock: Clock,
  retentionDays: () => number,
  logger: Logger,
): { stop(): void } {
  const forget = createPersonalDataEraser(db);
  const run = () => {
    try {
      const forgotten = forget(clock.now() - retentionDays() * DAY_MS);
      if (forgotten.accountNumbers + forgotten.names + forgotten.comments > 0)
        logger.info({ ...forgotten, retentionDays: retentionDays() }, 'personal data past retention forgotten');
    } catch (error) {
      // A busy or failing disk must not stop the office; tomorrow tries again.
      logger.warn({ err: error }, 'could not forget personal data past retention');
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
