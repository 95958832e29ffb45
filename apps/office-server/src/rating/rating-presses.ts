import type { OfficeDatabase } from '../storage/open-database.js';

/**
 * How long a press is remembered as "already heard". A copy of a press reaches the server only
 * while the agent still holds it: its outbox keeps a press 2 minutes, plus an 8 s ack timeout.
 * Kept short on purpose: a button that reboots starts again at seq 1, and a genuine new press
 * must not be taken for an old one.
 */
export const REPEAT_HORIZON_MS = 3 * 60_000;

export type PressOutcome = 'claimed' | 'counted' | 'refused' | 'no-window' | 'repeat';

export interface Press {
  deskId: string;
  buttonDeviceId: number;
  seq: number;
  value: number;
}

export interface RecordedPress {
  id: number;
  at: number;
  deskId: string;
  buttonDeviceId: number;
  seq: number;
  value: number;
  outcome: PressOutcome;
  ticketId: string | null;
}

/**
 * The log of rating-button presses (table rating_presses). A press is written before the
 * rating is decided, synchronously, so a copy arriving while the first is still being decided
 * already finds it.
 */
export function createRatingPresses(db: OfficeDatabase, now: () => number) {
  const earlier = db.prepare<[string, number, number, number, number], { ticket_id: string | null; outcome: PressOutcome }>(
    `SELECT ticket_id, outcome FROM rating_presses
      WHERE desk_id = ? AND button_device_id = ? AND seq = ? AND value = ? AND at >= ? AND outcome != 'repeat'
      ORDER BY at DESC, id DESC LIMIT 1`,
  );
  const insert = db.prepare<[number, string, number, number, number, PressOutcome, string | null]>(
    `INSERT INTO rating_presses (at, desk_id, button_device_id, seq, value, outcome, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[PressOutcome, number]>(`UPDATE rating_presses SET outcome = ? WHERE id = ?`);
  const forget = db.prepare<[number]>(`DELETE FROM rating_presses WHERE at < ?`);
  const list = db.prepare<[string], RecordedPress>(
    `SELECT id, at, desk_id AS deskId, button_device_id AS buttonDeviceId, seq, value, outcome, ticket_id AS ticketId
       FROM rating_presses WHERE desk_id = ? ORDER BY id`,
  );

  return {
    /**
     * Records a press. A copy of one heard within the horizon (same button, seq and value: a
     * retransmission repeats all three) is recorded as a repeat and names the first one's ticket.
     */
    record(press: Press, window: { ticketId: string } | null): { id: number; repeatOf?: { ticketId: string | null } } {
      const at = now();
      const first = earlier.get(press.deskId, press.buttonDeviceId, press.seq, press.value, at - REPEAT_HORIZON_MS);
      const outcome: PressOutcome = first ? 'repeat' : window ? 'claimed' : 'no-window';
      // A repeat names the ticket the first copy landed on (or is landing on), and none otherwise.
      const landedOn = first && (first.outcome === 'counted' || first.outcome === 'claimed') ? first.ticket_id : null;
      const ticketId = first ? landedOn : (window?.ticketId ?? null);
      const { lastInsertRowid } = insert.run(at, press.deskId, press.buttonDeviceId, press.seq, press.value, outcome, ticketId);
      return { id: Number(lastInsertRowid), ...(first && { repeatOf: { ticketId: landedOn } }) };
    },
    /** The end of a claimed press: the rating landed on its ticket, or the queue refused it. */
    settle(id: number, outcome: 'counted' | 'refused'): void {
      update.run(outcome, id);
    },
    /** Drops presses heard before `cutoff`; answers how many went. */
    forgetBefore(cutoff: number): number {
      return forget.run(cutoff).changes;
    },
    ofDesk(deskId: string): RecordedPress[] {
      return list.all(deskId);
    },
  };
}

export type RatingPresses = ReturnType<typeof createRatingPresses>;
