import type { DeviceHealthView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';
import type { DeviceHealth } from '../devices/device-health.js';
import { devicePlace } from './device-place.js';

/**
 * A device not heard for this long is missing: long enough for a reboot or a replugged cable,
 * short enough that the head learns of a dead board before the first visitor does. The same
 * time counts from the server's start for a device not heard since.
 */
export const MISSING_AFTER_MS = 5 * 60_000;

/**
 * Every configured device (kiosks, boards, agents, printers, rating buttons), heard or not, with
 * when it was last seen and whether it is missing; then any device heard that the config no
 * longer names. A device never heard since the server started reads «не выходило на связь».
 */
export function deviceRoster(directory: OfficeDirectory, devices: DeviceHealth, now: number): DeviceHealthView[] {
  const { config } = directory;
  const configured: Pick<DeviceHealthView, 'kind' | 'id' | 'name'>[] = [
    ...config.devices.map((d) => ({ kind: d.role, id: d.id, name: d.name })),
    ...config.printers.map((p) => ({ kind: 'printer' as const, id: p.id, name: p.id })),
    ...config.ratingButtons.map((b) => ({ kind: 'rating-button' as const, id: b.deskId, name: b.deskId })),
  ];
  const live = new Map(devices.list().map((d) => [`${d.kind}:${d.id}`, d]));
  const listed = new Set<string>();
  const rows: DeviceHealthView[] = configured.map((device) => {
    const key = `${device.kind}:${device.id}`;
    listed.add(key);
    return live.get(key) ?? { ...device, online: false, status: 'never-seen', since: devices.startedAt };
  });
  for (const [key, device] of live) if (!listed.has(key)) rows.push(device);
  return rows.map((device) => {
    const lastSeenAt = devices.lastSeenAt(device.kind, device.id);
    const quietSince = Math.max(lastSeenAt ?? 0, devices.startedAt);
    return {
      ...device,
      ...devicePlace(device, directory),
      ...(lastSeenAt !== undefined && { lastSeenAt }),
      missing: !device.online && now - quietSince > MISSING_AFTER_MS,
    };
  });
}
