import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CENTRAL_MIGRATIONS } from './migrations/index.js';
import type { CentralMigration } from './migrations/central-migration.js';

export type CentralDatabase = Database.Database;

export class CentralDatabaseTooNewError extends Error {
  override name = 'CentralDatabaseTooNewError';
}

/**
 * WAL with synchronous=FULL: an office is told its events are safe only after they are on disk,
 * and it deletes nothing on that word, but it stops resending them.
 */
export function openCentralDatabase(file: string, migrations: readonly CentralMigration[] = CENTRAL_MIGRATIONS): CentralDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Freed pages are zeroed: a phone number forgotten past retention must not stay readable in the file.
  db.pragma('secure_delete = ON');
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    db.close();
    throw new CentralDatabaseTooNewError(`the central database is at version ${from}, newer than this service knows (${latest})`);
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db;
}
