import { describe, expect, it } from 'vitest';
import { checkSetupDraft, draftFromConfig, type SetupDraft } from './setup-draft.js';

const DRAFT: SetupDraft = {
  role: 'kiosk',
  serverUrl: 'http://192.168.10.5:8080',
  screenToken: 'demo-kiosk-1',
  agentToken: 'demo-agent-1',
  printers: 'printer-1 = serial:/dev/serial/by-id/usb-FTDI_A6008isP-if00-port0?baud=19200&rtscts=1\n\n',
  buttons: '',
};

describe('setup draft', () => {
  it('reads device lines, splitting at the first = only, and leaves blank tokens out', () => {
    const checked = checkSetupDraft({ ...DRAFT, screenToken: '  ', role: 'operator', buttons: ' desk-1=COM3 \r\ndesk-2 = /dev/serial/by-id/usb-1a86-if00' });
    expect(checked).toEqual({
      ok: true,
      config: {
        role: 'operator',
        serverUrl: 'http://192.168.10.5:8080',
        agentToken: 'demo-agent-1',
        printerUri: { 'printer-1': 'serial:/dev/serial/by-id/usb-FTDI_A6008isP-if00-port0?baud=19200&rtscts=1' },
        buttonPath: { 'desk-1': 'COM3', 'desk-2': '/dev/serial/by-id/usb-1a86-if00' },
        language: 'ru',
      },
    });
  });

  it.each([
    ['a line with no =', { printers: '/dev/usb/lp0' }, ['printerUri: desktop.setup.error.deviceLine']],
    ['a line with no id', { buttons: ' = COM3' }, ['buttonPath: desktop.setup.error.deviceLine']],
    ['a line with no path', { buttons: 'desk-1 =' }, ['buttonPath: desktop.setup.error.deviceLine']],
    ['a bad line and a bad server together', { printers: 'lp0', serverUrl: 'x' }, ['printerUri: desktop.setup.error.deviceLine', 'serverUrl: desktop.setup.error.serverUrl']],
  ])('refuses %s', (_name, change, expected) => {
    const checked = checkSetupDraft({ ...DRAFT, ...change });
    expect(checked.ok ? [] : checked.issues.map((issue) => `${issue.field}: ${issue.message}`)).toEqual(expected);
  });

  it.each([
    ['a missing field', { role: 'kiosk' }],
    ['an extra field', { ...DRAFT, admin: true }],
    ['a number for a string', { ...DRAFT, serverUrl: 8080 }],
    ['a huge field', { ...DRAFT, printers: 'x'.repeat(20_000) }],
  ])('refuses a malformed form: %s', (_name, input) => {
    expect(checkSetupDraft(input)).toEqual({ ok: false, issues: [{ field: 'config', message: 'desktop.setup.error.invalid' }] });
  });

  it('turns a saved config back into the same form', () => {
    const checked = checkSetupDraft(DRAFT);
    if (!checked.ok) throw new Error('draft refused');
    const again = checkSetupDraft(draftFromConfig(checked.config));
    expect(again).toEqual(checked);
  });
});
