import type { RenderProcessGoneDetails } from 'electron';
import type { Logger } from 'pino';

export interface WatchdogTimings {
  /** How long a page may stay unresponsive before its renderer is killed. */
  hangGraceMs: number;
  /** Waits before reloading after the 1st, 2nd, ... crash in a row. */
  reloadDelaysMs: readonly number[];
  /** A page that ran this long without crashing starts the count afresh. */
  calmAfterMs: number;
}

export const WATCHDOG_TIMINGS: WatchdogTimings = {
  hangGraceMs: 15_000,
  reloadDelaysMs: [500, 2_000, 10_000, 30_000],
  calmAfterMs: 5 * 60_000,
};

export interface WatchdogDeps {
  /** Load the role's screen again (through the screen loader, so an outage shows as such). */
  reload(): void;
  /** Kill the hung renderer (webContents.forcefullyCrashRenderer). */
  crash(): void;
  logger: Logger;
}

/**
 * A kiosk has nobody to click "reload": a crashed or hung page is logged and reloaded, never a
 * dialog. A page that keeps crashing is reloaded less and less often rather than in a hot loop.
 */
export class RendererWatchdog {
  private hangTimer: NodeJS.Timeout | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private crashesInRow = 0;
  private lastCrashAt = -Infinity;
  private stopped = false;

  constructor(
    private readonly deps: WatchdogDeps,
    private readonly timings: WatchdogTimings = WATCHDOG_TIMINGS,
  ) {}

  /** webContents 'render-process-gone'. */
  gone(details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>): void {
    if (this.stopped) return;
    this.clearHang();
    this.deps.logger.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer gone, reloading');
    this.scheduleReload();
  }

  /** BrowserWindow 'unresponsive'. */
  unresponsive(): void {
    if (this.stopped || this.hangTimer !== undefined) return;
    this.deps.logger.warn('page unresponsive');
    this.hangTimer = setTimeout(() => {
      this.hangTimer = undefined;
      this.deps.logger.error({ afterMs: this.timings.hangGraceMs }, 'page hung, killing its renderer');
      this.deps.crash();
      // Electron reports the forced crash as 'render-process-gone' too; one reload is enough.
      this.scheduleReload();
    }, this.timings.hangGraceMs);
  }

  /** BrowserWindow 'responsive'. */
  responsive(): void {
    if (this.hangTimer !== undefined) this.deps.logger.info('page responsive again');
    this.clearHang();
  }

  stop(): void {
    this.stopped = true;
    this.clearHang();
    if (this.reloadTimer !== undefined) clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
  }

  private scheduleReload(): void {
    if (this.reloadTimer !== undefined) return;
    const now = Date.now();
    this.crashesInRow = now - this.lastCrashAt > this.timings.calmAfterMs ? 1 : this.crashesInRow + 1;
    this.lastCrashAt = now;
    const delays = this.timings.reloadDelaysMs;
    const delay = delays[Math.min(this.crashesInRow - 1, delays.length - 1)]!;
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      if (!this.stopped) this.deps.reload();
    }, delay);
  }

  private clearHang(): void {
    if (this.hangTimer !== undefined) clearTimeout(this.hangTimer);
    this.hangTimer = undefined;
  }
}
