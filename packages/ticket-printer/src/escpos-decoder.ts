import iconv from 'iconv-lite';

/** `ESC t n` numbers and what they select, as Epson numbers them. Clones differ: pass your own. */
export const EPSON_CODE_PAGES: Readonly<Record<number, string>> = Object.freeze({
  0: 'cp437',
  2: 'cp850',
  3: 'cp860',
  4: 'cp863',
  5: 'cp865',
  16: 'cp1252',
  17: 'cp866',
  18: 'cp852',
  19: 'cp858',
  46: 'cp1251',
});

export interface EscPosDecodeOptions {
  /** Extra or overriding `ESC t n` numbers, e.g. `{ [profile.cp866CodePage]: 'cp866' }`. */
  codePages?: Record<number, string>;
}

export type TextAlign = 'left' | 'center' | 'right';

/** A printed line with the modes in force when its first character arrived. */
export interface DecodedLine {
  text: string;
  align: TextAlign;
  bold: boolean;
  inverted: boolean;
  underline: boolean;
  widthScale: number;
  heightScale: number;
  /** The `ESC t` number in force; 0 after `ESC @`. */
  codePage: number;
}

export interface DecodedQrCode {
  /** The stored symbol data, byte for byte. */
  payload: Buffer;
  model: number | null;
  moduleSize: number | null;
  errorCorrection: 'L' | 'M' | 'Q' | 'H' | null;
  /** How many lines were printed before it. */
  lineIndex: number;
}

export interface DecodedCut {
  kind: 'full' | 'partial';
  lineIndex: number;
}

export interface DecodedCommand {
  offset: number;
  /** A short name: 'ESC @', 'ESC t', 'GS !', 'GS ( k', 'GS V', 'DLE EOT', ... */
  name: string;
  /** The command's parameter bytes (for `GS ( k`, everything after pL pH). */
  params: number[];
}

export interface DecodedEscPos {
  /** The text of each printed line, as a person would read it off the paper. */
  lines: string[];
  styledLines: DecodedLine[];
  qrCodes: DecodedQrCode[];
  cuts: DecodedCut[];
  /** Whether the paper was cut at least once. */
  cut: boolean;
  commands: DecodedCommand[];
  /** Everything a printer would stumble on: unknown commands, truncated data, lost text. */
  warnings: string[];
}

const LF = 0x0a;
const CR = 0x0d;
const HT = 0x09;
const FF = 0x0c;
const DLE = 0x10;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;

// ESC commands with a fixed number of parameter bytes.
const ESC_FIXED: Record<number, [name: string, params: number]> = {
  0x20: ['ESC SP', 1], 0x21: ['ESC !', 1], 0x24: ['ESC $', 2], 0x25: ['ESC %', 1], 0x2d: ['ESC -', 1],
  0x32: ['ESC 2', 0], 0x33: ['ESC 3', 1], 0x3d: ['ESC =', 1], 0x3f: ['ESC ?', 1], 0x40: ['ESC @', 0],
  0x42: ['ESC B', 2], 0x45: ['ESC E', 1], 0x47: ['ESC G', 1], 0x4a: ['ESC J', 1], 0x4c: ['ESC L', 0],
  0x4d: ['ESC M', 1], 0x52: ['ESC R', 1], 0x53: ['ESC S', 0], 0x54: ['ESC T', 1], 0x55: ['ESC U', 1],
  0x56: ['ESC V', 1], 0x57: ['ESC W', 8], 0x5c: ['ESC \\', 2], 0x61: ['ESC a', 1], 0x64: ['ESC d', 1],
  0x65: ['ESC e', 1], 0x69: ['ESC i', 0], 0x6d: ['ESC m', 0], 0x70: ['ESC p', 3], 0x72: ['ESC r', 1],
  0x74: ['ESC t', 1], 0x7b: ['ESC {', 1],
};

