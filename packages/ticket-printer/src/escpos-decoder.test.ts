import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './escpos-decoder.js';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;
const cp866 = (text: string) => [...iconv.encode(text, 'cp866')];
const ascii = (text: string) => [...Buffer.from(text, 'ascii')];
const bytes = (...parts: (number | number[])[]) => Buffer.from(parts.flat());

describe('decodeEscPos: text and code pages', () => {
  it('reads Cyrillic through ESC t 17 as CP866', () => {
    expect(decodeEscPos(bytes(ESC, 0x40, ESC, 0x74, 17, cp866('Талон №5'), LF)).lines).toEqual(['Талон №5']);
  });

  it('reads the same bytes as CP437 after ESC @ resets the code page', () => {
    const decoded = decodeEscPos(bytes(ESC, 0x74, 17, cp866('Да'), LF, ESC, 0x40, cp866('Да'), LF));
    expect(decoded.lines[0]).toBe('Да');
    expect(decoded.lines[1]).toBe(iconv.decode(Buffer.from(cp866('Да')), 'cp437'));
    expect(decoded.styledLines[1]!.codePage).toBe(0);
  });

  it('takes a vendor’s own number for CP866 when told', () => {
    const decoded = decodeEscPos(bytes(ESC, 0x74, 59, cp866('Ёж'), LF), { codePages: { 59: 'cp866' } });
    expect(decoded.lines).toEqual(['Ёж']);
    expect(decoded.warnings).toEqual([]);
  });

  it('warns about a code page it cannot read', () => {
    const decoded = decodeEscPos(bytes(ESC, 0x74, 99, cp866('Ёж'), LF));
    expect(decoded.warnings.join('\n')).toMatch(/ESC t 99/);
    expect(decoded.warnings.join('\n')).toMatch(/no known encoding/);
  });

  it('warns when ESC @ throws away a line not yet printed', () => {
    const decoded = decodeEscPos(bytes(ascii('lost'), ESC, 0x40, ascii('kept'), LF));
    expect(decoded.lines).toEqual(['kept']);
    expect(decoded.warnings.join('\n')).toMatch(/discards unprinted text "lost"/);
  });

  it('keeps text left without a line feed, and says so', () => {
    const decoded = decodeEscPos(bytes(ascii('tail')));
    expect(decoded.lines).toEqual(['tail']);
    expect(decoded.warnings.join('\n')).toMatch(/after the last line feed/);
  });

  it('counts ESC d n as the line in progress plus n - 1 empty lines', () => {
    expect(decodeEscPos(bytes(ascii('a'), ESC, 0x64, 3, ascii('b'), LF)).lines).toEqual(['a', '', '', 'b']);
  });
});

describe('decodeEscPos: modes', () => {
  it('gives each line the modes in force at its first character', () => {
    const decoded = decodeEscPos(
      bytes(ESC, 0x61, 1, ESC, 0x45, 1, GS, 0x21, 0x33, ascii('A015'), LF, GS, 0x21, 0x00, ESC, 0x45, 0, GS, 0x42, 1, ascii('inv'), LF, ESC, 0x61, 0, GS, 0x42, 0, ascii('x'), LF),
    );
    expect(decoded.styledLines.map(({ text, align, bold, inverted, widthScale, heightScale }) => ({ text, align, bold, inverted, widthScale, heightScale }))).toEqual([
      { text: 'A015', align: 'center', bold: true, inverted: false, widthScale: 4, heightScale: 4 },
      { text: 'inv', align: 'center', bold: false, inverted: true, widthScale: 1, heightScale: 1 },
      { text: 'x', align: 'left', bold: false, inverted: false, widthScale: 1, heightScale: 1 },
    ]);
  });

  it('reads ESC ! print modes', () => {
    const line = decodeEscPos(bytes(ESC, 0x21, 0x08 | 0x10 | 0x20 | 0x80, ascii('x'), LF)).styledLines[0]!;
    expect(line).toMatchObject({ bold: true, underline: true, widthScale: 2, heightScale: 2 });
  });
});

