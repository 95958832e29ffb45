import type { DeskState, QueueState } from '@talon/domain';
import type { DeskView } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';
import { ticketView } from './ticket-view.js';

export function deskView(directory: OfficeDirectory, state: QueueState, desk: DeskState): DeskView {
  const config = directory.desks.get(desk.deskId);
  const operator = desk.operatorId ? directory.operators.get(desk.operatorId) : undefined;
  const current = desk.currentTicketId ? state.tickets.get(desk.currentTicketId) : undefined;
  return {
    id: desk.deskId,
    number: config?.number ?? 0,
    name: config?.name ?? desk.deskId,
    ...(config?.nameEn && { nameEn: config.nameEn }),
    status: desk.status,
    ...(desk.operatorId && { operatorId: desk.operatorId }),
    ...(operator && { operatorName: operator.name }),
    ...(desk.pauseReason && { pauseReason: desk.pauseReason }),
    statusSince: desk.statusSince,
    serviceIds: config?.services.map((s) => s.serviceId) ?? [],
    ...(current && { currentTicket: ticketView(directory, current) }),
  };
}

export function allDeskViews(directory: OfficeDirectory, state: QueueState): DeskView[] {
  return [...state.desks.values()]
    .map((desk) => deskView(directory, state, desk))
    .sort((a, b) => a.number - b.number);
}

export function deskOfOperator(state: QueueState, operatorId: string): DeskState | undefined {
  for (const desk of state.desks.values()) {
    if (desk.operatorId === operatorId && desk.status !== 'closed') return desk;
  }
  return undefined;
}
