import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migration 0210: the questionnaire at the office', () => {
  it('keeps tickets from before it, one answer per ticket with at least one question answered, and one page opening per ticket', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version < 210));
    db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status)
      VALUES ('t1', 'A001', 'meters', '2026-11-01', 'walk-in', 1, 1, 'done')`).run();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 210));
    expect(db.prepare(`SELECT id FROM tickets`).all()).toEqual([{ id: 't1' }]);
    const answer = db.prepare(`INSERT INTO questionnaire_answers (ticket_id, office_day, solved, ease, answered_at, source) VALUES (?, '2026-11-01', ?, ?, 5, ?)`);
    answer.run('t1', 1, null, 'office');
    expect(() => answer.run('t1', 0, 3, 'central')).toThrow(/UNIQUE/);
    expect(() => answer.run('t2', null, null, 'office')).toThrow(/CHECK/);
    expect(() => answer.run('t3', null, 6, 'office')).toThrow(/CHECK/);
    expect(() => answer.run('t4', 1, 2, 'kiosk')).toThrow(/CHECK/);
    db.prepare(`INSERT INTO ticket_page_opens (ticket_id, office_day, opened_at) VALUES ('t1', '2026-11-01', 3)`).run();
    expect(db.prepare(`INSERT OR IGNORE INTO ticket_page_opens (ticket_id, office_day, opened_at) VALUES ('t1', '2026-11-01', 9)`).run().changes).toBe(0);
    db.close();
  });
});
