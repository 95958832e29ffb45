import type { OfficeConfig } from '@talon/protocol';
import type { Clock } from './clock.js';
import type { Sessions } from './auth/sessions.js';
import { createOfficeDirectory, type OfficeDirectory } from './config/office-directory.js';
import { officeSetupFromConfig } from './config/office-setup-from-config.js';
import type { DeviceHealth } from './devices/device-health.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { OfficeQueue } from './queue/office-queue.js';
import type { OfficeDatabase } from './storage/open-database.js';

/** What every handler may use; built once by `createApplication`. */
export interface OfficeContext {
  readonly directory: OfficeDirectory;
  readonly queue: OfficeQueue;
  readonly db: OfficeDatabase;
  readonly clock: Clock;
  readonly devices: DeviceHealth;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly sessions: Sessions;
  /** Applies a validated config live; saves it where it came from. */
  applyConfig(config: OfficeConfig): void;
  onConfigChanged(listener: (config: OfficeConfig) => void): void;
}

export function createConfigHolder(
  initial: OfficeConfig,
  queue: () => OfficeQueue,
  save: ((config: OfficeConfig) => void) | undefined,
) {
  let directory = createOfficeDirectory(initial);
  const listeners = new Set<(config: OfficeConfig) => void>();
  return {
    get directory() {
      return directory;
    },
    applyConfig(config: OfficeConfig) {
      save?.(config);
      directory = createOfficeDirectory(config);
      queue().replaceSetup(officeSetupFromConfig(config));
      listeners.forEach((listener) => listener(config));
    },
    onConfigChanged(listener: (config: OfficeConfig) => void) {
      listeners.add(listener);
    },
  };
}
