import type { TicketView } from '@talon/protocol';
import { formatTime } from '../shared/office-time.js';

/** How long the visitor waited: from the ticket in hand to the call (or until now, if not called). */
export function waitedMs(ticket: Pick<TicketView, 'issuedAt' | 'calledAt'>, now: number): number {
  return Math.max(0, (ticket.calledAt ?? now) - ticket.issuedAt);
}

export interface ServiceTime {
  ms: number;
  /** Past the service norm: a soft warning, not an alarm; some visits simply take longer. */
  overNorm: boolean;
}

export function serviceTime(ticket: Pick<TicketView, 'servingStartedAt' | 'normMinutes'>, now: number): ServiceTime | null {
  if (ticket.servingStartedAt === undefined) return null;
  const ms = Math.max(0, now - ticket.servingStartedAt);
  return { ms, overNorm: ms > ticket.normMinutes * 60_000 };
}

/** 75 s -> "1:15", 3725 s -> "1:02:05": a clock face the operator reads at a glance. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Warn this long before a planned break so the operator does not call a long visit into lunch. */
export const BREAK_NOTICE_MINUTES = 15;

export type BreakNotice = { kind: 'soon'; inMinutes: number } | { kind: 'now' };

/** Whether the operator's planned break (office wall clock "HH:MM") is near or due. */
export function breakNotice(plan: { from: string; to: string } | undefined, now: number, timeZone: string): BreakNotice | null {
  if (!plan) return null;
  const local = minutesOfDay(formatTime(now, timeZone));
  const from = minutesOfDay(plan.from);
  const to = minutesOfDay(plan.to);
  if (local >= from && local < to) return { kind: 'now' };
  if (local < from && from - local <= BREAK_NOTICE_MINUTES) return { kind: 'soon', inMinutes: from - local };
  return null;
}

function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}
