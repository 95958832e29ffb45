import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncOutboxMessage } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { createSqliteCentralStore } from '../storage/sqlite/sqlite-central-store.js';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { silentCentralLogger } from '../logger.js';
import { centralQualityView, countRecentQualityDays, forgetAccountKeys, officesQualityDays } from './central-quality.js';

const DAY = 86_400_000;
const MIN = 60_000;
/** 2 November 2026, 09:00 in Moscow. */
const T = Date.UTC(2026, 10, 2, 6, 0);
const summary = sampleOfficeSummary((s) => {
  s.services[0]!.outcomes = [{ id: 'bill-complaint', name: 'Жалоба на начисление', complaint: true }, { id: 'advised', name: 'Консультация', complaint: false }];
  s.quality = { repeatWindowDays: 30 };
});

/** One served visit as the office sends it: issued with a keyed account, called, finished, rated. */
function visit(seq: number, day: number, account: string | undefined, outcomeId: string, rating: number): SyncOutboxMessage[] {
  const at = T + day * DAY;
  const ticketId = `t${seq}`;
  const on = (n: number, event: Record<string, unknown>) =>
    ({ eventId: `e${seq}-${n}`, officeId: 'north', seq: seq * 4 + n, event: { at: at + n * MIN, actor: { kind: 'operator', operatorId: 'op-1' }, ticketId, ...event } }) as unknown as SyncOutboxMessage;
  const officeDay = new Date(at + 3 * 3_600_000).toISOString().slice(0, 10);
  return [
    {
      eventId: `e${seq}-0`, officeId: 'north', seq: seq * 4,
      event: { type: 'ticket.issued', at, actor: { kind: 'kiosk', deviceId: 'k1' }, ticket: { id: ticketId, number: `A${seq}`, serviceId: 'payments', officeDay, kind: 'walk-in', issuedAt: at, queuedAt: at, ...(account && { accountKey: account }) } },
    } as SyncOutboxMessage,
    on(1, { type: 'ticket.called', deskId: 'desk-1', operatorId: 'op-1' }),
    on(2, { type: 'ticket.finished', deskId: 'desk-1', operatorId: 'op-1', serviceMs: MIN, outcomeId }),
    on(3, { type: 'ticket.rated', value: rating }),
  ];
}

