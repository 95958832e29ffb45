import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINTER_NETWORK, printerNetworkEntryProblem, printerTargetProblem } from './printer-targets.js';

const rules = { network: DEFAULT_PRINTER_NETWORK, fileFolder: '/var/lib/talon' };

describe('printer URIs: a closed list of transports and targets', () => {
  it.each([
    '/dev/usb/lp0',
    '/dev/usb/lp12?timeout=500',
    '/dev/serial/by-id/usb-Citizen_CT-S310II-if00',
    '/dev/talon/printer-ABC123',
    'serial:/dev/serial/by-id/usb-FTDI_FT232R-if00-port0?baud=19200',
    'serial:COM3?baud=9600',
    'tcp://192.168.1.50:9100',
    'tcp://10.0.0.7',
    'tcp://172.31.255.1:9100',
    'tcp://127.0.0.1:9100',
    'tcp://[::1]:9100',
    'tcp://[fd12:3456::50]:9100',
    'file:/var/lib/talon/kiosk-1-tickets.bin',
    'file:///var/lib/talon/kiosk-1-tickets.bin',
  ])('allows %s', (uri) => expect(printerTargetProblem(uri, rules)).toBeUndefined());

  it.each([
    ['file:/etc/passwd', /data folder/],
    ['file:/var/lib/talon/../../../etc/passwd', /data folder/],
    ['file:/var/lib/talon-other/x.bin', /data folder/],
    ['tcp://8.8.8.8:9100', /outside printerNetwork/],
    ['tcp://172.32.0.1:9100', /outside printerNetwork/],
    ['tcp://printer.example.com:9100', /outside printerNetwork/],
    ['tcp://[2001:db8::1]:9100', /outside printerNetwork/],
    ['/etc/passwd', /not \/dev\/usb\/lpN/],
    ['/dev/sda', /not \/dev\/usb\/lpN/],
    ['/dev/serial/by-id/../../sda', /not \/dev\/usb\/lpN/],
    ['serial:/dev/ttyS0', /not \/dev\/serial\/by-id/],
    ['http://192.168.1.5/', /use \/dev\/usb\/lpN/],
  ])('refuses %s', (uri, why) => expect(printerTargetProblem(uri, rules)).toMatch(why));

  it('refuses file: where no data folder is known', () => {
    expect(printerTargetProblem('file:/var/lib/talon/t.bin', { network: DEFAULT_PRINTER_NETWORK })).toMatch(/demo/);
  });

  it('takes host names and ranges from printerNetwork as written', () => {
    const network = ['printer-hall.office.lan', '203.0.113.0/28'];
    expect(printerTargetProblem('tcp://printer-hall.office.lan:9100', { network })).toBeUndefined();
    expect(printerTargetProblem('tcp://203.0.113.14', { network })).toBeUndefined();
    expect(printerTargetProblem('tcp://203.0.113.16', { network })).toMatch(/outside/);
    expect(printerTargetProblem('tcp://192.168.1.5', { network })).toMatch(/outside/);
  });

  it.each([
    ['192.168.0.0/16', undefined],
    ['printer.lan', undefined],
    ['192.168.0.0/33', /CIDR/],
    ['300.1.1.1/8', /CIDR/],
    ['http://x', /CIDR|host name/],
  ])('network entry %s', (entry, problem) => {
    const found = printerNetworkEntryProblem(entry);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});
