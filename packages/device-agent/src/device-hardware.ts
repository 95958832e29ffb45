import { RatingButtonDriver, type RatingButtonDriverEvents } from '@talon/rating-button';
import { loadPrinterProfile, openPrinterTransport, TicketPrinter } from '@talon/ticket-printer';

/** What the agent needs of a ticket printer; `TicketPrinter` is the real one. */
export type PrinterHandle = Pick<TicketPrinter, 'printTicket' | 'status' | 'close'>;

/** What the agent needs of a rating button; `RatingButtonDriver` is the real one. */
export interface ButtonDriver {
  readonly path: string;
  readonly deviceId: number;
  readonly isOnline: boolean;
  readonly isWindowOpen: boolean;
  start(): void;
  openWindow(): void;
  closeWindow(): void;
  close(): Promise<void>;
  on<K extends keyof RatingButtonDriverEvents>(event: K, listener: (...args: RatingButtonDriverEvents[K]) => void): unknown;
}

/** How devices are opened; tests hand in fakes, the agent uses the real packages. */
export interface DeviceHardware {
  /** Rejects for a bad URI or profile; the printer is then reported as in error. */
  openPrinter(uri: string, profile: string): Promise<PrinterHandle>;
  /** Throws for a bad path or device id. */
  openButton(path: string, deviceId: number): ButtonDriver;
}

export const realHardware: DeviceHardware = {
  async openPrinter(uri, profileId) {
    const profile = await loadPrinterProfile(profileId);
    return new TicketPrinter({ transport: openPrinterTransport(uri), profile });
  },
  openButton(path, deviceId) {
    return new RatingButtonDriver({ path, deviceId });
  },
};
