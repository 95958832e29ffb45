import iconv from 'iconv-lite';
import thermalPrinter from 'node-thermal-printer';
import { checkQrPayload } from './printable-ticket.js';
import type { PrinterProfile } from './printer-profile.js';

const { ThermalPrinter, PrinterTypes, CharacterSet, BreakLine } = thermalPrinter;

const ESC = 0x1b;
const LF = 0x0a;

export type TextAlign = 'left' | 'center' | 'right';

/**
 * node-thermal-printer used only to build bytes (no interface, nothing sent), with its traps
 * fenced off here so the layout code cannot fall into them:
 * - its constructor selects CP866 with Epson's `ESC t 17`; we start the buffer again with
 *   `ESC @` and the profile's own number, keeping the library's CP866 text encoder;
 * - a character the active code page lacks makes it switch code page mid-line, silently, by
 *   Epson's numbers; callers pass only CP866 text (`toCp866Printable`) and `line` checks the
 *   bytes it got are exactly that text in CP866;
 * - `setTextSize(height, width)` puts its first argument in the width nibble of `GS !`;
 * - `printQR` writes the character count as the data length; payloads are ASCII-checked;
 * - `cut()` ends with `ESC @`, which drops the code page: nothing may follow it, so each
 *   ticket is one buffer that begins by selecting its code page.
 */
export class EscPosBuilder {
  private readonly printer: InstanceType<typeof ThermalPrinter>;
  private finished = false;

  constructor(private readonly profile: PrinterProfile) {
    this.printer = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: '',
      characterSet: CharacterSet.PC866_CYRILLIC2,
      width: profile.columns,
      breakLine: BreakLine.NONE,
    });
    this.printer.setBuffer(Buffer.from([ESC, 0x40, ESC, 0x74, profile.cp866CodePage]));
  }

  /**
   * Selects another `ESC t` number for what follows; the text stays CP866 bytes. Only for
   * finding which number means CP866 on an unknown printer.
   */
  codePage(escT: number): this {
    this.open();
    if (!Number.isInteger(escT) || escT < 0 || escT > 255) throw new RangeError(`ESC t number must be 0..255, got ${escT}`);
    this.printer.add(Buffer.from([ESC, 0x74, escT]));
    return this;
  }

  align(align: TextAlign): this {
    this.open();
    if (align === 'center') this.printer.alignCenter();
    else if (align === 'right') this.printer.alignRight();
    else this.printer.alignLeft();
    return this;
  }

  bold(on: boolean): this {
    this.open();
    this.printer.bold(on);
    return this;
  }

  invert(on: boolean): this {
    this.open();
    this.printer.invert(on);
    return this;
  }

  /** Character magnification, 1..8 each way. */
  characterSize(width: number, height: number): this {
    this.open();
    for (const [name, value] of [['width', width], ['height', height]] as const) {
      if (!Number.isInteger(value) || value < 1 || value > 8) throw new RangeError(`character ${name} must be 1..8, got ${value}`);
    }
    // The library's "height" lands in GS ! bits 4-7, which ESC/POS reads as width.
    this.printer.setTextSize(width - 1, height - 1);
    return this;
  }

  /** One printed line. The text must already be CP866-printable and fit the line. */
  line(text: string): this {
    this.open();
    if (/[\u0000-\u001f\u007f]/.test(text)) throw new Error(`a control byte in ${JSON.stringify(text)} would reach the printer as a command`);
    const before = this.printer.getBuffer().length;
    this.printer.println(text);
    const added = this.printer.getBuffer().subarray(before);
    const expected = Buffer.concat([iconv.encode(text, 'cp866'), Buffer.from([LF])]);
    if (!added.equals(expected)) {
      throw new Error(`node-thermal-printer did not write ${JSON.stringify(text)} as plain CP866 (it switched code page)`);
    }
    return this;
  }

  blankLine(): this {
    this.open();
    this.printer.newLine();
    return this;
  }

  qr(payload: string, moduleSize: number): this {
    this.open();
    checkQrPayload(payload, 'qr');
    this.printer.printQR(payload, { cellSize: moduleSize, correction: 'M', model: 2 });
    return this;
  }

  /** Feeds the ticket out, cuts it if the printer can, and hands over the bytes. */
  finish(): Buffer {
    this.open();
    this.finished = true;
    this.printer.add(Buffer.from([ESC, 0x64, this.profile.feedLinesBeforeCut]));
    if (this.profile.cutter === 'full') this.printer.cut({ verticalTabAmount: 0 });
    else if (this.profile.cutter === 'partial') this.printer.partialCut({ verticalTabAmount: 0 });
    return Buffer.from(this.printer.getBuffer());
  }

  private open(): void {
    if (this.finished) throw new Error('EscPosBuilder: the ticket is finished; start a new builder for the next one');
  }
}
