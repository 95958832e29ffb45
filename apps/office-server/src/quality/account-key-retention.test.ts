import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/open-database.js';
import { createQualityStore } from './quality-store.js';

describe('account keys past the repeat window', () => {
  it('are cleared; the visits stay and keep counting as served', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'talon-quality-')), 'talon.db'));
    const insert = db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status, ended_at, account_key)
      VALUES (?, 'A001', 'meters', ?, 'walk-in', ?, ?, 'done', ?, ?)`);
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 10, 1, 7);
    insert.run('old', '2026-11-01', t0, t0, t0 + 60_000, 'k1');
    insert.run('new', '2026-11-20', t0 + 19 * day, t0 + 19 * day, t0 + 19 * day + 60_000, 'k1');
    const store = createQualityStore(db);
    expect(store.clearAccountKeysBefore(t0 + 10 * day)).toBe(1);
    const visits = store.visits('2026-11-01', '2026-11-30');
    expect(visits.map((v) => [v.ticketId, v.accountKey, v.finishedAt !== undefined])).toEqual([
      ['old', undefined, true],
      ['new', 'k1', true],
    ]);
    db.close();
  });
});
