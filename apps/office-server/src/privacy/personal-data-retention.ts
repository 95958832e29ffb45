import type { Clock } from '../clock.js';
import { DAY_MS, startDailyTask } from '../daily-task.js';
import type { Logger } from '../logger.js';
import type { OfficeDatabase } from '../storage/open-database.js';

export interface Forgotten {
  accountNumbers: number;
  names: number;
  comments: number;
}

/**
 * What the office forgets about people once it has served them: the account number typed at the
 * kiosk, a booked visitor's name and phone, an operator's free-text transfer comment. Tickets, times,
 * outcomes and ratings stay (they are the office's figures, and name nobody); the same fields are
 * cleared in the event log and the outbox, so no copy outlives the others. Each run reads only
 * what crossed the line since the last one (remembered in `housekeeping`), so a daily run over
 * years of log costs a day's rows on the thread the kiosks wait on.
 */
export function createPersonalDataEraser(db: OfficeDatabase): (before: number) => Forgotten {
  const readDoneUntil = db.prepare(`SELECT value FROM housekeeping WHERE name = 'personal-data-forgotten-before'`).pluck();
  const saveDoneUntil = db.prepare(`INSERT INTO housekeeping (name, value) VALUES ('personal-data-forgotten-before', ?)
    ON CONFLICT (name) DO UPDATE SET value = excluded.value`);
  // A booking is made days before its slot: its name goes by the slot, like the bookings row's.
  // Bookings are few, so their events are found by type alone.
  const bookingEvents = `SELECT id FROM events WHERE type = 'booking.created'
    AND json_extract(body, '$.booking.slotStart') >= @from AND json_extract(body, '$.booking.slotStart') < @before`;
  const otherEvents = `SELECT id FROM events WHERE type IN ('ticket.issued', 'ticket.transferred') AND at >= @from AND at < @before`;
  const statements = {
    ticketAccounts: db.prepare(`UPDATE tickets SET account_number = NULL
      WHERE issued_at >= @from AND issued_at < @before AND account_number IS NOT NULL`),
    bookingNames: db.prepare(`UPDATE bookings SET customer_name = NULL, customer_phone = NULL
      WHERE slot_start >= @from AND slot_start < @before AND (customer_name IS NOT NULL OR customer_phone IS NOT NULL)`),
    // Outbox rows carry the names of office bookings up to central; rows from before the outbox
    // left account numbers and comments out may hold those too.
    outbox: db.prepare(`UPDATE outbox SET body = json_remove(body, '$.event.booking.customerName', '$.event.booking.customerPhone', '$.event.ticket.accountNumber', '$.event.comment')
      WHERE event_id IN (${bookingEvents} UNION ALL ${otherEvents})`),
    eventNames: db.prepare(`UPDATE events SET body = json_remove(body, '$.booking.customerName', '$.booking.customerPhone')
      WHERE id IN (${bookingEvents})
        AND (json_extract(body, '$.booking.customerName') IS NOT NULL OR json_extract(body, '$.booking.customerPhone') IS NOT NULL)`),
    eventAccounts: db.prepare(`UPDATE events SET body = json_remove(body, '$.ticket.accountNumber')
      WHERE type = 'ticket.issued' AND at >= @from AND at < @before AND json_extract(body, '$.ticket.accountNumber') IS NOT NULL`),
    eventComments: db.prepare(`UPDATE events SET body = json_remove(body, '$.comment')
      WHERE type = 'ticket.transferred' AND at >= @from AND at < @before AND json_extract(body, '$.comment') IS NOT NULL`),
  };
  return db.transaction((before: number): Forgotten => {
    const from = (readDoneUntil.get() as number | undefined) ?? 0;
    if (before <= from) return { accountNumbers: 0, names: 0, comments: 0 };
    const range = { from, before };
    const accountNumbers = statements.ticketAccounts.run(range).changes;
    const names = statements.bookingNames.run(range).changes;
    statements.outbox.run(range);
    statements.eventNames.run(range);
    statements.eventAccounts.run(range);
    const comments = statements.eventComments.run(range).changes;
    saveDoneUntil.run(before);
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
  return startDailyTask(
    () => {
      const forgotten = forget(clock.now() - retentionDays() * DAY_MS);
      if (forgotten.accountNumbers + forgotten.names + forgotten.comments > 0)
        logger.info({ ...forgotten, retentionDays: retentionDays() }, 'personal data past retention forgotten');
    },
    logger,
    'could not forget personal data past retention',
  );
}
