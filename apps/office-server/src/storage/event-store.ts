import type { QueueEvent, QueueSnapshot } from '@talon/domain';
import { eventForCentral } from '@talon/protocol';
import type { OfficeDatabase } from './open-database.js';
import { createTicketProjection } from './ticket-projection.js';

export interface StoredEvent {
  seq: number;
  id: string;
  event: QueueEvent;
}

/** What ships to the central service, one row per event, in order. */
export interface OutboxMessage {
  eventId: string;
  officeId: string;
  seq: number;
  event: QueueEvent;
}

/**
 * The office's durable history. `commit` writes a batch of events, their read-table effects, the
 * outbox rows and (sometimes) a queue snapshot in ONE transaction: all of it or none of it.
 */
export interface EventStore {
  commit(batch: { id: string; event: QueueEvent }[], snapshot: (() => QueueSnapshot) | undefined): StoredEvent[];
  loadHistory(): { snapshot: { eventSeq: number; state: QueueSnapshot } | undefined; events: StoredEvent[] };
}

export function createEventStore(
  db: OfficeDatabase,
  officeId: string,
  accountKeyOf?: (accountNumber: string) => string | undefined,
): EventStore {
  const project = createTicketProjection(db, accountKeyOf);
  const insertEvent = db.prepare(`INSERT INTO events (id, type, at, actor, body) VALUES (?, ?, ?, ?, ?)`);
  const insertOutbox = db.prepare(`INSERT INTO outbox (event_id, body) VALUES (?, ?)`);
  const saveSnapshot = db.prepare(`INSERT INTO queue_snapshot (id, event_seq, body) VALUES (1, ?, ?)
    ON CONFLICT (id) DO UPDATE SET event_seq = excluded.event_seq, body = excluded.body`);
  const loadSnapshot = db.prepare(`SELECT event_seq AS eventSeq, body FROM queue_snapshot WHERE id = 1`);
  const eventsAfter = db.prepare(`SELECT seq, id, body FROM events WHERE seq > ? ORDER BY seq`);

  const commit = db.transaction(
    (batch: { id: string; event: QueueEvent }[], snapshot: (() => QueueSnapshot) | undefined): StoredEvent[] => {
      const stored: StoredEvent[] = [];
      for (const { id, event } of batch) {
        const body = JSON.stringify(event);
        const seq = Number(insertEvent.run(id, event.type, event.at, JSON.stringify(event.actor), body).lastInsertRowid);
        project(event);
        const message: OutboxMessage = { eventId: id, officeId, seq, event: withAccountKey(eventForCentral(event), event, accountKeyOf) };
        insertOutbox.run(id, JSON.stringify(message));
        stored.push({ seq, id, event });
      }
      const last = stored.at(-1);
      if (snapshot && last) saveSnapshot.run(last.seq, JSON.stringify(snapshot()));
      return stored;
    },
  );

  return {
    commit: (batch, snapshot) => commit(batch, snapshot),
    /** The last snapshot and every event after it: enough to rebuild the queue after a restart. */
    loadHistory() {
      const row = loadSnapshot.get() as { eventSeq: number; body: string } | undefined;
      const snapshot = row ? { eventSeq: row.eventSeq, state: JSON.parse(row.body) as QueueSnapshot } : undefined;
      const events = (eventsAfter.all(snapshot?.eventSeq ?? 0) as { seq: number; id: string; body: string }[]).map(
        (r) => ({ seq: r.seq, id: r.id, event: JSON.parse(r.body) as QueueEvent }),
      );
      return { snapshot, events };
    },
  };
}

/**
 * Central counts repeat visits as the office does, by the account number's keyed hash: the number
 * itself stays at the office (eventForCentral drops it), its HMAC goes up with the issued ticket.
 */
function withAccountKey(
  forCentral: QueueEvent,
  event: QueueEvent,
  accountKeyOf: ((accountNumber: string) => string | undefined) | undefined,
): QueueEvent {
  if (event.type !== 'ticket.issued' || forCentral.type !== 'ticket.issued' || !event.ticket.accountNumber || !accountKeyOf) return forCentral;
  const accountKey = accountKeyOf(event.ticket.accountNumber);
  return accountKey ? { ...forCentral, ticket: { ...forCentral.ticket, accountKey } as typeof forCentral.ticket } : forCentral;
}
