/**
 * A printer's condition as the kiosk cares about it. `offline` means the printer did not
 * answer at all (unplugged, switched off, wrong address); a printer that answers but reports
 * it cannot print says why.
 */
export type PrinterStatus = 'ok' | 'paper-near-end' | 'paper-end' | 'cover-open' | 'error' | 'offline';

export const PRINTER_STATUSES: readonly PrinterStatus[] = ['ok', 'paper-near-end', 'paper-end', 'cover-open', 'error', 'offline'];

/** The answers to DLE EOT 1 (printer), DLE EOT 2 (offline cause) and DLE EOT 4 (roll paper sensor). */
export interface RealTimeStatusBytes {
  printer: number;
  offlineCause: number;
  paperSensor: number;
}

export interface RealTimeStatusReport {
  status: PrinterStatus;
  /** Null when the printer left a question unanswered. */
  bytes: RealTimeStatusBytes | null;
}

// Bit meanings from the ESC/POS reference for DLE EOT n. Every answer byte also carries fixed
// bits (0xx1xx10), which we do not insist on: some clones get them wrong and still report
// the meaningful bits correctly.
const PRINTER_OFFLINE = 0x08;
const PRINTER_WAITING_FOR_RECOVERY = 0x20;
const CAUSE_COVER_OPEN = 0x04;
const CAUSE_PAPER_END_STOP = 0x20;
const CAUSE_ERROR = 0x40;
const PAPER_NEAR_END = 0x0c;
const PAPER_END = 0x60;

/**
 * One status from the three answers, the condition a person must fix first winning: an open
 * cover hides the paper state, and a stopped printer matters more than a thin roll.
 */
export function interpretRealTimeStatus(bytes: RealTimeStatusBytes): PrinterStatus {
  if (bytes.offlineCause & CAUSE_COVER_OPEN) return 'cover-open';
  if (bytes.paperSensor & PAPER_END || bytes.offlineCause & CAUSE_PAPER_END_STOP) return 'paper-end';
  if (bytes.offlineCause & CAUSE_ERROR || bytes.printer & PRINTER_WAITING_FOR_RECOVERY) return 'error';
  // Offline with no cause we know (the feed button held, a clone's own reason): it will not
  // print now, and a person has to look.
  if (bytes.printer & PRINTER_OFFLINE) return 'error';
  if (bytes.paperSensor & PAPER_NEAR_END) return 'paper-near-end';
  return 'ok';
}

/** Whether a ticket sent now would come out. A thin roll still prints; the office head is warned. */
export function statusAllowsPrinting(status: PrinterStatus): boolean {
  switch (status) {
    case 'ok':
    case 'paper-near-end':
      return true;
    case 'paper-end':
    case 'cover-open':
    case 'error':
    case 'offline':
      return false;
    default:
      return missingStatus(status);
  }
}

function missingStatus(status: never): never {
  throw new Error(`unhandled printer status: ${String(status)}`);
}

/** The answers bit by bit, in words, for an installer reading `talon-print-test --status`. */
export function describeRealTimeStatus(bytes: RealTimeStatusBytes): string[] {
  const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;
  const said = (pairs: [number, string][], byte: number) => pairs.filter(([mask]) => byte & mask).map(([, words]) => words);
  const line = (label: string, byte: number, meanings: string[]) => `${label}: ${hex(byte)}${meanings.length ? ` (${meanings.join(', ')})` : ''}`;
  return [
    line('DLE EOT 1, printer', bytes.printer, said(
      [[PRINTER_OFFLINE, 'offline'], [PRINTER_WAITING_FOR_RECOVERY, 'waiting for recovery'], [0x40, 'feed button pressed']],
      bytes.printer,
    )),
    line('DLE EOT 2, offline cause', bytes.offlineCause, said(
      [[CAUSE_COVER_OPEN, 'cover open'], [0x08, 'feeding by button'], [CAUSE_PAPER_END_STOP, 'stopped at paper end'], [CAUSE_ERROR, 'error']],
      bytes.offlineCause,
    )),
    line('DLE EOT 4, paper sensor', bytes.paperSensor, said([[PAPER_NEAR_END, 'paper near end'], [PAPER_END, 'paper end']], bytes.paperSensor)),
  ];
}
