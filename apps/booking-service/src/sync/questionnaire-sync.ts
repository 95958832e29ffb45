import { MAX_QUESTIONNAIRE_SYNC, type SyncedPageOpen, type SyncedQuestionnaireAnswer, type SyncResults } from '@talon/protocol';
import type { CentralStore } from '../storage/central-store.js';

/**
 * `questionnaire:sync` for one office: its own ticket page's answers and page openings come up and
 * are kept as central's phone page keeps its own (one answer per ticket, the first opening; each
 * drops its day's counts); central's of this office's tickets since `since` go down. An answer for a
 * ticket central has not heard of yet (its events still in the office's outbox) is not accepted,
 * and the office sends it again: central keeps an answer only with the visit's service and operator.
 */
export async function syncQuestionnaire(
  store: CentralStore,
  officeId: string,
  payload: { since: number; answers: SyncedQuestionnaireAnswer[]; pageOpens: SyncedPageOpen[] },
  now: number,
): Promise<{ ok: true } & SyncResults['questionnaire:sync']> {
  const opened: string[] = [];
  for (const open of payload.pageOpens) {
    await store.markPhonePageOpened(officeId, open.ticketId, open.officeDay, Math.min(open.openedAt, now));
    opened.push(open.ticketId);
  }
  const accepted: string[] = [];
  for (const answer of payload.answers) {
    const ticket = await store.questionnaireTicket(officeId, answer.ticketId);
    if (!ticket) continue;
    if (!ticket.answered)
      await store.saveQuestionnaireAnswer({
        officeId,
        ticketId: answer.ticketId,
        officeDay: ticket.officeDay,
        serviceId: ticket.serviceId,
        operatorId: ticket.operatorId,
        solved: answer.solved ?? null,
        ease: answer.ease ?? null,
        answeredAt: Math.min(answer.answeredAt, now),
      });
    // One answer per ticket either way: a second is acknowledged and dropped, never counted.
    accepted.push(answer.ticketId);
  }
  const down = await store.questionnaireSince(officeId, payload.since, MAX_QUESTIONNAIRE_SYNC);
  const more = down.answers.length === MAX_QUESTIONNAIRE_SYNC || down.pageOpens.length === MAX_QUESTIONNAIRE_SYNC;
  // Where the next page starts: the earlier of the two lists' last moments when either is full.
  const lastOf = (list: { at: number }[]) => list.at(-1)?.at;
  const ends = [
    down.answers.length === MAX_QUESTIONNAIRE_SYNC ? lastOf(down.answers.map((a) => ({ at: a.answeredAt }))) : undefined,
    down.pageOpens.length === MAX_QUESTIONNAIRE_SYNC ? lastOf(down.pageOpens.map((o) => ({ at: o.openedAt }))) : undefined,
  ].filter((x): x is number => x !== undefined);
  const latest = Math.max(payload.since, ...down.answers.map((a) => a.answeredAt), ...down.pageOpens.map((o) => o.openedAt));
  return { ok: true, accepted, opened, answers: down.answers, pageOpens: down.pageOpens, until: more ? Math.min(...ends) : latest, more };
}
