import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { openDatabase } from '../storage/open-database.js';
import { createRatingPresses, REPEAT_HORIZON_MS, SAME_BOOT_MS, sameBootSlackMs } from './rating-presses.js';

const press = { deskId: 'desk-1', buttonDeviceId: 7, seq: 9, value: 5 };

function log() {
  const clock = manualClock(1_800_000_000_000);
  return { clock, presses: createRatingPresses(openDatabase(':memory:'), clock.now) };
}

describe('the rating press log, for an agent that cannot say which boot a press came from', () => {
  it('takes a copy of a counted press for a repeat that names the first one ticket, and writes both down', () => {
    const { clock, presses } = log();
    const first = presses.record(press, { ticketId: 't_1' });
    expect(first.repeatOf).toBeUndefined();
    presses.settle(first.id, 'counted');
    clock.advance(90_000);
    // The next visitor's window is open by now: the copy must still not land on their ticket.
    expect(presses.record(press, { ticketId: 't_2' }).repeatOf).toEqual({ ticketId: 't_1' });
    expect(presses.ofDesk('desk-1').map((p) => [p.outcome, p.ticketId])).toEqual([
      ['counted', 't_1'],
      ['repeat', 't_1'],
    ]);
  });

  it('takes the same seq with another value, another button or after the horizon for a new press', () => {
    const { clock, presses } = log();
    presses.settle(presses.record(press, { ticketId: 't_1' }).id, 'counted');
    expect(presses.record({ ...press, value: 4 }, { ticketId: 't_2' }).repeatOf).toBeUndefined();
    expect(presses.record({ ...press, buttonDeviceId: 8 }, { ticketId: 't_2' }).repeatOf).toBeUndefined();
    expect(presses.record({ ...press, deskId: 'desk-2' }, { ticketId: 't_3' }).repeatOf).toBeUndefined();
    // A button that rebooted starts again at seq 1; its new presses are new once the horizon is past.
    clock.advance(REPEAT_HORIZON_MS + 1);
    expect(presses.record(press, { ticketId: 't_4' }).repeatOf).toBeUndefined();
  });

  it('remembers a press that found no window, so a copy cannot land in the next one', () => {
    const { presses } = log();
    presses.record(press, null);
    expect(presses.record(press, { ticketId: 't_2' }).repeatOf).toEqual({ ticketId: null });
    expect(presses.ofDesk('desk-1').map((p) => p.outcome)).toEqual(['no-window', 'repeat']);
  });

  it('catches a copy that arrives while the first is still being decided', () => {
    const { presses } = log();
    presses.record(press, { ticketId: 't_1' });
    expect(presses.record(press, { ticketId: 't_1' }).repeatOf).toEqual({ ticketId: 't_1' });
    expect(presses.ofDesk('desk-1').map((p) => p.outcome)).toEqual(['claimed', 'repeat']);
  });
});

