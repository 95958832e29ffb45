import { forecastWaitMin, instantOfLocal, planDay, planSampleDates, scheduledBreakAt, type DayPlan } from '@talon/domain';
import type { AcceptedDaySchedule, OperatorState, PlanView } from '@talon/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { seedPlanHistory } from '../testing/plan-history-seed.js';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { dayPlanRulesFromConfig, deskStaffOf } from './plan-for-day.js';
import { planHistoryOf } from './plan-history.js';

const TODAY = '2026-11-30'; // a Monday
const TOMORROW = '2026-12-01';
const at = (date: string, time: string) => instantOfLocal('Europe/Moscow', date, time);

/** The plan for tomorrow over real Socket.IO, from tickets in a real SQLite file; accepting it moves tomorrow's lunches. */
describe('the plan for tomorrow on the office server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'talon-plan-'));
  const clock = manualClock(at(TODAY, '10:00'));
  // Without the round-the-clock demo hours: the plan reads the office's week.
  const config = demoConfig((c) => {
    c.office.alwaysOpen = false;
  });
  let office: TestOffice;
  let head: Socket;

  beforeAll(async () => {
    expect(seedPlanHistory(join(dataDir, 'talon.db'), { date: TOMORROW, weeks: 6, seed: 5 })).toBeGreaterThan(300);
    office = await startTestOffice({ dataDir, clock, config });
    head = await office.connect('/dashboard', { session: await office.login('head') });
  });
  afterAll(async () => {
    await office?.stop({ wipe: false });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers tomorrow’s plan, the figures the domain builds from the same stored tickets; kiosks are answered meanwhile', async () => {
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const order: string[] = [];
    const planned = command<{ ok: true } & PlanView>(head, 'dashboard:plan', {}, 30_000).then((a) => (order.push('plan'), a));
    // The plan plays a few lunch options per turn of the event loop: a kiosk asking meanwhile is not kept waiting for it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await command(kiosk, 'kiosk:snapshot').then(() => order.push('kiosk'));
    const answer = await planned;
    expect(order).toEqual(['kiosk', 'plan']);
    expect(answer).toMatchObject({ ok: true, today: TODAY, accepted: null });
    const setup = office.app.context.queue.state.setup;
    const rules = dayPlanRulesFromConfig(config, TOMORROW);
    const history = planHistoryOf(office.app.context.db, planSampleDates(setup, TOMORROW, rules).used);
    const expected: DayPlan = planDay({ setup, date: TOMORROW, history, deskStaff: deskStaffOf(config), rules });
    expect(answer.plan).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(answer.plan.sampleDates).toHaveLength(6);
    expect(answer.plan.roster.map((r) => r.operatorId)).toEqual(['op-ivanova', 'op-petrov', 'op-sidorova', 'op-kuznetsov']);
    expect(answer.plan.options[0]!.expectedShare).toBeGreaterThan(0);
    expect(answer.operators['op-ivanova']).toBe('Иванова Мария');
  });

  it('refuses a past date, an unknown operator, and a lunch that ends before it starts', async () => {
    expect(await command(head, 'dashboard:plan', { date: '2026-11-29' })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(await command(head, 'dashboard:accept-plan', { date: TOMORROW, lunches: [{ operatorId: 'nobody', from: '12:00', to: '12:45' }] })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await command(head, 'dashboard:accept-plan', { date: TOMORROW, lunches: [{ operatorId: 'op-ivanova', from: '13:00', to: '12:45' }] })).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(office.app.context.daySchedules.get(TOMORROW, (id) => id)).toBeNull();
  });

  it('accepting makes the lunches tomorrow’s schedule, for tomorrow only, with an audit trail row', async () => {
    const lunches = [
      { operatorId: 'op-ivanova', from: '13:00', to: '13:45' },
      { operatorId: 'op-petrov', from: '11:15', to: '12:00' },
    ];
    const ack = await command<{ ok: true; accepted: AcceptedDaySchedule }>(head, 'dashboard:accept-plan', { date: TOMORROW, lunches, expectedShare: 0.91 });
    expect(ack).toMatchObject({ ok: true, accepted: { date: TOMORROW, lunches, expectedShare: 0.91, acceptedBy: { id: 'head', name: 'Орлова Наталья (руководитель)' } } });
    const schedule = office.app.context.queue.state.setup.schedule;
    expect(scheduledBreakAt(schedule, 'op-ivanova', at(TOMORROW, '12:10'))).toBeUndefined();
    expect(scheduledBreakAt(schedule, 'op-ivanova', at(TOMORROW, '13:10'))).toMatchObject({ from: '13:00', to: '13:45' });
    // Sidorova is not in the plan: her configured lunch stays; next Tuesday is the config's again.
    expect(scheduledBreakAt(schedule, 'op-sidorova', at(TOMORROW, '13:40'))).toMatchObject({ from: '13:30' });
    expect(scheduledBreakAt(schedule, 'op-ivanova', at('2026-12-08', '12:10'))).toMatchObject({ from: '12:00' });
    const audit = office.app.context.daySchedules.auditOf(TOMORROW);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operatorId: 'head', authority: 'head', action: 'plan.accepted', subject: TOMORROW, at: at(TODAY, '10:00') });
    expect(JSON.parse(audit[0]!.body)).toEqual({ lunches, expectedShare: 0.91 });
    // The plan view now shows it, and the current option is the accepted one.
    const view = await command<{ ok: true } & PlanView>(head, 'dashboard:plan', { date: TOMORROW }, 30_000);
    expect(view.accepted?.lunches).toEqual(lunches);
    expect(view.plan.options.find((o) => o.current)?.lunches).toEqual(expect.arrayContaining(lunches));
  });

  it('on the day the queue follows it: the console shows the new lunch and the wait told counts on it', async () => {
    clock.set(at(TOMORROW, '12:55'));
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const ivanova = await office.connect('/operator', { session: await office.login('ivanova') });
    const state = await command<{ ok: true; state: OperatorState }>(ivanova, 'operator:snapshot');
    expect(state.state?.scheduledBreak).toMatchObject({ from: '13:00', to: '13:45', reason: 'lunch' });
    // Only desk 1 open: Ivanova serves one payment from 12:55 (7 min, to 13:02); the plan sends her to lunch at 13:00, not 12:00.
    expect(await command(ivanova, 'desk:open', { deskId: 'desk-1' })).toMatchObject({ ok: true });
    expect(await command(kiosk, 'ticket:issue', { serviceId: 'payments' })).toMatchObject({ ok: true });
    expect(await command(ivanova, 'ticket:call-next')).toMatchObject({ ok: true });
    expect(await command(ivanova, 'ticket:start')).toMatchObject({ ok: true });
    // The next payment is called when she is back at 13:45: 50 minutes; under the config's lunch (12:00-12:45, over) 7.
    const wait = forecastWaitMin(office.app.context.queue.state, 'payments', clock.now());
    expect(wait).toBe(50);
  });

  it('keeps the accepted schedule across a restart', async () => {
    await office.stop({ wipe: false });
    office = await startTestOffice({ dataDir, clock, config });
    expect(scheduledBreakAt(office.app.context.queue.state.setup.schedule, 'op-ivanova', at(TOMORROW, '13:10'))).toMatchObject({ from: '13:00' });
    head = await office.connect('/dashboard', { session: await office.login('head') });
    expect(await command(head, 'dashboard:accept-plan', { date: TOMORROW, lunches: [] })).toMatchObject({ ok: true });
    // Accepted again: a second audit row keeps what it replaced.
    const audit = office.app.context.daySchedules.auditOf(TOMORROW);
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.body).replaced).toHaveLength(2);
  });
});
