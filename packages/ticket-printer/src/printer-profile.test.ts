import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PRINTER_PROFILES, loadPrinterProfile } from './built-in-profiles.js';
import { parsePrinterProfile, type PrinterProfile } from './printer-profile.js';
import { PrinterProfileError } from './ticket-printer-errors.js';

const HARDWARE_PRINTERS = resolve(import.meta.dirname, '../../../hardware/printers');
const good: PrinterProfile = {
  id: 'shop-58',
  name: 'Shop printer',
  paperWidthMm: 58,
  columns: 32,
  cp866CodePage: 59,
  cutter: 'partial',
  feedLinesBeforeCut: 3,
  ticketNumberScale: 3,
  qrModuleSize: 4,
};

const dir = mkdtempSync(join(tmpdir(), 'talon-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusedField(value: unknown): string {
  try {
    parsePrinterProfile(value, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(PrinterProfileError);
    expect((error as PrinterProfileError).origin).toBe('test');
    return (error as PrinterProfileError).field;
  }
  throw new Error('the profile was accepted');
}

describe('parsePrinterProfile', () => {
  it('accepts a complete profile, with or without notes', () => {
    expect(parsePrinterProfile(good)).toEqual(good);
    expect(parsePrinterProfile({ ...good, notes: 'bought 2024' }).notes).toBe('bought 2024');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing code page', { cp866CodePage: undefined }, 'cp866CodePage'],
    ['a code page as a string', { cp866CodePage: '17' }, 'cp866CodePage'],
    ['a code page above 255', { cp866CodePage: 256 }, 'cp866CodePage'],
    ['zero columns', { columns: 0 }, 'columns'],
    ['fractional columns', { columns: 32.5 }, 'columns'],
    ['an unknown cutter', { cutter: 'guillotine' }, 'cutter'],
    ['a number scale of 9', { ticketNumberScale: 9 }, 'ticketNumberScale'],
    ['a QR module of 0', { qrModuleSize: 0 }, 'qrModuleSize'],
    ['an id with capitals', { id: 'Generic' }, 'id'],
    ['an empty name', { name: ' ' }, 'name'],
    ['a paper width in inches', { paperWidthMm: 3 }, 'paperWidthMm'],
    ['a negative feed', { feedLinesBeforeCut: -1 }, 'feedLinesBeforeCut'],
    ['notes that are not text', { notes: 5 }, 'notes'],
    ['a misspelt field', { colums: 32 }, 'colums'],
  ])('refuses %s and names the field', (_name, change, field) => {
    const profile: Record<string, unknown> = { ...good, ...change };
    for (const key of Object.keys(profile)) if (profile[key] === undefined) delete profile[key];
    expect(refusedField(profile)).toBe(field);
  });

  it.each([['an array', []], ['null', null], ['a string', 'generic-80mm']])('refuses %s as a whole', (_name, value) => {
    expect(refusedField(value)).toBe('(json)');
  });
});

describe('built-in profiles', () => {
  it('include an 80 mm printer with 48 columns and a 58 mm one with 32', () => {
    expect(BUILT_IN_PRINTER_PROFILES['generic-80mm']).toMatchObject({ paperWidthMm: 80, columns: 48, cutter: 'full' });
    expect(BUILT_IN_PRINTER_PROFILES['generic-58mm']).toMatchObject({ paperWidthMm: 58, columns: 32 });
  });

  it('are exactly the JSON files in hardware/printers, one file per profile', () => {
    const files = readdirSync(HARDWARE_PRINTERS).filter((name) => name.endsWith('.json'));
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual(Object.keys(BUILT_IN_PRINTER_PROFILES).sort());
    for (const file of files) {
      const json: unknown = JSON.parse(readFileSync(join(HARDWARE_PRINTERS, file), 'utf8'));
      const profile = parsePrinterProfile(json, file);
      expect(profile).toEqual(BUILT_IN_PRINTER_PROFILES[profile.id]);
    }
  });
});

describe('loadPrinterProfile', () => {
  it('finds a built-in profile by id', async () => {
    expect((await loadPrinterProfile('generic-58mm')).columns).toBe(32);
  });

  it('reads the profile files shipped in hardware/printers', async () => {
    expect(await loadPrinterProfile(join(HARDWARE_PRINTERS, 'generic-80mm.json'))).toEqual(BUILT_IN_PRINTER_PROFILES['generic-80mm']);
  });

  it('reads an installer’s own file', async () => {
    const path = join(dir, 'shop.json');
    writeFileSync(path, JSON.stringify(good));
    expect(await loadPrinterProfile(path)).toEqual(good);
  });

  it('names the bad field of a file and where it came from', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ ...good, cp866CodePage: 'seventeen' }));
    await expect(loadPrinterProfile(path)).rejects.toMatchObject({ name: 'PrinterProfileError', field: 'cp866CodePage', origin: path });
  });

  it('reports a file that is not JSON, and one that is not there', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "id": "x", ');
    await expect(loadPrinterProfile(path)).rejects.toMatchObject({ field: '(json)' });
    await expect(loadPrinterProfile(join(dir, 'missing.json'))).rejects.toMatchObject({ field: '(file)' });
  });

  it('refuses an unknown id and lists the built-in ones', async () => {
    await expect(loadPrinterProfile('epson-tm-t99')).rejects.toThrow(/generic-80mm, generic-58mm/);
  });
});
