import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration.js';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`The database is at schema version ${found}, newer than this server knows (${known}). Upgrade Talon, or restore a backup.`);
    this.name = 'DatabaseTooNewError';
  }
}

/** Runs each pending migration in its own transaction; refuses a database from a newer Talon. */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}
