import type { CategoryView, IssuedTicket, KioskServiceView } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { HOME, kioskFlow, type KioskAction, type KioskStep } from './kiosk-flow.js';

const service = (id: string, askAccountNumber = false): KioskServiceView => ({
  id,
  name: id,
  prefix: 'A',
  askAccountNumber,
  normMinutes: 10,
  outcomes: [],
  waiting: 0,
  estimatedWaitMin: null,
});
const veterans: CategoryView = { id: 'veterans', name: 'Ветераны', document: 'Удостоверение ветерана' };
const issued = (id: string, print: IssuedTicket['print']): IssuedTicket => ({
  ticket: {
    id,
    number: 'A001',
    serviceId: 'payments',
    serviceName: 'Оплата',
    kind: 'walk-in',
    issuedAt: 0,
    queuedAt: 0,
    status: 'waiting',
    recalls: 0,
    normMinutes: 7,
  },
  peopleAhead: 0,
  estimatedWaitMin: 5,
  mayNotBeServedToday: false,
  print,
});
const run = (actions: KioskAction[], from: KioskStep = HOME) => actions.reduce(kioskFlow, from);

describe('kiosk flow', () => {
  it('takes a plain walk-in from one tap straight to issuing, and shows the ticket', () => {
    const step = run([{ type: 'pick-service', pick: { service: service('payments'), category: null } }]);
    expect(step).toEqual({ kind: 'issuing', request: { event: 'ticket:issue', payload: { serviceId: 'payments' } } });
    expect(run([{ type: 'issued', issued: issued('t1', 'queued') }], step)).toMatchObject({ kind: 'ticket', paper: 'printing' });
  });

  it('asks an account number where the service wants one, and lets the visitor go without it', () => {
    const pick = { service: service('meters', true), category: null };
    expect(run([{ type: 'pick-service', pick }])).toMatchObject({ kind: 'account' });
    expect(run([{ type: 'pick-service', pick }, { type: 'enter-account', pick, accountNumber: '1234-56' }])).toEqual({
      kind: 'issuing',
      request: { event: 'ticket:issue', payload: { serviceId: 'meters', accountNumber: '1234-56' } },
    });
    expect(run([{ type: 'enter-account', pick, accountNumber: null }])).toEqual({
      kind: 'issuing',
      request: { event: 'ticket:issue', payload: { serviceId: 'meters' } },
    });
    expect(run([{ type: 'pick-service', pick }, { type: 'back' }])).toEqual(HOME);
  });

  it('carries a priority category through the service pages into the request', () => {
    const chosen = run([{ type: 'start-priority' }, { type: 'pick-category', category: veterans }]);
    expect(chosen).toEqual({ kind: 'services', category: veterans });
    const inGroup = run([{ type: 'open-group', groupId: 'readings', category: veterans }], chosen);
    expect(run([{ type: 'back' }], inGroup)).toEqual(chosen);
    expect(run([{ type: 'back' }, { type: 'back' }], chosen)).toEqual(HOME);
    expect(run([{ type: 'pick-service', pick: { service: service('payments'), category: veterans } }], inGroup)).toEqual({
      kind: 'issuing',
      request: { event: 'ticket:issue', payload: { serviceId: 'payments', categoryId: 'veterans' } },
    });
  });

  it('answers booking codes in plain words: unknown and early go back to the keypad, late offers a plain ticket', () => {
    const checking = run([{ type: 'start-booking' }, { type: 'submit-code', code: '123456' }]);
    const unknown = run([{ type: 'refused', code: 'booking-not-found' }], checking);
    expect(unknown).toMatchObject({ kind: 'answer', answer: { kind: 'booking-unknown' } });
    expect(run([{ type: 'back' }], unknown)).toEqual({ kind: 'booking' });
    // A used, cancelled or past code is not "unknown" (issue 15).
    expect(run([{ type: 'refused', code: 'booking-already-used', details: { usedAt: 5 } }], checking)).toMatchObject({ answer: { kind: 'booking-used', usedAt: 5 } });
    expect(run([{ type: 'refused', code: 'booking-already-used' }], checking)).toMatchObject({ answer: { kind: 'booking-used', usedAt: null } });
    expect(run([{ type: 'refused', code: 'booking-cancelled' }], checking)).toMatchObject({ answer: { kind: 'booking-cancelled' } });
    expect(run([{ type: 'refused', code: 'booking-expired' }], checking)).toMatchObject({ answer: { kind: 'booking-expired' } });
    // The check-in time comes from the structured details; an answer without them says it vaguer.
    const checkInFrom = Date.UTC(2026, 10, 30, 7, 45);
    expect(run([{ type: 'refused', code: 'booking-too-early', details: { checkInFrom } }], checking)).toMatchObject({
      answer: { kind: 'booking-early', checkInFrom },
    });
    expect(run([{ type: 'refused', code: 'booking-too-early' }], checking)).toMatchObject({ answer: { kind: 'booking-early', checkInFrom: null } });
    const late = run([{ type: 'refused', code: 'booking-too-late' }], checking);
    expect(late).toMatchObject({ answer: { kind: 'booking-late', code: '123456', slotStart: null } });
    const slotStart = Date.UTC(2026, 10, 30, 7, 0);
    expect(run([{ type: 'refused', code: 'booking-too-late', details: { slotStart, checkInUntil: slotStart + 10 * 60_000 } }], checking)).toMatchObject({
      answer: { kind: 'booking-late', code: '123456', slotStart },
    });
    expect(run([{ type: 'accept-walk-in' }], late)).toEqual({
      kind: 'issuing',
      request: { event: 'booking:check-in', payload: { code: '123456', acceptWalkIn: true } },
    });
    // Accepting only makes sense on the late answer.
    expect(run([{ type: 'accept-walk-in' }], unknown)).toBe(unknown);
  });

  it('says closed, no answer or a plain failure for other refusals; a service refusal goes back home', () => {
    const issuing = run([{ type: 'pick-service', pick: { service: service('payments'), category: null } }]);
    const refusal = (code: string) => run([{ type: 'refused', code }], issuing);
    expect(refusal('office-closed')).toMatchObject({ answer: { kind: 'closed' } });
    expect(refusal('no-answer')).toMatchObject({ answer: { kind: 'no-answer' } });
    expect(refusal('rate-limited')).toMatchObject({ answer: { kind: 'failed' } });
    expect(run([{ type: 'back' }], refusal('office-closed'))).toEqual(HOME);
  });

  it('follows the paper: printed, not printed, or never sent; results for other tickets are ignored', () => {
    const printing = run([{ type: 'submit-code', code: '123456' }, { type: 'issued', issued: issued('t1', 'queued') }]);
    expect(run([{ type: 'print-result', ticketId: 't1', printed: true, status: 'ok' }], printing)).toMatchObject({ paper: 'printed' });
    expect(run([{ type: 'print-result', ticketId: 't1', printed: false, status: 'paper-end' }], printing)).toMatchObject({ paper: 'not-printed' });
    expect(run([{ type: 'print-result', ticketId: 'other', printed: true, status: 'ok' }], printing)).toBe(printing);
    expect(run([{ type: 'submit-code', code: '1234' }, { type: 'issued', issued: issued('t2', 'printer-unavailable') }])).toMatchObject({ paper: 'not-printed' });
    expect(run([{ type: 'submit-code', code: '1234' }, { type: 'issued', issued: issued('t3', 'no-printer') }])).toMatchObject({ paper: 'no-printer' });
  });

  it('ignores taps while the office is answering, so a double tap is one ticket', () => {
    const issuing = run([{ type: 'pick-service', pick: { service: service('payments'), category: null } }]);
    expect(run([{ type: 'pick-service', pick: { service: service('meters'), category: null } }], issuing)).toBe(issuing);
    expect(run([{ type: 'submit-code', code: '123456' }], issuing)).toBe(issuing);
    expect(run([{ type: 'back' }], issuing)).toBe(issuing);
  });

  it('ignores a late answer once the visitor has left the issuing step', () => {
    expect(run([{ type: 'issued', issued: issued('t1', 'queued') }])).toBe(HOME);
    expect(run([{ type: 'refused', code: 'office-closed' }])).toBe(HOME);
  });
});
