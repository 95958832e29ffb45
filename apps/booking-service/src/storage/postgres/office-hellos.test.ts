import { describe, expect, it, vi } from 'vitest';
import { postgresSuitesRun } from '../../testing/test-postgres.js';
import { postgresStorePerTest } from '../../testing/postgres-store-per-test.js';
import { sampleOfficeSummary } from '../../testing/office-summary.js';
import { createPostgresCentralStore } from './postgres-central-store.js';

const run = await postgresSuitesRun();
const T = Date.UTC(2026, 10, 24, 7, 0);
const offices = (n: number) => Array.from({ length: n }, (_, i) => `office-${String(i).padStart(4, '0')}`);

describe.runIf(run)('PostgreSQL office:hello', () => {
  const each = postgresStorePerTest(4);

  it('answers the hellos of 2,000 offices relinking at once in two statements, not 4,000 round trips', async () => {
    const ids = offices(2000);
    const statements = vi.spyOn(each.store.pool, 'query');
    const answers = await Promise.all(ids.map((o) => each.store.officeHello(o, { ...sampleOfficeSummary(), name: o }, T)));
    expect(answers.every((a) => a.summaryChanged && a.bookingsVersion === 0)).toBe(true);
    expect(statements).toHaveBeenCalledTimes(2);
    expect(Number((await each.sql.query(`SELECT COUNT(*) AS n FROM offices`)).rows[0].n)).toBe(2000);
  });

  it('writes nothing for an unchanged summary, and only the changed one among many', async () => {
    const ids = offices(20);
    await Promise.all(ids.map((o) => each.store.officeHello(o, { ...sampleOfficeSummary(), name: o }, T)));
    const versions = async () => new Map((await each.sql.query(`SELECT id, xmin::text AS x, updated_at FROM offices`)).rows.map((r) => [r.id as string, `${r.x}/${r.updated_at}`]));
    const before = await versions();
    const answers = await Promise.all(ids.map((o) => each.store.officeHello(o, { ...sampleOfficeSummary(), name: o === 'office-0007' ? 'renamed' : o }, T + 1)));
    expect(answers.map((a) => a.summaryChanged)).toEqual(ids.map((o) => o === 'office-0007'));
    const after = await versions();
    expect(ids.filter((o) => after.get(o) !== before.get(o))).toEqual(['office-0007']);
  });

  it("refuses only the office whose summary PostgreSQL refuses; the others' hellos in the same statement are answered", async () => {
    const ids = offices(10);
    // TEXT refuses a NUL character (the time zone is stored as it came, beside the summary's JSON).
    const answers = await Promise.allSettled(ids.map((o) => each.store.officeHello(o, { ...sampleOfficeSummary(), name: o, ...(o === 'office-0003' && { timeZone: 'Europe/Moscow\u0000' }) }, T)));
    expect(answers.map((a) => a.status)).toEqual(ids.map((o) => (o === 'office-0003' ? 'rejected' : 'fulfilled')));
    expect((await each.store.officeSummaries()).size).toBe(9);
  });
});