describe('decodeEscPos: QR codes and cuts', () => {
  const qrStore = (data: number[]) => [GS, 0x28, 0x6b, (data.length + 3) & 0xff, (data.length + 3) >> 8, 0x31, 0x50, 0x30, ...data];
  const qrPrint = [GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30];

  it('returns a printed QR code’s stored bytes, model, module size and correction level', () => {
    const decoded = decodeEscPos(
      bytes(
        ascii('above'), LF,
        GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
        GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06,
        GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31,
        qrStore(ascii('https://talon.example/t/A015')),
        qrPrint,
      ),
    );
    expect(decoded.qrCodes).toEqual([
      { payload: Buffer.from('https://talon.example/t/A015'), model: 2, moduleSize: 6, errorCorrection: 'M', lineIndex: 1 },
    ]);
    expect(decoded.warnings).toEqual([]);
  });

  it('reads a QR payload longer than 255 bytes through pH', () => {
    const long = ascii(`https://x/${'a'.repeat(300)}`);
    expect(decodeEscPos(bytes(qrStore(long), qrPrint)).qrCodes[0]!.payload.length).toBe(long.length);
  });

  it('shows what the character-count trap does: half a letter in the QR, the other half on paper', () => {
    const payload = [...Buffer.from('ё')];
    const wrong = [GS, 0x28, 0x6b, 1 + 3, 0, 0x31, 0x50, 0x30, ...payload];
    const decoded = decodeEscPos(bytes(wrong, qrPrint, ascii('after'), LF));
    expect(decoded.qrCodes[0]!.payload).toEqual(Buffer.from([payload[0]!]));
    expect(decoded.lines[0]).not.toBe('after');
    expect(decoded.lines[0]).toMatch(/^.after$/);
  });

  it('warns about QR data stored and never printed', () => {
    expect(decodeEscPos(bytes(qrStore(ascii('x')))).warnings).toContain('QR data stored but never printed');
  });

  it.each<[string, number[], 'full' | 'partial']>([
    ['GS V 0', [GS, 0x56, 0], 'full'],
    ['GS V 48', [GS, 0x56, 48], 'full'],
    ['GS V 1', [GS, 0x56, 1], 'partial'],
    ['GS V 66 n', [GS, 0x56, 66, 5], 'partial'],
    ['GS V 65 n', [GS, 0x56, 65, 5], 'full'],
    ['ESC i', [ESC, 0x69], 'full'],
    ['ESC m', [ESC, 0x6d], 'partial'],
  ])('records %s as a %s cut after the lines before it', (_name, command, kind) => {
    const decoded = decodeEscPos(bytes(ascii('a'), LF, command, ascii('b'), LF));
    expect(decoded.cut).toBe(true);
    expect(decoded.cuts).toEqual([{ kind, lineIndex: 1 }]);
    expect(decoded.lines).toEqual(['a', 'b']);
  });

  it('reports no cut when there is none', () => {
    expect(decodeEscPos(bytes(ascii('a'), LF)).cut).toBe(false);
  });
});

describe('decodeEscPos: everything else', () => {
  it('records real-time status questions and skips barcodes and raster images', () => {
    const decoded = decodeEscPos(
      bytes(
        0x10, 0x04, 1,
        GS, 0x6b, 4, ascii('123'), 0,
        GS, 0x6b, 73, 4, ascii('{B12'),
        GS, 0x76, 0x30, 0, 1, 0, 2, 0, 0xff, 0x0a,
        ascii('ok'), LF,
      ),
    );
    expect(decoded.commands.map((c) => c.name)).toEqual(['DLE EOT', 'GS k', 'GS k', 'GS v 0', 'LF']);
    expect(decoded.lines).toEqual(['ok']);
    expect(decoded.warnings).toEqual([]);
  });

  it('warns about an unknown command and a command cut short', () => {
    expect(decodeEscPos(bytes(ESC, 0x01, ascii('x'), LF)).warnings.join('\n')).toMatch(/unknown command ESC 0x01/);
    expect(decodeEscPos(bytes(GS, 0x28, 0x6b, 10, 0, 0x31)).warnings.join('\n')).toMatch(/cut short/);
    expect(decodeEscPos(bytes(ESC)).warnings.join('\n')).toMatch(/cut short/);
  });

  it('warns about a stray control byte', () => {
    expect(decodeEscPos(bytes(0x07, ascii('x'), LF)).warnings.join('\n')).toMatch(/stray control byte 0x07/);
  });

  it('reads a Uint8Array view at an offset', () => {
    const whole = bytes(0xff, 0xff, ascii('mid'), LF, 0xff);
    expect(decodeEscPos(new Uint8Array(whole.buffer, whole.byteOffset + 2, 4)).lines).toEqual(['mid']);
  });

  it('never throws on random bytes', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let round = 0; round < 200; round += 1) {
      const noise = Buffer.from(Array.from({ length: 1 + (random() % 200) }, random));
      expect(() => decodeEscPos(noise)).not.toThrow();
    }
  });
});
