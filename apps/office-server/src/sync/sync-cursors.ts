import type { SyncOutboxMessage } from '@talon/protocol';
import type { OfficeDatabase } from '../storage/open-database.js';

/** The office's side of the link's bookkeeping: unsent outbox rows and central's booking version taken. */
export function createSyncCursors(db: OfficeDatabase) {
  const unsent = db.prepare(`SELECT body FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?`).pluck();
  const markSent = db.prepare(`UPDATE outbox SET sent_at = ? WHERE event_id = ? AND sent_at IS NULL`);
  const resend = db.prepare(`UPDATE outbox SET sent_at = NULL WHERE sent_at IS NOT NULL
    AND json_extract(body, '$.seq') >= ?`);
  const countUnsent = db.prepare(`SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL`).pluck();
  const readCursor = db.prepare(`SELECT value FROM sync_cursors WHERE name = ?`).pluck();
  const writeCursor = db.prepare(`INSERT INTO sync_cursors (name, value) VALUES (?, ?)
    ON CONFLICT (name) DO UPDATE SET value = excluded.value`);
  const markAll = db.transaction((ids: string[], at: number) => {
    for (const id of ids) markSent.run(at, id);
  });

  return {
    unsent(limit: number): SyncOutboxMessage[] {
      return (unsent.all(limit) as string[]).map((body) => JSON.parse(body) as SyncOutboxMessage);
    },
    /** Central lost or never got rows from `seq` on (a gap, or central restored from a backup). */
    resendFrom(seq: number): number {
      return resend.run(seq).changes;
    },
    unsentCount(): number {
      return countUnsent.get() as number;
    },
    /** Central holds these now; they are never sent again (central would ignore them anyway). */
    markAcked(eventIds: string[], at: number): void {
      markAll(eventIds, at);
    },
    bookingsVersion(): number {
      return (readCursor.get('central-bookings') as number | undefined) ?? 0;
    },
    saveBookingsVersion(version: number): void {
      writeCursor.run('central-bookings', version);
    },
    /** The moment central's questionnaire answers and page openings have been taken up to (ms). */
    questionnaireUntil(): number {
      return (readCursor.get('central-questionnaire') as number | undefined) ?? 0;
    },
    saveQuestionnaireUntil(at: number): void {
      writeCursor.run('central-questionnaire', at);
    },
  };
}
