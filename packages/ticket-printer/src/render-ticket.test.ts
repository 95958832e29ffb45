import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRINTER_PROFILES } from './built-in-profiles.js';
import { decodeEscPos, type DecodedEscPos } from './escpos-decoder.js';
import type { PrintableTicket } from './printable-ticket.js';
import type { PrinterProfile } from './printer-profile.js';
import { renderTicket } from './render-ticket.js';
import { TicketLayoutError } from './ticket-printer-errors.js';

const GOLDEN = join(import.meta.dirname, '__golden__');
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
const p80 = BUILT_IN_PRINTER_PROFILES['generic-80mm']!;
const p58 = BUILT_IN_PRINTER_PROFILES['generic-58mm']!;
const tearOff = BUILT_IN_PRINTER_PROFILES['generic-58mm-tear-off']!;

const russian: PrintableTicket = {
  officeName: 'ЦОК «Энергосбыт» — Центральный, ул. Малышева, 51',
  number: 'A015',
  serviceName: 'Оплата счетов за электроэнергию и приём показаний',
  issuedAt: new Date('2025-03-05T07:07:00Z'),
  timeZone: 'Europe/Moscow',
  peopleAhead: 7,
  estimatedWaitMin: 23,
  mark: { kind: 'priority', categoryName: 'Ветеран Великой Отечественной войны' },
  trackUrl: 'https://talon.example/t/msk-1/A015?k=3f9a',
  footer: ['Спасибо, что выбрали нас!', '', 'Горячая линия: 8 800 000-00-00'],
};

const english: PrintableTicket = {
  officeName: 'Energy Retail Office No. 3',
  number: 'K104',
  serviceName: 'New contract',
  issuedAt: new Date('2025-11-20T13:45:00Z'),
  timeZone: 'Asia/Yekaterinburg',
  peopleAhead: 0,
  estimatedWaitMin: null,
  mark: { kind: 'booking', slotTime: '18:50' },
  trackUrl: 'https://talon.example/t/ekb-3/K104',
  footer: ['Thank you'],
  language: 'en',
};

function decode(ticket: PrintableTicket, profile: PrinterProfile): { bytes: Buffer; decoded: DecodedEscPos } {
  const bytes = renderTicket(ticket, profile);
  return { bytes, decoded: decodeEscPos(bytes, { codePages: { [profile.cp866CodePage]: 'cp866' } }) };
}

/** The text as it reads off the paper, each line tagged with its layout, for golden .txt files. */
function paperText(decoded: DecodedEscPos): string {
  const out: string[] = [];
  const marksAt = (index: number) => [
    ...decoded.qrCodes.filter((qr) => qr.lineIndex === index).map((qr) => `[QR ${qr.payload.toString('latin1')}]`),
    ...decoded.cuts.filter((cut) => cut.lineIndex === index).map((cut) => `[${cut.kind} cut]`),
  ];
  decoded.styledLines.forEach((line, index) => {
    out.push(...marksAt(index));
    const tags = `${line.align[0]}${line.bold ? 'B' : '-'}${line.inverted ? 'I' : '-'}${line.widthScale}x${line.heightScale}`;
    out.push(`${tags} |${line.text}`);
  });
  out.push(...marksAt(decoded.styledLines.length));
  return `${out.join('\n')}\n`;
}

