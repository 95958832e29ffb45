import type { QuestionnaireAnswer } from '@talon/domain';
import { phoneQuestionnaireAnswerSchema } from '@talon/protocol';
import type { TrackQuestionnaire } from '../http/pages.js';
import type { QualityStore } from './quality-store.js';

/** Where the questionnaire of a ticket the office holds stands: offered once the visit is served, closed after one answer. */
export function ticketQuestionnaireState(store: QualityStore, ticketId: string): TrackQuestionnaire['state'] {
  const ticket = store.questionnaireTicket(ticketId);
  if (!ticket) return 'none';
  if (ticket.answered) return 'answered';
  return ticket.status === 'done' ? 'open' : 'none';
}

/** The form's fields as the protocol's answer: `solved` yes/no, `ease` 1–5, either may be left out, not both. */
export function answerOfForm(form: URLSearchParams): Omit<QuestionnaireAnswer, 'ticketId' | 'answeredAt'> | undefined {
  const solved = form.get('solved');
  const ease = form.get('ease');
  const parsed = phoneQuestionnaireAnswerSchema.safeParse({
    ...(solved === 'yes' ? { solved: true } : solved === 'no' ? { solved: false } : {}),
    ...(ease !== null && ease !== '' ? { ease: /^[1-5]$/.test(ease) ? Number(ease) : NaN } : {}),
  });
  if (!parsed.success) return undefined;
  if ((solved !== null && solved !== 'yes' && solved !== 'no') || [...form.keys()].some((k) => k !== 'solved' && k !== 'ease')) return undefined;
  return { ...(parsed.data.solved !== undefined && { solved: parsed.data.solved }), ...(parsed.data.ease !== undefined && { ease: parsed.data.ease }) };
}

/**
 * Keeps a visitor's answer from the office's ticket page: answers `answered` when kept (or when
 * the ticket had its answer already: an answer is final, a second never counts), `not-open` for a
 * ticket not served (yet).
 */
export function answerOnTicketPage(
  store: QualityStore,
  ticketId: string,
  answer: Omit<QuestionnaireAnswer, 'ticketId' | 'answeredAt'>,
  now: number,
): 'answered' | 'not-open' {
  const ticket = store.questionnaireTicket(ticketId);
  if (!ticket) return 'not-open';
  if (ticket.answered) return 'answered';
  if (ticket.status !== 'done') return 'not-open';
  store.saveAnswer({ ticketId, officeDay: ticket.officeDay, answeredAt: now, source: 'office', ...answer });
  return 'answered';
}