// GS commands with a fixed number of parameter bytes (GS V, GS k, GS v 0, GS ( and GS 8 L vary).
const GS_FIXED: Record<number, [name: string, params: number]> = {
  0x21: ['GS !', 1], 0x24: ['GS $', 2], 0x2f: ['GS /', 1], 0x3a: ['GS :', 0], 0x42: ['GS B', 1],
  0x48: ['GS H', 1], 0x49: ['GS I', 1], 0x4c: ['GS L', 2], 0x50: ['GS P', 2], 0x57: ['GS W', 2],
  0x5c: ['GS \\', 2], 0x61: ['GS a', 1], 0x62: ['GS b', 1], 0x66: ['GS f', 1], 0x68: ['GS h', 1],
  0x72: ['GS r', 1], 0x77: ['GS w', 1], 0x7c: ['GS |', 1],
};

const FS_FIXED: Record<number, [name: string, params: number]> = {
  0x26: ['FS &', 0], 0x2e: ['FS .', 0], 0x43: ['FS C', 1], 0x70: ['FS p', 2],
};

interface Modes {
  align: TextAlign;
  bold: boolean;
  inverted: boolean;
  underline: boolean;
  widthScale: number;
  heightScale: number;
  codePage: number;
}

const initialModes = (): Modes => ({ align: 'left', bold: false, inverted: false, underline: false, widthScale: 1, heightScale: 1, codePage: 0 });

/**
 * Reads ESC/POS bytes back the way a printer would: text through the code page in force
 * (`ESC t`, reset to 0 by `ESC @`), modes and their effect on each line, QR data, cuts.
 * For tests: decoded Cyrillic proves the code page, a warning marks bytes a printer would
 * misread.
 */
