import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export type OfficeDatabase = Database.Database;

/**
 * WAL with synchronous=FULL: a ticket a visitor holds in hand must survive a power cut, so every
 * commit reaches the disk before the kiosk is told the ticket exists.
 */
export function openDatabase(file: string): OfficeDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Forgotten personal data (account numbers, names, phones) is overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  migrate(db, MIGRATIONS);
  return db;
}
