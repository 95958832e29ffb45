import type { DeviceAlert, DeviceAlertStatus, DeviceHealthView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';
import { devicePlace } from '../views/device-place.js';

const PRINTER_TROUBLE: ReadonlySet<string> = new Set<DeviceAlertStatus>(['paper-end', 'cover-open', 'error', 'offline']);

/** The trouble a visitor-facing device is in, or null when it can serve (paper running low is no alarm yet). */
export function troubleOf(device: Pick<DeviceHealthView, 'kind' | 'online' | 'status'>): DeviceAlertStatus | null {
  switch (device.kind) {
    case 'printer':
      if (!device.online) return 'offline';
      return PRINTER_TROUBLE.has(device.status) ? (device.status as DeviceAlertStatus) : null;
    case 'rating-button':
      return device.online ? null : 'offline';
    case 'kiosk':
    case 'board':
    case 'agent':
      return null;
  }
}

/**
 * Turns the device health list into alerts for the head: one when a printer or rating button
 * goes into trouble or from one trouble into another, none while it keeps repeating the same
 * status, none on recovery (the dashboard's standing alarm clears by itself). Device health only
 * says "something changed", so this keeps the last trouble it saw per device.
 */
export function createDeviceAlerter(directory: () => OfficeDirectory) {
  const seen = new Map<string, DeviceAlertStatus | null>();
  return (devices: readonly DeviceHealthView[], at: number): DeviceAlert[] => {
    const alerts: DeviceAlert[] = [];
    for (const device of devices) {
      if (device.kind !== 'printer' && device.kind !== 'rating-button') continue;
      const key = `${device.kind}:${device.id}`;
      const trouble = troubleOf(device);
      const before = seen.get(key) ?? null;
      seen.set(key, trouble);
      if (trouble === null || trouble === before) continue;
      alerts.push({ kind: 'device', deviceKind: device.kind, deviceId: device.id, ...placeOf(device, directory()), status: trouble, at });
    }
    return alerts;
  };
}

function placeOf(device: Parameters<typeof devicePlace>[0], directory: Parameters<typeof devicePlace>[1]): { deviceName: string; deviceNameEn?: string } {
  const place = devicePlace(device, directory);
  return { deviceName: place.name, ...(place.nameEn && { deviceNameEn: place.nameEn }) };
}
