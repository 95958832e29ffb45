import { describe, expect, it } from 'vitest';
import { PrinterTransportError } from '../ticket-printer-errors.js';
import { formatPrinterAddress, parsePrinterUri, type PrinterAddress } from './printer-uri.js';

describe('parsePrinterUri', () => {
  it.each<[string, PrinterAddress]>([
    ['tcp://192.168.1.50:9100', { kind: 'tcp', host: '192.168.1.50', port: 9100, timeoutMs: 1500 }],
    ['tcp://192.168.1.50', { kind: 'tcp', host: '192.168.1.50', port: 9100, timeoutMs: 1500 }],
    ['tcp://printer-kiosk-1.office.local:9101/', { kind: 'tcp', host: 'printer-kiosk-1.office.local', port: 9101, timeoutMs: 1500 }],
    ['tcp://[fe80::1]:9100', { kind: 'tcp', host: 'fe80::1', port: 9100, timeoutMs: 1500 }],
    ['TCP://10.0.0.7:9100?timeout=3000', { kind: 'tcp', host: '10.0.0.7', port: 9100, timeoutMs: 3000 }],
    ['serial:/dev/ttyUSB0', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, rtscts: false, timeoutMs: 1500 }],
    ['serial:/dev/ttyUSB0?baud=19200&rtscts=1', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200, rtscts: true, timeoutMs: 1500 }],
    ['serial:///dev/ttyS0?baud=115200&rtscts=0&timeout=500', { kind: 'serial', path: '/dev/ttyS0', baudRate: 115200, rtscts: false, timeoutMs: 500 }],
    [
      'serial:/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0-port0?baud=38400',
      { kind: 'serial', path: '/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0-port0', baudRate: 38400, rtscts: false, timeoutMs: 1500 },
    ],
    // Windows: a USB printer with a virtual COM port driver, or a real COM port.
    ['serial:COM3?baud=19200', { kind: 'serial', path: 'COM3', baudRate: 19200, rtscts: false, timeoutMs: 1500 }],
    ['serial:\\\\.\\COM12', { kind: 'serial', path: '\\\\.\\COM12', baudRate: 9600, rtscts: false, timeoutMs: 1500 }],
    ['/dev/usb/lp0', { kind: 'device', path: '/dev/usb/lp0', timeoutMs: 1500 }],
    ['/dev/talon/kiosk-1-printer?timeout=2500', { kind: 'device', path: '/dev/talon/kiosk-1-printer', timeoutMs: 2500 }],
    ['file:/var/lib/talon/tickets.bin', { kind: 'file', path: '/var/lib/talon/tickets.bin' }],
    ['file:///tmp/ticket.bin', { kind: 'file', path: '/tmp/ticket.bin' }],
    ['file:ticket.bin', { kind: 'file', path: 'ticket.bin' }],
  ])('%s', (uri, expected) => {
    expect(parsePrinterUri(uri)).toEqual(expected);
  });

  it.each([
    ['', 'empty'],
    [' tcp://1.2.3.4', 'padded'],
    ['tcp://', 'host'],
    ['tcp://1.2.3.4:0', 'port'],
    ['tcp://1.2.3.4:70000', 'valid'],
    ['tcp://user:pw@1.2.3.4', 'password'],
    ['tcp://1.2.3.4/queue', 'path'],
    ['tcp://1.2.3.4?timout=100', 'unknown parameter "timout"'],
    ['tcp://1.2.3.4?timeout=10', 'timeout'],
    ['tcp://1.2.3.4?timeout=1e3', 'timeout'],
    ['serial:ttyUSB0', 'absolute'],
    ['serial://dev/ttyUSB0', 'absolute'],
    ['serial:COM0', 'absolute'],
    ['serial:COM3x', 'absolute'],
    ['COM3', 'not a printer URI'],
    ['serial:/dev/ttyUSB0?baud=14400', 'baud'],
    ['serial:/dev/ttyUSB0?baudrate=19200', 'unknown parameter "baudrate"'],
    ['serial:/dev/ttyUSB0?rtscts=yes', 'rtscts'],
    ['serial:/dev/ttyUSB0?baud=9600&baud=19200', 'given 2 times'],
    ['/dev/usb/lp0?baud=9600', 'unknown parameter'],
    ['file:', 'no file path'],
    ['file://host/tmp/x', 'host'],
    ['file:/tmp/x?append=1', 'no parameters'],
    ['usb://04b8:0e15', 'not a printer URI'],
    ['lp0', 'not a printer URI'],
    ['192.168.1.50:9100', 'not a printer URI'],
  ])('refuses %j (%s)', (uri, why) => {
    let error: unknown;
    try {
      parsePrinterUri(uri);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PrinterTransportError);
    expect((error as PrinterTransportError).code).toBe('invalid-uri');
    expect((error as Error).message).toContain(why);
  });

  it('refuses a value that is not a string', () => {
    expect(() => parsePrinterUri(undefined as unknown as string)).toThrow(PrinterTransportError);
  });
});

describe('formatPrinterAddress', () => {
  it.each([
    'tcp://192.168.1.50:9100',
    'tcp://[fe80::1]:9100',
    'serial:/dev/ttyUSB0?baud=19200&rtscts=1',
    'serial:/dev/ttyUSB0?baud=9600',
    'serial:COM3?baud=19200',
    '/dev/usb/lp0',
    'file:/tmp/ticket.bin',
  ])('writes %s back as it was read', (uri) => {
    expect(formatPrinterAddress(parsePrinterUri(uri))).toBe(uri);
  });
});
