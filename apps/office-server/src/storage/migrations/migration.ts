import type { Database } from 'better-sqlite3';

export interface Migration {
  /** In steps of 10, so a fix can slot in between. Stored in PRAGMA user_version. */
  version: number;
  name: string;
  up: (db: Database) => void;
}
