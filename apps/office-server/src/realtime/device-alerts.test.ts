import type { DeviceHealthView } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { createOfficeDirectory } from '../config/office-directory.js';
import { demoConfig } from '../testing/test-office.js';
import { createDeviceAlerter, troubleOf } from './device-alerts.js';

const directory = createOfficeDirectory(
  demoConfig((c) => {
    c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: 'tcp://127.0.0.1:9100', profile: 'generic-80mm' }];
  }),
);
const printer = (status: string, online = status !== 'offline'): DeviceHealthView => ({ kind: 'printer', id: 'printer-1', name: 'printer-1', online, status, since: 0 });
const button = (online: boolean): DeviceHealthView => ({ kind: 'rating-button', id: 'desk-1', name: 'desk-1', online, status: online ? 'online' : 'offline', since: 0 });
const kiosk: DeviceHealthView = { kind: 'kiosk', id: 'kiosk-1', name: 'Киоск у входа', online: false, status: 'disconnected', since: 0 };

describe('device trouble', () => {
  it.each<[DeviceHealthView, string | null]>([
    [printer('ok'), null],
    [printer('paper-near-end'), null],
    [printer('unknown'), null],
    [printer('paper-end'), 'paper-end'],
    [printer('cover-open'), 'cover-open'],
    [printer('error'), 'error'],
    [printer('offline'), 'offline'],
    [printer('ok', false), 'offline'],
    [button(true), null],
    [button(false), 'offline'],
    [kiosk, null],
  ])('%o is %s', (device, trouble) => {
    expect(troubleOf(device)).toBe(trouble);
  });
});

describe('device alerts', () => {
  it('alerts once per change into trouble, names the kiosk or desk, and keeps quiet on repeats and recovery', () => {
    const alerts = createDeviceAlerter(() => directory);
    const statuses = (devices: DeviceHealthView[], at: number) => alerts(devices, at).map((a) => `${a.deviceKind}:${a.deviceName}:${a.status}@${a.at}`);
    expect(statuses([printer('ok'), button(true), kiosk], 1)).toEqual([]);
    expect(statuses([printer('paper-end'), button(true)], 2)).toEqual(['printer:Киоск у входа:paper-end@2']);
    // Another device changed; the printer repeats its status and must not alert again.
    expect(statuses([printer('paper-end'), button(false)], 3)).toEqual(['rating-button:Окно 1:offline@3']);
    expect(statuses([printer('paper-end'), button(false)], 4)).toEqual([]);
    // From one trouble into another is news; out of trouble is not (the standing alarm clears).
    expect(statuses([printer('cover-open'), button(false)], 5)).toEqual(['printer:Киоск у входа:cover-open@5']);
    expect(statuses([printer('ok'), button(true)], 6)).toEqual([]);
    expect(statuses([printer('paper-end'), button(true)], 7)).toEqual(['printer:Киоск у входа:paper-end@7']);
  });

  it('alerts a device first heard of in trouble, and falls back to its id for a place the config does not know', () => {
    const alerts = createDeviceAlerter(() => directory);
    const stray: DeviceHealthView = { ...printer('error'), id: 'printer-9', name: 'printer-9' };
    expect(alerts([stray], 1)).toEqual([{ kind: 'device', deviceKind: 'printer', deviceId: 'printer-9', deviceName: 'printer-9', status: 'error', at: 1 }]);
  });
});
