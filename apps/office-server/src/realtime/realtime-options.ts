import type { Socket } from 'socket.io';
import type { EventLimits, RefusalLog } from '@talon/server-edge';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

export interface RealtimeOptions {
  router: {
    logger: Logger;
    metrics: Metrics;
    eventLimits: () => EventLimits | null;
    now: () => number;
    refusals: RefusalLog;
    admit?: (socket: Socket) => boolean;
  };
  /** Base URL for the ticket's QR code, e.g. http://office.local:8080, read at each ticket: the
   * config's `office.publicUrl`, else this server's LAN address once it listens. */
  publicUrl: () => string | undefined;
  /** The ticket's live page on central, when the office is linked to one (the QR opens it then). */
  phonePageUrl?: (ticket: { id: string; officeDay: string }) => string | undefined;
}