describe('central quality counts', () => {
  it('count a repeat, a complaint and ratings, and keep the repeat after the keys are forgotten', async () => {
    const store = createSqliteCentralStore(join(mkdtempSync(join(tmpdir(), 'talon-central-quality-')), 'central.db'));
    await store.saveOfficeSummary('north', summary, T);
    // Seq starts at 1 at central: the first visit's events are 4..7, so a first empty seq run is skipped.
    const messages = [...visit(1, 0, 'k-anna', 'advised', 5), ...visit(2, 10, 'k-anna', 'bill-complaint', 2), ...visit(3, 12, undefined, 'advised', 4)];
    await store.ingest('north', messages.map((m) => ({ ...m, seq: m.seq - 3 })), T);
    const offices = [['north', summary]] as [string, typeof summary][];
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const now = T + 40 * DAY;
    const before = centralQualityView(await officesQualityDays(store, offices, november, now), offices, () => 'Урал', november);
    expect(before.offices[0]!.current).toMatchObject({
      satisfaction: { served: 3, rated: 3, satisfiedShare: 2 / 3 },
      complaints: { complaints: 1, byOutcome: [{ outcomeId: 'bill-complaint', count: 1 }] },
      repeats: { withAccount: 2, repeats: 1, firstVisitResolution: 0.5 },
    });
    expect(before.offices[0]).toMatchObject({ rank: 1, region: 'Урал' });
    expect(before.company.current.complaints.complaints).toBe(1);

    // A late event drops the day's counts; forgetting the keys counts the missing day first.
    await store.ingest('north', [{ eventId: 'late', officeId: 'north', seq: 13, event: { type: 'ticket.rated', at: now, actor: { kind: 'system' }, ticketId: 't2', value: 1 } } as unknown as SyncOutboxMessage], now);
    expect(await forgetAccountKeys(store, offices, now, now)).toBe(2);
    expect(await store.accountKeyDays(now)).toEqual([]);
    const after = centralQualityView(await officesQualityDays(store, offices, november, now), offices, () => undefined, november);
    expect(after.offices[0]!.current.repeats).toMatchObject({ withAccount: 2, repeats: 1 });
    expect(after.offices[0]!.current.satisfaction.meanRating).toBeCloseTo((5 + 1 + 4) / 3);
    await store.close();
  });

  it('count questionnaire answers beside the repeats: rates over opened pages and all served, solved, ease; a late answer recounts its closed day', async () => {
    const store = createSqliteCentralStore(join(mkdtempSync(join(tmpdir(), 'talon-central-quality-')), 'central.db'));
    await store.saveOfficeSummary('north', summary, T);
    const messages = [...visit(1, 0, 'k-anna', 'advised', 5), ...visit(2, 10, 'k-anna', 'advised', 4), ...visit(3, 10, undefined, 'advised', 4)];
    await store.ingest('north', messages.map((m) => ({ ...m, seq: m.seq - 3 })), T);
    const offices = [['north', summary]] as [string, typeof summary][];
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const now = T + 40 * DAY;
    const view = async () => centralQualityView(await officesQualityDays(store, offices, november, now), offices, () => undefined, november);
    // Counted and stored with no answers: nobody answered, nobody opened a page.
    expect((await view()).offices[0]!.current.questionnaire).toMatchObject({ answered: 0, servedWithPage: 0, responseRate: 0, pageResponseRate: null, solvedShare: null });

    const day = '2026-11-12';
    for (const ticketId of ['t2', 't3']) await store.markPhonePageOpened('north', ticketId, day, now);
    // The repeat visit (t2) says solved: solved, but not on the first visit.
    await store.saveQuestionnaireAnswer({ officeId: 'north', ticketId: 't2', officeDay: day, serviceId: 'payments', operatorId: 'op-1', solved: true, ease: 2, answeredAt: now });
    const current = (await view()).offices[0]!.current;
    expect(current.questionnaire).toEqual({
      served: 3, servedWithPage: 2, answered: 1, responseRate: 1 / 3, pageResponseRate: 0.5,
      solvedShare: 1, meanEase: 2, easyShare: 0, firstVisitResolution: 0,
    });
    // The repeat-based figures stay as they were, beside the answers.
    expect(current.repeats).toMatchObject({ repeats: 1, firstVisitResolution: 0.5 });
    expect(current.effort.effortless).toBe(2);
    expect((await view()).company.current.questionnaire.answered).toBe(1);
    await store.close();
  });

  it("the hourly pass counts the last week's closed days ahead of any view, with a repeat whose first visit is before them; a late rating drops its day in the ingest and the next pass counts it again", async () => {
    const store = createSqliteCentralStore(join(mkdtempSync(join(tmpdir(), 'talon-central-quality-')), 'central.db'));
    await store.saveOfficeSummary('north', summary, T);
    const messages = [...visit(1, 0, 'k-anna', 'advised', 5), ...visit(2, 10, 'k-anna', 'bill-complaint', 2), ...visit(3, 12, undefined, 'advised', 4)];
    await store.ingest('north', messages.map((m) => ({ ...m, seq: m.seq - 3 })), T);
    const offices = [['north', summary]] as [string, typeof summary][];
    // 14 November, 09:00 Moscow: the closed week is 7..13 November; the 14th is today, still open.
    const now = T + 12 * DAY;
    expect(await countRecentQualityDays(store, offices, now, silentCentralLogger())).toBe(7);
    expect((await store.countedQualityDays('2026-11-01', '2026-11-30')).map((d) => d.officeDay).sort()).toEqual(['2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']);
    const twelfth = (await store.qualityDays('2026-11-12', '2026-11-12'))[0]!.counts;
    // The visit of the 12th repeats the one of the 2nd, read from the window before the counted days.
    expect(twelfth).toMatchObject({ withAccount: 1, repeats: 1, all: { served: 1, rated: 1, ratingSum: 2 } });
    expect(await countRecentQualityDays(store, offices, now, silentCentralLogger())).toBe(0);

    await store.ingest('north', [{ eventId: 'late', officeId: 'north', seq: 13, event: { type: 'ticket.rated', at: now, actor: { kind: 'system' }, ticketId: 't2', value: 5 } } as unknown as SyncOutboxMessage], now);
    expect((await store.countedQualityDays('2026-11-12', '2026-11-12'))).toEqual([]);
    expect(await countRecentQualityDays(store, offices, now, silentCentralLogger())).toBe(1);
    expect((await store.qualityDays('2026-11-12', '2026-11-12'))[0]!.counts).toMatchObject({ repeats: 1, all: { rated: 1, ratingSum: 5, satisfied: 1 } });
    // The views read what the pass counted: the same as counting from the visits.
    const week = { from: '2026-11-07', to: '2026-11-13' };
    const counted = centralQualityView(await officesQualityDays(store, offices, week, now), offices, () => undefined, week);
    const fresh = createSqliteCentralStore(join(mkdtempSync(join(tmpdir(), 'talon-central-quality-')), 'central.db'));
    await fresh.saveOfficeSummary('north', summary, T);
    await fresh.ingest('north', messages.map((m) => ({ ...m, seq: m.seq - 3 })), T);
    await fresh.ingest('north', [{ eventId: 'late', officeId: 'north', seq: 13, event: { type: 'ticket.rated', at: now, actor: { kind: 'system' }, ticketId: 't2', value: 5 } } as unknown as SyncOutboxMessage], now);
    expect(counted).toEqual(centralQualityView(await officesQualityDays(fresh, offices, week, now), offices, () => undefined, week));
    await store.close();
    await fresh.close();
  });

  it('the hourly pass logs a failure rather than failing', async () => {
    const failing = { countedQualityDays: async () => Promise.reject(new Error('database away')) } as unknown as Parameters<typeof countRecentQualityDays>[0];
    expect(await countRecentQualityDays(failing, [['north', summary]], T, silentCentralLogger())).toBe(0);
  });
});