describe('renderTicket, Russian on 80 mm', () => {
  const { bytes, decoded } = decode(russian, p80);
  const text = decoded.lines.join('\n');

  it('decodes with no warning a printer would stumble on', () => {
    expect(decoded.warnings).toEqual([]);
  });

  it('prints every field, Cyrillic intact', () => {
    expect(text).toContain('ЦОК "Энергосбыт" - Центральный, ул. Малышева, 51');
    expect(decoded.lines).toContain('Талон');
    expect(decoded.lines).toContain('A015');
    expect(text.replace(/\n/g, ' ')).toContain('Услуга: Оплата счетов за электроэнергию и приём показаний');
    expect(decoded.lines).toContain('Перед вами: 7 чел.');
    expect(decoded.lines).toContain('Ожидание ~23 мин');
    expect(decoded.lines).toContain('Выдан: 05.03.2025 10:07');
    expect(decoded.lines).toContain(' ВНЕ ОЧЕРЕДИ ');
    expect(text).toContain('Ветеран Великой Отечественной войны');
    expect(decoded.lines).toContain('Следите за очередью по QR-коду');
    expect(decoded.lines).toContain('Спасибо, что выбрали нас!');
    expect(decoded.lines).toContain('Горячая линия: 8 800 000-00-00');
  });

  it('prints the number big and bold, centred, and the priority mark inverted', () => {
    const number = decoded.styledLines.find((line) => line.text === 'A015')!;
    expect(number).toMatchObject({ align: 'center', bold: true, widthScale: 4, heightScale: 4 });
    expect(decoded.styledLines.find((line) => line.text === ' ВНЕ ОЧЕРЕДИ ')).toMatchObject({ inverted: true, bold: true });
  });

  it('puts the tracking URL in the QR code byte for byte', () => {
    expect(decoded.qrCodes).toHaveLength(1);
    expect(decoded.qrCodes[0]!.payload).toEqual(Buffer.from(russian.trackUrl!, 'ascii'));
    expect(decoded.qrCodes[0]).toMatchObject({ model: 2, moduleSize: p80.qrModuleSize, errorCorrection: 'M' });
  });

  it('begins with ESC @ and the profile’s CP866 number, and selects no other code page', () => {
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, p80.cp866CodePage]);
    expect(decoded.commands.filter((c) => c.name === 'ESC t').map((c) => c.params[0])).toEqual([p80.cp866CodePage]);
  });

  it('ends with feed, one full cut, and nothing printable after it', () => {
    expect(decoded.cuts).toEqual([{ kind: 'full', lineIndex: decoded.lines.length }]);
    const names = decoded.commands.map((c) => c.name);
    expect(names.slice(-3)).toEqual(['ESC d', 'GS V', 'ESC @']);
  });

  it('keeps every line within the paper', () => {
    for (const line of decoded.styledLines) expect(line.text.length * line.widthScale).toBeLessThanOrEqual(p80.columns);
  });

  it('holds no DLE byte, which a printer would read as a real-time question mid-ticket', () => {
    expect(bytes.includes(0x10)).toBe(false);
  });

  it('matches the golden bytes', () => {
    expectGolden('ticket-ru-80mm', bytes, decoded);
  });
});

describe('renderTicket, English on 58 mm', () => {
  const { bytes, decoded } = decode(english, p58);

  it('prints every field in English and the booking time', () => {
    expect(decoded.warnings).toEqual([]);
    expect(decoded.lines).toEqual(
      expect.arrayContaining([
        'Energy Retail Office No. 3',
        'Ticket',
        'K104',
        'Service: New contract',
        'People ahead: 0',
        'Wait: not known yet',
        'Issued: 20 Nov 2025 18:45',
        'Booked for 18:50',
        'Scan to follow the queue',
        'Thank you',
      ]),
    );
    expect(decoded.qrCodes[0]!.payload.toString('ascii')).toBe(english.trackUrl);
  });

  it('wraps to 32 columns', () => {
    for (const line of decoded.styledLines) expect(line.text.length * line.widthScale).toBeLessThanOrEqual(32);
    expect(decode(russian, p58).decoded.styledLines.filter((l) => l.text.length > 0).every((l) => l.text.length * l.widthScale <= 32)).toBe(true);
  });

  it('matches the golden bytes', () => {
    expectGolden('ticket-en-58mm', bytes, decoded);
  });
});

