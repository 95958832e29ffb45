import type { TestOffice } from '../../apps/office-server/src/testing/test-office.js';

/** The rating the office filed on a ticket, read from its own file. */
export function ratingOf(office: TestOffice, ticketId: string): number | null {
  return office.app.context.db.prepare('SELECT rating FROM tickets WHERE id = ?').pluck().get(ticketId) as number | null;
}

/** Every `ticket.rated` event's value for a ticket: a press counted twice shows as two. */
export function ratedEvents(office: TestOffice, ticketId: string): number[] {
  return office.app.context.db
    .prepare(`SELECT json_extract(body, '$.value') FROM events WHERE type = 'ticket.rated' AND json_extract(body, '$.ticketId') = ?`)
    .pluck()
    .all(ticketId) as number[];
}

/** One press the office filed from a desk's button, and what it made of it. */
export interface FiledPress {
  seq: number;
  value: number;
  outcome: string;
  ticketId: string | null;
}

/** Every press the office filed from the desk's button, in the order it heard them. */
export function filedPresses(office: TestOffice, deskId: string): FiledPress[] {
  return office.app.context.db
    .prepare(`SELECT seq, value, outcome, ticket_id AS ticketId FROM rating_presses WHERE desk_id = ? ORDER BY id`)
    .all(deskId) as FiledPress[];
}
