/** One thing the hall hears: a chime and a spoken call. */
export interface Announcement {
  /** Same key, same announcement: a call delivered twice (a reconnect, a snapshot) is said once. */
  key: string;
  text: string;
}

/** Says one announcement and resolves when it is over; it should resolve even if the voice fails. */
export type Speaker = (announcement: Announcement) => Promise<void>;

export interface AnnouncementQueue {
  /** Queues an announcement; false when it was already said or is waiting its turn. */
  enqueue(announcement: Announcement): boolean;
  /** Waiting their turn, oldest first (the one being said is not among them). */
  pending(): readonly Announcement[];
  speaking(): Announcement | null;
  /** Resolves when everything queued so far has been said. */
  idle(): Promise<void>;
}

export interface AnnouncementQueueOptions {
  /**
   * A hall that falls minutes behind is worse than one that skips: past this many waiting, the
   * oldest is dropped (it is still on the screen).
   */
  maxPending?: number;
  /** How many keys are remembered against repeats. */
  memory?: number;
}

/**
 * Calls are said one after another, never over each other, in the order they came. A recall is a
 * new announcement (its own key), so it is said again.
 */
export function createAnnouncementQueue(speaker: Speaker, options: AnnouncementQueueOptions = {}): AnnouncementQueue {
  const maxPending = options.maxPending ?? 6;
  const memory = options.memory ?? 200;
  const queue: Announcement[] = [];
  const said: string[] = [];
  let current: Announcement | null = null;
  let waiters: (() => void)[] = [];

  function remember(key: string) {
    said.push(key);
    if (said.length > memory) said.shift();
  }

  async function drain() {
    while (queue.length > 0) {
      current = queue.shift()!;
      try {
        await speaker(current);
      } catch {
        // A voice that fails must not silence the calls after it.
      }
      current = null;
    }
    const done = waiters;
    waiters = [];
    done.forEach((resolve) => resolve());
  }

  return {
    enqueue(announcement) {
      if (said.includes(announcement.key)) return false;
      remember(announcement.key);
      queue.push(announcement);
      if (queue.length > maxPending) queue.shift();
      if (!current && queue.length === 1) void drain();
      return true;
    },
    pending: () => [...queue],
    speaking: () => current,
    idle: () => (current || queue.length ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
  };
}
