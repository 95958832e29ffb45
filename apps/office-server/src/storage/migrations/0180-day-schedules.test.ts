import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0180: accepted day schedules and the audit trail', () => {
  it('adds both tables to a database at 0170, keeping its tickets', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 170));
    db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status) VALUES ('t1', 'A001', 'payments', '2026-11-24', 'walk-in', 1, 1, 'done')`).run();
    expect(migrate(db, MIGRATIONS.filter((m) => m.version <= 180))).toEqual({ from: 170, to: 180 });
    db.prepare(`INSERT INTO day_schedules (office_day, lunches, expected_share, accepted_by, accepted_at) VALUES ('2026-12-01', '[]', 0.9, 'head', 5)`).run();
    db.prepare(`INSERT INTO audit_trail (at, operator_id, authority, action, subject, body) VALUES (5, 'head', 'head', 'plan.accepted', '2026-12-01', '{}')`).run();
    expect(db.prepare(`SELECT office_day AS day, expected_share AS share FROM day_schedules`).all()).toEqual([{ day: '2026-12-01', share: 0.9 }]);
    expect(db.prepare(`SELECT seq, action FROM audit_trail`).all()).toEqual([{ seq: 1, action: 'plan.accepted' }]);
    expect(db.prepare(`SELECT count(*) AS n FROM tickets`).get()).toEqual({ n: 1 });
    // A day has one schedule: accepting again replaces it.
    expect(() => db.prepare(`INSERT INTO day_schedules (office_day, lunches, accepted_by, accepted_at) VALUES ('2026-12-01', '[]', 'head', 6)`).run()).toThrow(/UNIQUE/);
    db.close();
  });
});
