import { printJobResultSchema, type PrintJob, type PrintJobTicket, type PrintOutcome, type PrinterHealth } from '@talon/protocol';
import type { Server } from 'socket.io';
import { printerCanPrint } from '../devices/device-health.js';
import { newId } from '../ids.js';
import type { OfficeContext } from '../office-context.js';

const PRINT_TIMEOUT_MS = 10_000;

export function agentRoom(agentId: string): string {
  return `agent:${agentId}`;
}

export function kioskRoom(kioskId: string): string {
  return `kiosk:${kioskId}`;
}

/**
 * Sends a ticket to the agent that owns the kiosk's printer. The kiosk is told at once whether
 * paper is coming, and later whether it came; a ticket is never lost to a printer, it is on screen.
 */
export function createPrintDispatcher(io: Server, context: OfficeContext) {
  /** Jobs sent and not yet answered; on shutdown each is reported not printed instead of awaited. */
  const pending = new Map<string, { kioskId: string; ticketId: string }>();
  const dispatch = (kioskId: string, ticketId: string, ticket: PrintJobTicket): PrintOutcome => {
    const printer = context.directory.printersByKiosk.get(kioskId);
    if (!printer) return 'no-printer';
    if (!printerCanPrint(context.devices.printerStatus(printer.id))) return 'printer-unavailable';
    // One socket, never the room: a ticket printed twice is a second visitor with the same
    // number. The device namespace keeps one connection per agent; the newest is taken anyway.
    const agentSockets = [...(io.of('/device').adapter.rooms.get(agentRoom(printer.agentId)) ?? [])];
    const agent = io.of('/device').sockets.get(agentSockets[agentSockets.length - 1] ?? '');
    if (!agent) return 'printer-unavailable';

    const job: PrintJob = { jobId: newId('p'), printerId: printer.id, ticketId, ticket };
    pending.set(job.jobId, { kioskId, ticketId });
    agent
      .timeout(PRINT_TIMEOUT_MS)
      .emit('print:job', job, (error: Error | null, result: unknown) => {
        if (!pending.delete(job.jobId)) return;
        // The agent's answer is input like any other: one that does not parse counts as no answer.
        const parsed = printJobResultSchema.safeParse(result);
        const answer = parsed.success ? parsed.data : undefined;
        if (!error && !answer) context.logger.error({ printer: printer.id }, 'print job answered with a malformed result');
        const printed = !error && answer?.printed === true;
        const status: PrinterHealth = answer?.status ?? 'offline';
        context.devices.set({ kind: 'printer', id: printer.id, name: printer.id, online: status !== 'offline', status });
        if (!printed) context.logger.warn({ kiosk: kioskId, printer: printer.id, status, timeout: Boolean(error) }, 'ticket not printed');
        io.of('/kiosk').to(kioskRoom(kioskId)).emit('print:result', { ticketId, printed, status });
      });
    return 'queued';
  };
  return Object.assign(dispatch, {
    /**
     * The server is stopping: every job still out is told to its kiosk as not printed (the ticket
     * stays on screen), rather than waited for. A late answer from the agent is then ignored.
     */
    abandonAll(): number {
      const jobs = [...pending.values()];
      pending.clear();
      for (const { kioskId, ticketId } of jobs) io.of('/kiosk').to(kioskRoom(kioskId)).emit('print:result', { ticketId, printed: false, status: 'offline' });
      if (jobs.length > 0) context.logger.warn({ jobs: jobs.length }, 'stopping: print jobs still out reported as not printed');
      return jobs.length;
    },
  });
}

export type PrintDispatcher = ReturnType<typeof createPrintDispatcher>;
