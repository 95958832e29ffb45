import type { OfficeConfig } from '@talon/protocol';
import { createFailureCounter, createRefusalLog, clientAddress, type FailureCounter, type RefusalLog, type RefusalLogger } from '@talon/server-edge';
import type { Socket } from 'socket.io';

/**
 * The office's counters against hostile traffic, built from the config's `limits` and rebuilt
 * when the administrator changes them: failed handshakes per address and wrong booking codes per
 * kiosk and per address, each a bounded table (least recently seen dropped past `trackedKeys`).
 */
export interface OfficeEdge {
  readonly refusals: RefusalLog;
  readonly handshakeFailures: FailureCounter;
  /** A refused handshake: counted against its address; past the limit the whole connection goes. */
  handshakeRefused(socket: Socket, reason: string): void;
  /** True when this kiosk or its address has used up its wrong booking codes for the window. */
  checkInBlocked(kioskId: string, address: string): boolean;
  /** One wrong booking code from this kiosk and address. */
  checkInMissed(kioskId: string, address: string): void;
  /** Applies changed limits: new, empty counters (a change is rare; the window is minutes). */
  reconfigure(limits: OfficeConfig['limits']): void;
  close(): void;
}

export function createOfficeEdge(limits: OfficeConfig['limits'], logger: RefusalLogger, now: () => number): OfficeEdge {
  const refusals = createRefusalLog(logger, { everyMs: limits.refusalLogSeconds * 1000, maxSources: 1000 });
  let current = limits;
  const counter = (max: number) => createFailureCounter({ max, windowMs: current.guessWindowMinutes * 60_000, maxTracked: current.trackedKeys, now });
  let handshakeFailures = counter(limits.handshakeFailuresPerAddress);
  let guessesByKiosk = counter(limits.checkInGuessesPerKiosk);
  let guessesByAddress = counter(limits.checkInGuessesPerAddress);

  return {
    refusals,
    get handshakeFailures() {
      return handshakeFailures;
    },
    handshakeRefused(socket, reason) {
      const address = clientAddress(socket.handshake.address);
      refusals.refused(address, reason);
      handshakeFailures.fail(address);
      // A connect packet is cheap to repeat on one open websocket (`40/kiosk,{"token":"wrong"}` in
      // a loop): once the address is over its limit the whole connection goes, and Socket.IO's
      // allowRequest refuses its new ones before any namespace work.
      if (handshakeFailures.blocked(address)) setImmediate(() => socket.conn.close());
    },
    checkInBlocked: (kioskId, address) => guessesByKiosk.blocked(kioskId) || guessesByAddress.blocked(clientAddress(address)),
    checkInMissed(kioskId, address) {
      guessesByKiosk.fail(kioskId);
      guessesByAddress.fail(clientAddress(address));
    },
    reconfigure(next) {
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      current = next;
      handshakeFailures = counter(next.handshakeFailuresPerAddress);
      guessesByKiosk = counter(next.checkInGuessesPerKiosk);
      guessesByAddress = counter(next.checkInGuessesPerAddress);
    },
    close: () => refusals.close(),
  };
}
