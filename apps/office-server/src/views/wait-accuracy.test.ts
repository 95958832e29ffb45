import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../storage/migrate.js';
import { MIGRATIONS } from '../storage/migrations/index.js';
import { createWaitAccuracyReader } from './wait-accuracy.js';

const MINUTE = 60_000;

describe('wait accuracy: told against waited', () => {
  it('mean error, bias and share inside the range, by office day; tickets not yet called are not counted', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const ticket = db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status, first_called_at)
      VALUES (?, ?, 'meters', ?, 'walk-in', 0, 0, 'done', ?)`);
    const told = db.prepare(`INSERT INTO wait_told VALUES (?, ?, 0, ?, ?, ?, ?)`);
    // Told 10 (8-14), waited 12: error -2, inside. Told 5 (3-7), waited 9: error -4, outside.
    // Told 20 (15-25), waited 17: error +3, inside. On the 2nd: told 6 (4-8), waited 6.
    // Not yet called: told 30, not counted.
    const rows: [string, string, number, number, number, number | null][] = [
      ['a', '2026-12-01', 10, 8, 14, 12],
      ['b', '2026-12-01', 5, 3, 7, 9],
      ['c', '2026-12-01', 20, 15, 25, 17],
      ['d', '2026-12-02', 6, 4, 8, 6],
      ['e', '2026-12-02', 30, 20, 40, null],
    ];
    for (const [id, day, min, from, to, waited] of rows) {
      ticket.run(id, id.toUpperCase(), day, waited === null ? null : waited * MINUTE);
      told.run(id, day, min, from, to, min);
    }
    const accuracy = createWaitAccuracyReader(db);
    expect(accuracy('2026-12-01', '2026-12-01')).toEqual({ counted: 3, meanAbsErrorMin: 3, biasMin: -1, insideRangeShare: 2 / 3 });
    expect(accuracy('2026-12-02', '2026-12-02')).toEqual({ counted: 1, meanAbsErrorMin: 0, biasMin: 0, insideRangeShare: 1 });
    // Mean |error| 9/4 = 2.25 and bias -3/4 = -0.75, to a tenth (half up: -0.7).
    expect(accuracy('2026-12-01', '2026-12-31')).toEqual({ counted: 4, meanAbsErrorMin: 2.3, biasMin: -0.7, insideRangeShare: 3 / 4 });
    expect(accuracy('2026-11-01', '2026-11-30')).toEqual({ counted: 0, meanAbsErrorMin: null, biasMin: null, insideRangeShare: null });
    db.close();
  });
});
