/**
 * Where a printer URI may point: a closed list, so that whoever can edit the office config (or
 * steal an admin session) cannot make the server append ticket bytes to any file or open
 * connections to any host. Checked by the config schema and again by the device agent right
 * before it opens the printer.
 *
 * - `/dev/usb/lpN` (a USB printer), `/dev/serial/by-id/NAME` and `/dev/talon/NAME` (the links
 *   hardware/printers/99-talon-printers.rules makes), directly or as `serial:` with parameters;
 * - `serial:COMn` on Windows;
 * - `tcp://HOST[:PORT]` where HOST is an address inside one of `printerNetwork`'s CIDR ranges or
 *   a name listed there as it is;
 * - `file:PATH` only inside the server's data folder (the demo's printer), checked where the
 *   folder is known (the server and its embedded agent); nowhere else.
 */

/** Loopback and the private ranges of RFC 1918 and RFC 4193: where an office's printers are. */
export const DEFAULT_PRINTER_NETWORK: readonly string[] = ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '::1/128', 'fc00::/7'];

const DEVICE_PATH = /^\/dev\/(?:usb\/lp\d{1,3}|serial\/by-id\/[\w.:+@-]{1,200}|talon\/[\w.:+@-]{1,200})$/;
const COM_PORT = /^(?:\\\\\.\\)?COM[1-9]\d{0,2}$/i;

export interface PrinterTargetRules {
  /** CIDR ranges and host names a `tcp://` printer may be at. */
  network: readonly string[];
  /** The one folder `file:` printers may write into; without it `file:` is refused. */
  fileFolder?: string;
}

/** Why the URI may not be used, or undefined when it may. */
export function printerTargetProblem(uri: string, rules: PrinterTargetRules): string | undefined {
  if (/^tcp:/i.test(uri)) {
    let host: string;
    try {
      host = new URL(uri).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    } catch {
      return 'not a valid tcp://host:port URI';
    }
    return hostInNetwork(host, rules.network) ? undefined : `host "${host}" is outside printerNetwork (${rules.network.join(', ')})`;
  }
  if (/^serial:/i.test(uri)) {
    let path = uri.slice('serial:'.length).split('?')[0]!;
    if (path.startsWith('///')) path = path.slice(2);
    return DEVICE_PATH.test(path) || COM_PORT.test(path) ? undefined : `serial port "${path}" is not /dev/serial/by-id/…, /dev/talon/… or COMn`;
  }
  if (/^file:/i.test(uri)) {
    let path = uri.slice('file:'.length);
    if (path.startsWith('///')) path = path.slice(2);
    if (rules.fileFolder === undefined) return 'file: printers are for the demo and write only into the data folder';
    const folder = rules.fileFolder.replace(/\/+$/, '');
    const inside = path.startsWith(`${folder}/`) && !path.split('/').includes('..') && !path.includes('\\');
    return inside ? undefined : `file: printers write only into the data folder ${folder}`;
  }
  if (uri.startsWith('/')) {
    const path = uri.split('?')[0]!;
    return DEVICE_PATH.test(path) ? undefined : `device "${path}" is not /dev/usb/lpN, /dev/serial/by-id/… or /dev/talon/…`;
  }
  return 'use /dev/usb/lpN, /dev/serial/by-id/…, /dev/talon/…, serial:COMn, tcp://host:port or (demo) file: in the data folder';
}

/** Whether an entry of `printerNetwork` is well formed: a CIDR range or a host name. */
export function printerNetworkEntryProblem(entry: string): string | undefined {
  if (entry.includes('/')) return cidr(entry) ? undefined : `"${entry}" is not a CIDR range such as 192.168.1.0/24`;
  return /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/i.test(entry) ? undefined : `"${entry}" is not a host name or CIDR range`;
}

function hostInNetwork(host: string, network: readonly string[]): boolean {
  const address = parseAddress(host);
  return network.some((entry) => {
    if (!entry.includes('/')) return entry.toLowerCase() === host;
    const range = cidr(entry);
    if (!range || !address || range.bits.length !== address.length) return false;
    for (let i = 0; i < range.prefix; i += 1) if (range.bits[i] !== address[i]) return false;
    return true;
  });
}

function cidr(entry: string): { bits: number[]; prefix: number } | undefined {
  const [base, size] = entry.split('/');
  const bits = parseAddress(base ?? '');
  const prefix = Number(size);
  if (!bits || !/^\d{1,3}$/.test(size ?? '') || prefix > bits.length) return undefined;
  return { bits, prefix };
}

/** An IPv4 or IPv6 literal as its bits; undefined for a name. */
function parseAddress(text: string): number[] | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const bytes = v4.slice(1).map(Number);
    if (bytes.some((b) => b > 255)) return undefined;
    return bytes.flatMap((b) => toBits(b, 8));
  }
  if (!text.includes(':') || !/^[0-9a-f:]+$/i.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.flatMap((g) => toBits(parseInt(g, 16), 16));
}

function toBits(value: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => (value >> (width - 1 - i)) & 1);
}
