import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase } from './open-database.js';

describe('migrations', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('brings a new file to the latest version with WAL and FULL sync', () => {
    dir = mkdtempSync(join(tmpdir(), 'talon-migrate-'));
    const db = openDatabase(join(dir, 'office.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['events', 'tickets', 'bookings', 'outbox', 'queue_snapshot', 'sessions']));
    db.close();
  });

  it('is a no-op the second time', () => {
    dir = mkdtempSync(join(tmpdir(), 'talon-migrate-'));
    const db = new Database(join(dir, 'office.db'));
    const first = migrate(db, MIGRATIONS);
    const second = migrate(db, MIGRATIONS);
    expect(first.from).toBe(0);
    expect(second).toEqual({ from: first.to, to: first.to });
    db.close();
  });

  it('rolls a failing migration back whole and leaves the version where it was', () => {
    dir = mkdtempSync(join(tmpdir(), 'talon-migrate-'));
    const db = new Database(join(dir, 'office.db'));
    migrate(db, MIGRATIONS);
    const broken = { version: 990, name: 'broken', up: (d: Database.Database) => { d.exec('CREATE TABLE half (x)'); d.exec('NOT SQL'); } };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database written by a newer Talon', () => {
    dir = mkdtempSync(join(tmpdir(), 'talon-migrate-'));
    const db = new Database(join(dir, 'office.db'));
    db.pragma('user_version = 9990');
    expect(() => migrate(db, MIGRATIONS)).toThrow(DatabaseTooNewError);
    db.close();
  });
});
