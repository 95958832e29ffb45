import { PrinterTransportError } from '../ticket-printer-errors.js';
import { DEFAULT_STATUS_TIMEOUT_MS } from './real-time-status.js';

/** Where a printer is, parsed from the URI an installer writes in office config. */
export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number; timeoutMs: number }
  | { kind: 'serial'; path: string; baudRate: number; rtscts: boolean; timeoutMs: number }
  | { kind: 'device'; path: string; timeoutMs: number }
  | { kind: 'file'; path: string };

export const DEFAULT_TCP_PORT = 9100;
export const DEFAULT_BAUD_RATE = 9600;
export const SERIAL_BAUD_RATES: readonly number[] = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

const FORMS = 'tcp://host[:port], serial:/dev/ttyUSB0?baud=19200&rtscts=1 (serial:COM3 on Windows), /dev/usb/lp0, file:/path/to/file.bin';

// Windows names serial ports COM1..COM256; past COM9 the Win32 device form \\.\COM10 is also seen.
const WINDOWS_COM_PORT = /^(?:\\\\\.\\)?COM[1-9]\d{0,2}$/i;

/**
 * One parser for every printer URI:
 * - `tcp://192.168.1.50:9100` (port 9100 when left out), `tcp://[fe80::1]:9100`
 * - `serial:/dev/ttyUSB0?baud=19200&rtscts=1` (9600 baud, no flow control when left out); on
 *   Windows `serial:COM3?baud=19200`, which is how a USB printer with a virtual COM port driver shows
 * - `/dev/usb/lp0` or any absolute device path, e.g. a udev link `/dev/talon-printer`
 * - `file:/var/lib/talon/tickets.bin` (or `file:///...`): bytes appended to a file
 * `timeout=ms` (status answer wait) is accepted by tcp, serial and device URIs. Unknown
 * parameters are refused so a typo (`baudrate=`) is not silently ignored.
 */
export function parsePrinterUri(uri: string): PrinterAddress {
  if (typeof uri !== 'string' || uri.trim() !== uri || uri.length === 0) throw invalid(uri, 'empty or padded with spaces');
  if (/^tcp:/i.test(uri)) return parseTcp(uri);
  if (/^serial:/i.test(uri)) {
    const { path, params } = splitPathAndQuery(uri, uri.slice('serial:'.length), WINDOWS_COM_PORT);
    const baud = params.take('baud');
    const baudRate = baud === undefined ? DEFAULT_BAUD_RATE : Number(baud);
    if (!SERIAL_BAUD_RATES.includes(baudRate)) throw invalid(uri, `baud must be one of ${SERIAL_BAUD_RATES.join(', ')}`);
    const rtscts = flag(uri, 'rtscts', params.take('rtscts'));
    const timeoutMs = timeout(uri, params.take('timeout'));
    params.refuseRest();
    return { kind: 'serial', path, baudRate, rtscts, timeoutMs };
  }
  if (/^file:/i.test(uri)) {
    let path = uri.slice('file:'.length);
    if (path.startsWith('//')) {
      if (!path.startsWith('///')) throw invalid(uri, 'a file URI with a host is not supported; use file:/path or file:///path');
      path = path.slice(2);
    }
    if (path.length === 0) throw invalid(uri, 'no file path');
    if (path.includes('?')) throw invalid(uri, 'file URIs take no parameters');
    return { kind: 'file', path };
  }
  if (uri.startsWith('/')) {
    const { path, params } = splitPathAndQuery(uri, uri);
    const timeoutMs = timeout(uri, params.take('timeout'));
    params.refuseRest();
    return { kind: 'device', path, timeoutMs };
  }
  throw invalid(uri, `not a printer URI; use one of: ${FORMS}`);
}

/** A printer address written back as a URI, for logs and for the installer's CLI. */
export function formatPrinterAddress(address: PrinterAddress): string {
  switch (address.kind) {
    case 'tcp':
      return `tcp://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
    case 'serial':
      return `serial:${address.path}?baud=${address.baudRate}${address.rtscts ? '&rtscts=1' : ''}`;
    case 'device':
      return address.path;
    case 'file':
      return `file:${address.path}`;
    default:
      return missingKind(address);
  }
}

function parseTcp(uri: string): PrinterAddress {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw invalid(uri, 'not a valid tcp://host:port URI');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host.length === 0) throw invalid(uri, 'no host');
  if (url.username || url.password) throw invalid(uri, 'a printer URI carries no user name or password');
  if (url.pathname !== '' && url.pathname !== '/') throw invalid(uri, `unexpected path ${url.pathname}`);
  if (url.hash) throw invalid(uri, 'unexpected #fragment');
  const port = url.port === '' ? DEFAULT_TCP_PORT : Number(url.port);
  if (port < 1) throw invalid(uri, 'port must be 1..65535');
  const params = new QueryParams(uri, url.searchParams);
  const timeoutMs = timeout(uri, params.take('timeout'));
  params.refuseRest();
  return { kind: 'tcp', host, port, timeoutMs };
}

function splitPathAndQuery(uri: string, rest: string, alsoAccepted?: RegExp): { path: string; params: QueryParams } {
  const question = rest.indexOf('?');
  let path = question < 0 ? rest : rest.slice(0, question);
  if (path.startsWith('///')) path = path.slice(2);
  const absolute = path.startsWith('/') && !path.startsWith('//') && path.length >= 2;
  if (!absolute && !alsoAccepted?.test(path)) throw invalid(uri, 'the device path must be absolute, e.g. /dev/ttyUSB0');
  const query = question < 0 ? '' : rest.slice(question + 1);
  return { path, params: new QueryParams(uri, new URLSearchParams(query)) };
}

class QueryParams {
  private readonly seen = new Set<string>();
  constructor(
    private readonly uri: string,
    private readonly params: URLSearchParams,
  ) {}

  take(name: string): string | undefined {
    this.seen.add(name);
    const values = this.params.getAll(name);
    if (values.length > 1) throw invalid(this.uri, `${name} given ${values.length} times`);
    return values[0];
  }

  refuseRest(): void {
    for (const name of this.params.keys()) {
      if (!this.seen.has(name)) throw invalid(this.uri, `unknown parameter ${JSON.stringify(name)}`);
    }
  }
}

function timeout(uri: string, value: string | undefined): number {
  if (value === undefined) return DEFAULT_STATUS_TIMEOUT_MS;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms < 50 || ms > 60_000) throw invalid(uri, 'timeout must be whole milliseconds, 50..60000');
  return ms;
}

function flag(uri: string, name: string, value: string | undefined): boolean {
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw invalid(uri, `${name} must be 1 or 0`);
}

function invalid(uri: unknown, why: string): PrinterTransportError {
  return new PrinterTransportError('invalid-uri', `printer URI ${JSON.stringify(uri)}: ${why}`);
}

function missingKind(address: never): never {
  throw new Error(`unhandled printer address: ${JSON.stringify(address)}`);
}
