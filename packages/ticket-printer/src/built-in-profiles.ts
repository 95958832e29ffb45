import type { PrinterProfile } from './printer-profile.js';
import { parsePrinterProfile, readPrinterProfileFile } from './printer-profile.js';
import { PrinterProfileError } from './ticket-printer-errors.js';

// Copies of hardware/printers/*.json, so a built app needs no file next to it; a test keeps
// the two the same.
const PROFILES: PrinterProfile[] = [
  {
    id: 'generic-80mm',
    name: 'Generic ESC/POS printer, 80 mm paper, auto-cutter',
    paperWidthMm: 80,
    columns: 48,
    cp866CodePage: 17,
    cutter: 'full',
    feedLinesBeforeCut: 4,
    ticketNumberScale: 4,
    qrModuleSize: 6,
    notes: 'Epson TM-T20/T88 numbering: ESC t 17 selects PC866. Check a clone with talon-print-test --code-pages.',
  },
  {
    id: 'generic-58mm',
    name: 'Generic ESC/POS printer, 58 mm paper, auto-cutter',
    paperWidthMm: 58,
    columns: 32,
    cp866CodePage: 17,
    cutter: 'full',
    feedLinesBeforeCut: 4,
    ticketNumberScale: 4,
    qrModuleSize: 5,
    notes: 'Epson numbering: ESC t 17 selects PC866. Check a clone with talon-print-test --code-pages.',
  },
  {
    id: 'generic-58mm-tear-off',
    name: 'Generic ESC/POS printer, 58 mm paper, tear bar (no cutter)',
    paperWidthMm: 58,
    columns: 32,
    cp866CodePage: 17,
    cutter: 'none',
    feedLinesBeforeCut: 5,
    ticketNumberScale: 4,
    qrModuleSize: 5,
    notes: 'No cutter: the ticket is fed past the tear bar and torn off by hand.',
  },
];

export const BUILT_IN_PRINTER_PROFILES: Readonly<Record<string, PrinterProfile>> = Object.freeze(
  Object.fromEntries(PROFILES.map((profile) => [profile.id, Object.freeze(parsePrinterProfile(profile, `built-in ${profile.id}`))])),
);

export const DEFAULT_PRINTER_PROFILE_ID = 'generic-80mm';

/**
 * A profile by built-in id ('generic-58mm') or by path to a JSON file ('./my-printer.json',
 * '/etc/talon/printers/x.json'). Anything else is refused with the list of built-in ids.
 */
export async function loadPrinterProfile(idOrPath: string): Promise<PrinterProfile> {
  const builtIn = BUILT_IN_PRINTER_PROFILES[idOrPath];
  if (builtIn) return builtIn;
  if (idOrPath.includes('/') || idOrPath.endsWith('.json')) return readPrinterProfileFile(idOrPath);
  throw new PrinterProfileError(
    '(id)',
    `no built-in profile with this id (built-in: ${Object.keys(BUILT_IN_PRINTER_PROFILES).join(', ')}); give a path to a .json file for your own`,
    idOrPath,
  );
}
