import type { PrintJobTicket } from '@talon/protocol';
import type { PrintableTicket } from '@talon/ticket-printer';

/** The wire's ticket (times as epoch ms) as the printer package lays it out. */
export function toPrintableTicket(ticket: PrintJobTicket): PrintableTicket {
  return {
    officeName: ticket.officeName,
    ...(ticket.officeAddress !== undefined && { officeAddress: ticket.officeAddress }),
    number: ticket.number,
    serviceName: ticket.serviceName,
    issuedAt: new Date(ticket.issuedAt),
    timeZone: ticket.timeZone,
    peopleAhead: ticket.peopleAhead,
    estimatedWaitMin: ticket.estimatedWaitMin,
    ...(ticket.waitRange && { waitRange: ticket.waitRange }),
    language: ticket.language,
    ...(ticket.mark && { mark: ticket.mark }),
    ...(ticket.trackUrl !== undefined && { trackUrl: ticket.trackUrl }),
    ...(ticket.footer && { footer: ticket.footer }),
  };
}
