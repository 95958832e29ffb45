import { describe, expect, it } from 'vitest';
import { createAnnouncementQueue, type Announcement } from './announcement-queue.js';

/** A speaker the test finishes by hand, so overlaps would show. */
function manualSpeaker() {
  const started: string[] = [];
  const finishers: (() => void)[] = [];
  let speakingNow = 0;
  let mostAtOnce = 0;
  const speaker = (a: Announcement) =>
    new Promise<void>((resolve) => {
      started.push(a.text);
      speakingNow += 1;
      mostAtOnce = Math.max(mostAtOnce, speakingNow);
      finishers.push(() => {
        speakingNow -= 1;
        resolve();
      });
    });
  const finishOne = async () => {
    finishers.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { speaker, started, finishOne, mostAtOnce: () => mostAtOnce };
}

describe('announcement queue', () => {
  it('says calls one after another in the order they came, never two at once', async () => {
    const voice = manualSpeaker();
    const queue = createAnnouncementQueue(voice.speaker);
    queue.enqueue({ key: 'a@1', text: 'A001' });
    queue.enqueue({ key: 'b@2', text: 'B001' });
    queue.enqueue({ key: 'c@3', text: 'C001' });
    expect(voice.started).toEqual(['A001']);
    expect(queue.pending().map((a) => a.text)).toEqual(['B001', 'C001']);
    await voice.finishOne();
    expect(voice.started).toEqual(['A001', 'B001']);
    await voice.finishOne();
    await voice.finishOne();
    expect(voice.started).toEqual(['A001', 'B001', 'C001']);
    expect(voice.mostAtOnce()).toBe(1);
    expect(queue.speaking()).toBeNull();
  });

  it('says a call delivered twice once, and a recall of the same ticket again', async () => {
    const voice = manualSpeaker();
    const queue = createAnnouncementQueue(voice.speaker);
    expect(queue.enqueue({ key: 'a@1', text: 'call A001' })).toBe(true);
    expect(queue.enqueue({ key: 'a@1', text: 'call A001' })).toBe(false);
    await voice.finishOne();
    expect(queue.enqueue({ key: 'a@1', text: 'call A001' })).toBe(false);
    expect(queue.enqueue({ key: 'a@9', text: 'recall A001' })).toBe(true);
    await voice.finishOne();
    expect(voice.started).toEqual(['call A001', 'recall A001']);
  });

  it('drops the oldest waiting call when the hall falls too far behind', async () => {
    const voice = manualSpeaker();
    const queue = createAnnouncementQueue(voice.speaker, { maxPending: 2 });
    for (const n of [1, 2, 3, 4]) queue.enqueue({ key: `k${n}`, text: `T${n}` });
    expect(queue.pending().map((a) => a.text)).toEqual(['T3', 'T4']);
    await voice.finishOne();
    await voice.finishOne();
    await voice.finishOne();
    expect(voice.started).toEqual(['T1', 'T3', 'T4']);
  });

  it('goes on after a voice that fails, and tells when it is idle', async () => {
    const said: string[] = [];
    const queue = createAnnouncementQueue(async (a) => {
      if (a.text === 'broken') throw new Error('no voice');
      said.push(a.text);
    });
    queue.enqueue({ key: '1', text: 'broken' });
    queue.enqueue({ key: '2', text: 'after' });
    await queue.idle();
    expect(said).toEqual(['after']);
  });
});
