import type { ButtonAssignment } from '@talon/protocol';
import type { RatingEvent } from '@talon/rating-button';
import type { Logger } from 'pino';
import type { ButtonDriver, DeviceHardware } from './device-hardware.js';

export interface AgentButtonEvents {
  rating(rating: { deskId: string; value: number; seq: number; buttonDeviceId: number; bootedAt?: number }): void;
  online(online: boolean): void;
}

/** One desk's rating button: its driver, its window, and its ratings passed on with the desk. */
export class AgentButton {
  private driver: ButtonDriver | undefined;

  constructor(
    readonly assignment: ButtonAssignment,
    /** The serial path actually used: the office config's, or this PC's local override. */
    readonly path: string,
    private readonly logger: Logger,
  ) {}

  get deskId(): string {
    return this.assignment.deskId;
  }

  get online(): boolean {
    return this.driver?.isOnline ?? false;
  }

  sameAs(assignment: ButtonAssignment, path: string): boolean {
    return this.path === path && this.assignment.deviceId === assignment.deviceId;
  }

  open(hardware: DeviceHardware, events: AgentButtonEvents): void {
    const { deskId, deviceId } = this.assignment;
    try {
      this.driver = hardware.openButton(this.path, deviceId);
    } catch (error) {
      this.logger.error({ err: error, path: this.path, deviceId }, 'rating button cannot be opened');
      return;
    }
    const driver = this.driver;
    driver.on('rating', (rating: RatingEvent) =>
      events.rating({
        deskId,
        value: rating.value,
        seq: rating.seq,
        buttonDeviceId: rating.deviceId,
        ...(rating.bootedAt && { bootedAt: rating.bootedAt.getTime() }),
      }),
    );
    driver.on('online', () => events.online(true));
    driver.on('offline', () => events.online(false));
    driver.on('portError', ({ message, retryInMs }) => this.logger.warn({ path: this.path, message, retryInMs }, 'rating button port will not open'));
    driver.on('portClose', ({ reason, retryInMs }) => this.logger.warn({ path: this.path, reason, retryInMs }, 'rating button port lost'));
    driver.on('frameDropped', ({ reason }) => this.logger.debug({ reason }, 'rating button frame dropped'));
    driver.start();
  }

  /** Lights or darkens the button; the driver re-sends until the device confirms. */
  setWindow(open: boolean): void {
    if (!this.driver || this.driver.isWindowOpen === open) return;
    if (open) this.driver.openWindow();
    else this.driver.closeWindow();
  }

  get windowOpen(): boolean {
    return this.driver?.isWindowOpen ?? false;
  }

  async close(): Promise<void> {
    await this.driver?.close().catch((error: unknown) => this.logger.warn({ err: error }, 'rating button close failed'));
  }
}
