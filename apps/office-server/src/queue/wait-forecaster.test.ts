import Database from 'better-sqlite3';
import { applyAll, createQueueState, decide } from '@talon/domain';
import type { IssuedTicket } from '@talon/protocol';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { officeSetupFromConfig } from '../config/office-setup-from-config.js';
import { migrate } from '../storage/migrate.js';
import { MIGRATIONS } from '../storage/migrations/index.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { createWaitForecaster } from './wait-forecaster.js';

type Ok<T> = { ok: true } & T;

/** Monday 10:00 in Moscow; the demo office with its real hours. */
const MONDAY_10_00_MOSCOW = Date.UTC(2026, 10, 30, 7, 0);

describe('the office tells the forward estimate, with a range, and keeps what it told', () => {
  const clock = manualClock(MONDAY_10_00_MOSCOW);
  let office: TestOffice;
  let kiosk: Socket;
  const issue = () => command<Ok<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId: 'payments' });

  beforeAll(async () => {
    office = await startTestOffice({ config: demoConfig((c) => (c.office.alwaysOpen = false)), clock });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    expect(await command(operator, 'desk:open', { deskId: 'desk-1' })).toMatchObject({ ok: true });
  });
  afterAll(() => office.stop());

  it('each ticket is told minutes inside a range, and the office keeps it against the ticket', async () => {
    const issued: Ok<IssuedTicket>[] = [];
    for (let i = 0; i < 3; i += 1) issued.push(await issue());
    for (const ticket of issued) {
      expect(ticket.estimatedWaitMin).not.toBeNull();
      expect(ticket.waitRange!.fromMin).toBeLessThanOrEqual(ticket.estimatedWaitMin!);
      expect(ticket.waitRange!.toMin).toBeGreaterThanOrEqual(ticket.estimatedWaitMin!);
    }
    // One desk, first come first served: each later ticket waits longer.
    expect(issued[2]!.estimatedWaitMin!).toBeGreaterThan(issued[1]!.estimatedWaitMin!);
    const kept = office.app.context.db
      .prepare(`SELECT ticket_id AS id, told_min AS told, range_from_min AS fromMin, range_to_min AS toMin FROM wait_told ORDER BY issued_at, told_min`)
      .all() as { id: string; told: number; fromMin: number; toMin: number }[];
    expect(kept).toEqual(issued.map((t) => ({ id: t.ticket.id, told: t.estimatedWaitMin, fromMin: t.waitRange!.fromMin, toMin: t.waitRange!.toMin })));
  });

  it('one play per queue state: asking again reads the same figures; the status page says the range', async () => {
    const [first] = [...office.app.context.queue.state.tickets.values()].filter((t) => t.status === 'waiting').slice(-1);
    const told = office.app.context.waits.forTicket(first!.id)!;
    expect(office.app.context.waits.forTicket(first!.id)).toEqual(told);
    const page = await (await fetch(`${office.url}/t/${first!.id}`)).text();
    expect(page).toContain(`Примерное ожидание: ${told.fromMin}-${told.toMin} мин`);
  });
});

describe('a database migrated past 0110 before 0110 existed', () => {
  it('has no wait_told: the office still tells the play, with the default range, and keeps nothing', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version !== 110));
    const now = MONDAY_10_00_MOSCOW;
    let state = createQueueState(officeSetupFromConfig(demoConfig((c) => (c.office.alwaysOpen = false))), now);
    const open = decide(state, { command: { type: 'desk.open', deskId: 'desk-1', operatorId: 'op-ivanova' }, actor: { kind: 'system' }, now });
    if (open.ok) state = applyAll(state, open.events);
    const waits = createWaitForecaster(db, () => state, () => now);
    const told = waits.forNewcomer('payments');
    expect(told).toEqual({ estimateMin: 0, fromMin: 0, toMin: 3 });
    db.close();
  });
});
