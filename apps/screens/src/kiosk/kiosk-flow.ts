import type { CategoryView, FailureDetails, IssuedTicket, KioskServiceView, PrinterHealth } from '@talon/protocol';

/**
 * Where a visitor is on the kiosk, as a pure reducer: the screens draw a step, the visitor's taps
 * and the server's answers move it. Side effects (sending the command) follow the `issuing` step.
 */

/** What the screen sends to get a ticket: one of the two kiosk commands that issue one. */
export type TicketRequest =
  | { event: 'ticket:issue'; payload: { serviceId: string; categoryId?: string; accountNumber?: string } }
  | { event: 'booking:check-in'; payload: { code: string; acceptWalkIn?: boolean } };

/** The printed paper's fate: on its way, in the tray, or never coming (the number is on screen). */
export type PaperState = 'printing' | 'printed' | 'not-printed' | 'no-printer';

/** Plain-words answers the kiosk gives instead of a ticket. */
export type Answer =
  | { kind: 'booking-unknown' }
  /** `checkInFrom` is an instant, shown in the office's zone; null if the server did not say. */
  | { kind: 'booking-early'; checkInFrom: number | null }
  /** `slotStart` is the booked time, shown in the office's zone; null if the server did not say. */
  | { kind: 'booking-late'; code: string; slotStart: number | null }
  /** A ticket was issued for this booking already; `usedAt` when, if the server said. */
  | { kind: 'booking-used'; usedAt: number | null }
  | { kind: 'booking-cancelled' }
  | { kind: 'booking-expired' }
  | { kind: 'closed' }
  | { kind: 'no-answer' }
  | { kind: 'failed' };

export type KioskStep =
  | { kind: 'home' }
  /** The home page's service buttons again, for a priority visitor who has picked a category. */
  | { kind: 'services'; category: CategoryView }
  /** A second-level group's page. */
  | { kind: 'group'; groupId: string; category: CategoryView | null }
  | { kind: 'categories' }
  | { kind: 'account'; service: KioskServiceView; category: CategoryView | null }
  | { kind: 'booking' }
  | { kind: 'issuing'; request: TicketRequest }
  | { kind: 'ticket'; issued: IssuedTicket; paper: PaperState }
  | { kind: 'answer'; answer: Answer; from: TicketRequest };

/** Chosen on the home page or on a group's page; a priority category carries on until the ticket. */
export interface ServicePick {
  service: KioskServiceView;
  category: CategoryView | null;
}

export type KioskAction =
  | { type: 'go-home' }
  | { type: 'back' }
  | { type: 'open-group'; groupId: string; category: CategoryView | null }
  | { type: 'start-priority' }
  | { type: 'pick-category'; category: CategoryView }
  | { type: 'pick-service'; pick: ServicePick }
  | { type: 'enter-account'; pick: ServicePick; accountNumber: string | null }
  | { type: 'start-booking' }
  | { type: 'submit-code'; code: string }
  | { type: 'accept-walk-in' }
  | { type: 'issued'; issued: IssuedTicket }
  | { type: 'refused'; code: string; details?: FailureDetails }
  | { type: 'print-result'; ticketId: string; printed: boolean; status: PrinterHealth };

export const HOME: KioskStep = { kind: 'home' };

/** While the office is answering, a second tap must not ask for a second ticket. */
const WHILE_ISSUING: ReadonlySet<KioskAction['type']> = new Set(['issued', 'refused', 'go-home']);

export function kioskFlow(step: KioskStep, action: KioskAction): KioskStep {
  if (step.kind === 'issuing' && !WHILE_ISSUING.has(action.type)) return step;
  switch (action.type) {
    case 'go-home':
      return HOME;
    case 'back':
      return back(step);
    case 'open-group':
      return { kind: 'group', groupId: action.groupId, category: action.category };
    case 'start-priority':
      return { kind: 'categories' };
    case 'pick-category':
      return { kind: 'services', category: action.category };
    case 'pick-service':
      if (action.pick.service.askAccountNumber) return { kind: 'account', ...action.pick };
      return issuing(ticketRequest(action.pick, null));
    case 'enter-account':
      return issuing(ticketRequest(action.pick, action.accountNumber));
    case 'start-booking':
      return { kind: 'booking' };
    case 'submit-code':
      return issuing({ event: 'booking:check-in', payload: { code: action.code } });
    case 'accept-walk-in':
      if (step.kind !== 'answer' || step.answer.kind !== 'booking-late') return step;
      return issuing({ event: 'booking:check-in', payload: { code: step.answer.code, acceptWalkIn: true } });
    case 'issued':
      if (step.kind !== 'issuing') return step;
      return { kind: 'ticket', issued: action.issued, paper: paperAtIssue(action.issued) };
    case 'refused':
      if (step.kind !== 'issuing') return step;
      return { kind: 'answer', answer: answerFor(step.request, action.code, action.details), from: step.request };
    case 'print-result':
      if (step.kind !== 'ticket' || step.issued.ticket.id !== action.ticketId) return step;
      return { ...step, paper: action.printed ? 'printed' : 'not-printed' };
  }
}

/** One step up the way the visitor came; a refused booking code goes back to the keypad. */
function back(step: KioskStep): KioskStep {
  switch (step.kind) {
    case 'group':
      return step.category ? { kind: 'services', category: step.category } : HOME;
    case 'services':
      return { kind: 'categories' };
    case 'account':
      return step.category ? { kind: 'services', category: step.category } : HOME;
    case 'answer':
      return step.from.event === 'booking:check-in' ? { kind: 'booking' } : HOME;
    // The visitor waits for the server's answer; leaving now could lose a ticket already issued.
    case 'issuing':
      return step;
    case 'home':
    case 'categories':
    case 'booking':
    case 'ticket':
      return HOME;
  }
}

function issuing(request: TicketRequest): KioskStep {
  return { kind: 'issuing', request };
}

function ticketRequest(pick: ServicePick, accountNumber: string | null): TicketRequest {
  return {
    event: 'ticket:issue',
    payload: {
      serviceId: pick.service.id,
      ...(pick.category && { categoryId: pick.category.id }),
      ...(accountNumber && { accountNumber }),
    },
  };
}

function paperAtIssue(issued: IssuedTicket): PaperState {
  switch (issued.print) {
    case 'queued':
      return 'printing';
    case 'no-printer':
      return 'no-printer';
    case 'printer-unavailable':
      return 'not-printed';
  }
}

/** A server's refusal in the words a visitor needs: what happened, and what they can do now. */
export function answerFor(request: TicketRequest, code: string, details: FailureDetails | undefined): Answer {
  switch (code) {
    case 'booking-not-found':
      return { kind: 'booking-unknown' };
    case 'booking-already-used':
      return { kind: 'booking-used', usedAt: details?.usedAt ?? null };
    case 'booking-cancelled':
      return { kind: 'booking-cancelled' };
    case 'booking-expired':
      return { kind: 'booking-expired' };
    case 'booking-too-early':
      // Without the time the answer is still plain, just vaguer; the English message is never read.
      return { kind: 'booking-early', checkInFrom: details?.checkInFrom ?? null };
    case 'booking-too-late':
      return request.event === 'booking:check-in'
        ? { kind: 'booking-late', code: request.payload.code, slotStart: details?.slotStart ?? null }
        : { kind: 'failed' };
    case 'office-closed':
      return { kind: 'closed' };
    case 'no-answer':
      return { kind: 'no-answer' };
    default:
      return { kind: 'failed' };
  }
}
