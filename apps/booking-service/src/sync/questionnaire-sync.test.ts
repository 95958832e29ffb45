import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncOutboxMessage } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { createSqliteCentralStore } from '../storage/sqlite/sqlite-central-store.js';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { syncQuestionnaire } from './questionnaire-sync.js';

const T = Date.UTC(2026, 10, 24, 7, 0);
const MIN = 60_000;
const DAY = '2026-11-24';

/** A served visit as the office sends it: issued, called, finished. */
function served(n: number): SyncOutboxMessage[] {
  const ticketId = `north-t${n}`;
  const on = (k: number, event: Record<string, unknown>) =>
    ({ eventId: `${ticketId}-${k}`, officeId: 'north', seq: (n - 1) * 3 + k + 1, event: { at: T + k * MIN, actor: { kind: 'operator', operatorId: 'op-1' }, ticketId, ...event } }) as unknown as SyncOutboxMessage;
  return [
    { eventId: `${ticketId}-0`, officeId: 'north', seq: (n - 1) * 3 + 1, event: { type: 'ticket.issued', at: T, actor: { kind: 'kiosk', deviceId: 'k1' },
      ticket: { id: ticketId, number: `A00${n}`, serviceId: 'payments', officeDay: DAY, kind: 'walk-in', issuedAt: T, queuedAt: T } } } as SyncOutboxMessage,
    on(1, { type: 'ticket.called', deskId: 'desk-1', operatorId: 'op-1' }),
    on(2, { type: 'ticket.finished', deskId: 'desk-1', operatorId: 'op-7', serviceMs: MIN }),
  ];
}

describe('questionnaire:sync at central', () => {
  it('keeps the office page\'s answers for tickets it holds (once), its page openings, and hands down its own since a moment', async () => {
    const store = createSqliteCentralStore(join(mkdtempSync(join(tmpdir(), 'talon-questionnaire-sync-')), 'central.db'));
    await store.saveOfficeSummary('north', sampleOfficeSummary(), T);
    await store.ingest('north', [...served(1), ...served(2)], T);
    // Central's own phone page: ticket 2 opened and answered there.
    await store.markPhonePageOpened('north', 'north-t2', DAY, T + 20 * MIN);
    await store.saveQuestionnaireAnswer({ officeId: 'north', ticketId: 'north-t2', officeDay: DAY, serviceId: 'payments', operatorId: 'op-7', solved: false, ease: 2, answeredAt: T + 21 * MIN });

    const first = await syncQuestionnaire(store, 'north', {
      since: 0,
      answers: [
        { ticketId: 'north-t1', officeDay: DAY, solved: true, ease: 5, answeredAt: T + 30 * MIN },
        // Its events have not reached central yet: not accepted, the office sends it again.
        { ticketId: 'north-t9', officeDay: DAY, ease: 3, answeredAt: T + 31 * MIN },
        // Answered on central's page already: acknowledged, not counted a second time.
        { ticketId: 'north-t2', officeDay: DAY, solved: true, answeredAt: T + 32 * MIN },
      ],
      pageOpens: [{ ticketId: 'north-t1', officeDay: DAY, openedAt: T + 29 * MIN }],
    }, T + 40 * MIN);
    expect(first).toMatchObject({ ok: true, accepted: ['north-t1', 'north-t2'], opened: ['north-t1'], more: false, until: T + 30 * MIN });
    expect(first.answers).toEqual([
      { ticketId: 'north-t2', officeDay: DAY, solved: false, ease: 2, answeredAt: T + 21 * MIN },
      { ticketId: 'north-t1', officeDay: DAY, solved: true, ease: 5, answeredAt: T + 30 * MIN },
    ]);
    expect(first.pageOpens.map((o) => o.ticketId)).toEqual(['north-t2', 'north-t1']);
    expect(await store.questionnaireAnswers('north', DAY, DAY)).toHaveLength(2);
    expect((await store.questionnaireAnswers('north', DAY, DAY)).find((a) => a.ticketId === 'north-t2')).toMatchObject({ solved: false, ease: 2 });

    const later = await syncQuestionnaire(store, 'north', { since: T + 25 * MIN, answers: [], pageOpens: [] }, T + 41 * MIN);
    expect(later.answers.map((a) => a.ticketId)).toEqual(['north-t1']);
    expect(later.pageOpens.map((o) => o.ticketId)).toEqual(['north-t1']);
    expect(await syncQuestionnaire(store, 'north', { since: T + 31 * MIN, answers: [], pageOpens: [] }, T + 42 * MIN)).toMatchObject({ answers: [], pageOpens: [], until: T + 31 * MIN, more: false });
    // Another office's answers never come down to this one.
    expect((await syncQuestionnaire(store, 'south', { since: 0, answers: [], pageOpens: [] }, T + 43 * MIN)).answers).toEqual([]);
    await store.close();
  });
});
