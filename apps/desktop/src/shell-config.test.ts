import { describe, expect, it } from 'vitest';
import { checkShellConfig, screenUrl, type ShellConfig } from './shell-config.js';

const KIOSK = { role: 'kiosk', serverUrl: 'http://192.168.10.5:8080', screenToken: 'demo-kiosk-1', agentToken: 'demo-agent-1' };

function issues(input: unknown): string[] {
  const checked = checkShellConfig(input);
  return checked.ok ? [] : checked.issues.map((issue) => `${issue.field}: ${issue.message}`);
}

describe('shell config', () => {
  it.each([
    ['a kiosk with its printer', { ...KIOSK, printerUri: { 'printer-1': '/dev/usb/lp0' } }],
    ['a kiosk with a network printer named by the office config', KIOSK],
    ['a serial printer with options', { ...KIOSK, printerUri: { 'printer-1': 'serial:/dev/serial/by-id/usb-FTDI-if00-port0?baud=19200&rtscts=1' } }],
    ['a tcp printer', { ...KIOSK, printerUri: { 'printer-1': 'tcp://192.168.10.40:9100' } }],
    ['a demo file printer', { ...KIOSK, printerUri: { 'printer-1': 'file:/var/lib/talon/tickets.bin' } }],
    ['an operator desk with its rating button', { role: 'operator', serverUrl: 'https://talon.office.example', agentToken: 'agent-desk-3-token', buttonPath: { 'desk-3': '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0' } }],
    ['a Windows kiosk with its printer on a virtual COM port', { ...KIOSK, printerUri: { 'printer-1': 'serial:COM4?baud=19200' } }],
    ['a Windows desk with its button on COM3', { role: 'operator', serverUrl: 'http://10.0.0.2:8080', agentToken: 'agent-desk-3-token', buttonPath: { 'desk-3': 'COM3' } }],
    ['a board with no hardware', { role: 'board', serverUrl: 'http://10.0.0.2:8080', screenToken: 'demo-board-1' }],
    ['an operator desk with nothing plugged in', { role: 'operator', serverUrl: 'http://10.0.0.2:8080' }],
  ])('accepts %s', (_name, input) => {
    expect(issues(input)).toEqual([]);
  });

  it.each([
    ['no role', { ...KIOSK, role: undefined }, ['role: desktop.setup.error.role']],
    ['an unknown role', { ...KIOSK, role: 'cashier' }, ['role: desktop.setup.error.role']],
    ['a server without a scheme', { ...KIOSK, serverUrl: '192.168.10.5:8080' }, ['serverUrl: desktop.setup.error.serverUrl']],
    ['a server with a path', { ...KIOSK, serverUrl: 'http://192.168.10.5:8080/kiosk' }, ['serverUrl: desktop.setup.error.serverUrl']],
    ['a server with a query', { ...KIOSK, serverUrl: 'http://192.168.10.5:8080/?token=x' }, ['serverUrl: desktop.setup.error.serverUrl']],
    ['a server with credentials', { ...KIOSK, serverUrl: 'http://admin:pw@192.168.10.5:8080' }, ['serverUrl: desktop.setup.error.serverUrl']],
    ['an ftp server', { ...KIOSK, serverUrl: 'ftp://192.168.10.5' }, ['serverUrl: desktop.setup.error.serverUrl']],
    ['a kiosk without its screen token', { ...KIOSK, screenToken: undefined }, ['screenToken: desktop.setup.error.screenTokenMissing']],
    ['a board without its screen token', { role: 'board', serverUrl: 'http://10.0.0.2:8080' }, ['screenToken: desktop.setup.error.screenTokenMissing']],
    ['an operator given a screen token', { role: 'operator', serverUrl: 'http://10.0.0.2:8080', screenToken: 'demo-kiosk-1' }, ['screenToken: desktop.setup.error.screenTokenOperator']],
    ['a short token', { ...KIOSK, screenToken: 'abc' }, ['screenToken: desktop.setup.error.token']],
    ['a token with a space', { ...KIOSK, agentToken: 'demo agent 1' }, ['agentToken: desktop.setup.error.token']],
    ['a token in Cyrillic', { ...KIOSK, agentToken: 'токен-агента' }, ['agentToken: desktop.setup.error.token']],
    ['a printer but no agent token', { ...KIOSK, agentToken: undefined, printerUri: { 'printer-1': '/dev/usb/lp0' } }, ['agentToken: desktop.setup.error.agentTokenMissing']],
    ['a button but no agent token', { role: 'operator', serverUrl: 'http://10.0.0.2:8080', buttonPath: { 'desk-1': 'COM3' } }, ['agentToken: desktop.setup.error.agentTokenMissing']],
    ['a printer at a http address', { ...KIOSK, printerUri: { 'printer-1': 'http://192.168.10.40' } }, ['printerUri.printer-1: desktop.setup.error.printerUri']],
    ['a relative printer path', { ...KIOSK, printerUri: { 'printer-1': 'usb/lp0' } }, ['printerUri.printer-1: desktop.setup.error.printerUri']],
    ['a serial printer at a baud rate no printer has', { ...KIOSK, printerUri: { 'printer-1': 'serial:/dev/ttyUSB0?baud=12345' } }, ['printerUri.printer-1: desktop.setup.error.printerUri']],
    ['a serial printer on COM0, which Windows never names', { ...KIOSK, printerUri: { 'printer-1': 'serial:COM0' } }, ['printerUri.printer-1: desktop.setup.error.printerUri']],
    ['a misspelt printer option', { ...KIOSK, printerUri: { 'printer-1': 'serial:/dev/ttyUSB0?baudrate=19200' } }, ['printerUri.printer-1: desktop.setup.error.printerUri']],
    ['a printer id with a space', { ...KIOSK, printerUri: { 'printer 1': '/dev/usb/lp0' } }, ['printerUri.printer 1: desktop.setup.error.deviceId']],
    ['a button on a relative path', { ...KIOSK, buttonPath: { 'desk-1': 'ttyUSB0' } }, ['buttonPath.desk-1: desktop.setup.error.buttonPath']],
    ['a button on COM0', { ...KIOSK, buttonPath: { 'desk-1': 'COM0' } }, ['buttonPath.desk-1: desktop.setup.error.buttonPath']],
    ['an unknown field (a typo in a hand-edited file)', { ...KIOSK, severUrl: 'http://x' }, ['config: desktop.setup.error.invalid']],
    ['not an object', 'kiosk', ['config: desktop.setup.error.invalid']],
  ])('refuses %s', (_name, input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it('keeps the server as a bare origin and fills in the defaults', () => {
    const checked = checkShellConfig({ ...KIOSK, serverUrl: ' HTTP://Office.Local:8080/ ' });
    expect(checked).toEqual({
      ok: true,
      config: { ...KIOSK, serverUrl: 'http://office.local:8080', printerUri: {}, buttonPath: {}, language: 'ru' },
    });
  });

  it.each([
    ['kiosk', 'http://o:8080/kiosk#pair=demo-kiosk-1'],
    ['board', 'http://o:8080/board#pair=a%2Bb%26c%3D%3D%3D'],
    ['operator', 'http://o:8080/operator'],
  ] as const)('%s screen url', (role, expected) => {
    const screenToken = role === 'kiosk' ? 'demo-kiosk-1' : role === 'board' ? 'a+b&c===' : undefined;
    const config = { role, serverUrl: 'http://o:8080', screenToken, printerUri: {}, buttonPath: {}, language: 'ru' } as ShellConfig;
    expect(screenUrl(config)).toBe(expected);
  });
});
