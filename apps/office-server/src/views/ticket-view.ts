import type { Ticket } from '@talon/domain';
import type { TicketView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';

export function ticketView(directory: OfficeDirectory, ticket: Ticket): TicketView {
  const service = directory.services.get(ticket.serviceId);
  const category = ticket.categoryId ? directory.categories.get(ticket.categoryId) : undefined;
  const desk = ticket.deskId ? directory.desks.get(ticket.deskId) : undefined;
  return {
    id: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    serviceName: service?.name ?? ticket.serviceId,
    ...(service?.nameEn && { serviceNameEn: service.nameEn }),
    kind: ticket.kind,
    ...(ticket.categoryId && { categoryId: ticket.categoryId }),
    ...(category && { categoryName: category.name, categoryDocument: category.document }),
    ...(ticket.categoryCheck && { categoryCheck: ticket.categoryCheck }),
    ...(ticket.bookingId && { bookingId: ticket.bookingId }),
    ...(ticket.bookingSlotStart !== undefined && { bookingSlotStart: ticket.bookingSlotStart }),
    ...(ticket.accountNumber && { accountNumber: ticket.accountNumber }),
    issuedAt: ticket.issuedAt,
    queuedAt: ticket.queuedAt,
    status: ticket.status,
    ...(ticket.deskId && { deskId: ticket.deskId }),
    ...(desk && { deskNumber: desk.number }),
    ...(ticket.calledAt !== undefined && { calledAt: ticket.calledAt }),
    ...(ticket.servingStartedAt !== undefined && { servingStartedAt: ticket.servingStartedAt }),
    recalls: ticket.recalls,
    ...(ticket.transferComment && { transferComment: ticket.transferComment }),
    normMinutes: service?.normMinutes ?? 0,
    ...(ticket.remote && { remote: { arrived: ticket.remote.arrivedAt !== undefined, skipped: ticket.remote.skippedAt !== undefined } }),
  };
}
