import type { SyncOutboxMessage } from '@talon/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../testing/office-summary.js';
import { startTestCentral, TEST_OFFICE_KEYS, type TestCentral } from '../testing/test-central.js';

const north = { officeId: 'north', key: TEST_OFFICE_KEYS.north };
const issued = (n: number, officeId = 'north'): SyncOutboxMessage => ({
  eventId: `e_${officeId}_${n}`,
  officeId,
  seq: n,
  event: {
    type: 'ticket.issued',
    at: 1_790_000_000_000 + n,
    actor: { kind: 'kiosk', deviceId: 'k1' },
    ticket: { id: `t_${n}`, number: `A${String(n).padStart(3, '0')}`, serviceId: 'payments', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: 1_790_000_000_000 + n, queuedAt: 1_790_000_000_000 + n },
  } as SyncOutboxMessage['event'],
});

describe('/office namespace', () => {
  let central: TestCentral;
  afterEach(() => central.stop());

  it.each([
    ['a wrong key', { officeId: 'north', key: TEST_OFFICE_KEYS.south }],
    ['an unknown office', { officeId: 'west', key: 'west-office-key-0009' }],
    ['another office id with this key', { officeId: 'south', key: TEST_OFFICE_KEYS.north }],
    ['no key at all', { officeId: 'north' }],
  ])('refuses %s in the handshake with a code', async (_label, auth) => {
    central = await startTestCentral();
    const error = await central.connectOffice(auth).then(() => undefined, (e: Error & { data?: { code: string } }) => e);
    expect(error?.data?.code).toBe('unauthorized');
  });

  it('keeps one link per office: a newer connection replaces the older', async () => {
    central = await startTestCentral();
    const older = await central.connectOffice(north);
    const dropped = new Promise((resolve) => older.once('disconnect', resolve));
    const newer = await central.connectOffice(north);
    expect(await dropped).toBe('io server disconnect');
    expect(newer.connected).toBe(true);
    const other = await central.connectOffice({ officeId: 'south', key: TEST_OFFICE_KEYS.south });
    await new Promise((r) => setTimeout(r, 50));
    expect(newer.connected && other.connected).toBe(true);
  });

  it('takes events once however often they are sent, and refuses bad batches whole', async () => {
    central = await startTestCentral();
    const office = await central.connectOffice(north);
    expect(await office.emitWithAck('office:hello', { summary: sampleOfficeSummary() })).toEqual({ ok: true, bookingsVersion: 0 });
    const batch = [issued(1), issued(2), issued(3)];
    expect(await office.emitWithAck('events:push', { messages: batch })).toEqual({ ok: true, acked: ['e_north_1', 'e_north_2', 'e_north_3'] });
    // The ack was lost, say: the office sends an overlapping batch again.
    expect(await office.emitWithAck('events:push', { messages: [issued(2), issued(3), issued(4)] })).toMatchObject({ ok: true });
    expect(await central.service.store.eventCount('north')).toBe(4);

    // A batch that skips ahead is taken only up to the gap; central names the seq it needs.
    expect(await office.emitWithAck('events:push', { messages: [issued(4), issued(6), issued(7)] })).toEqual({ ok: true, acked: ['e_north_4'], resendFrom: 5 });
    expect(await office.emitWithAck('events:push', { messages: [issued(5), issued(6), issued(7)] })).toEqual({ ok: true, acked: ['e_north_5', 'e_north_6', 'e_north_7'] });
    expect(await central.service.store.eventCount('north')).toBe(7);

    const refusals: [string, unknown, string][] = [
      ['another office id inside', { messages: [issued(8), issued(9, 'south')] }, 'forbidden'],
      ['seq out of order', { messages: [issued(9), issued(8)] }, 'invalid-payload'],
      ['an unknown event type', { messages: [{ ...issued(9), event: { type: 'ticket.vanished', at: 1, actor: { kind: 'system' } } }] }, 'invalid-payload'],
      ['a rating of 9', { messages: [{ ...issued(10), event: { type: 'ticket.rated', at: 1, actor: { kind: 'device', deviceId: 'a' }, ticketId: 't_1', deskId: 'd1', value: 9 } }] }, 'invalid-payload'],
      ['an issued ticket without a ticket', { messages: [{ ...issued(11), event: { type: 'ticket.issued', at: 1, actor: { kind: 'system' } } }] }, 'invalid-payload'],
      ['an empty batch', { messages: [] }, 'invalid-payload'],
      ['not an object', 'hello', 'invalid-payload'],
    ];
    for (const [label, payload, code] of refusals) {
      expect(await office.emitWithAck('events:push', payload), label).toMatchObject({ ok: false, code });
    }
    expect(await office.emitWithAck('tickets:steal', {})).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await office.emitWithAck('bookings:pull', { since: -1 })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await central.service.store.eventCount('north')).toBe(7);
    expect(await central.service.store.eventCount('south')).toBe(0);
    expect(office.connected).toBe(true);
  });
});
