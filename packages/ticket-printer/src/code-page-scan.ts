import { EscPosBuilder } from './escpos-builder.js';
import type { PrinterProfile } from './printer-profile.js';

const SAMPLE = 'АБВГДЕЁЖЗ абвгдеёжз №';

/**
 * A slip with the same CP866 text under each `ESC t` number from `from` to `to`: the line
 * that reads as Russian names the number to put in the printer's profile as `cp866CodePage`.
 */
export function renderCodePageScan(profile: PrinterProfile, from: number, to: number): Buffer {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > 255 || from > to) {
    throw new RangeError(`code page range must be within 0..255, low to high; got ${from}-${to}`);
  }
  const out = new EscPosBuilder(profile).align('left');
  out.line(`ESC t n, CP866 text; profile now: ${profile.cp866CodePage}`);
  for (let n = from; n <= to; n += 1) {
    out.codePage(n).line(`${String(n).padStart(3, ' ')}: ${SAMPLE}`.slice(0, profile.columns));
  }
  return out.codePage(profile.cp866CodePage).finish();
}