export function decodeEscPos(bytes: Uint8Array, options: EscPosDecodeOptions = {}): DecodedEscPos {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const codePages: Record<number, string> = { ...EPSON_CODE_PAGES, ...options.codePages };
  const result: DecodedEscPos = { lines: [], styledLines: [], qrCodes: [], cuts: [], cut: false, commands: [], warnings: [] };
  let modes = initialModes();
  let pending: number[] = [];
  let pendingModes: Modes | null = null;
  const qr: QrState = { payload: null, printed: false, model: null, moduleSize: null, errorCorrection: null };

  const flushLine = () => {
    const lineModes = pendingModes ?? modes;
    const encoding = codePages[lineModes.codePage];
    let text: string;
    if (encoding && iconv.encodingExists(encoding)) text = iconv.decode(Buffer.from(pending), encoding);
    else {
      if (pending.some((b) => b >= 0x80)) result.warnings.push(`line ${result.lines.length}: text in code page ${lineModes.codePage}, which has no known encoding`);
      text = Buffer.from(pending).toString('latin1');
    }
    result.lines.push(text);
    result.styledLines.push({ text, ...lineModes });
    pending = [];
    pendingModes = null;
  };
  const record = (offset: number, name: string, params: number[]) => result.commands.push({ offset, name, params });

  let i = 0;
  const need = (offset: number, count: number, name: string): boolean => {
    if (offset + count <= data.length) return true;
    result.warnings.push(`offset ${offset}: ${name} cut short: needs ${count} more bytes, ${data.length - offset} left`);
    i = data.length;
    return false;
  };

  while (i < data.length) {
    const byte = data[i]!;
    const at = i;
    if (byte >= 0x20 && byte !== 0x7f) {
      if (pendingModes === null) pendingModes = { ...modes };
      pending.push(byte);
      i += 1;
      continue;
    }
    if (byte === LF || byte === FF) {
      record(at, byte === LF ? 'LF' : 'FF', []);
      flushLine();
      i += 1;
      continue;
    }
    if (byte === CR) {
      record(at, 'CR', []);
      i += 1;
      continue;
    }
    if (byte === HT) {
      if (pendingModes === null) pendingModes = { ...modes };
      pending.push(0x20);
      record(at, 'HT', []);
      i += 1;
      continue;
    }
    if (byte === DLE) {
      if (!need(at, 3, 'DLE')) break;
      const fn = data[at + 1]!;
      const n = data[at + 2]!;
      if (fn === 0x04) {
        const extra = n === 7 || n === 8 ? 1 : 0;
        if (!need(at, 3 + extra, 'DLE EOT')) break;
        record(at, 'DLE EOT', [...data.subarray(at + 2, at + 3 + extra)]);
        i = at + 3 + extra;
      } else if (fn === 0x05) {
        record(at, 'DLE ENQ', [n]);
        i = at + 3;
      } else if (fn === 0x14) {
        if (!need(at, 5, 'DLE DC4')) break;
        record(at, 'DLE DC4', [...data.subarray(at + 2, at + 5)]);
        i = at + 5;
      } else {
        result.warnings.push(`offset ${at}: unknown DLE command 0x${fn.toString(16)}`);
        i = at + 2;
      }
      continue;
    }
    if (byte === ESC || byte === GS || byte === FS) {
      if (!need(at, 2, 'command')) break;
      const code = data[at + 1]!;
      const prefix = byte === ESC ? 'ESC' : byte === GS ? 'GS' : 'FS';

      if (byte === GS && code === 0x28) {
        // GS ( x pL pH data: the length says how much follows, whatever x is.
        if (!need(at, 5, 'GS (')) break;
        const sub = data[at + 2]!;
        const length = data[at + 3]! + data[at + 4]! * 256;
        if (!need(at + 5, length, `GS ( ${String.fromCharCode(sub)}`)) break;
        const body = data.subarray(at + 5, at + 5 + length);
        record(at, `GS ( ${String.fromCharCode(sub)}`, [...body]);
        if (sub === 0x6b && body[0] === 0x31) readQrFunction(body, qr, result);
        i = at + 5 + length;
        continue;
      }
      if (byte === GS && code === 0x56) {
        if (!need(at, 3, 'GS V')) break;
        const m = data[at + 2]!;
        const hasFeed = m >= 65;
        if (!need(at, hasFeed ? 4 : 3, 'GS V')) break;
        record(at, 'GS V', [...data.subarray(at + 2, at + (hasFeed ? 4 : 3))]);
        if (pending.length > 0) flushLine();
        const kind = m === 0 || m === 48 || m === 65 || m === 97 ? 'full' : 'partial';
        result.cuts.push({ kind, lineIndex: result.lines.length });
        i = at + (hasFeed ? 4 : 3);
        continue;
      }
      if (byte === GS && code === 0x6b) {
        if (!need(at, 3, 'GS k')) break;
        const m = data[at + 2]!;
        if (m <= 6) {
          const end = data.indexOf(0, at + 3);
          if (end < 0) {
            result.warnings.push(`offset ${at}: GS k barcode data without its NUL end`);
            i = data.length;
            break;
          }
          record(at, 'GS k', [...data.subarray(at + 2, end)]);
          i = end + 1;
        } else {
          if (!need(at, 4, 'GS k')) break;
          const n = data[at + 3]!;
          if (!need(at + 4, n, 'GS k')) break;
          record(at, 'GS k', [...data.subarray(at + 2, at + 4 + n)]);
          i = at + 4 + n;
        }
        continue;
      }
      if (byte === GS && code === 0x76) {
        if (!need(at, 8, 'GS v 0')) break;
        const width = data[at + 4]! + data[at + 5]! * 256;
        const height = data[at + 6]! + data[at + 7]! * 256;
        if (!need(at + 8, width * height, 'GS v 0')) break;
        record(at, 'GS v 0', [...data.subarray(at + 2, at + 8)]);
        i = at + 8 + width * height;
        continue;
      }
      if (byte === ESC && code === 0x2a) {
        if (!need(at, 5, 'ESC *')) break;
        const m = data[at + 2]!;
        const dots = data[at + 3]! + data[at + 4]! * 256;
        const length = dots * (m === 32 || m === 33 ? 3 : 1);
        if (!need(at + 5, length, 'ESC *')) break;
        record(at, 'ESC *', [m, data[at + 3]!, data[at + 4]!]);
        i = at + 5 + length;
        continue;
      }
      if (byte === ESC && code === 0x44) {
        const end = data.indexOf(0, at + 2);
        const stop = end < 0 ? data.length : end + 1;
        record(at, 'ESC D', [...data.subarray(at + 2, Math.max(at + 2, stop - 1))]);
        i = stop;
        continue;
      }
      if (byte === ESC && code === 0x63) {
        if (!need(at, 4, 'ESC c')) break;
        record(at, 'ESC c', [data[at + 2]!, data[at + 3]!]);
        i = at + 4;
        continue;
      }

      const fixed = (byte === ESC ? ESC_FIXED : byte === GS ? GS_FIXED : FS_FIXED)[code];
      if (!fixed) {
        result.warnings.push(`offset ${at}: unknown command ${prefix} 0x${code.toString(16).padStart(2, '0')}; its length is unknown, decoding may be off from here`);
        i = at + 2;
        continue;
      }
      const [name, count] = fixed;
      if (!need(at + 2, count, name)) break;
      const params = [...data.subarray(at + 2, at + 2 + count)];
      record(at, name, params);
      i = at + 2 + count;
      const p = params[0] ?? 0;
      switch (name) {
        case 'ESC @':
          if (pending.length > 0) {
            result.warnings.push(`offset ${at}: ESC @ discards unprinted text ${JSON.stringify(Buffer.from(pending).toString('latin1'))}`);
            pending = [];
            pendingModes = null;
          }
          modes = initialModes();
          break;
        case 'ESC t':
          modes.codePage = p;
          if (!(p in codePages)) result.warnings.push(`offset ${at}: ESC t ${p} selects a code page this decoder does not know`);
          break;
        case 'ESC !':
          modes.bold = (p & 0x08) !== 0;
          modes.heightScale = p & 0x10 ? 2 : 1;
          modes.widthScale = p & 0x20 ? 2 : 1;
          modes.underline = (p & 0x80) !== 0;
          break;
        case 'GS !':
          modes.widthScale = ((p >> 4) & 0x07) + 1;
          modes.heightScale = (p & 0x07) + 1;
          break;
        case 'ESC E':
          modes.bold = (p & 0x01) !== 0;
          break;
        case 'ESC -':
          modes.underline = p === 1 || p === 2 || p === 49 || p === 50;
          break;
        case 'GS B':
          modes.inverted = (p & 0x01) !== 0;
          break;
        case 'ESC a':
          modes.align = p === 1 || p === 49 ? 'center' : p === 2 || p === 50 ? 'right' : 'left';
          break;
        case 'ESC d':
          // Prints the line in progress and feeds n lines: the first feed ends that line.
          if (p > 0 || pending.length > 0) flushLine();
          for (let k = 1; k < p; k += 1) flushLine();
          break;
        case 'ESC J':
          if (pending.length > 0) flushLine();
          break;
        case 'ESC i':
        case 'ESC m':
          if (pending.length > 0) flushLine();
          result.cuts.push({ kind: name === 'ESC i' ? 'full' : 'partial', lineIndex: result.lines.length });
          break;
        default:
          break;
      }
      continue;
    }
    result.warnings.push(`offset ${at}: stray control byte 0x${byte.toString(16).padStart(2, '0')}`);
    i += 1;
  }

  if (pending.length > 0) {
    result.warnings.push('text after the last line feed: a printer keeps it unprinted until the next line');
    flushLine();
  }
  if (qr.payload !== null && !qr.printed) result.warnings.push('QR data stored but never printed');
  result.cut = result.cuts.length > 0;
  return result;
}

