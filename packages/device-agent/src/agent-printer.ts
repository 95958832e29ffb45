import type { PrintJob, PrinterAssignment, PrinterHealth } from '@talon/protocol';
import type { Logger } from 'pino';
import type { DeviceHardware, PrinterHandle } from './device-hardware.js';
import { toPrintableTicket } from './print-job-ticket.js';

/** One assigned printer: opened from its URI, asked for its state, given print jobs. */
export class AgentPrinter {
  private handle: PrinterHandle | undefined;
  private current: PrinterHealth = 'unknown';
  private polling = false;
  private closed = false;
  /** Left unopened because its URI is outside the closed list. */
  refused = false;

  constructor(
    readonly assignment: PrinterAssignment,
    /** The URI actually used: the office config's, or this PC's local override. */
    readonly uri: string,
    private readonly logger: Logger,
  ) {}

  get printerId(): string {
    return this.assignment.printerId;
  }

  get status(): PrinterHealth {
    return this.current;
  }

  /** Same printer, same place, same profile: nothing to reopen after a new hello. */
  sameAs(assignment: PrinterAssignment, uri: string): boolean {
    return this.uri === uri && this.assignment.profile === assignment.profile && this.assignment.kioskId === assignment.kioskId;
  }

  /** Not opened: the office config points it somewhere printers may not be. */
  refuse(problem: string): void {
    this.refused = true;
    this.current = 'error';
    this.logger.error({ uri: this.uri, problem }, 'printer URI refused');
  }

  async open(hardware: DeviceHardware): Promise<void> {
    try {
      this.handle = await hardware.openPrinter(this.uri, this.assignment.profile);
    } catch (error) {
      // A typo in a URI or profile needs a person; 'error' puts it on the dashboard.
      this.current = 'error';
      this.logger.error({ err: error, uri: this.uri, profile: this.assignment.profile }, 'printer cannot be opened');
    }
  }

  /** Asks the printer; resolves with the new state, or undefined while a question is still out. */
  async poll(): Promise<PrinterHealth | undefined> {
    if (!this.handle || this.polling || this.closed) return undefined;
    this.polling = true;
    try {
      this.current = await this.handle.status();
    } catch (error) {
      this.current = 'offline';
      this.logger.warn({ err: error }, 'printer status failed');
    } finally {
      this.polling = false;
    }
    return this.current;
  }

  async print(job: PrintJob): Promise<{ printed: boolean; status: PrinterHealth }> {
    if (!this.handle || this.closed) return { printed: false, status: this.current };
    try {
      const result = await this.handle.printTicket(toPrintableTicket(job.ticket));
      this.current = result.status;
      if (!result.ok) this.logger.warn({ job: job.jobId, status: result.status, stage: result.stage, message: result.message }, 'ticket not printed');
      return { printed: result.ok, status: result.status };
    } catch (error) {
      // A ticket the layout refuses: the printer is fine, this ticket goes on screen only.
      this.logger.error({ err: error, job: job.jobId }, 'ticket cannot be laid out');
      return { printed: false, status: this.current };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.handle?.close().catch((error: unknown) => this.logger.warn({ err: error }, 'printer close failed'));
  }
}
