import type { Logger } from 'pino';

export interface OfflineView {
  attempt: number;
  retryInMs: number;
}

export interface ScreenLoaderDeps {
  /** Loads a page into the window; rejects when the page could not be loaded. */
  load(url: string): Promise<void>;
  /** Does the office server answer now? Cheaper than loading the page to find out. */
  probe(): Promise<boolean>;
  showOffline(view: OfflineView): Promise<void>;
  logger: Logger;
}

/** Waits between attempts: quick at first (a server restart), then every 30 s for as long as it takes. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/**
 * Keeps the role's screen on the window: loads it, and while the office server cannot be reached
 * shows the offline page and tries again, for ever. Once the screen is up, its own socket handles
 * short outages; this takes over only when the page itself is lost.
 */
export class ScreenLoader {
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private generation = 0;
  /** A load of ours is in flight: its failure is handled where it was started. */
  private loading = false;

  constructor(
    private readonly url: string,
    private readonly deps: ScreenLoaderDeps,
    private readonly delaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** Loads the screen now, dropping any retry that was waiting. */
  async open(): Promise<void> {
    this.cancelRetry();
    const generation = ++this.generation;
    this.loading = true;
    try {
      await this.deps.load(this.url);
      this.loading = false;
      if (generation !== this.generation) return;
      if (this.attempt > 0) this.deps.logger.info({ attempts: this.attempt }, 'office server back, screen loaded');
      this.attempt = 0;
    } catch (error) {
      this.loading = false;
      if (generation !== this.generation || this.stopped) return;
      this.deps.logger.warn({ err: error }, 'screen did not load');
      await this.goOffline();
    }
  }

  /** The window lost its page after it had loaded (did-fail-load of the main frame). */
  async pageFailed(): Promise<void> {
    if (this.loading || this.timer !== undefined || this.stopped) return;
    this.generation++;
    await this.goOffline();
  }

  get offline(): boolean {
    return this.attempt > 0;
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry();
  }

  private async goOffline(): Promise<void> {
    if (this.stopped) return;
    this.attempt += 1;
    const retryInMs = this.delaysMs[Math.min(this.attempt - 1, this.delaysMs.length - 1)]!;
    const generation = this.generation;
    this.timer = setTimeout(() => void this.retry(generation), retryInMs);
    await this.deps.showOffline({ attempt: this.attempt, retryInMs }).catch((error: unknown) => {
      this.deps.logger.error({ err: error }, 'offline page did not load');
    });
  }

  private async retry(generation: number): Promise<void> {
    this.timer = undefined;
    if (this.stopped || generation !== this.generation) return;
    const answers = await this.deps.probe().catch(() => false);
    if (this.stopped || generation !== this.generation) return;
    if (answers) await this.open();
    else await this.goOffline();
  }

  private cancelRetry(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Asks the office server's health endpoint, giving up after `timeoutMs`. */
export async function probeServer(serverUrl: string, timeoutMs = 3_000): Promise<boolean> {
  try {
    const response = await fetch(`${serverUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}