describe('renderTicket, other layouts', () => {
  it('prints a bare ticket: no mark, no QR, no footer', () => {
    const { decoded } = decode({ ...russian, mark: undefined, trackUrl: undefined, footer: undefined, estimatedWaitMin: 0.4 }, p80);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.qrCodes).toEqual([]);
    expect(decoded.lines).toContain('Вас вызовут в ближайшие минуты');
    expect(decoded.lines).not.toContain(' ВНЕ ОЧЕРЕДИ ');
    expect(decoded.lines).not.toContain('Следите за очередью по QR-коду');
  });

  it('prints the range the office told, not the bare minutes', () => {
    const { decoded } = decode({ ...russian, estimatedWaitMin: 18, waitRange: { fromMin: 15, toMin: 25 } }, p80);
    expect(decoded.lines).toContain('Примерное ожидание: 15-25 мин');
    expect(decoded.lines).not.toContain('Ожидание ~18 мин');
    const english = decode({ ...russian, language: 'en', estimatedWaitMin: 18, waitRange: { fromMin: 15, toMin: 25 } }, p80);
    expect(english.decoded.lines).toContain('Estimated wait: 15-25 min');
  });

  it('feeds past the tear bar and does not cut on a printer without a cutter', () => {
    const { decoded } = decode(russian, tearOff);
    expect(decoded.cut).toBe(false);
    expect(decoded.commands.at(-1)).toMatchObject({ name: 'ESC d', params: [tearOff.feedLinesBeforeCut] });
  });

  it('cuts partially when the profile says so', () => {
    expect(decode(russian, { ...p80, cutter: 'partial' }).decoded.cuts.map((c) => c.kind)).toEqual(['partial']);
  });

  it('uses a clone’s own code page number; Cyrillic reads right only through it', () => {
    const clone = { ...p58, id: 'clone-58', cp866CodePage: 59 };
    const bytes = renderTicket(russian, clone);
    expect(decodeEscPos(bytes, { codePages: { 59: 'cp866' } }).lines).toContain('Перед вами: 7 чел.');
    expect(decodeEscPos(bytes, { codePages: { 59: 'cp437' } }).lines).not.toContain('Перед вами: 7 чел.');
  });

  it('shrinks the number rather than let it wrap', () => {
    const { decoded } = decode({ ...russian, number: 'A12345' }, { ...p58, ticketNumberScale: 8 });
    const number = decoded.styledLines.find((line) => line.text === 'A12345')!;
    expect(number.widthScale).toBe(5);
    expect(number.text.length * number.widthScale).toBeLessThanOrEqual(32);
  });

  it('prints two tickets back to back with Cyrillic intact after the first cut', () => {
    const both = Buffer.concat([renderTicket(russian, p80), renderTicket({ ...russian, number: 'A016' }, p80)]);
    const decoded = decodeEscPos(both);
    expect(decoded.cuts).toHaveLength(2);
    expect(decoded.lines.filter((line) => line === 'Перед вами: 7 чел.')).toHaveLength(2);
    expect(decoded.warnings).toEqual([]);
  });

  it('refuses a Cyrillic tracking URL with a typed error before building anything', () => {
    expect(() => renderTicket({ ...russian, trackUrl: 'https://талон.рф/t/A015' }, p80)).toThrow(TicketLayoutError);
  });

  it('keeps control bytes in office data from reaching the printer', () => {
    const { bytes, decoded } = decode({ ...russian, officeName: 'ЦОК\x1d\x56\x00 Центр', footer: ['\x1b\x40Спасибо'] }, p80);
    expect(decoded.cuts).toHaveLength(1);
    expect(decoded.lines).toContain('ЦОК V Центр');
    expect(decoded.lines).toContain('@Спасибо');
    expect(bytes.includes(0x10)).toBe(false);
  });
});

function expectGolden(name: string, bytes: Buffer, decoded: DecodedEscPos): void {
  const binPath = join(GOLDEN, `${name}.bin`);
  const txtPath = join(GOLDEN, `${name}.txt`);
  if (UPDATE_GOLDEN) {
    writeFileSync(binPath, bytes);
    writeFileSync(txtPath, paperText(decoded));
  }
  if (!existsSync(binPath)) throw new Error(`no golden file ${binPath}; decode the bytes, check them, then run with UPDATE_GOLDEN=1`);
  // The .txt is the reviewable form of the .bin: a diff of it shows what changed on paper.
  expect(paperText(decodeEscPos(readFileSync(binPath)))).toBe(readFileSync(txtPath, 'utf8'));
  expect(paperText(decoded)).toBe(readFileSync(txtPath, 'utf8'));
  expect(bytes.equals(readFileSync(binPath))).toBe(true);
}

describe('the office address and the document a priority visitor shows (issue 15)', () => {
  const withBoth: PrintableTicket = {
    ...russian,
    officeAddress: 'г. Энск, ул. Ленина, 1',
    mark: { kind: 'priority', categoryName: 'Инвалиды', document: 'Справка МСЭ об инвалидности' },
  };
  it.each([
    ['80 mm', p80],
    ['58 mm', p58],
  ])('prints both, read back from the bytes, on %s', (_label, profile) => {
    const text = decode(withBoth, profile).decoded.lines.join(' ');
    expect(text).toContain('г. Энск, ул. Ленина, 1');
    expect(text.replace(/\s+/g, ' ')).toContain('Предъявите в окне: Справка МСЭ об инвалидности');
  });
  it('says it in English on an English ticket', () => {
    const text = decode({ ...withBoth, language: 'en', mark: { kind: 'priority', categoryName: 'People with disabilities', document: 'Disability certificate' } }, p80).decoded.lines.join(' ');
    expect(text).toContain('Show at the desk: Disability certificate');
  });
  it('prints neither line when the config has none', () => {
    const text = decode(russian, p80).decoded.lines.join(' ');
    expect(text).not.toContain('Предъявите');
  });
});
