import { once } from 'node:events';
import { mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { RatingButtonDriver, type RatingButtonDriverEvents, type RatingEvent } from './rating-button-driver.js';
import { RatingButtonError } from './rating-button-errors.js';
import { FakeRatingButton } from './testing/fake-rating-button.js';
import { hasSocat, startPtyPair, type PtyPair } from './testing/pty-pair.js';

const canRun = hasSocat || !!process.env.CI;

// Everything a test starts, stopped whatever the test's outcome.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function pair(): Promise<PtyPair> {
  const ptys = await startPtyPair();
  cleanups.push(() => ptys.stop());
  return ptys;
}

async function device(path: string, deviceId = 1, replies = true): Promise<FakeRatingButton> {
  const fake = await FakeRatingButton.open(path, { deviceId, replies });
  cleanups.push(() => fake.close());
  return fake;
}

async function startedDriver(path: string, options: Partial<ConstructorParameters<typeof RatingButtonDriver>[0]> = {}) {
  const driver = new RatingButtonDriver({ path, deviceId: 1, ...options });
  cleanups.push(() => driver.close());
  const opened = next(driver, 'portOpen');
  driver.start();
  await opened;
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

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe('RatingButtonDriver config', () => {
  it.each([
    ['an empty path', { path: '', deviceId: 1 }],
    ['device id 0', { path: '/dev/null', deviceId: 0 }],
    ['device id 248', { path: '/dev/null', deviceId: 248 }],
    ['a negative offline delay', { path: '/dev/null', deviceId: 1, offlineAfterMs: -1 }],
  ])('refuses %s with a typed error', (_name, options) => {
    expect(() => new RatingButtonDriver(options)).toThrow(RatingButtonError);
    try {
      new RatingButtonDriver(options);
    } catch (error) {
      expect((error as RatingButtonError).code).toBe('invalid-config');
    }
  });

  it('cannot be started again after close', async () => {
    const driver = new RatingButtonDriver({ path: '/nonexistent/rating-button', deviceId: 1 });
    await driver.close();
    expect(() => driver.start()).toThrow(RatingButtonError);
    await expect(driver.ping()).rejects.toMatchObject({ code: 'driver-closed' });
  });
});

describe.skipIf(!canRun)('RatingButtonDriver on a socat pty pair', () => {
  it('acks every copy of a rating and counts it once', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);
    const ratings = record(driver, 'rating');

    // The first copy and two retransmits, 500 ms apart as the firmware sends them.
    for (let copy = 0; copy < 3; copy++) {
      await fake.send({ type: 'E', deviceId: 1, seq: 3, value: 4 });
      await sleep(500);
    }
    await until(() => fake.received.filter((frame) => frame.type === 'A').length === 3);

    expect(fake.received.filter((frame) => frame.type === 'A')).toEqual([
      { type: 'A', deviceId: 1, seq: 3 },
      { type: 'A', deviceId: 1, seq: 3 },
      { type: 'A', deviceId: 1, seq: 3 },
    ]);
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject<Partial<RatingEvent>>({ deviceId: 1, seq: 3, value: 4 });
    expect(ratings[0]?.at).toBeInstanceOf(Date);
  });

  it('counts a seq again once the dedupe window has passed, as after a wrap', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath, { dedupeWindowMs: 800 });
    const ratings = record(driver, 'rating');

    await fake.send({ type: 'E', deviceId: 1, seq: 255, value: 2 });
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 3 });
    await sleep(400);
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 3 });
    await sleep(1_000);
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 5 });
    await until(() => ratings.length === 3);
    await sleep(200);

    expect(ratings.map((rating) => [rating.seq, rating.value])).toEqual([
      [255, 2],
      [1, 3],
      [1, 5],
    ]);
  });

  it('counts seq 1 again after the device reboots', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);
    const ratings = record(driver, 'rating');
    const boots = record(driver, 'boot');

    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 5 });
    await fake.send({ type: 'B', deviceId: 1, firmware: '1.0' });
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 1 });
    await until(() => ratings.length === 2);

    expect(boots).toMatchObject([{ deviceId: 1, firmware: '1.0' }]);
    expect(ratings.map((rating) => rating.value)).toEqual([5, 1]);
  });

  it('counts seq 1 again when the uptime goes backwards though the boot banner was lost', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);
    const ratings = record(driver, 'rating');

    await fake.send({ type: 'H', deviceId: 1, uptimeS: 500, pending: 0, lost: 0 });
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 5 });
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 5 });
    await fake.send({ type: 'H', deviceId: 1, uptimeS: 1, pending: 0, lost: 0 });
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 2 });
    await until(() => ratings.length === 2);
    await sleep(200);

    expect(ratings.map((rating) => rating.value)).toEqual([5, 2]);
  });

  it('counts the first press of a unit replugged after a restart, heard before its banner or first heartbeat', async () => {
    const ptys = await pair();
    let fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);
    const ratings = record(driver, 'rating');
    await fake.send({ type: 'H', deviceId: 1, uptimeS: 14_400, pending: 0, lost: 0 });
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 5 });
    await until(() => ratings.length === 1);

    // Pulled and plugged back restarted: the banner goes in the flush on open, and the press
    // arrives before the first heartbeat of the new boot.
    await fake.close();
    await ptys.unplug();
    const reopened = next(driver, 'portOpen', 4_000);
    await ptys.replug();
    fake = await device(ptys.devicePath);
    await reopened;
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 2 });
    await fake.waitFor((frame) => frame.type === 'A' && frame.seq === 1);
    expect(ratings).toHaveLength(1);
    await fake.send({ type: 'H', deviceId: 1, uptimeS: 1, pending: 0, lost: 0 });
    await until(() => ratings.length === 2);

    expect(ratings.map((rating) => [rating.seq, rating.value])).toEqual([
      [1, 5],
      [1, 2],
    ]);
    expect(ratings[1]!.bootedAt!.getTime() - ratings[0]!.bootedAt!.getTime()).toBeGreaterThan(14_000_000);
  });

  it('passes on a rating held for its boot once the wait is over, when no heartbeat comes', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath, { bootWaitMs: 300 });
    const ratings = record(driver, 'rating');
    const sentAt = Date.now();
    await fake.send({ type: 'E', deviceId: 1, seq: 4, value: 3 });
    await until(() => ratings.length === 1);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(250);
    expect(ratings[0]).toMatchObject({ seq: 4, value: 3 });
    expect(ratings[0]?.bootedAt).toBeUndefined();
  });

  it('opens the window, re-sends it until the device answers, and closes it after a rating', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath, 1, false);
    const driver = await startedDriver(ptys.hostPath);
    fake.startHeartbeat(500);
    await next(driver, 'online');

    const from = fake.mark();
    driver.openWindow();
    expect(driver.isWindowOpen).toBe(true);
    // No K,L comes back, so the state goes out again each second.
    await until(() => fake.received.slice(from).filter((frame) => frame.type === 'L' && frame.open).length >= 3, 4_000);

    const reply = next(driver, 'reply', 2_500);
    fake.replies = true;
    expect((await reply)[0]).toMatchObject({ deviceId: 1, command: 'L' });
    const afterReply = fake.mark();
    await sleep(1_500);
    expect(fake.received.slice(afterReply).filter((frame) => frame.type === 'L')).toEqual([]);

    const closedFrom = fake.mark();
    await fake.send({ type: 'E', deviceId: 1, seq: 9, value: 5 });
    await fake.waitFor((frame) => frame.type === 'L' && !frame.open, closedFrom);
    expect(driver.isWindowOpen).toBe(false);
  });

  it('goes offline after 3 s of silence, online at the next frame, and re-sends the window state', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);
    driver.openWindow();

    // Listening before the frame goes out: on a busy machine the driver may read it before the
    // write's own callback returns here, and an 'online' heard before listening is never heard.
    const heard = next(driver, 'online');
    await fake.send({ type: 'H', deviceId: 1, uptimeS: 10, pending: 0, lost: 0 });
    // Timed by the driver's own clock, from the frame it last heard to its verdict: the test's
    // turns of the event loop on a busy machine would shift either end.
    const [lastHeard] = await heard;
    const [offline] = await next(driver, 'offline', 6_000);
    const silentFor = offline.at.getTime() - lastHeard.at.getTime();

    expect(silentFor).toBeGreaterThanOrEqual(2_900);
    expect(silentFor).toBeLessThan(4_000);
    expect(offline.silentForMs).toBeGreaterThanOrEqual(2_950);
    expect(driver.isOnline).toBe(false);

    const from = fake.mark();
    const online = next(driver, 'online');
    await fake.send({ type: 'H', deviceId: 1, uptimeS: 14, pending: 0, lost: 0 });
    await online;
    expect(driver.isOnline).toBe(true);
    await fake.waitFor((frame) => frame.type === 'L' && frame.open, from);
  });

  it('reports heartbeats and answers ping, and a silent device times the ping out', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);

    const heartbeat = next(driver, 'heartbeat');
    await fake.send({ type: 'H', deviceId: 1, uptimeS: 42, pending: 2, lost: 1 });
    expect((await heartbeat)[0]).toMatchObject({ deviceId: 1, uptimeS: 42, pending: 2, lost: 1 });

    const roundTrip = await driver.ping();
    expect(roundTrip).toBeGreaterThanOrEqual(0);
    expect(roundTrip).toBeLessThan(1_000);

    fake.replies = false;
    await expect(driver.ping(300)).rejects.toMatchObject({ name: 'RatingButtonError', code: 'timeout' });
  });

  it('drops noise and frames from another device without acking or counting them', async () => {
    const ptys = await pair();
    const fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);
    const ratings = record(driver, 'rating');
    const drops = record(driver, 'frameDropped');

    await fake.sendRaw(Buffer.from('\x00\xff$E,1,1,5*00\r\n$E,1,1,9*', 'latin1'));
    await fake.send({ type: 'E', deviceId: 2, seq: 1, value: 5 });
    await fake.send({ type: 'E', deviceId: 1, seq: 2, value: 1 });
    await until(() => ratings.length === 1);
    await sleep(200);

    expect(ratings).toMatchObject([{ deviceId: 1, seq: 2, value: 1 }]);
    expect(drops.map((drop) => drop.reason)).toEqual(['bad-crc', 'truncated', 'foreign-device']);
    expect(fake.received.filter((frame) => frame.type === 'A')).toEqual([{ type: 'A', deviceId: 1, seq: 2 }]);
  });

  it('reopens an unplugged port with backoff and re-sends the window state', async () => {
    const ptys = await pair();
    let fake = await device(ptys.devicePath);
    const driver = await startedDriver(ptys.hostPath);
    const failedOpens = record(driver, 'portError');
    driver.openWindow();
    await fake.waitFor((frame) => frame.type === 'L' && frame.open);

    const closed = next(driver, 'portClose');
    await fake.close();
    await ptys.unplug();
    const [lost] = await closed;
    expect(lost.retryInMs).toBe(250);
    expect(driver.isPortOpen).toBe(false);

    // Attempts fail while the adapter is out, each waiting twice as long as the one before.
    await until(() => failedOpens.length >= 2);
    expect(failedOpens.map((failure) => failure.retryInMs)).toEqual([500, 1_000]);

    const reopened = next(driver, 'portOpen', 4_000);
    await ptys.replug();
    fake = await device(ptys.devicePath);
    await reopened;
    await fake.waitFor((frame) => frame.type === 'L' && frame.open);

    const rating = next(driver, 'rating');
    await fake.send({ type: 'E', deviceId: 1, seq: 1, value: 4 });
    expect((await rating)[0]).toMatchObject({ seq: 1, value: 4 });
  });

  it('notices its path now names another device and reopens it there', async () => {
    // A by-id symlink re-pointed, as udev does when an adapter is replugged fast.
    const first = await pair();
    const second = await pair();
    const dir = mkdtempSync(join(tmpdir(), 'talon-by-id-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const byId = join(dir, 'usb-rating-button');
    symlinkSync(first.hostPath, byId);
    const oldDevice = await device(first.devicePath);
    const newDevice = await device(second.devicePath);
    const driver = await startedDriver(byId);
    driver.openWindow();
    await oldDevice.waitFor((frame) => frame.type === 'L' && frame.open);

    const closed = next(driver, 'portClose');
    symlinkSync(second.hostPath, `${byId}.new`);
    renameSync(`${byId}.new`, byId);
    expect((await closed)[0].reason).toMatch(/another device/);
    await next(driver, 'portOpen');
    await newDevice.waitFor((frame) => frame.type === 'L' && frame.open);
  });

  it('keeps trying a port that is absent at start, and stops for good on close', async () => {
    const ptys = await pair();
    await ptys.unplug();
    const driver = new RatingButtonDriver({ path: ptys.hostPath, deviceId: 1, reopenBackoff: { initialMs: 100, maxMs: 200 } });
    cleanups.push(() => driver.close());
    const failedOpens = record(driver, 'portError');
    const opens = record(driver, 'portOpen');
    driver.start();
    await until(() => failedOpens.length >= 3);
    expect(failedOpens.map((failure) => failure.retryInMs).slice(0, 3)).toEqual([100, 200, 200]);

    const opened = next(driver, 'portOpen');
    await ptys.replug();
    await opened;
    expect(driver.isPortOpen).toBe(true);

    await driver.close();
    await driver.close();
    expect(driver.isPortOpen).toBe(false);
    await ptys.unplug();
    await ptys.replug();
    await sleep(500);
    expect(opens).toHaveLength(1);
  });
});