describe('the rating press log, by the boot of the button', () => {
  const bootedAt = 1_800_000_000_000 - 3_600_000;
  const counted = (presses: ReturnType<typeof log>['presses'], p: typeof press & { bootedAt?: number }, ticketId: string) => {
    const recorded = presses.record(p, { ticketId });
    if (!recorded.repeatOf) presses.settle(recorded.id, 'counted');
    return recorded;
  };

  it("counts a restarted button's first press though an earlier press of the day had the same seq and value", () => {
    const { clock, presses } = log();
    counted(presses, { ...press, seq: 1, bootedAt }, 't_A002');
    clock.advance(60_000);
    // Restarted 30 s ago: a new boot, seq 1 again, the same rating, the next visitor's window.
    const restarted = clock.now() - 30_000;
    expect(presses.record({ ...press, seq: 1, bootedAt: restarted }, { ticketId: 't_A006' }).repeatOf).toBeUndefined();
  });

  it('takes a copy of the same boot and seq for a repeat however late it comes, and reads the boot instant with some slack', () => {
    const { clock, presses } = log();
    counted(presses, { ...press, bootedAt }, 't_1');
    clock.advance(REPEAT_HORIZON_MS * 10);
    // Read again by a new driver after the agent restarted: a second or two off.
    expect(presses.record({ ...press, bootedAt: bootedAt + 1_500 }, { ticketId: 't_2' }).repeatOf).toEqual({ ticketId: 't_1' });
    expect(presses.record({ ...press, bootedAt: bootedAt - SAME_BOOT_MS - 1 }, { ticketId: 't_2' }).repeatOf).toBeUndefined();
  });

  it("takes a copy for a repeat when a new agent reads the boot 14 h later off a crystal 100 ppm slow", () => {
    const { clock, presses } = log();
    const hour = 3_600_000;
    // The first agent read the boot a second after it: its estimate is the boot itself.
    const booted = clock.now();
    clock.advance(14 * hour);
    counted(presses, { ...press, seq: 42, bootedAt: booted }, 't_A041');
    // The ack is lost and the agent restarts. The new driver hears a heartbeat whose uptime the
    // slow crystal counted 100 ppm short, 5.04 s at 14 h, and reads the boot that much later.
    clock.advance(30_000);
    const uptimeMs = clock.now() - booted;
    const reread = clock.now() - Math.floor((uptimeMs * (1 - 100e-6)) / 1_000) * 1_000;
    expect(reread - booted).toBeGreaterThan(SAME_BOOT_MS);
    // The button re-sends seq 42 while the next visitor's window is open: not their rating.
    expect(presses.record({ ...press, seq: 42, bootedAt: reread }, { ticketId: 't_A042' }).repeatOf).toEqual({ ticketId: 't_A041' });
    // The crystal as far fast: the boot read that much earlier.
    expect(presses.record({ ...press, seq: 42, bootedAt: booted - (reread - booted) }, { ticketId: 't_A042' }).repeatOf).toEqual({ ticketId: 't_A041' });
  });

  it('keeps the tight slack for a boot with little uptime, so a button restarted 6 s after booting is a new boot', () => {
    const { clock, presses } = log();
    const booted = clock.now();
    clock.advance(3_000);
    counted(presses, { ...press, seq: 1, bootedAt: booted }, 't_1');
    // The cable jiggled: booted again 6 s after the first boot, its first press 2 s later.
    clock.advance(5_000);
    expect(presses.record({ ...press, seq: 1, bootedAt: booted + 6_000 }, { ticketId: 't_2' }).repeatOf).toBeUndefined();
    expect(sameBootSlackMs(2_000)).toBe(SAME_BOOT_MS);
    expect(sameBootSlackMs(14 * 3_600_000)).toBe(10_080);
  });

  it('counts the seq after a wrap (255, then 1) and still catches a copy of a recent one', () => {
    const { clock, presses } = log();
    for (let seq = 1; seq <= 255; seq++) {
      clock.advance(2_000);
      expect(counted(presses, { ...press, seq, value: 1 + (seq % 5), bootedAt }, `t_${seq}`).repeatOf).toBeUndefined();
    }
    clock.advance(2_000);
    expect(counted(presses, { ...press, seq: 1, value: 3, bootedAt }, 't_256').repeatOf).toBeUndefined();
    expect(counted(presses, { ...press, seq: 2, value: 3, bootedAt }, 't_257').repeatOf).toBeUndefined();
    expect(presses.record({ ...press, seq: 255, value: 1, bootedAt }, { ticketId: 't_258' }).repeatOf).toEqual({ ticketId: 't_255' });
    expect(presses.record({ ...press, seq: 1, value: 3, bootedAt }, { ticketId: 't_258' }).repeatOf).toEqual({ ticketId: 't_256' });
  });

  it('keeps boots apart per button and per desk', () => {
    const { presses } = log();
    counted(presses, { ...press, bootedAt }, 't_1');
    expect(presses.record({ ...press, buttonDeviceId: 8, bootedAt }, { ticketId: 't_2' }).repeatOf).toBeUndefined();
    expect(presses.record({ ...press, deskId: 'desk-2', bootedAt }, { ticketId: 't_3' }).repeatOf).toBeUndefined();
    expect(presses.ofDesk('desk-1').map((p) => p.bootedAt)).toEqual([bootedAt, bootedAt]);
  });
});
