import type { QueueEvent } from '@talon/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bookingChangeSchema, officeSummarySchema, outboxMessageSchema, syncCommands, syncResultSchemas, type SyncedEvent } from './sync.js';

describe('sync messages', () => {
  it('cover every queue event type, so a new one cannot be stuck in an outbox', () => {
    expectTypeOf<SyncedEvent['type']>().toEqualTypeOf<QueueEvent['type']>();
  });

  it('pass fields central does not read through untouched', () => {
    const message = {
      eventId: 'e_1',
      officeId: 'north',
      seq: 7,
      event: { type: 'ticket.transferred', at: 5, actor: { kind: 'operator', operatorId: 'op' }, ticketId: 't1', fromDeskId: 'd1', toServiceId: 'contracts', queuedAt: 4, comment: 'паспорт' },
    };
    expect(outboxMessageSchema.parse(message)).toEqual(message);
  });

  it('never carry a phone number down to an office: a field the office does not know is dropped', () => {
    const change = { version: 1, bookingId: 'b1', code: '12345678', serviceId: 'contracts', slotStart: 1, slotMinutes: 30, status: 'booked' };
    expect(bookingChangeSchema.parse({ ...change, phone: '+79161234567' })).toEqual(change);
    expect(bookingChangeSchema.safeParse({ ...change, status: 'rescheduled' }).success).toBe(false);
  });

  it.each([
    ['a break of every day, as offices before weekday breaks send it', { from: '13:00', to: '13:45' }, true],
    ['a break of named weekdays', { from: '13:00', to: '13:45', days: ['sat'] }, true],
    ['a break with an empty weekday list', { from: '13:00', to: '13:45', days: [] }, false],
    ['a break on a day that is not one', { from: '13:00', to: '13:45', days: ['sab'] }, false],
  ])('office-wide breaks: %s', (_label, entry, accepted) => {
    expect(officeSummarySchema.shape.breaks.safeParse([entry]).success).toBe(accepted);
  });

  const answer = { ticketId: 't_1', officeDay: '2026-11-24', answeredAt: 1_700_000_000_000 };
  it.each([
    ['both questions', { ...answer, solved: true, ease: 4 }, true],
    ['one question', { ...answer, ease: 1 }, true],
    ['no question answered', answer, false],
    ['ease out of 1–5', { ...answer, ease: 6 }, false],
    ['solved not a boolean', { ...answer, solved: 'yes' }, false],
    ['a field the answer has not (a name, a phone)', { ...answer, solved: true, phone: '+79160000000' }, false],
  ])('questionnaire:sync carries an answer with %s: %s', (_name, given, accepted) => {
    expect(syncCommands['questionnaire:sync'].safeParse({ since: 0, answers: [given], pageOpens: [] }).success).toBe(accepted);
  });

  it('questionnaire:sync takes at most 500 each way, and the office reads a newer central\'s answer without its new fields', () => {
    const opens = (n: number) => Array.from({ length: n }, (_, i) => ({ ticketId: `t_${i}`, officeDay: '2026-11-24', openedAt: 1 }));
    expect(syncCommands['questionnaire:sync'].safeParse({ since: 0, answers: [], pageOpens: opens(500) }).success).toBe(true);
    expect(syncCommands['questionnaire:sync'].safeParse({ since: 0, answers: [], pageOpens: opens(501) }).success).toBe(false);
    expect(syncCommands['questionnaire:sync'].safeParse({ since: -1, answers: [], pageOpens: [] }).success).toBe(false);
    const reply = { ok: true, accepted: ['t_1'], opened: [], answers: [{ ...answer, ease: 2, extra: 1 }], pageOpens: [], until: 5, more: false, later: 'field' };
    expect(syncResultSchemas['questionnaire:sync'].safeParse(reply).success).toBe(true);
  });
});
