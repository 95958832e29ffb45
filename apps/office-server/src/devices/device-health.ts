import type { DeviceHealthView, PrinterHealth } from '@talon/protocol';
import type { Clock } from '../clock.js';
import type { DeviceSeenStore } from './device-seen.js';

type Listener = () => void;
type Kind = DeviceHealthView['kind'];

/**
 * Live health of the office's devices as the server last heard it: connected kiosks, boards and
 * agents, printers and rating buttons. The live state is memory only (a restart learns it again
 * from the devices); when each was last heard is kept in the office database (`seen`), so a
 * device that never comes back after a restart is still listed, with its time.
 */
export function createDeviceHealth(clock: Clock, seen?: DeviceSeenStore) {
  const entries = new Map<string, DeviceHealthView>();
  const lastSeen = seen?.load() ?? new Map<string, number>();
  const listeners = new Set<Listener>();
  const startedAt = clock.now();

  function heard(kind: Kind, id: string, at: number): void {
    lastSeen.set(`${kind}:${id}`, at);
    seen?.save(kind, id, at);
  }

  function set(view: Omit<DeviceHealthView, 'since'>): void {
    const key = `${view.kind}:${view.id}`;
    const previous = entries.get(key);
    if (previous && previous.online === view.online && previous.status === view.status && previous.name === view.name) return;
    const now = clock.now();
    // Coming up, or going down after being up: either way it was heard now.
    if (view.online || previous?.online) heard(view.kind, view.id, now);
    entries.set(key, { ...view, since: now });
    listeners.forEach((listener) => listener());
  }

  return {
    set,
    /** When this server started: a device not heard since then is not known to be alive. */
    startedAt,
    /** A device taken out of the config: nothing to watch any more. */
    forget(kind: DeviceHealthView['kind'], id: string): void {
      if (entries.delete(`${kind}:${id}`)) listeners.forEach((listener) => listener());
    },
    /** Online now: now; else when it was last heard, in this run or an earlier one. */
    lastSeenAt(kind: Kind, id: string): number | undefined {
      if (entries.get(`${kind}:${id}`)?.online) return clock.now();
      return lastSeen.get(`${kind}:${id}`);
    },
    /**
     * Writes "heard now" for every device online, so a power cut loses at most one interval of
     * last-seen time (a clean disconnect writes it at once).
     */
    recordOnline(): void {
      const now = clock.now();
      for (const entry of entries.values()) if (entry.online) heard(entry.kind, entry.id, now);
    },
    printerStatus(printerId: string): PrinterHealth {
      const entry = entries.get(`printer:${printerId}`);
      return (entry?.status as PrinterHealth | undefined) ?? 'unknown';
    },
    list(): DeviceHealthView[] {
      return [...entries.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    },
    onChange(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type DeviceHealth = ReturnType<typeof createDeviceHealth>;

/** A kiosk promises paper only while its printer says it can print. */
export function printerCanPrint(status: PrinterHealth): boolean {
  return status === 'ok' || status === 'paper-near-end';
}
