import type { QueueEvent } from '@talon/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bookingChangeSchema, officeSummarySchema, outboxMessageSchema, type SyncedEvent } from './sync.js';

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
});
