import type { SyncOutboxMessage } from '@talon/protocol';
import { phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, testCentralConfig, TEST_OFFICE_KEYS, type TestCentral } from '../testing/test-central.js';

/** Tuesday 24 November 2026, 10:00 in Moscow. */
const T = Date.UTC(2026, 10, 24, 7, 0);
const OFFICE = 'demo-office';
const MIN = 60_000;

function events(ticketId: string, ending: 'ticket.finished' | 'ticket.no-show' | null, firstSeq: number): SyncOutboxMessage[] {
  const on = (n: number, event: Record<string, unknown>) =>
    ({ eventId: `${ticketId}-${n}`, officeId: OFFICE, seq: firstSeq + n, event: { at: T + n * MIN, actor: { kind: 'operator', operatorId: 'op-1' }, ticketId, ...event } }) as unknown as SyncOutboxMessage;
  const issued = {
    eventId: `${ticketId}-0`, officeId: OFFICE, seq: firstSeq,
    event: { type: 'ticket.issued', at: T, actor: { kind: 'kiosk', deviceId: 'k1' }, ticket: { id: ticketId, number: 'A001', serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T, queuedAt: T } },
  } as SyncOutboxMessage;
  if (!ending) return [issued];
  return [issued, on(1, { type: 'ticket.called', deskId: 'desk-1', operatorId: 'op-1' }),
    on(2, ending === 'ticket.finished' ? { type: ending, deskId: 'desk-1', operatorId: 'op-1', serviceMs: MIN } : { type: ending })];
}

describe('the questionnaire over HTTP', () => {
  let central: TestCentral;
  afterEach(() => central?.stop());

  it('asks only a served visit, keeps one answer, checks the body and the token, and limits an address', async () => {
    central = await startTestCentral({ config: testCentralConfig((c) => void (c.limits.questionnaireAnswersPerAddress = 5)), now: () => T });
    const store = central.service.store;
    await store.saveOfficeSummary(OFFICE, sampleOfficeSummary(), T);
    await store.ingest(OFFICE, [...events('served', 'ticket.finished', 1), ...events('gone', 'ticket.no-show', 4), ...events('waiting', null, 7)], T);
    const key = phoneTokenKeyFromOfficeKey(TEST_OFFICE_KEYS[OFFICE]!);
    const url = (ticketId: string, officeDay = '2026-11-24') => `${central.url}/api/phone/${signPhoneToken({ officeId: OFFICE, ticketId, officeDay }, key)}/questionnaire`;
    const state = async (ticketId: string) => ((await (await fetch(url(ticketId))).json()) as { state: string }).state;
    const post = async (ticketId: string, body: unknown, officeDay?: string) => {
      const response = await fetch(url(ticketId, officeDay), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { ok: boolean; code?: string } };
    };

    expect([await state('served'), await state('gone'), await state('waiting'), await state('unknown')]).toEqual(['open', 'not-served', 'pending', 'pending']);
    expect(await post('served', {})).toMatchObject({ status: 400, body: { code: 'invalid-payload' } });
    expect(await post('gone', { solved: true })).toMatchObject({ status: 409, body: { code: 'questionnaire-not-open' } });
    expect(await post('served', { solved: false, ease: 2 })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await state('served')).toBe('answered');
    expect(await post('served', { solved: true, ease: 5 })).toMatchObject({ status: 409, body: { code: 'questionnaire-answered' } });
    expect(await store.questionnaireAnswers(OFFICE, '2026-11-24', '2026-11-24')).toEqual([{ ticketId: 'served', solved: false, ease: 2, answeredAt: T }]);
    // A token from yesterday is refused before anything is read or counted.
    expect((await post('served', { ease: 3 }, '2026-11-23')).status).toBe(410);
    // Five submissions from this address so far (yesterday's token was refused before the count): the sixth is stopped.
    expect((await post('served', { ease: 3 })).status).toBe(409);
    expect(await post('served', { ease: 3 })).toMatchObject({ status: 429, body: { code: 'rate-limited' } });
  });
});