interface QrState {
  payload: Buffer | null;
  printed: boolean;
  model: number | null;
  moduleSize: number | null;
  errorCorrection: DecodedQrCode['errorCorrection'];
}

/** GS ( k with cn = 49 (QR code): fn 65 model, 67 module size, 69 error correction, 80 store, 81 print. */
function readQrFunction(body: Buffer, qr: QrState, result: DecodedEscPos): void {
  switch (body[1]) {
    case 0x41:
      qr.model = body[2] === 0x31 ? 1 : body[2] === 0x32 ? 2 : body[2] === 0x33 ? 3 : null;
      break;
    case 0x43:
      qr.moduleSize = body[2] ?? null;
      break;
    case 0x45:
      qr.errorCorrection = (['L', 'M', 'Q', 'H'] as const)[(body[2] ?? 0) - 0x30] ?? null;
      break;
    case 0x50:
      // cn fn m d1..dk: the data starts after m (48).
      qr.payload = Buffer.from(body.subarray(3));
      qr.printed = false;
      break;
    case 0x51:
      if (qr.payload === null) {
        result.warnings.push('QR print without stored data');
        break;
      }
      qr.printed = true;
      result.qrCodes.push({
        payload: qr.payload,
        model: qr.model,
        moduleSize: qr.moduleSize,
        errorCorrection: qr.errorCorrection,
        lineIndex: result.lines.length,
      });
      break;
    default:
      break;
  }
}
