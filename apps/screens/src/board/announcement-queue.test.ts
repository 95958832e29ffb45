import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnouncementQueue, type Announcement, type HowToSay, type Speaker } from './announcement-queue.js';

/** The kit's real lengths, roughly: a 1.2 s chime, a full call 3 s, a short one 1.9 s. */
const CHIME_MS = 1_200;
const FULL_MS = 3_000;
const SHORT_MS = 1_900;

/** A voice on the fake clock that records what it said, when and how, and whether two overlapped. */
function fakeVoice() {
  const said: { key: string; at: number; how: HowToSay }[] = [];
  let speaking = 0;
  let overlapped = false;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const speaker: Speaker = {
    ready: () => opened,
    say: (a, how) => {
      said.push({ key: a.key, at: Date.now(), how });
      speaking += 1;
      if (speaking > 1) overlapped = true;
      const ms = (how.chime ? CHIME_MS : 0) + (how.form === 'full' ? FULL_MS : SHORT_MS);
      return new Promise((resolve) =>
        setTimeout(() => {
          speaking -= 1;
          resolve();
        }, ms),
      );
    },
  };
  return { speaker, said, open, overlapped: () => overlapped };
}

const call = (key: string, heardAt = Date.now(), extra: Partial<Announcement> = {}): Announcement => ({
  key,
  ticketId: key,
  number: 'A001',
  deskNumber: 1,
  recall: false,
  at: heardAt,
  heardAt,
  ...extra,
});

describe('announcement queue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('says calls one after another in the order they came, once each, the chime opening the burst', async () => {
    const voice = fakeVoice();
    voice.open();
    const queue = createAnnouncementQueue(voice.speaker, { now: Date.now, stillCalled: () => true });
    expect(queue.enqueue(call('a'))).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(queue.enqueue(call('b'))).toBe(true);
    expect(queue.enqueue(call('b'))).toBe(false); // the same call again (a snapshot after the event)
    await vi.advanceTimersByTimeAsync(10_000);
    expect(voice.said.map((s) => [s.key, s.at, s.how.chime, s.how.form])).toEqual([
      ['a', 0, true, 'full'],
      ['b', CHIME_MS + FULL_MS, false, 'full'],
    ]);
    expect(voice.overlapped()).toBe(false);
    // Quiet again: the next call is a new burst with its chime.
    queue.enqueue(call('c'));
    await vi.advanceTimersByTimeAsync(10);
    expect(voice.said.at(-1)).toMatchObject({ key: 'c', how: { chime: true, form: 'full' } });
  });

  it('four calls within a second: what is said starts within 4.5 s of its call, the rest is dropped', async () => {
    const voice = fakeVoice();
    voice.open();
    const skipped: string[] = [];
    const queue = createAnnouncementQueue(voice.speaker, { now: Date.now, stillCalled: () => true, onSkip: (a, why) => skipped.push(`${a.key}:${why}`) });
    for (const key of ['a', 'b', 'c', 'd']) {
      queue.enqueue(call(key));
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(20_000);
    // a is alone when it starts (full); b has c and d behind it (short); c and d are too late by then.
    expect(voice.said.map((s) => [s.key, s.at, s.how.form])).toEqual([
      ['a', 0, 'full'],
      ['b', CHIME_MS + FULL_MS, 'short'],
    ]);
    expect(skipped).toEqual(['c:late', 'd:late']);
  });

  it('calls that came while the voice was starting: its start-up does not count against them', async () => {
    const voice = fakeVoice();
    const skipped: string[] = [];
    const queue = createAnnouncementQueue(voice.speaker, { now: Date.now, stillCalled: () => true, onSkip: (a) => skipped.push(a.key) });
    for (const key of ['a', 'b', 'c', 'd']) {
      queue.enqueue(call(key));
      await vi.advanceTimersByTimeAsync(250);
    }
    voice.open();
    await vi.advanceTimersByTimeAsync(20_000);
    const starts = voice.said.map((s) => [s.key, s.at, s.how.chime, s.how.form]);
    // Lateness counts from 1000 (ready): b starts 3.1 s after that, c would start 5 s after.
    expect(starts).toEqual([
      ['a', 1_000, true, 'short'],
      ['b', 1_000 + CHIME_MS + SHORT_MS, false, 'short'],
    ]);
    expect(skipped).toEqual(['c', 'd']);
  });

  it('does not say a call whose ticket has left it (taken, finished, recalled since)', async () => {
    const voice = fakeVoice();
    voice.open();
    const gone = new Set<string>();
    const queue = createAnnouncementQueue(voice.speaker, { now: Date.now, stillCalled: (a) => !gone.has(a.key) });
    queue.enqueue(call('a'));
    queue.enqueue(call('b'));
    queue.enqueue(call('c'));
    gone.add('b'); // the visitor reached desk 2 while «a» was said
    await vi.advanceTimersByTimeAsync(20_000);
    expect(voice.said.map((s) => s.key)).toEqual(['a', 'c']);
  });

  it('starts at one defined moment: calls around the first load wait for the voice, none is lost (#17)', async () => {
    // Whatever the order of "voice ready" and "calls arrive", both calls are said once, in order.
    for (const readyAfterMs of [0, 1, 50, 400, 2_000]) {
      vi.setSystemTime(0);
      const voice = fakeVoice();
      const queue = createAnnouncementQueue(voice.speaker, { now: Date.now, stillCalled: () => true });
      setTimeout(voice.open, readyAfterMs);
      queue.enqueue(call('first'));
      await vi.advanceTimersByTimeAsync(30);
      queue.enqueue(call('second'));
      await vi.advanceTimersByTimeAsync(15_000);
      expect(voice.said.map((s) => s.key), `voice ready after ${readyAfterMs} ms`).toEqual(['first', 'second']);
      expect(voice.said[0]!.how.chime).toBe(true);
    }
  });

  it('a voice allowed to sound a minute late says the calls still waiting for their visitor, and only those', async () => {
    const voice = fakeVoice();
    const gone = new Set(['a']);
    const queue = createAnnouncementQueue(voice.speaker, { now: Date.now, stillCalled: (x) => !gone.has(x.key) });
    queue.enqueue(call('a'));
    queue.enqueue(call('b'));
    await vi.advanceTimersByTimeAsync(60_000);
    voice.open(); // someone presses the screen a minute later
    await vi.advanceTimersByTimeAsync(10_000);
    expect(voice.said.map((s) => [s.key, s.at, s.how.chime])).toEqual([['b', 60_000, true]]);
  });

  it('a voice that throws does not silence the calls after it', async () => {
    const said: string[] = [];
    const speaker: Speaker = {
      ready: () => Promise.resolve(),
      say: async (a) => {
        said.push(a.key);
        if (a.key === 'a') throw new Error('no audio device');
      },
    };
    const queue = createAnnouncementQueue(speaker, { now: Date.now, stillCalled: () => true });
    queue.enqueue(call('a'));
    queue.enqueue(call('b'));
    await vi.advanceTimersByTimeAsync(10);
    await queue.idle();
    expect(said).toEqual(['a', 'b']);
  });
});
