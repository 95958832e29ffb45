import type { Database } from 'better-sqlite3';

export interface CentralMigration {
  /** In steps of 10, stored in PRAGMA user_version. */
  version: number;
  name: string;
  up: (db: Database) => void;
}
