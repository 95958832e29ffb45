import { SerialPort } from 'serialport';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScriptedPrinter, type FakePrinterCondition } from './scripted-printer.js';

/**
 * A serial or USB printer for tests, on the far end of a pty pair (socat): keeps the print
 * data it is sent and answers DLE EOT n as its condition says.
 */
export class FakeSerialPrinter {
  private readonly script: ScriptedPrinter;
  private readonly chunks: Buffer[] = [];

  private constructor(
    private readonly port: SerialPort,
    condition: FakePrinterCondition,
  ) {
    this.script = new ScriptedPrinter(condition);
    port.on('error', () => undefined);
    port.on('data', (chunk: Buffer) => {
      const { data, reply } = this.script.receive(chunk);
      if (data.length > 0) this.chunks.push(data);
      if (reply.length > 0) port.write(reply);
    });
  }

  static async open(path: string, options: { condition?: FakePrinterCondition } = {}): Promise<FakeSerialPrinter> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new FakeSerialPrinter(port, options.condition ?? 'ok');
  }

  get condition(): FakePrinterCondition {
    return this.script.condition;
  }

  set condition(condition: FakePrinterCondition) {
    this.script.condition = condition;
  }

  get statusQueries(): readonly number[] {
    return this.script.statusQueries;
  }

  printed(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** Resolves once at least `byteCount` bytes of print data have arrived. */
  async waitForBytes(byteCount: number, timeoutMs = 5_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.printed().length < byteCount) {
      if (Date.now() > deadline) throw new Error(`FakeSerialPrinter: ${this.printed().length} of ${byteCount} bytes within ${timeoutMs} ms`);
      await sleep(10);
    }
    return this.printed();
  }

  async close(): Promise<void> {
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}
