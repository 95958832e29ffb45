import type { PhoneNudge } from './central-store.js';

/** The columns of `phone_nudges` as a PhoneNudge, the same in both stores. */
export const PHONE_NUDGE_COLUMNS = `id, office_id AS "officeId", ticket_id AS "ticketId", office_day AS "officeDay", channel, address,
  people_left AS "peopleLeft", consent_text AS "consentText", consent_at AS "consentAt", created_at AS "createdAt",
  ahead_sent_at AS "aheadSentAt", called_sent_at AS "calledSentAt"`;

export const toPhoneNudge = (row: PhoneNudge): PhoneNudge => ({ ...row, peopleLeft: Number(row.peopleLeft) });

/** The column a moment's sent time is kept in; a closed map, never a caller's string in SQL. */
export const NUDGE_SENT_COLUMN = { ahead: 'ahead_sent_at', called: 'called_sent_at' } as const;
