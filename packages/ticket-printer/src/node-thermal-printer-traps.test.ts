import thermalPrinter from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRINTER_PROFILES } from './built-in-profiles.js';
import { EscPosBuilder } from './escpos-builder.js';
import { decodeEscPos } from './escpos-decoder.js';

// Each trap checked against the library as installed, so an upgrade that changes one shows
// up here, next to the code in escpos-builder.ts that works around it.
const { ThermalPrinter, PrinterTypes, CharacterSet, BreakLine } = thermalPrinter;
const profile = BUILT_IN_PRINTER_PROFILES['generic-80mm']!;

function library() {
  return new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', characterSet: CharacterSet.PC866_CYRILLIC2, breakLine: BreakLine.NONE });
}

describe('node-thermal-printer traps', () => {
  it('selects CP866 with Epson’s number 17, whatever the printer calls it', () => {
    expect([...library().getBuffer()]).toEqual([0x1b, 0x74, 17]);
  });

  it('cut() ends with ESC @, so Cyrillic after a cut prints in the default code page', () => {
    const printer = library();
    printer.println('Талон');
    printer.cut();
    printer.println('Талон');
    const decoded = decodeEscPos(printer.getBuffer());
    expect(decoded.commands.map((c) => c.name).slice(-3)).toEqual(['GS V', 'ESC @', 'LF']);
    expect(decoded.lines[0]).toBe('Талон');
    expect(decoded.lines.at(-1)).not.toBe('Талон');
  });

  it('printQR writes the character count as the length while sending UTF-8 bytes', () => {
    const printer = library();
    printer.printQR('ё');
    const buffer = printer.getBuffer();
    // GS ( k pL pH 49 80 48 d1..dk: the length covers the three function bytes and the data.
    const store = buffer.indexOf(Buffer.from([0x31, 0x50, 0x30]));
    const declared = buffer[store - 2]! + buffer[store - 1]! * 256 - 3;
    const sent = buffer.subarray(store + 3, buffer.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51]), store));
    expect(declared).toBe(1);
    expect(sent).toEqual(Buffer.from('ё'));
    expect(sent.length).toBe(2);
  });

  it('setTextSize(height, width) puts "height" in the width bits of GS !', () => {
    const printer = library();
    printer.setTextSize(1, 3);
    printer.println('A');
    const line = decodeEscPos(printer.getBuffer()).styledLines[0]!;
    expect({ width: line.widthScale, height: line.heightScale }).toEqual({ width: 2, height: 4 });
  });

  it('getStatus() only appends GS r 1 to the print data: no real-time question, no answer read', async () => {
    const printer = library();
    await (printer as unknown as { getStatus(): Promise<void> }).getStatus();
    expect([...printer.getBuffer().subarray(3)]).toEqual([0x1d, 0x72, 0x01]);
  });

  it('switches code page silently, by Epson’s numbers, for a character CP866 lacks', () => {
    const printer = library();
    printer.println('«Талон»');
    const switches = decodeEscPos(printer.getBuffer()).commands.filter((c) => c.name === 'ESC t').map((c) => c.params[0]);
    expect(switches.length).toBeGreaterThan(1);
  });
});

describe('EscPosBuilder keeps out of them', () => {
  it('starts with ESC @ and the profile’s own code page number', () => {
    const bytes = new EscPosBuilder({ ...profile, cp866CodePage: 59 }).line('Талон').finish();
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 59]);
    expect(decodeEscPos(bytes, { codePages: { 59: 'cp866' } }).lines[0]).toBe('Талон');
  });

  it('refuses text that would make the library switch code page', () => {
    expect(() => new EscPosBuilder(profile).line('«Талон»')).toThrow(/plain CP866/);
  });

  it('refuses text with a control byte', () => {
    expect(() => new EscPosBuilder(profile).line('a\x1b@')).toThrow(/control byte/);
  });

  it('gives width and height in the order it names them', () => {
    const line = decodeEscPos(new EscPosBuilder(profile).characterSize(2, 4).line('A').finish()).styledLines[0]!;
    expect({ width: line.widthScale, height: line.heightScale }).toEqual({ width: 2, height: 4 });
  });

  it('refuses a non-ASCII QR payload before the library can miscount it', () => {
    expect(() => new EscPosBuilder(profile).qr('https://x/ё', 4)).toThrow(/ASCII/);
  });

  it('takes nothing after the cut, where ESC @ has reset the code page', () => {
    const builder = new EscPosBuilder(profile);
    builder.finish();
    expect(() => builder.line('Талон')).toThrow(/finished/);
  });
});
