import type { OfficeDatabase } from '../storage/open-database.js';

/**
 * For a press whose agent does not say which boot of the button it came from (an agent older
 * than that field, or a driver that has not heard a heartbeat yet): how long a press with the
 * same seq and value is taken for a copy. A copy reaches the server only while the agent still
 * holds it: its outbox keeps a press 2 minutes, plus an 8 s ack timeout.
 */
export const REPEAT_HORIZON_MS = 3 * 60_000;

/**
 * Two reports of a button's boot instant within this of each other name the same boot. Each is
 * the arrival of a boot banner, or of a heartbeat less its whole seconds of uptime, so a report
 * lies within [boot, boot + 1 s + the line's latency): one boot read twice (by one driver, or by
 * a new one after the agent restarts) differs by little more than a second. Kept that tight
 * because a button whose cable is jiggled a few seconds after it booted has booted again, and
 * the first press of that boot must count.
 */
export const SAME_BOOT_MS = 2_500;

/**
 * ...but the uptime is counted by the button's crystal, which may run 50-100 ppm off (a few
 * seconds a day), so a boot read again hours later (a new agent after a restart, or the same
 * after a replug) lands further off: 100 ppm is 5 s at 14 h. The slack grows with the press's
 * uptime at twice that rate. A new boot has little uptime, so its first press keeps the tight
 * slack and still counts however recent the boot before it.
 */
export const BOOT_CLOCK_DRIFT_PPM = 200;

/** How far apart two reports of one boot may be, for a press heard `uptimeMs` after that boot. */
export function sameBootSlackMs(uptimeMs: number): number {
  return Math.max(SAME_BOOT_MS, Math.ceil((Math.max(0, uptimeMs) * BOOT_CLOCK_DRIFT_PPM) / 1_000_000));
}

/**
 * A seq comes round again only after 254 newer presses of the same boot (1..255, then 1), so an
 * earlier press with the same seq among the last half of that range is this press heard again,
 * and one further back is the seq after a wrap.
 */
export const SEQ_RECENT_PRESSES = 127;

export type PressOutcome = 'claimed' | 'counted' | 'refused' | 'no-window' | 'repeat';

export interface Press {
  deskId: string;
  buttonDeviceId: number;
  seq: number;
  value: number;
  /** When the button booted (ms), as its agent worked it out; absent when the agent cannot say. */
  bootedAt?: number;
}

export interface RecordedPress {
  id: number;
  at: number;
  deskId: string;
  buttonDeviceId: number;
  seq: number;
  value: number;
  bootedAt: number | null;
  outcome: PressOutcome;
  ticketId: string | null;
}

type Earlier = { seq: number; ticket_id: string | null; outcome: PressOutcome };

/**
 * The log of rating-button presses (table rating_presses). A press is written before the
 * rating is decided, synchronously, so a copy arriving while the first is still being decided
 * already finds it; the log is a file, so a copy is still caught after a server restart.
 *
 * A press is a copy of an earlier one when it is the same (desk, button, boot, seq): the wire
 * contract's "once per (dev, seq)", with the boot added because a restarted button starts again
 * at seq 1 and its first press must count. Copies are found however far apart they arrive (no
 * time limit), so a late copy can never land on the next visitor's ticket.
 */
export function createRatingPresses(db: OfficeDatabase, now: () => number) {
  const sameBoot = db.prepare<[string, number, number, number, number], Earlier>(
    `SELECT seq, ticket_id, outcome FROM rating_presses
      WHERE desk_id = ? AND button_device_id = ? AND booted_at BETWEEN ? AND ? AND outcome != 'repeat'
      ORDER BY id DESC LIMIT ?`,
  );
  const sameSeqValueLately = db.prepare<[string, number, number, number, number], Earlier>(
    `SELECT seq, ticket_id, outcome FROM rating_presses
      WHERE desk_id = ? AND button_device_id = ? AND seq = ? AND value = ? AND at >= ? AND outcome != 'repeat'
      ORDER BY at DESC, id DESC LIMIT 1`,
  );
  const insert = db.prepare<[number, string, number, number, number, number | null, PressOutcome, string | null]>(
    `INSERT INTO rating_presses (at, desk_id, button_device_id, seq, value, booted_at, outcome, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[PressOutcome, number]>(`UPDATE rating_presses SET outcome = ? WHERE id = ?`);
  const forget = db.prepare<[number]>(`DELETE FROM rating_presses WHERE at < ?`);
  const list = db.prepare<[string], RecordedPress>(
    `SELECT id, at, desk_id AS deskId, button_device_id AS buttonDeviceId, seq, value, booted_at AS bootedAt, outcome, ticket_id AS ticketId
       FROM rating_presses WHERE desk_id = ? ORDER BY id`,
  );

  function firstHearing(press: Press, at: number): Earlier | undefined {
    if (press.bootedAt === undefined) {
      return sameSeqValueLately.get(press.deskId, press.buttonDeviceId, press.seq, press.value, at - REPEAT_HORIZON_MS);
    }
    const slack = sameBootSlackMs(at - press.bootedAt);
    const recent = sameBoot.all(press.deskId, press.buttonDeviceId, press.bootedAt - slack, press.bootedAt + slack, SEQ_RECENT_PRESSES);
    return recent.find((earlier) => earlier.seq === press.seq);
  }

  return {
    /**
     * Records a press. A copy of one already heard is recorded as a repeat and names the first
     * one's ticket.
     */
    record(press: Press, window: { ticketId: string } | null): { id: number; repeatOf?: { ticketId: string | null } } {
      const at = now();
      const first = firstHearing(press, at);
      const outcome: PressOutcome = first ? 'repeat' : window ? 'claimed' : 'no-window';
      // A repeat names the ticket the first copy landed on (or is landing on), and none otherwise.
      const landedOn = first && (first.outcome === 'counted' || first.outcome === 'claimed') ? first.ticket_id : null;
      const ticketId = first ? landedOn : (window?.ticketId ?? null);
      const { lastInsertRowid } = insert.run(at, press.deskId, press.buttonDeviceId, press.seq, press.value, press.bootedAt ?? null, outcome, ticketId);
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
