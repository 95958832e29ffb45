import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_PRINTER_PROFILE_ID, loadPrinterProfile } from './built-in-profiles.js';
import { decodeEscPos, type DecodedEscPos } from './escpos-decoder.js';
import { renderCodePageScan } from './code-page-scan.js';
import type { TicketLanguage } from './printable-ticket.js';
import { describeRealTimeStatus, statusAllowsPrinting } from './printer-status.js';
import { renderTicket } from './render-ticket.js';
import { sampleTicket } from './sample-ticket.js';
import { TicketPrinter } from './ticket-printer.js';
import { openPrinterTransport } from './transports/open-printer-transport.js';
import { formatPrinterAddress } from './transports/printer-uri.js';

export const PRINT_TEST_USAGE = `Usage: talon-print-test [options] [printer-uri]

Prints a test ticket on a thermal printer and says what the printer reports.

printer-uri, one of:
  tcp://192.168.1.50:9100              network printer (port 9100 if left out)
  serial:/dev/ttyUSB0?baud=19200&rtscts=1
  /dev/usb/lp0                         USB printer-class device, or its udev link
  file:/tmp/ticket.bin                 append the bytes to a file
  Add ?timeout=ms to tcp, serial and device URIs to wait longer for status answers.

Options:
  --profile <id|file.json>  printer profile (default ${DEFAULT_PRINTER_PROFILE_ID}; built-in:
                            generic-80mm, generic-58mm, generic-58mm-tear-off)
  --status                  only ask the printer's status (DLE EOT), print nothing
  --save <file.bin>         write the test ticket's bytes to a file; no printer needed
  --language <ru|en>        language of the test ticket (default ru)
  --code-pages <from-to>    print Cyrillic under each ESC t number in the range, to find the
                            number that selects CP866 on this printer (e.g. 0-60)
  --decode <file.bin>       show saved ESC/POS bytes (a --save file, a file: printer's roll) as
                            text: lines, [QR ...] payloads and cuts; no printer needed
  --help                    this text

Exit status: 0 done and the printer is fine, 1 the printer refused or failed, 2 bad usage.`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** The installer's printer check; returns the process exit status. */
export async function runPrintTestCli(argv: readonly string[], io: CliOutput, now: Date = new Date()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        profile: { type: 'string' },
        status: { type: 'boolean' },
        save: { type: 'string' },
        language: { type: 'string' },
        'code-pages': { type: 'string' },
        decode: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(PRINT_TEST_USAGE);
    return 0;
  }
  if (values.decode !== undefined) return decodeFile(values.decode, values.profile ?? DEFAULT_PRINTER_PROFILE_ID, io);
  if (positionals.length > 1) return usageError(io, `one printer URI at a time; got ${positionals.length}`);
  const uri = positionals[0];
  if (uri === undefined && (values.status || values['code-pages'] !== undefined)) return usageError(io, '--status and --code-pages need a printer URI');
  if (uri === undefined && values.save === undefined) return usageError(io, 'give a printer URI, or --save file.bin');
  const language = values.language ?? 'ru';
  if (language !== 'ru' && language !== 'en') return usageError(io, `--language must be ru or en; got ${language}`);
  let codePages: [number, number] | undefined;
  if (values['code-pages'] !== undefined) {
    const match = /^(\d{1,3})-(\d{1,3})$/.exec(values['code-pages']);
    if (!match || Number(match[1]) > Number(match[2]) || Number(match[2]) > 255) {
      return usageError(io, `--code-pages wants a range like 0-60 within 0..255; got ${values['code-pages']}`);
    }
    codePages = [Number(match[1]), Number(match[2])];
  }

  let profile;
  let transport;
  try {
    profile = await loadPrinterProfile(values.profile ?? DEFAULT_PRINTER_PROFILE_ID);
    transport = uri === undefined ? undefined : openPrinterTransport(uri);
  } catch (error) {
    return usageError(io, (error as Error).message);
  }

  const ticket = sampleTicket(now, language as TicketLanguage);
  if (values.save !== undefined) {
    try {
      await writeFile(values.save, renderTicket(ticket, profile));
    } catch (error) {
      io.err(`cannot save: ${(error as Error).message}`);
      return 1;
    }
    io.out(`saved the test ticket for ${profile.id} to ${values.save}`);
  }
  if (transport === undefined) return 0;

  const where = formatPrinterAddress(transport.address);
  try {
    if (values.status) {
      const report = await transport.statusReport();
      io.out(`${where}: ${report.status}`);
      if (report.bytes) for (const line of describeRealTimeStatus(report.bytes)) io.out(`  ${line}`);
      else if (report.status === 'offline') io.out('  no answer to DLE EOT (switched off, unplugged, wrong address, or a one-way printer)');
      return statusAllowsPrinting(report.status) ? 0 : 1;
    }
    if (codePages) {
      const status = await transport.status();
      if (!statusAllowsPrinting(status)) {
        io.err(`${where}: not printing, the printer is ${status}`);
        return 1;
      }
      await transport.write(renderCodePageScan(profile, codePages[0], codePages[1]));
      io.out(`${where}: printed ESC t ${codePages[0]}..${codePages[1]}; put the number whose line reads as Russian in the profile's cp866CodePage`);
      return 0;
    }
    const result = await new TicketPrinter({ transport, profile }).printTicket(ticket);
    if (result.ok) {
      io.out(`${where}: printed the test ticket (${profile.id}); printer ${result.status}`);
      return 0;
    }
    io.err(`${where}: not printed (${result.stage}): printer ${result.status}${result.message ? `; ${result.message}` : ''}`);
    return 1;
  } catch (error) {
    io.err(`${where}: ${(error as Error).message}`);
    return 1;
  } finally {
    await transport.close();
  }
}

async function decodeFile(file: string, profileId: string, io: CliOutput): Promise<number> {
  let bytes: Buffer;
  let profile;
  try {
    profile = await loadPrinterProfile(profileId);
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.err(`cannot read: ${(error as Error).message}`);
    return 1;
  }
  // The profile's ESC t number may not be Epson's; tell the decoder it means CP866 here.
  for (const line of decodedText(decodeEscPos(bytes, { codePages: { [profile.cp866CodePage]: 'cp866' } }))) io.out(line);
  return 0;
}

/** The paper as a person would read it: QR codes and cuts in their places among the lines. */
export function decodedText(decoded: DecodedEscPos): string[] {
  const out: string[] = [];
  const marksAt = (index: number) => {
    for (const qr of decoded.qrCodes) if (qr.lineIndex === index) out.push(`[QR ${qr.payload.toString('latin1')}]`);
    for (const cut of decoded.cuts) if (cut.lineIndex === index) out.push(`-------- ${cut.kind} cut --------`);
  };
  decoded.lines.forEach((line, index) => {
    marksAt(index);
    out.push(line);
  });
  marksAt(decoded.lines.length);
  for (const warning of decoded.warnings) out.push(`! ${warning}`);
  return out;
}

function usageError(io: CliOutput, message: string): number {
  io.err(`talon-print-test: ${message}`);
  io.err('Try talon-print-test --help');
  return 2;
}
