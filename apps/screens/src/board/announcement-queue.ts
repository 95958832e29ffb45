/**
 * The hall's announcement queue: which calls are said, in what form and when. Pure: the clock and
 * the board's view of the desks are passed in, the voice is a `Speaker`, so every rule below is
 * unit-tested with a fake clock (announcement-queue.test.ts).
 *
 * The rule of a backlog (README, "The hall's voice"):
 * - calls are said one at a time, in the order they came, each once (a recall is a new call);
 * - when one's turn comes, it is dropped if its ticket has left the call since (taken at the desk,
 *   finished, recalled again, another ticket called to that desk) or if it could no longer start
 *   within `maxLagMs` (4.5 s) of the call: a hall that falls behind is worse than one that skips,
 *   and the number is on the screen anyway;
 * - the chime opens a burst only; while more calls wait, a call is said short («А ноль
 *   пятнадцать, окно три», about 2 s) instead of in full (about 3 s after a 1.2 s chime).
 * With four calls within a second this says the first three, each starting within 5 s of its call,
 * and drops the fourth.
 *
 * The start is deterministic (#17): nothing is said or judged before the voice is ready (its
 * clips decoded, the page allowed to sound), and calls that come meanwhile wait in the queue
 * rather than racing the audio's start-up. The start-up is not the hall's backlog: lateness is
 * counted from the later of the call and the moment the voice first became ready (decoding the kit
 * takes seconds on a loaded little box). So two calls at first load are both said, with the chime,
 * as soon as the board can sound, whichever came first; a board nobody let sound for a minute says
 * only the calls still waiting for their visitor when it may (the "left the call" rule).
 */
export interface Announcement {
  /** Same key, same announcement: a call delivered twice (a reconnect, a snapshot) is said once. */
  key: string;
  ticketId: string;
  number: string;
  deskNumber: number;
  recall: boolean;
  /** The call's instant on the server's clock, as the board state carries it (`calledAt`). */
  at: number;
  /** When the call happened on this board's clock: lateness is counted from here. */
  heardAt: number;
}

export interface HowToSay {
  /** The two-note chime first: the start of a burst only. */
  chime: boolean;
  form: 'full' | 'short';
}

export interface Speaker {
  /** Resolves once the voice can be heard; may never resolve on a page that may not sound. */
  ready(): Promise<void>;
  /** Says one call and resolves when it is over; it should resolve even if the voice fails. */
  say(announcement: Announcement, how: HowToSay): Promise<void>;
}

export type SkipReason = 'gone' | 'late';

export interface AnnouncementQueueOptions {
  now: () => number;
  /** Whether the ticket is still being called by this very call (the board's latest state). */
  stillCalled: (announcement: Announcement) => boolean;
  /** Past this long after its call an announcement is not started. */
  maxLagMs?: number;
  /** How many keys are remembered against repeats. */
  memory?: number;
  onSkip?: (announcement: Announcement, reason: SkipReason) => void;
}

export interface AnnouncementQueue {
  /** Queues an announcement; false when it was already said or is waiting its turn. */
  enqueue(announcement: Announcement): boolean;
  /** Waiting their turn, oldest first (the one being said is not among them). */
  pending(): readonly Announcement[];
  speaking(): Announcement | null;
  /** Resolves when everything queued so far has been said or dropped. */
  idle(): Promise<void>;
}

export const MAX_LAG_MS = 4_500;

export function createAnnouncementQueue(speaker: Speaker, options: AnnouncementQueueOptions): AnnouncementQueue {
  const maxLagMs = options.maxLagMs ?? MAX_LAG_MS;
  const memory = options.memory ?? 200;
  const queue: Announcement[] = [];
  const said: string[] = [];
  let current: Announcement | null = null;
  let running = false;
  let waiters: (() => void)[] = [];

  /** When the voice first became ready; the clock of lateness does not run before it. */
  let startedAt: number | undefined;
  const fresh = (announcement: Announcement) => {
    const since = Math.max(announcement.heardAt, startedAt ?? announcement.heardAt);
    return options.now() - since <= maxLagMs;
  };

  function remember(key: string) {
    said.push(key);
    if (said.length > memory) said.shift();
  }

  async function drain() {
    running = true;
    try {
      await speaker.ready();
    } catch {
      // A voice that cannot start is judged like a slow one: the lateness rule drops what waited.
    }
    startedAt ??= options.now();
    let chime = true;
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (!options.stillCalled(next)) {
        options.onSkip?.(next, 'gone');
        continue;
      }
      if (!fresh(next)) {
        options.onSkip?.(next, 'late');
        continue;
      }
      const moreWaiting = queue.some((a) => fresh(a) && options.stillCalled(a));
      current = next;
      try {
        await speaker.say(next, { chime, form: moreWaiting ? 'short' : 'full' });
      } catch {
        // A voice that fails must not silence the calls after it.
      }
      current = null;
      chime = false;
    }
    running = false;
    const done = waiters;
    waiters = [];
    done.forEach((resolve) => resolve());
  }

  return {
    enqueue(announcement) {
      if (said.includes(announcement.key)) return false;
      remember(announcement.key);
      queue.push(announcement);
      if (!running) void drain();
      return true;
    },
    pending: () => [...queue],
    speaking: () => current,
    idle: () => (running ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
  };
}
