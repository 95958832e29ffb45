/**
 * What a fake printer is doing: printing happily, or stopped for one of the reasons a kiosk
 * printer stops. 'silent' takes bytes and answers nothing, like a printer whose status line
 * is dead or a device that is not a printer at all.
 */
export type FakePrinterCondition = 'ok' | 'paper-near-end' | 'paper-end' | 'cover-open' | 'error' | 'silent';

/** Answers to DLE EOT 1, 2, 3, 4, as an Epson-like printer sends them in each condition. */
export const FAKE_STATUS_ANSWERS: Readonly<Record<Exclude<FakePrinterCondition, 'silent'>, Readonly<Record<1 | 2 | 3 | 4, number>>>> = {
  ok: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  'paper-near-end': { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e },
  'paper-end': { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e },
  'cover-open': { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 },
  error: { 1: 0x3a, 2: 0x52, 3: 0x32, 4: 0x12 },
};

const DLE = 0x10;
const EOT = 0x04;

/**
 * The byte-level heart of a fake printer, shared by the TCP and serial fakes: splits what
 * arrives into print data and DLE EOT questions (even when a question straddles two chunks)
 * and says what to answer.
 */
export class ScriptedPrinter {
  condition: FakePrinterCondition;
  /** Overrides the condition's answer for one question, e.g. `{ 4: 0x12 }`. */
  answers: Partial<Record<number, number>> = {};
  readonly statusQueries: number[] = [];
  private carry: number[] = [];

  constructor(condition: FakePrinterCondition = 'ok') {
    this.condition = condition;
  }

  /** Takes a chunk off the wire; returns its print data and the bytes to send back. */
  receive(chunk: Uint8Array): { data: Buffer; reply: Buffer } {
    const bytes = [...this.carry, ...chunk];
    this.carry = [];
    const data: number[] = [];
    const reply: number[] = [];
    for (let i = 0; i < bytes.length; i += 1) {
      if (bytes[i] !== DLE) {
        data.push(bytes[i]!);
        continue;
      }
      if (i + 2 >= bytes.length) {
        this.carry = bytes.slice(i);
        break;
      }
      if (bytes[i + 1] !== EOT) {
        data.push(bytes[i]!);
        continue;
      }
      const n = bytes[i + 2]!;
      this.statusQueries.push(n);
      const answer = this.answerTo(n);
      if (answer !== undefined) reply.push(answer);
      i += 2;
    }
    return { data: Buffer.from(data), reply: Buffer.from(reply) };
  }

  private answerTo(n: number): number | undefined {
    const override = this.answers[n];
    if (override !== undefined) return override;
    if (this.condition === 'silent') return undefined;
    return FAKE_STATUS_ANSWERS[this.condition][n as 1 | 2 | 3 | 4];
  }
}
