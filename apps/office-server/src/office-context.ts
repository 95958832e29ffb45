import type { OfficeConfig } from '@talon/protocol';
import type { Clock } from './clock.js';
import type { Sessions } from './auth/sessions.js';
import { createOfficeDirectory, type OfficeDirectory } from './config/office-directory.js';
import { officeSetupFromConfig } from './config/office-setup-from-config.js';
import type { DeviceHealth } from './devices/device-health.js';
import type { OfficeEdge } from './edge/office-edge.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { OfficeQueue } from './queue/office-queue.js';
import type { WaitForecaster } from './queue/wait-forecaster.js';
import type { OfficeDatabase } from './storage/open-database.js';
import type { DaySchedules } from './staffing/day-schedules.js';
import type { DayLunch } from '@talon/domain';

/** What every handler may use; built once by `createApplication`. */
export interface OfficeContext {
  readonly directory: OfficeDirectory;
  readonly queue: OfficeQueue;
  /** The wait told to visitors (kiosk, ticket, status page, phone), played forward from the live queue. */
  readonly waits: WaitForecaster;
  readonly db: OfficeDatabase;
  readonly clock: Clock;
  readonly devices: DeviceHealth;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly sessions: Sessions;
  /** Counters and the aggregated refusal log against hostile traffic (config `limits`). */
  readonly edge: OfficeEdge;
  /** The data folder: the one place a `file:` printer may write (the demo's); none refuses them. */
  readonly printerFileFolder: string | undefined;
  /** Schedules accepted from the plan for tomorrow; their lunches are in the queue's setup. */
  readonly daySchedules: DaySchedules;
  /** The queue's setup again from the config and the accepted day schedules (after accepting a plan). */
  refreshSetup(): void;
  /** Applies a validated config live; saves it where it came from. */
  applyConfig(config: OfficeConfig, change?: ConfigChange): void;
  onConfigChanged(listener: ConfigListener): void;
}

/** Who made a config change, where that matters to what follows it. */
export interface ConfigChange {
  /** The session of a person changing their own password: it stays signed in. */
  keepSession?: string;
}

export type ConfigListener = (config: OfficeConfig, previous: OfficeConfig, change: ConfigChange) => void;

export function createConfigHolder(
  initial: OfficeConfig,
  queue: () => OfficeQueue,
  save: ((config: OfficeConfig) => void) | undefined,
  dayLunches: () => Record<string, DayLunch[]> = () => ({}),
) {
  let directory = createOfficeDirectory(initial);
  const listeners = new Set<ConfigListener>();
  return {
    get directory() {
      return directory;
    },
    applyConfig(config: OfficeConfig, change: ConfigChange = {}) {
      save?.(config);
      const previous = directory.config;
      directory = createOfficeDirectory(config);
      queue().replaceSetup(officeSetupFromConfig(config, dayLunches()));
      listeners.forEach((listener) => listener(config, previous, change));
    },
    onConfigChanged(listener: ConfigListener) {
      listeners.add(listener);
    },
  };
}
