import { isServed, waitMinutes, type QualityVisit } from './visit.js';

/** What the head writes when the call-back is done. */
export interface FollowUpMark {
  doneAt: number;
  doneBy: string;
  note: string;
}

export interface FollowUp {
  ticketId: string;
  ticketNumber: string;
  officeDay: string;
  serviceId: string;
  operatorId?: string;
  deskId?: string;
  rating: number;
  ratedAt?: number;
  waitMinutes?: number;
  outcomeId?: string;
  done?: FollowUpMark;
}

/** Every rating of 1–2, newest first, with the head's done-mark if there is one. */
export function followUpsOf(visits: readonly QualityVisit[], marks: ReadonlyMap<string, FollowUpMark>): FollowUp[] {
  const list: FollowUp[] = [];
  for (const v of visits) {
    if (!isServed(v) || v.rating === undefined || v.rating > 2) continue;
    const wait = waitMinutes(v);
    const mark = marks.get(v.ticketId);
    list.push({
      ticketId: v.ticketId,
      ticketNumber: v.ticketNumber,
      officeDay: v.officeDay,
      serviceId: v.serviceId,
      rating: v.rating,
      ...(v.operatorId !== undefined ? { operatorId: v.operatorId } : {}),
      ...(v.deskId !== undefined ? { deskId: v.deskId } : {}),
      ...(v.ratedAt !== undefined ? { ratedAt: v.ratedAt } : {}),
      ...(wait !== undefined ? { waitMinutes: wait } : {}),
      ...(v.outcomeId !== undefined ? { outcomeId: v.outcomeId } : {}),
      ...(mark ? { done: mark } : {}),
    });
  }
  return list.sort((a, b) => (b.ratedAt ?? 0) - (a.ratedAt ?? 0) || (a.ticketId < b.ticketId ? -1 : 1));
}
