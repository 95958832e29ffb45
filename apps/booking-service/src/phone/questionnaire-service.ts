import { phoneQuestionnaireAnswerSchema, type BookingApiFailure, type PhoneQuestionnaireState } from '@talon/protocol';
import type { PhoneTicketRef } from '@talon/server-edge';
import type { CentralStore } from '../storage/central-store.js';
import type { QuestionnaireTicket } from '../storage/questionnaire-rows.js';

const refuse = (code: BookingApiFailure['code'], message: string): BookingApiFailure => ({ ok: false, code, message });

function stateOf(ticket: QuestionnaireTicket | undefined): PhoneQuestionnaireState {
  if (!ticket) return 'pending';
  if (ticket.answered) return 'answered';
  if (ticket.status === 'done') return 'open';
  // No-shows and cancellations are not asked; a ticket still in the hall may yet be served.
  return ticket.status === 'no-show' || ticket.status === 'cancelled' ? 'not-served' : 'pending';
}

/**
 * The post-visit questionnaire on the ticket's phone page. The ticket is the page token's (checked
 * before this is called); the answer is asked only for a visit central knows was served, and kept
 * once: a second submission is refused (`questionnaire-answered`), never counted twice or allowed
 * to rewrite the first. The page opening is recorded here too, as the questionnaire's reach.
 */
export function createQuestionnaireService(deps: { store: CentralStore; now: () => number }) {
  return {
    /** The page was opened (its info asked for): remembered once per ticket. */
    pageOpened(ref: PhoneTicketRef): Promise<void> {
      return deps.store.markPhonePageOpened(ref.officeId, ref.ticketId, ref.officeDay, deps.now());
    },
    async state(ref: PhoneTicketRef): Promise<{ ok: true; state: PhoneQuestionnaireState }> {
      return { ok: true, state: stateOf(await deps.store.questionnaireTicket(ref.officeId, ref.ticketId)) };
    },
    async answer(ref: PhoneTicketRef, body: unknown): Promise<{ ok: true; state: 'answered' } | BookingApiFailure> {
      const parsed = phoneQuestionnaireAnswerSchema.safeParse(body);
      if (!parsed.success) return refuse('invalid-payload', 'solved: true or false, ease: 1 to 5; at least one of them');
      const ticket = await deps.store.questionnaireTicket(ref.officeId, ref.ticketId);
      const state = stateOf(ticket);
      if (state === 'answered') return refuse('questionnaire-answered', 'this ticket has its answer already; thank you');
      if (state !== 'open' || !ticket) return refuse('questionnaire-not-open', 'the questionnaire opens when the visit is finished');
      const kept = await deps.store.saveQuestionnaireAnswer({
        officeId: ref.officeId,
        ticketId: ref.ticketId,
        officeDay: ticket.officeDay,
        serviceId: ticket.serviceId,
        operatorId: ticket.operatorId,
        solved: parsed.data.solved ?? null,
        ease: parsed.data.ease ?? null,
        answeredAt: deps.now(),
      });
      return kept ? { ok: true, state: 'answered' } : refuse('questionnaire-answered', 'this ticket has its answer already; thank you');
    },
  };
}

export type QuestionnaireService = ReturnType<typeof createQuestionnaireService>;
