import { readFile } from 'node:fs/promises';
import { PrinterProfileError } from './ticket-printer-errors.js';

/**
 * What differs between the thermal printers offices buy. Kept in `hardware/printers/*.json`
 * so an installer can add a printer without a release.
 */
export interface PrinterProfile {
  /** Lower-case letters, digits and dashes; what office config's `printers[].profile` names. */
  id: string;
  name: string;
  paperWidthMm: number;
  /** Characters per line in the normal font (font A): 48 on 80 mm paper, 32 on 58 mm. */
  columns: number;
  /**
   * The `ESC t n` number that selects CP866 on this printer. Epson numbers it 17; clones
   * differ, and a wrong number prints Cyrillic as pseudo-graphics.
   */
  cp866CodePage: number;
  cutter: 'full' | 'partial' | 'none';
  /** Lines fed after the last printed line so it clears the cutter (or the tear bar). */
  feedLinesBeforeCut: number;
  /** How many times wider and taller than normal the ticket number is printed (1..8). */
  ticketNumberScale: number;
  /** QR module size in dots (1..8). */
  qrModuleSize: number;
  /** Free text for installers: where the number came from, firmware quirks. */
  notes?: string;
}

type FieldCheck = (value: unknown) => string | null;

const integer = (min: number, max: number): FieldCheck => (value) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? null : `must be a whole number from ${min} to ${max}`;

const FIELDS: Record<keyof PrinterProfile, { required: boolean; check: FieldCheck }> = {
  id: {
    required: true,
    check: (v) => (typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(v) ? null : 'must be lower-case letters, digits and dashes'),
  },
  name: { required: true, check: (v) => (typeof v === 'string' && v.trim().length > 0 && v.length <= 100 ? null : 'must be a non-empty string') },
  paperWidthMm: { required: true, check: integer(40, 120) },
  columns: { required: true, check: integer(16, 80) },
  cp866CodePage: { required: true, check: integer(0, 255) },
  cutter: { required: true, check: (v) => (v === 'full' || v === 'partial' || v === 'none' ? null : "must be 'full', 'partial' or 'none'") },
  feedLinesBeforeCut: { required: true, check: integer(0, 20) },
  ticketNumberScale: { required: true, check: integer(1, 8) },
  qrModuleSize: { required: true, check: integer(1, 8) },
  notes: { required: false, check: (v) => (typeof v === 'string' ? null : 'must be a string') },
};

/** Checks a parsed profile, naming the first bad field; unknown fields are refused so typos surface. */
export function parsePrinterProfile(value: unknown, origin = 'profile'): PrinterProfile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PrinterProfileError('(json)', 'must be a JSON object', origin);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in FIELDS)) throw new PrinterProfileError(key, `unknown field (known: ${Object.keys(FIELDS).join(', ')})`, origin);
  }
  for (const [field, rule] of Object.entries(FIELDS)) {
    const fieldValue = record[field];
    if (fieldValue === undefined) {
      if (rule.required) throw new PrinterProfileError(field, 'is missing', origin);
      continue;
    }
    const problem = rule.check(fieldValue);
    if (problem) throw new PrinterProfileError(field, `${problem}; got ${JSON.stringify(fieldValue)}`, origin);
  }
  return { ...(record as unknown as PrinterProfile) };
}

/** Reads and checks a profile file. */
export async function readPrinterProfileFile(path: string): Promise<PrinterProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PrinterProfileError('(file)', `cannot read: ${(error as Error).message}`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PrinterProfileError('(json)', `not valid JSON: ${(error as Error).message}`, path);
  }
  return parsePrinterProfile(json, path);
}
