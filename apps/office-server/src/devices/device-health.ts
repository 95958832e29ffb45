import type { DeviceHealthView, PrinterHealth } from '@talon/protocol';
import type { Clock } from '../clock.js';

type Listener = () => void;

/**
 * Live health of the office's devices as the server last heard it: connected kiosks, boards and
 * agents, printers and rating buttons. Memory only; a restart learns it again from the devices.
 */
export function createDeviceHealth(clock: Clock) {
  const entries = new Map<string, DeviceHealthView>();
  const listeners = new Set<Listener>();

  function set(view: Omit<DeviceHealthView, 'since'>): void {
    const key = `${view.kind}:${view.id}`;
    const previous = entries.get(key);
    if (previous && previous.online === view.online && previous.status === view.status && previous.name === view.name) return;
    entries.set(key, { ...view, since: clock.now() });
    listeners.forEach((listener) => listener());
  }

  return {
    set,
    /** A device taken out of the config: nothing to watch any more. */
    forget(kind: DeviceHealthView['kind'], id: string): void {
      if (entries.delete(`${kind}:${id}`)) listeners.forEach((listener) => listener());
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
