import type { IssuedTicket } from '@talon/protocol';
import { createDeviceAgent, type AgentStatus, type DeviceAgent } from '@talon/device-agent';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { buildRatingButtonSimulator, SimulatedRatingButton, simavrToolchainPresent } from './support/simavr-rating-button.js';
import { filedPresses, ratedEvents, ratingOf } from './support/office-ratings.js';

// The whole rating path on real parts: the button firmware on a simulated ATmega328P with its
// UART on a pty, the real device agent and driver, a real office server and its SQLite file.
// An operator serves a visitor, the button lights, a press lands on that visitor's ticket.
// Without the AVR toolchain the test is skipped, except under CI where it must run.
const canRun = simavrToolchainPresent || !!process.env.CI;
const BUTTON_ID = 7;

type Issued = { ok: true } & IssuedTicket;
type Dashboard = { state: { ratings: { count: number; distribution: number[] }; devices: { kind: string; id: string; online: boolean }[] } };

describe.skipIf(!canRun)('rating button firmware through the device agent to the office server', () => {
  let sim: SimulatedRatingButton;
  let office: TestOffice;
  let agent: DeviceAgent | undefined;
  let kiosk: Socket;
  let operator: Socket;

  beforeAll(async () => {
    buildRatingButtonSimulator();
    sim = await SimulatedRatingButton.start({ deviceId: BUTTON_ID });
    office = await startTestOffice({
      config: demoConfig((c) => {
        c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: sim.ptyPath, deviceId: BUTTON_ID }];
      }),
    });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    operator = await office.connect('/operator', { session: await office.login('ivanova') });
    expect(await command(operator, 'desk:open', { deskId: 'desk-1' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await agent?.stop();
    await office?.stop();
    await sim?.stop();
  });

  async function startAgent(): Promise<DeviceAgent> {
    const started = createDeviceAgent({ serverUrl: office.url, token: DEMO_TOKENS.agent, logger: pino({ level: 'silent' }), agentVersion: 'e2e' });
    agent = started;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`button not online: ${JSON.stringify(started.status())}\n${sim.log}`)), 10_000);
      const check = (status: AgentStatus) => {
        if (status.link !== 'online' || !status.buttons[0]?.online) return;
        clearTimeout(timer);
        started.off('status', check);
        resolve();
      };
      started.on('status', check);
      started.start();
    });
    return started;
  }

  /** Issues, calls, starts and finishes one visitor at desk 1; returns the ticket id. */
  async function serveOneVisitor(): Promise<string> {
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true, desk: { currentTicket: { id: issued.ticket.id } } });
    expect(await command(operator, 'ticket:start')).toMatchObject({ ok: true });
    expect(sim.ledLit).toBe(false);
    expect(await command(operator, 'ticket:finish')).toMatchObject({ ok: true });
    return issued.ticket.id;
  }

  const dashboard = async () => command<Dashboard>(await office.connect('/dashboard', { session: await office.login('head') }), 'dashboard:snapshot');

  async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  it('lights after service, and one press becomes one rating on the ticket just served', async () => {
    await startAgent();
    const before = await dashboard();
    expect(before.state.devices).toContainEqual(expect.objectContaining({ kind: 'rating-button', id: 'desk-1', online: true }));
    expect(before.state.ratings.count).toBe(0);

    const served = await serveOneVisitor();
    await sim.waitForLed(true);
    await sim.press(4);
    await until(() => ratingOf(office, served) === 4, 'rating 4 on the ticket served');
    await sim.waitForLed(false);

    // A second press after the firmware's 1 s lockout: the window is closed on both sides.
    await sleep(1_100);
    await sim.press(2);
    await sleep(1_200);
    expect(ratingOf(office, served)).toBe(4);
    expect(ratedEvents(office, served)).toEqual([4]);
    const after = await dashboard();
    expect(after.state.ratings.count).toBe(1);
    expect(after.state.ratings.distribution).toEqual([0, 0, 0, 1, 0]);
  });

  it('counts a press made while the agent was away once, from the firmware re-sending it', async () => {
    const served = await serveOneVisitor();
    await sim.waitForLed(true);
    await agent!.stop();

    // Nobody reads the pty: the firmware keeps the event and re-sends it every 500 ms.
    await sim.press(5);
    await sim.waitForLed(false);
    await sleep(1_200);
    expect(ratingOf(office, served)).toBeNull();

    await startAgent();
    await until(() => ratingOf(office, served) === 5, 'rating 5 after the agent came back');
    // Long enough for any further copy to arrive and be dropped.
    await sleep(1_500);
    expect(ratedEvents(office, served)).toEqual([5]);
    const after = await dashboard();
    expect(after.state.ratings.count).toBe(2);
    expect(sim.ledLit).toBe(false);
  });

  it('counts the first press after the button restarted mid-day, though its seq and value repeat an earlier press', async () => {
    // The morning's first press was seq 1, value 4 (the first test). A power blip restarts the
    // firmware: its next press is seq 1 again. With the same value at the same desk within
    // minutes, it must still land on the visitor just served, not be filed as a repeat.
    await sim.reset();
    const served = await serveOneVisitor();
    await sim.waitForLed(true);
    await sim.press(4);
    await until(() => ratingOf(office, served) === 4, 'rating 4 on the ticket served after the restart');
    await sim.waitForLed(false);
    await sleep(1_500);
    expect(ratedEvents(office, served)).toEqual([4]);
    const presses = filedPresses(office, 'desk-1');
    const sameSeqAndValue = presses.filter((p) => p.seq === 1 && p.value === 4);
    expect(sameSeqAndValue).toHaveLength(2);
    expect(sameSeqAndValue.map((p) => p.outcome)).not.toContain('repeat');
    expect(sameSeqAndValue[1]!.ticketId).toBe(served);
    expect((await dashboard()).state.ratings.count).toBe(3);
  });

  it('shows the button offline on the dashboard once the device falls silent', async () => {
    await sim.stop();
    // 3 s of silence makes the driver call it offline; the agent tells the server.
    await until(() => office.app.context.devices.list().some((d) => d.kind === 'rating-button' && d.id === 'desk-1' && !d.online), 'button offline', 10_000);
    expect(agent!.status().buttons).toEqual([{ deskId: 'desk-1', path: sim.ptyPath, deviceId: BUTTON_ID, online: false }]);
    expect((await dashboard()).state.devices).toContainEqual(expect.objectContaining({ kind: 'rating-button', id: 'desk-1', online: false }));
  });
});
