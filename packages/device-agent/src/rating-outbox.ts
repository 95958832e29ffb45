import type { Logger } from 'pino';

export interface RatingSubmit {
  deskId: string;
  value: number;
  seq: number;
  buttonDeviceId: number;
  /** When the button booted (ms); with `seq` it names the press, so the server counts it once. */
  bootedAt?: number;
}

interface Queued {
  rating: RatingSubmit;
  queuedAt: number;
}

/** More than a desk can produce while a link is down for a minute; the oldest go first. */
const MAX_QUEUED = 32;
/** A rating older than this no longer belongs to the visitor the server has in mind. */
const MAX_AGE_MS = 120_000;
const RETRY_MS = 2_000;

/**
 * Ratings on their way to the server, in press order. The button has already been acked (the
 * driver did that), so from here the agent holds the only copy until the server answers; a
 * copy sent twice is harmless: the server logs every press and counts a (desk, button, boot, seq)
 * once, across its windows and restarts (a press whose boot is not known yet: the same seq and
 * value once within 3 minutes, so MAX_AGE_MS must stay under that).
 */
export class RatingOutbox {
  private readonly queue: Queued[] = [];
  private flushing = false;
  private closed = false;
  private again = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly submit: (rating: RatingSubmit) => Promise<'done' | 'retry'>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  add(rating: RatingSubmit): void {
    this.queue.push({ rating, queuedAt: this.now() });
    while (this.queue.length > MAX_QUEUED) {
      const dropped = this.queue.shift()!;
      this.logger.warn({ desk: dropped.rating.deskId, seq: dropped.rating.seq }, 'rating dropped: too many waiting for the server');
    }
    this.flush();
  }

  /** Sends what waits, one at a time; on a failed send keeps it and tries again later. */
  flush(): void {
    if (this.closed) return;
    if (this.flushing) {
      // The link may have just come back while a send was failing: go round once more.
      this.again = true;
      return;
    }
    this.flushing = true;
    void this.drain().finally(() => {
      this.flushing = false;
      if (this.again) {
        this.again = false;
        this.flush();
      }
    });
  }

  /** Forgets what waits and sends nothing more. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.queue.length = 0;
  }

  private async drain(): Promise<void> {
    clearTimeout(this.retryTimer);
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (this.now() - head.queuedAt > MAX_AGE_MS) {
        this.queue.shift();
        this.logger.warn({ desk: head.rating.deskId, seq: head.rating.seq }, 'rating dropped: the server was away too long');
        continue;
      }
      let outcome: 'done' | 'retry';
      try {
        outcome = await this.submit(head.rating);
      } catch (error) {
        this.logger.error({ err: error }, 'rating submit failed');
        outcome = 'retry';
      }
      if (outcome === 'retry') {
        if (this.closed) return;
        this.retryTimer = setTimeout(() => this.flush(), RETRY_MS);
        this.retryTimer.unref();
        return;
      }
      if (this.queue[0] === head) this.queue.shift();
    }
  }
}
