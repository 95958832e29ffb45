import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RatingOutbox, type RatingSubmit } from './rating-outbox.js';

const silent = pino({ level: 'silent' });
const rating = (seq: number): RatingSubmit => ({ deskId: 'desk-1', value: 5, seq, buttonDeviceId: 7 });

afterEach(() => {
  vi.useRealTimers();
});

describe('ratings waiting for the office server', () => {
  it('sends in press order, one at a time', async () => {
    const sent: number[] = [];
    let inFlight = 0;
    let most = 0;
    const outbox = new RatingOutbox(async (r) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push(r.seq);
      inFlight -= 1;
      return 'done';
    }, silent);
    outbox.add(rating(1));
    outbox.add(rating(2));
    outbox.add(rating(3));
    await vi.waitFor(() => expect(sent).toEqual([1, 2, 3]));
    expect(most).toBe(1);
    expect(outbox.size).toBe(0);
  });

  it('keeps a rating the server did not take, and delivers it on the next flush', async () => {
    let up = false;
    const sent: number[] = [];
    const outbox = new RatingOutbox(async (r) => {
      if (!up) return 'retry';
      sent.push(r.seq);
      return 'done';
    }, silent);
    outbox.add(rating(1));
    outbox.add(rating(2));
    await vi.waitFor(() => expect(outbox.size).toBe(2));
    up = true;
    outbox.flush();
    await vi.waitFor(() => expect(sent).toEqual([1, 2]));
  });

  it('retries by itself after a while, and a throwing send counts as not taken', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const outbox = new RatingOutbox(async () => {
      calls += 1;
      if (calls === 1) throw new Error('socket gone');
      return 'done';
    }, silent);
    outbox.add(rating(1));
    await vi.advanceTimersByTimeAsync(10);
    expect(outbox.size).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(2);
    expect(outbox.size).toBe(0);
  });

  it('drops ratings older than two minutes and keeps at most 32', async () => {
    let now = 0;
    const sent: number[] = [];
    let up = false;
    const outbox = new RatingOutbox(async (r) => (up ? (sent.push(r.seq), 'done') : 'retry'), silent, () => now);
    outbox.add(rating(1));
    now = 60_000;
    for (let seq = 2; seq <= 40; seq += 1) outbox.add(rating(seq));
    await vi.waitFor(() => expect(outbox.size).toBe(32));
    now = 121_000;
    up = true;
    outbox.flush();
    await vi.waitFor(() => expect(outbox.size).toBe(0));
    // 1..8 pushed out by the cap; 9..40 are 61 s old, inside the limit.
    expect(sent).toEqual(Array.from({ length: 32 }, (_, i) => i + 9));
    outbox.add(rating(41));
    now = 300_000;
    outbox.flush();
    await vi.waitFor(() => expect(outbox.size).toBe(0));
  });

  it('sends nothing after close', async () => {
    const send = vi.fn(async () => 'done' as const);
    const outbox = new RatingOutbox(send, silent);
    outbox.close();
    outbox.add(rating(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(send).not.toHaveBeenCalled();
  });
});
