import type { IssuedTicket } from '@talon/protocol';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, startTestOffice, type TestOffice } from './testing/test-office.js';

type Issued = { ok: true } & IssuedTicket;

describe('a restart in the middle of the day', () => {
  let dataDir: string | undefined;
  let office: TestOffice | undefined;
  afterEach(async () => {
    await office?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps numbering, the waiting list and the desks as they were', async () => {
    office = await startTestOffice();
    dataDir = office.dataDir;
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('petrov') });
    for (let i = 0; i < 3; i += 1) await command(kiosk, 'ticket:issue', { serviceId: 'payments' });
    await command(kiosk, 'ticket:issue', { serviceId: 'contracts' });
    await command(operator, 'desk:open', { deskId: 'desk-2' });
    await command(operator, 'ticket:call-next');
    const before = office.app.context.queue.state;
    const waitingBefore = [...before.tickets.values()].map((t) => [t.number, t.status]).sort();
    await office.stop({ wipe: false });

    office = await startTestOffice({ dataDir });
    const after = office.app.context.queue.state;
    expect([...after.tickets.values()].map((t) => [t.number, t.status]).sort()).toEqual(waitingBefore);
    expect(after.desks.get('desk-2')).toMatchObject({ status: 'open', operatorId: 'op-petrov' });

    const kioskAgain = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const next = await command<Issued>(kioskAgain, 'ticket:issue', { serviceId: 'payments' });
    expect(next.ticket.number).toBe('A004');
    const operatorAgain = await office.connect('/operator', { session: await office.login('petrov') });
    expect(await command(operatorAgain, 'ticket:start')).toMatchObject({ ok: true });
  });

  it('rebuilds the same state from a snapshot plus the events after it', async () => {
    office = await startTestOffice();
    dataDir = office.dataDir;
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    // More events than one snapshot interval, so the restart reads a snapshot and a tail.
    for (let i = 0; i < 260; i += 1) await command(kiosk, 'ticket:issue', { serviceId: i % 2 ? 'payments' : 'meters' });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    for (let i = 0; i < 250; i += 1) {
      await command(operator, 'ticket:call-next');
      await command(operator, 'ticket:start');
      await command(operator, 'ticket:finish');
    }
    const snapshots = office.app.context.db.prepare('SELECT COUNT(*) FROM queue_snapshot').pluck().get();
    expect(snapshots).toBe(1);
    const before = office.app.context.queue.state;
    await office.stop({ wipe: false });
    office = await startTestOffice({ dataDir });
    const after = office.app.context.queue.state;
    expect([...after.tickets.entries()]).toEqual([...before.tickets.entries()]);
    expect([...after.desks.entries()]).toEqual([...before.desks.entries()]);
    expect([...after.lastNumbers.entries()]).toEqual([...before.lastNumbers.entries()]);
    expect([...after.recentServiceMs.entries()]).toEqual([...before.recentServiceMs.entries()]);
  }, 60_000);
});
