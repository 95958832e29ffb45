import { RatingButtonDriver } from '@talon/rating-button';
import { loadPrinterProfile, openPrinterTransport, TicketPrinter } from '@talon/ticket-printer';

/** What the agent needs of a ticket printer; `TicketPrinter` is the real one. */
export type PrinterHandle = Pick<TicketPrinter, 'printTicket' | 'status' | 'close'>;

/** What the agent needs of a rating button; `RatingButtonDriver` is the real one. */
export type ButtonDriver = Pick<
  RatingButtonDriver,
  'path' | 'deviceId' | 'isOnline' | 'isWindowOpen' | 'start' | 'openWindow' | 'closeWindow' | 'close' | 'on' | 'off'
>;

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
