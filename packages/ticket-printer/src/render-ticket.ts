import { toCp866Printable } from './cp866-text.js';
import { EscPosBuilder } from './escpos-builder.js';
import { wrapToColumns } from './line-wrap.js';
import { checkPrintableTicket, type PrintableTicket } from './printable-ticket.js';
import type { PrinterProfile } from './printer-profile.js';
import { TICKET_LABELS } from './ticket-labels.js';
import { formatIssuedAt } from './ticket-time.js';

/**
 * A ticket as ESC/POS bytes for one printer model: one ticket per buffer, beginning with
 * `ESC @` and the profile's CP866 code page, ending with feed and cut. Throws
 * `TicketLayoutError` for a ticket it cannot print honestly, before building anything.
 */
export function renderTicket(ticket: PrintableTicket, profile: PrinterProfile): Buffer {
  checkPrintableTicket(ticket);
  const language = ticket.language ?? 'ru';
  const labels = TICKET_LABELS[language];
  const columns = profile.columns;
  const out = new EscPosBuilder(profile);
  const wrapped = (text: string, width = columns) => wrapToColumns(toCp866Printable(text), width);

  out.align('center').bold(true);
  for (const line of wrapped(ticket.officeName)) out.line(line);
  out.bold(false);
  if (ticket.officeAddress !== undefined) for (const line of wrapped(ticket.officeAddress)) out.line(line);
  out.line('-'.repeat(columns));

  out.line(labels.ticket);
  // As big as the profile asks, but never so big that the number wraps.
  const scale = Math.max(1, Math.min(profile.ticketNumberScale, Math.floor(columns / ticket.number.length)));
  out.characterSize(scale, scale).bold(true).line(ticket.number).bold(false).characterSize(1, 1);

  if (ticket.mark?.kind === 'priority') {
    out.blankLine().invert(true).bold(true).line(` ${toCp866Printable(labels.priority.toUpperCase())} `).bold(false).invert(false);
    for (const line of wrapped(ticket.mark.categoryName)) out.line(line);
    if (ticket.mark.document !== undefined) for (const line of wrapped(labels.showDocument(ticket.mark.document))) out.line(line);
  } else if (ticket.mark?.kind === 'booking') {
    out.blankLine().bold(true);
    for (const line of wrapped(labels.booking(ticket.mark.slotTime))) out.line(line);
    out.bold(false);
  }
  out.line('-'.repeat(columns));

  out.align('left').bold(true);
  for (const line of wrapped(`${labels.service}: ${ticket.serviceName}`)) out.line(line);
  out.bold(false);
  out.line(toCp866Printable(labels.peopleAhead(ticket.peopleAhead)));
  out.line(toCp866Printable(labels.estimatedWait(ticket.estimatedWaitMin, ticket.waitRange)));
  out.line(toCp866Printable(`${labels.issued}: ${formatIssuedAt(ticket.issuedAt, ticket.timeZone, language)}`));

  out.align('center');
  if (ticket.trackUrl !== undefined) {
    out.blankLine();
    for (const line of wrapped(labels.scanToTrack)) out.line(line);
    out.qr(ticket.trackUrl, profile.qrModuleSize).blankLine();
  }
  if (ticket.footer && ticket.footer.length > 0) {
    out.blankLine();
    for (const footerLine of ticket.footer) {
      const lines = wrapped(footerLine);
      if (lines.length === 0) out.blankLine();
      for (const line of lines) out.line(line);
    }
  }
  return out.finish();
}
