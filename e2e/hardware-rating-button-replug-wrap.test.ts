import type { IssuedTicket } from '@talon/protocol';
import { createDeviceAgent, type DeviceAgent } from '@talon/device-agent';
import { pino } from 'pino';
import type { Socket } from 'socket.io-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';
import { buildRatingButtonSimulator, SimulatedRatingButton, simavrToolchainPresent } from './support/simavr-rating-button.js';
import { connectUsbCable, type UsbCable } from './support/usb-cable.js';
import { filedPresses, ratedEvents, ratingOf } from './support/office-ratings.js';

// The real firmware under simavr, its UART reaching the desk PC through a socat "USB cable" that
// is pulled and plugged back while the firmware runs on, and a wrap of its seq (255 -> 1). The
// firmware is the test build whose first seq after boot is 254 (make sim-seq-wrap), so the wrap
// comes after two presses instead of 254 presses a second apart. The rest is real: the device
// agent and driver, the office server and its SQLite file.
const canRun = simavrToolchainPresent || !!process.env.CI;
const BUTTON_ID = 7;

type Issued = { ok: true } & IssuedTicket;

describe.skipIf(!canRun)('the rating button firmware across a replug and a wrap of its seq', () => {
  let sim: SimulatedRatingButton;
  let cable: UsbCable;
  let office: TestOffice;
  let agent: DeviceAgent | undefined;
  let kiosk: Socket;
  let operator: Socket;

  beforeAll(async () => {
    buildRatingButtonSimulator('seq-wrap');
    sim = await SimulatedRatingButton.start({ deviceId: BUTTON_ID, firmware: 'seq-wrap' });
    cable = await connectUsbCable(sim.ptyPath);
    office = await startTestOffice({
      config: demoConfig((c) => {
        c.ratingButtons = [{ deskId: 'desk-1', agentId: 'agent-1', path: cable.hostPath, deviceId: BUTTON_ID }];
      }),
    });
    kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    operator = await office.connect('/operator', { session: await office.login('ivanova') });
    expect(await command(operator, 'desk:open', { deskId: 'desk-1' })).toMatchObject({ ok: true });
    await startAgent();
  });
  afterAll(async () => {
    await agent?.stop();
    await office?.stop();
    await cable?.stop();
    await sim?.stop();
  });

  async function startAgent(): Promise<void> {
    agent = createDeviceAgent({ serverUrl: office.url, token: DEMO_TOKENS.agent, logger: pino({ level: process.env.AGENT_LOG ?? 'silent' }), agentVersion: 'e2e' });
    agent.start();
    await buttonOnline(true);
  }

  const buttonOnline = (online: boolean) =>
    vi.waitFor(() => expect(agent!.status().buttons[0]?.online, `${JSON.stringify(agent!.status())}\n${sim.log}`).toBe(online), {
      timeout: 10_000,
      interval: 50,
    });
  const presses = () => filedPresses(office, 'desk-1');
  const ratingsCounted = () => office.app.context.db.prepare(`SELECT count(*) FROM events WHERE type = 'ticket.rated'`).pluck().get() as number;

  /** Issues, calls, starts and finishes one visitor at desk 1; returns the ticket id. */
  async function serveOneVisitor(): Promise<string> {
    const issued = await command<Issued>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(await command(operator, 'ticket:call-next')).toMatchObject({ ok: true, desk: { currentTicket: { id: issued.ticket.id } } });
    expect(await command(operator, 'ticket:start')).toMatchObject({ ok: true });
    expect(await command(operator, 'ticket:finish')).toMatchObject({ ok: true });
    return issued.ticket.id;
  }

  const until = (condition: () => boolean, what: string, timeoutMs = 10_000) =>
    vi.waitFor(() => expect(condition(), what).toBe(true), { timeout: timeoutMs, interval: 25 });

  it('counts once a press made while the cable was out, re-sent by the firmware after the replug', async () => {
    const served = await serveOneVisitor();
    await sim.waitForLed(true);

    // The cable is pulled: the host's node vanishes, the firmware runs on, nobody hears it.
    await cable.unplug();
    await buttonOnline(false);
    // The visitor presses anyway: seq 254, re-sent every 500 ms into the unplugged cable.
    await sim.press(4);
    await sim.waitForLed(false);
    await sleep(1_200);
    expect(ratingOf(office, served)).toBeNull();

    await cable.plug();
    await until(() => ratingOf(office, served) === 4, 'rating 4 after the replug');
    // Long enough for any copy still on its way to arrive and be dropped.
    await sleep(1_500);
    expect(ratedEvents(office, served)).toEqual([4]);
    expect(presses().filter((p) => p.outcome === 'counted')).toEqual([{ seq: 254, value: 4, outcome: 'counted', ticketId: served }]);
  });

  it("counts the visitor's press after the wrap (255, then 1), and never twice a copy re-sent while acks were lost, even across an agent restart", async () => {
    // Seq 255: the last before the wrap.
    const beforeWrap = await serveOneVisitor();
    await sim.waitForLed(true);
    await sim.press(3);
    await until(() => ratingOf(office, beforeWrap) === 3, 'rating 3 at seq 255');

    // The next visitor's button is lit; then the host-to-device wire breaks: acks are lost.
    const afterWrap = await serveOneVisitor();
    await sim.waitForLed(true);
    await cable.unplug();
    await cable.plug({ acks: false });
    await buttonOnline(true);
    await sleep(1_100); // the firmware's lockout after the press before
    // Seq 1, the wrap: the firmware re-sends it every 500 ms, never hearing the ack.
    await sim.press(5);
    await until(() => ratingOf(office, afterWrap) === 5, 'rating 5 at seq 1 after the wrap');
    await sleep(1_200);

    // The next visitor is served while copies still come. The desk PC's agent restarts (and the
    // cable with it): a new driver, which remembers no seq and reads the boot afresh off a
    // heartbeat, hears seq 1 again and passes it on. It must not land on this visitor.
    const next = await serveOneVisitor();
    await agent!.stop();
    await cable.unplug();
    await cable.plug({ acks: false });
    await startAgent();
    await until(() => presses().some((p) => p.seq === 1 && p.outcome === 'repeat'), 'a copy of seq 1 heard by the new agent');
    expect(ratingOf(office, next)).toBeNull();

    // The wire is mended: the ack gets through, the button lights for the next visitor.
    await cable.unplug();
    await cable.plug();
    await sim.waitForLed(true, 10_000);
    await sim.press(2);
    await until(() => ratingOf(office, next) === 2, 'rating 2 at seq 2');
    await sleep(1_500);

    expect(ratedEvents(office, beforeWrap)).toEqual([3]);
    expect(ratedEvents(office, afterWrap)).toEqual([5]);
    expect(ratedEvents(office, next)).toEqual([2]);
    expect(ratingsCounted()).toBe(4);
    const counted = presses().filter((p) => p.outcome === 'counted');
    expect(counted.map((p) => [p.seq, p.value, p.ticketId])).toEqual([
      [254, 4, expect.any(String)],
      [255, 3, beforeWrap],
      [1, 5, afterWrap],
      [2, 2, next],
    ]);
    // Every copy of seq 1 names the ticket the first landed on.
    expect(presses().filter((p) => p.seq === 1 && p.outcome === 'repeat').every((p) => p.ticketId === afterWrap)).toBe(true);
  });
});
