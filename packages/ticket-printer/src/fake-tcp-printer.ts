import { createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScriptedPrinter, type FakePrinterCondition } from './scripted-printer.js';

export interface FakeTcpPrinterOptions {
  condition?: FakePrinterCondition;
}

/**
 * A network printer for tests: listens on 127.0.0.1, port 0, keeps every byte it is sent
 * (without the status questions), and answers DLE EOT n as its condition says.
 */
export class FakeTcpPrinter {
  /** Print data of each connection that carried any, in the order they closed. */
  readonly jobs: Buffer[] = [];
  private readonly script: ScriptedPrinter;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    condition: FakePrinterCondition,
  ) {
    this.script = new ScriptedPrinter(condition);
  }

  static async start(options: FakeTcpPrinterOptions = {}): Promise<FakeTcpPrinter> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('FakeTcpPrinter: no TCP address');
    const printer = new FakeTcpPrinter(server, address.port, options.condition ?? 'ok');
    server.on('connection', (socket) => printer.accept(socket));
    return printer;
  }

  get host(): string {
    return '127.0.0.1';
  }

  /** `tcp://127.0.0.1:<port>`, ready for `openPrinterTransport`. */
  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  get condition(): FakePrinterCondition {
    return this.script.condition;
  }

  set condition(condition: FakePrinterCondition) {
    this.script.condition = condition;
  }

  /** Answers to force for single questions, e.g. `{ 2: 0x16 }`; `{}` to go back to the condition's. */
  setAnswers(answers: Partial<Record<number, number>>): void {
    this.script.answers = { ...answers };
  }

  /** Every DLE EOT n asked so far, by n. */
  get statusQueries(): readonly number[] {
    return this.script.statusQueries;
  }

  /** All print data received so far, in order. */
  printed(): Buffer {
    return Buffer.concat(this.jobs);
  }

  /** Resolves with the jobs once there are at least `count`. */
  async waitForJobs(count: number, timeoutMs = 5_000): Promise<Buffer[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.jobs.length < count) {
      if (Date.now() > deadline) throw new Error(`FakeTcpPrinter: ${this.jobs.length} of ${count} jobs within ${timeoutMs} ms`);
      await sleep(10);
    }
    return [...this.jobs];
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      const { data, reply } = this.script.receive(chunk);
      if (data.length > 0) chunks.push(data);
      if (reply.length > 0) socket.write(reply);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      if (chunks.length > 0) this.jobs.push(Buffer.concat(chunks));
    });
  }
}
