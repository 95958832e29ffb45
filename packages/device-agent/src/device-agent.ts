import { DEFAULT_PRINTER_NETWORK, printerTargetProblem, type ButtonAssignment, type PrinterAssignment, type PrintJobResult } from '@talon/protocol';
import { EventEmitter } from 'node:events';
import { pino, type Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { AgentButton } from './agent-button.js';
import { AgentPrinter } from './agent-printer.js';
import type { AgentLink, AgentStatus, DeviceAgent, DeviceAgentOptions } from './device-agent-types.js';
import { realHardware, type DeviceHardware } from './device-hardware.js';
import { RatingOutbox, type RatingSubmit } from './rating-outbox.js';
import { checkAssignments, checkHelloAnswer, checkPrintJob, checkRatingWindow } from './server-messages.js';

const DEFAULTS = {
  agentVersion: '0.1.0',
  statusPollMs: 5_000,
  refusedRetryMs: 30_000,
  ackTimeoutMs: 8_000,
  reconnectDelayMs: 500,
  reconnectDelayMaxMs: 10_000,
};

/** Timings, for tests that cannot wait for the real ones. */
export type DeviceAgentTimings = Partial<typeof DEFAULTS>;

export function createDeviceAgent(options: DeviceAgentOptions, hardware: DeviceHardware = realHardware, timings: DeviceAgentTimings = {}): DeviceAgent {
  return new Agent(options, hardware, { ...DEFAULTS, ...(options.agentVersion && { agentVersion: options.agentVersion }), ...timings });
}

/**
 * The office server's hands on this PC: says hello, opens what the server assigns, prints what
 * it sends, lights buttons when told and passes ratings back. The link is retried for ever; a
 * device error or a bad message is logged and answered, never thrown.
 */
class Agent implements DeviceAgent {
  private readonly emitter = new EventEmitter();
  private readonly logger: Logger;
  private readonly printers = new Map<string, AgentPrinter>();
  /** Where `tcp://` printers may be, as the office config says (sent with the assignments). */
  private printerNetwork: readonly string[] = DEFAULT_PRINTER_NETWORK;
  private readonly buttons = new Map<string, AgentButton>();
  private readonly outbox: RatingOutbox;
  private socket: Socket | undefined;
  private link: AgentLink = 'offline';
  private refusal: string | undefined;
  /** Bumped at every connect, so answers to an older connection's hello are ignored. */
  private connection = 0;
  /** The connection whose hello the server has answered: changes after that answer apply. */
  private answered = 0;
  /**
   * The window state the server last asked for, per desk, during this connection: a button opened
   * later (at hello, or when the config gives this agent a new one) starts in it.
   */
  private windowsWanted = new Map<string, boolean>();
  private pollTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private reconciling: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: DeviceAgentOptions,
    private readonly hardware: DeviceHardware,
    private readonly timings: typeof DEFAULTS,
  ) {
    this.logger = (options.logger ?? pino({ name: 'device-agent' })).child({ area: 'device-agent' });
    this.outbox = new RatingOutbox((rating) => this.submitRating(rating), this.logger);
  }

  start(): void {
    if (this.socket || this.stopped) return;
    const socket = io(`${this.options.serverUrl.replace(/\/+$/, '')}/device`, {
      auth: { token: this.options.token },
      transports: ['websocket'],
      reconnection: true,
      reconnectionAttempts: Infinity,
      reconnectionDelay: this.timings.reconnectDelayMs,
      reconnectionDelayMax: this.timings.reconnectDelayMaxMs,
      randomizationFactor: 0.5,
      timeout: this.timings.ackTimeoutMs,
    });
    this.socket = socket;
    socket.on('connect', () => void this.onConnect(socket).catch((error: unknown) => this.logger.error({ err: error }, 'hello failed')));
    socket.on('disconnect', (reason) => {
      this.setLink('offline');
      this.logger.warn({ reason }, 'link to the office server lost');
      // A server that drops us on purpose is not retried by socket.io; we still want back in.
      if (reason === 'io server disconnect') this.retryLater(socket, this.timings.reconnectDelayMaxMs);
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string; message?: string } }) => {
      if (socket.active) {
        this.setLink(this.link === 'refused' ? 'refused' : 'offline');
        this.logger.debug({ message: error.message }, 'office server not reachable; retrying');
        return;
      }
      // Refused in the handshake: a wrong or revoked token. Retried slowly, since an
      // administrator may fix the config without anyone touching this PC.
      this.refusal = error.data?.message ?? error.message;
      this.setLink('refused');
      this.logger.error({ code: error.data?.code ?? error.message, message: this.refusal }, 'office server refused this agent');
      this.retryLater(socket, this.timings.refusedRetryMs);
    });
    socket.on('print:job', (job: unknown, ack: unknown) => void this.onPrintJob(job, ack).catch((error: unknown) => this.logger.error({ err: error }, 'print job failed')));
    socket.on('rating:window', (window: unknown) => this.onRatingWindow(window));
    socket.on('devices:assigned', (assignments: unknown) => this.onAssigned(assignments));
    this.pollTimer = setInterval(() => void this.pollPrinters(), this.timings.statusPollMs);
    this.setLink('connecting');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.outbox.close();
    await this.reconciling;
    await Promise.all([...this.printers.values()].map((p) => p.close()));
    await Promise.all([...this.buttons.values()].map((b) => b.close()));
    this.printers.clear();
    this.buttons.clear();
    this.refusal = undefined;
    this.setLink('offline');
  }

  status(): AgentStatus {
    return {
      link: this.link,
      ...(this.link === 'refused' && this.refusal !== undefined && { refusal: this.refusal }),
      printers: [...this.printers.values()].map((p) => ({ printerId: p.printerId, kioskId: p.assignment.kioskId, uri: p.uri, profile: p.assignment.profile, status: p.status })),
      buttons: [...this.buttons.values()].map((b) => ({ deskId: b.deskId, path: b.path, deviceId: b.assignment.deviceId, online: b.online })),
    };
  }

  on(event: 'status', listener: (status: AgentStatus) => void): this {
    this.emitter.on(event, listener);
    return this;
  }

  off(event: 'status', listener: (status: AgentStatus) => void): this {
    this.emitter.off(event, listener);
    return this;
  }

  private retryLater(socket: Socket, delayMs: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && !socket.connected && !socket.active) socket.connect();
    }, delayMs);
  }

  private async onConnect(socket: Socket): Promise<void> {
    const connection = ++this.connection;
    this.windowsWanted = new Map();
    this.refusal = undefined;
    this.setLink('connecting');
    const hello = {
      agentVersion: this.timings.agentVersion.slice(0, 40),
      // Last known states, so a reconnect restores the dashboard without waiting for a poll.
      printers: [...this.printers.values()].map((p) => ({ printerId: p.printerId, status: p.status })),
      buttons: [...this.buttons.values()].map((b) => ({ deskId: b.deskId, online: b.online })),
    };
    let answer: unknown;
    try {
      answer = await socket.timeout(this.timings.ackTimeoutMs).emitWithAck('device:hello', hello);
    } catch {
      if (connection !== this.connection || this.stopped) return;
      this.logger.warn('no answer to hello; reconnecting');
      // A fresh connection is the simplest way to say hello again with everything reset.
      socket.disconnect();
      this.retryLater(socket, this.timings.reconnectDelayMs);
      return;
    }
    if (connection !== this.connection || this.stopped) return;
    const checked = checkHelloAnswer(answer);
    if (!checked.ok || !checked.value.ok) {
      const problem = checked.ok ? (checked.value as { message: string }).message : checked.problem;
      this.logger.error({ problem }, 'office server did not accept hello');
      // Disconnecting first: its 'disconnect' would otherwise say 'offline' over 'refused'.
      socket.disconnect();
      this.refusal = problem;
      this.setLink('refused');
      this.retryLater(socket, this.timings.refusedRetryMs);
      return;
    }
    const { printers, buttons } = checked.value;
    this.printerNetwork = checked.value.printerNetwork ?? DEFAULT_PRINTER_NETWORK;
    this.answered = connection;
    await this.applyInTurn(connection, printers, buttons, 'hello');
  }

  /** The config changed our devices while we are connected: apply the new list at once. */
  private onAssigned(assignments: unknown): void {
    const checked = checkAssignments(assignments);
    if (!checked.ok) {
      this.logger.error({ problem: checked.problem }, 'device assignments refused: malformed');
      return;
    }
    // A change before hello's answer is in that answer already.
    if (this.answered !== this.connection || this.stopped) return;
    this.printerNetwork = checked.value.printerNetwork ?? DEFAULT_PRINTER_NETWORK;
    void this.applyInTurn(this.connection, checked.value.printers, checked.value.buttons, 'change');
  }

  /** One reconcile at a time, in arrival order: a hello and a change never open one port twice. */
  private async applyInTurn(connection: number, printers: PrinterAssignment[], buttons: ButtonAssignment[], cause: 'hello' | 'change'): Promise<void> {
    const work = this.reconciling.then(() => this.reconcile(connection, printers, buttons, cause));
    this.reconciling = work.catch((error: unknown) => this.logger.error({ err: error }, 'applying assignments failed'));
    await this.reconciling;
  }

  /**
   * Opens what is newly assigned, closes what is no longer ours or changed (it is reopened with
   * the new settings), and keeps the rest running untouched: a pending rating waits in the
   * outbox, not in a button, so closing one loses nothing.
   */
  private async reconcile(connection: number, printers: PrinterAssignment[], buttons: ButtonAssignment[], cause: 'hello' | 'change'): Promise<void> {
    const localPrinters = this.options.localPaths?.printerUri ?? {};
    const localButtons = this.options.localPaths?.buttonPath ?? {};
    const opened: AgentPrinter[] = [];
    for (const [id, printer] of this.printers) {
      const assignment = printers.find((p) => p.printerId === id);
      // A refused printer is checked again: the change may be to the printer network.
      if (!assignment || printer.refused || !printer.sameAs(assignment, localPrinters[id] ?? assignment.uri)) {
        this.printers.delete(id);
        await printer.close();
      }
    }
    for (const assignment of printers) {
      if (this.printers.has(assignment.printerId)) continue;
      const printer = new AgentPrinter(assignment, localPrinters[assignment.printerId] ?? assignment.uri, this.logger.child({ printer: assignment.printerId }));
      this.printers.set(assignment.printerId, printer);
      // What the office config sends is checked against the closed list here too, right before
      // it is opened; this PC's own override (localPaths) is its owner's business.
      const problem = localPrinters[assignment.printerId] === undefined
        ? printerTargetProblem(assignment.uri, { network: this.printerNetwork, ...(this.options.printerFileFolder !== undefined && { fileFolder: this.options.printerFileFolder }) })
        : undefined;
      if (problem) printer.refuse(problem);
      else await printer.open(this.hardware);
      opened.push(printer);
    }
    for (const [deskId, button] of this.buttons) {
      const assignment = buttons.find((b) => b.deskId === deskId);
      if (!assignment || !button.sameAs(assignment, localButtons[deskId] ?? assignment.path)) {
        this.buttons.delete(deskId);
        await button.close();
      }
    }
    const newButtons: AgentButton[] = [];
    for (const assignment of buttons) {
      if (this.buttons.has(assignment.deskId)) continue;
      const button = new AgentButton(assignment, localButtons[assignment.deskId] ?? assignment.path, this.logger.child({ desk: assignment.deskId }));
      this.buttons.set(assignment.deskId, button);
      button.open(this.hardware, {
        rating: (rating) => this.outbox.add(rating),
        online: (online) => {
          this.send('button:status', { deskId: assignment.deskId, online });
          this.emitStatus();
        },
      });
      newButtons.push(button);
    }
    if (connection !== this.connection || this.stopped) return;
    // The server re-sends open windows during hello; any other lit button belongs to a window
    // the server no longer has (it restarted, or the window timed out while we were away). After
    // a change only the new buttons need a state: the others keep theirs.
    for (const button of cause === 'hello' ? this.buttons.values() : newButtons) button.setWindow(this.windowsWanted.get(button.deskId) ?? false);
    this.setLink('online');
    const assigned = { printers: printers.map((p) => p.printerId), buttons: buttons.map((b) => b.deskId) };
    if (cause === 'hello') this.logger.info(assigned, 'online with the office server');
    else this.logger.info({ ...assigned, opened: [...opened.map((p) => p.printerId), ...newButtons.map((b) => b.deskId)] }, 'devices changed by the office config');
    for (const button of newButtons) this.send('button:status', { deskId: button.deskId, online: button.online });
    await Promise.all(
      opened.map(async (printer) => {
        await printer.poll();
        // Always said once: the server will not send a ticket to a printer whose state it does not know.
        this.send('printer:status', { printerId: printer.printerId, status: printer.status });
      }),
    );
    this.emitStatus();
    this.outbox.flush();
  }

  private async pollPrinters(): Promise<void> {
    await Promise.all(
      [...this.printers.values()].map(async (printer) => {
        const before = printer.status;
        const after = await printer.poll();
        if (after === undefined || after === before) return;
        this.logger.info({ printer: printer.printerId, from: before, to: after }, 'printer status changed');
        this.send('printer:status', { printerId: printer.printerId, status: after });
        this.emitStatus();
      }),
    );
  }

  private async onPrintJob(job: unknown, ack: unknown): Promise<void> {
    const answer = typeof ack === 'function' ? (ack as (result: PrintJobResult) => void) : () => undefined;
    const checked = checkPrintJob(job);
    if (!checked.ok) {
      this.logger.error({ problem: checked.problem }, 'print job refused: malformed');
      answer({ printed: false, status: 'unknown' });
      return;
    }
    const printer = this.printers.get(checked.value.printerId);
    if (!printer) {
      this.logger.error({ printer: checked.value.printerId }, 'print job for a printer this agent does not have');
      answer({ printed: false, status: 'offline' });
      return;
    }
    const before = printer.status;
    const result = await printer.print(checked.value);
    this.logger.info({ job: checked.value.jobId, ticket: checked.value.ticket.number, ...result }, 'print job done');
    answer(result);
    // Said again on its own: an answer that came after the server stopped waiting is dropped,
    // and the server would otherwise keep the printer as offline until the next change.
    this.send('printer:status', { printerId: printer.printerId, status: result.status });
    if (result.status !== before) this.emitStatus();
  }

  private onRatingWindow(window: unknown): void {
    const checked = checkRatingWindow(window);
    if (!checked.ok) {
      this.logger.error({ problem: checked.problem }, 'rating window message refused: malformed');
      return;
    }
    const { deskId, open } = checked.value;
    this.windowsWanted.set(deskId, open);
    const button = this.buttons.get(deskId);
    if (button) button.setWindow(open);
    else if (this.link === 'online') this.logger.warn({ desk: deskId }, 'rating window for a desk whose button this agent does not have');
  }

  private async submitRating(rating: RatingSubmit): Promise<'done' | 'retry'> {
    const socket = this.socket;
    if (!socket?.connected || this.link !== 'online') return 'retry';
    try {
      const result = (await socket.timeout(this.timings.ackTimeoutMs).emitWithAck('rating:submit', rating)) as {
        ok: boolean;
        counted?: boolean;
        ticketId?: string | null;
        code?: string;
        message?: string;
      };
      if (result?.ok) this.logger.info({ desk: rating.deskId, value: rating.value, counted: result.counted, ticket: result.ticketId }, 'rating passed on');
      else this.logger.error({ desk: rating.deskId, code: result?.code, message: result?.message }, 'rating refused by the office server');
      return 'done';
    } catch {
      return 'retry';
    }
  }

  private send(event: 'printer:status' | 'button:status', payload: object): void {
    const socket = this.socket;
    if (!socket?.connected || this.link !== 'online') return;
    socket.timeout(this.timings.ackTimeoutMs).emit(event, payload, (error: Error | null, result?: { ok: boolean; code?: string; message?: string }) => {
      if (error) this.logger.warn({ event }, 'no answer to a device report');
      else if (!result?.ok) this.logger.error({ event, code: result?.code, message: result?.message }, 'device report refused');
    });
  }

  private setLink(link: AgentLink): void {
    if (this.link === link) return;
    this.link = link;
    this.emitStatus();
  }

  private emitStatus(): void {
    const status = this.status();
    for (const listener of this.emitter.listeners('status')) {
      try {
        (listener as (s: AgentStatus) => void)(status);
      } catch (error) {
        this.logger.error({ err: error }, 'status listener threw');
      }
    }
  }
}
