import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RatingButtonDriver, type HeartbeatEvent, type RatingButtonDriverEvents } from '@talon/rating-button';
import {
  buildRatingButtonSimulator,
  runFirmwareHostTests,
  SimulatedRatingButton,
  simavrToolchainPresent,
} from './support/simavr-rating-button.js';

// The real firmware, built from hardware/rating-button, on a simulated ATmega328P whose UART is
// a pty and whose clock is held to wall time: 9600 baud and the 500 ms / 1 s timers are real.
const canRun = simavrToolchainPresent || !!process.env.CI;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function simulator(options: { deviceId?: number } = {}): Promise<SimulatedRatingButton> {
  const sim = await SimulatedRatingButton.start(options);
  cleanups.push(() => sim.stop());
  return sim;
}

function driverFor(sim: SimulatedRatingButton, deviceId = 1): RatingButtonDriver {
  const driver = new RatingButtonDriver({ path: sim.ptyPath, deviceId });
  cleanups.push(() => driver.close());
  return driver;
}

function next<K extends keyof RatingButtonDriverEvents>(driver: RatingButtonDriver, event: K, timeoutMs = 3_000) {
  return once(driver as never, event, { signal: AbortSignal.timeout(timeoutMs) }) as Promise<RatingButtonDriverEvents[K]>;
}

function record<K extends keyof RatingButtonDriverEvents>(driver: RatingButtonDriver, event: K): RatingButtonDriverEvents[K][0][] {
  const seen: RatingButtonDriverEvents[K][0][] = [];
  driver.on(event, ((payload: RatingButtonDriverEvents[K][0]) => seen.push(payload)) as never);
  return seen;
}

/** Starts a driver and waits for the firmware's first heartbeat, which brings it online. */
async function onlineDriver(sim: SimulatedRatingButton, deviceId = 1): Promise<RatingButtonDriver> {
  const driver = driverFor(sim, deviceId);
  const online = next(driver, 'online');
  driver.start();
  await online;
  return driver;
}

async function nextHeartbeat(driver: RatingButtonDriver): Promise<HeartbeatEvent> {
  return (await next(driver, 'heartbeat', 2_500))[0];
}

describe.skipIf(!canRun)('rating button firmware under simavr', () => {
  beforeAll(() => {
    buildRatingButtonSimulator();
  });

  it('passes its host-side tests of frames and the rating queue', () => {
    expect(runFirmwareHostTests()).toMatch(/firmware host tests passed/);
  });

  it('sends exactly one rating for a press in an open window, and puts the LED out', async () => {
    const sim = await simulator();
    const driver = await onlineDriver(sim);
    const ratings = record(driver, 'rating');

    driver.openWindow();
    await sim.waitForLed(true);
    // A cheap switch chatters; the debounce must still see one press.
    await sim.bounce(5);
    const [rating] = await next(driver, 'rating');
    expect(rating).toMatchObject({ deviceId: 1, seq: 1, value: 5 });
    await sim.waitForLed(false);

    // Acked at once, so nothing stays pending and no retransmit shows up as a second rating.
    await sleep(1_200);
    expect((await nextHeartbeat(driver)).pending).toBe(0);
    expect(ratings).toHaveLength(1);
    expect(driver.isWindowOpen).toBe(false);
  });

  it('ignores a press while the window is closed', async () => {
    const sim = await simulator();
    const driver = await onlineDriver(sim);
    const ratings = record(driver, 'rating');

    await sim.press(3);
    await sleep(1_500);
    const heartbeat = await nextHeartbeat(driver);

    expect(ratings).toEqual([]);
    expect(heartbeat).toMatchObject({ pending: 0, lost: 0 });
    expect(sim.ledChanges).toEqual([]);
  });

  it('takes no glitch shorter than the 20 ms debounce for a press', async () => {
    const sim = await simulator();
    const driver = await onlineDriver(sim);
    const ratings = record(driver, 'rating');
    driver.openWindow();
    await sim.waitForLed(true);

    await sim.press(3, 12);
    await sleep(600);
    expect(ratings).toEqual([]);
    expect(sim.ledLit).toBe(true);

    await sim.press(3, 30);
    await until(() => ratings.length === 1);
    expect(ratings[0]).toMatchObject({ value: 3 });
  });

  it('ignores presses for 1 s after an accepted one', async () => {
    const sim = await simulator();
    const driver = await onlineDriver(sim);
    const ratings = record(driver, 'rating');

    driver.openWindow();
    await sim.waitForLed(true);
    await sim.press(2, 50);
    await next(driver, 'rating');
    const acceptedAt = Date.now();

    // The host opens the window again at once; a press inside the lockout is dropped.
    driver.openWindow();
    await sim.waitForLed(true);
    await sim.press(4, 50);
    await sleep(Math.max(0, 1_150 - (Date.now() - acceptedAt)));
    expect(ratings.map((rating) => rating.value)).toEqual([2]);
    expect(sim.ledLit).toBe(true);

    await sim.press(4, 50);
    await until(() => ratings.length === 2);
    expect(ratings.map((rating) => [rating.seq, rating.value])).toEqual([
      [1, 2],
      [2, 4],
    ]);
  });

  it('re-sends a rating nobody acked, and it counts once when the host comes back', async () => {
    const sim = await simulator();
    const first = await onlineDriver(sim);
    first.openWindow();
    await sim.waitForLed(true);
    await first.close();

    await sim.press(1);
    await sim.waitForLed(false);
    // Long enough for a few retransmits into a port nobody reads.
    await sleep(1_600);

    const second = driverFor(sim);
    const ratings = record(second, 'rating');
    const heartbeats = record(second, 'heartbeat');
    second.start();
    await until(() => ratings.length === 1, 3_000);
    expect(ratings[0]).toMatchObject({ deviceId: 1, seq: 1, value: 1 });

    await until(() => heartbeats.some((heartbeat) => heartbeat.pending === 0), 3_000);
    await sleep(1_100);
    expect(ratings).toHaveLength(1);
    expect(heartbeats.at(-1)).toMatchObject({ pending: 0, lost: 0 });
  });

  it('takes its device id from EEPROM, beats once a second of wall time, and answers ping', async () => {
    const sim = await simulator({ deviceId: 42 });
    const driver = await onlineDriver(sim, 42);
    const beats = record(driver, 'heartbeat');
    // Five seconds of beats: one late delivery on a busy host moves one end of the span, not the
    // rate, while a simulation running free of the wall clock would crowd them into a fraction of it.
    await until(() => beats.length >= 6, 12_000);
    expect(beats.map((beat) => beat.deviceId)).toEqual(beats.map(() => 42));
    for (let i = 1; i < beats.length; i += 1) expect(beats[i]!.uptimeS - beats[i - 1]!.uptimeS).toBe(1);
    const first = beats[0]!;
    const last = beats.at(-1)!;
    const wallPerBeat = (last.at.getTime() - first.at.getTime()) / (last.uptimeS - first.uptimeS);
    expect(wallPerBeat).toBeGreaterThan(800);
    expect(wallPerBeat).toBeLessThan(1_200);

    // Two frames of about 10 bytes each way at 9600 baud take some 20 ms on a real line; the best
    // of three is the line's time, not a busy scheduler's.
    const roundTrips: number[] = [];
    for (let i = 0; i < 3; i += 1) roundTrips.push(await driver.ping(5_000));
    expect(Math.min(...roundTrips)).toBeGreaterThanOrEqual(10);
    expect(Math.min(...roundTrips)).toBeLessThan(500);
  });
});

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}
