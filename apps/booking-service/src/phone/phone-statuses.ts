import type { PhoneTicketStatus } from '@talon/protocol';

/**
 * The latest status of each ticket an office reported, in memory: the office is authoritative and
 * sends everything again when its link comes back, so a restart of central loses nothing a phone
 * needs for long. Bounded: past `maxTickets` the oldest entries go first.
 */
export interface PhoneStatuses {
  /** Keeps `status` unless central already holds a newer one; answers whether it was kept. */
  take(officeId: string, status: PhoneTicketStatus): boolean;
  get(officeId: string, ticketId: string): PhoneTicketStatus | undefined;
  size(): number;
}

export function createPhoneStatuses(maxTickets: () => number): PhoneStatuses {
  // A Map iterates in insertion order; re-inserting on each update keeps the stalest first.
  const byTicket = new Map<string, PhoneTicketStatus>();
  const keyOf = (officeId: string, ticketId: string) => `${officeId}/${ticketId}`;
  return {
    take(officeId, status) {
      const key = keyOf(officeId, status.ticketId);
      const held = byTicket.get(key);
      if (held && held.at > status.at) return false;
      byTicket.delete(key);
      byTicket.set(key, status);
      while (byTicket.size > maxTickets()) byTicket.delete(byTicket.keys().next().value as string);
      return true;
    },
    get: (officeId, ticketId) => byTicket.get(keyOf(officeId, ticketId)),
    size: () => byTicket.size,
  };
}
