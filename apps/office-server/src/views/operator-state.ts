import { breaksOn, localTimeOf, scheduledBreakAt, type QueueState, type Ticket } from '@talon/domain';
import type { OperatorConfig, OperatorDayCounts, OperatorState } from '@talon/protocol';
import type { OfficeDirectory } from '../config/office-directory.js';
import { allDeskViews, deskOfOperator, deskView } from './desk-view.js';
import { serviceQueues } from './service-queues.js';
import { categoryViews, serviceViews } from './service-view.js';
import { ticketView } from './ticket-view.js';

/** Enough to call a visitor by number; the counts per service tell the rest. */
const WAITING_LIST_LIMIT = 100;

export function operatorState(
  directory: OfficeDirectory,
  state: QueueState,
  operator: OperatorConfig,
  now: number,
  today?: OperatorDayCounts,
): OperatorState {
  const desk = deskOfOperator(state, operator.id);
  const deskConfig = desk ? directory.desks.get(desk.deskId) : undefined;
  const deskServices = deskConfig
    ? deskConfig.services.map((s) => s.serviceId)
    : directory.config.services.map((s) => s.id);
  const served = new Set(deskServices);
  // One rule for the list and the counts above it: what this desk may call.
  const callableHere = (t: Ticket) => (t.targetDeskId ? t.targetDeskId === desk?.deskId : served.has(t.serviceId));
  const waiting = [...state.tickets.values()]
    .filter((t) => t.status === 'waiting' && callableHere(t))
    .sort((a, b) => a.queuedAt - b.queuedAt || a.number.localeCompare(b.number))
    .slice(0, WAITING_LIST_LIMIT)
    .map((t) => ticketView(directory, t));
  const postponed = desk
    ? [...state.tickets.values()]
        .filter((t) => t.status === 'postponed' && t.deskId === desk.deskId)
        .map((t) => ticketView(directory, t))
    : [];
  const pause = scheduledBreakAt(state.setup.schedule, operator.id, now);
  // Today's lunch: an accepted day plan's, else the configured one.
  const officeDay = localTimeOf(state.setup.schedule, now).date;
  const plannedBreak =
    breaksOn(state.setup.schedule, officeDay).find((b) => b.operatorId === operator.id && b.reason === 'lunch') ??
    directory.config.breaks.find((b) => b.operatorId === operator.id);
  const breakToShow = pause ?? plannedBreak;
  return {
    operator: { id: operator.id, name: operator.name, roles: operator.roles },
    desk: desk ? deskView(directory, state, desk) : null,
    desks: allDeskViews(directory, state),
    services: serviceViews(directory),
    categories: categoryViews(directory),
    queue: serviceQueues(directory, state, deskServices, now, callableHere),
    waiting,
    postponed,
    ...(breakToShow && { scheduledBreak: { from: breakToShow.from, to: breakToShow.to, reason: breakToShow.reason as 'lunch' } }),
    ...(today && { today }),
    waitingStandardMinutes: state.setup.rules.waitingStandardMinutes,
    timeZone: directory.config.office.timeZone,
    serverTime: now,
  };
}
