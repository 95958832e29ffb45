import { createHash, randomBytes } from 'node:crypto';
import type { OfficeDatabase } from '../storage/open-database.js';

/** A working day and a bit: a desk logged in at opening stays so until closing, not overnight. */
export const SESSION_MS = 14 * 60 * 60 * 1000;

/** Operator sessions survive a server restart, so desks stay logged in through it. */
export function createSessions(db: OfficeDatabase, now: () => number, lifetimeMs = SESSION_MS) {
  const insert = db.prepare(`INSERT INTO sessions (token_hash, operator_id, created_at, expires_at) VALUES (?, ?, ?, ?)`);
  const find = db.prepare(`SELECT operator_id AS operatorId, expires_at AS expiresAt FROM sessions WHERE token_hash = ? AND expires_at > ?`);
  const remove = db.prepare(`DELETE FROM sessions WHERE token_hash = ?`);
  const purge = db.prepare(`DELETE FROM sessions WHERE expires_at <= ?`);
  const removeAllOf = db.prepare(`DELETE FROM sessions WHERE operator_id = ? AND token_hash <> ?`);
  const hash = (token: string) => createHash('sha256').update(token).digest('hex');

  return {
    open(operatorId: string): { session: string; expiresAt: number } {
      purge.run(now());
      const session = randomBytes(32).toString('base64url');
      const expiresAt = now() + lifetimeMs;
      insert.run(hash(session), operatorId, now(), expiresAt);
      return { session, expiresAt };
    },
    operatorOf(session: string): string | undefined {
      return this.lookup(session)?.operatorId;
    },
    /** The session's person and end, while it holds (not expired, not logged out, not revoked). */
    lookup(session: string): { operatorId: string; expiresAt: number } | undefined {
      return find.get(hash(session), now()) as { operatorId: string; expiresAt: number } | undefined;
    },
    close(session: string): void {
      remove.run(hash(session));
    },
    /** Ends every session of one person but `keep` (the one making the change); returns how many. */
    closeAllOf(operatorId: string, keep?: string): number {
      return removeAllOf.run(operatorId, keep === undefined ? '' : hash(keep)).changes;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
