import type { PhoneTicketStatus } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { dueMoment, nudgeText } from './nudge-service.js';
import { pushEndpointAllowed } from './web-push-channel.js';

const status = (state: PhoneTicketStatus['state'], peopleAhead: number, deskNumber?: string): PhoneTicketStatus => ({
  ticketId: 't1', number: 'A042', serviceId: 'pay', officeDay: '2026-11-24', state, peopleAhead, estimatedWaitMin: null, at: 1, ...(deskNumber && { deskNumber }),
});
const fresh = { peopleLeft: 3, aheadSentAt: null, calledSentAt: null };

describe('which nudge a status makes due', () => {
  it.each([
    ['4 ahead of 3', fresh, status('waiting', 4), undefined],
    ['3 ahead of 3', fresh, status('waiting', 3), 'ahead'],
    ['1 ahead, "ahead" sent', { ...fresh, aheadSentAt: 5 }, status('waiting', 1), undefined],
    ['called', fresh, status('called', 0, '4'), 'called'],
    ['called again (a recall)', { ...fresh, calledSentAt: 5 }, status('called', 0, '4'), undefined],
    ['serving', fresh, status('serving', 0, '4'), undefined],
    ['postponed', fresh, status('postponed', 0), undefined],
  ] as const)('%s', (_, nudge, s, moment) => expect(dueMoment(nudge, s)).toBe(moment));

  it('says the number and the desk, in the page language', () => {
    expect(nudgeText('ru', 'called', status('called', 0, '4'))).toBe('Талон A042: подойдите к окну 4.');
    expect(nudgeText('en', 'ahead', status('waiting', 3))).toBe('Ticket A042: 3 people ahead of you. Time to head back to the hall.');
  });
});

describe('push endpoints central posts to', () => {
  const hosts = ['fcm.googleapis.com', '*.push.services.mozilla.com'];
  it.each([
    ['https://fcm.googleapis.com/fcm/send/x', true],
    ['https://updates.push.services.mozilla.com/wpush/v2/x', true],
    ['http://fcm.googleapis.com/fcm/send/x', false],
    ['https://evil.example/fcm.googleapis.com', false],
    ['https://push.services.mozilla.com.evil.example/x', false],
    ['https://169.254.169.254/latest', false],
    ['not a url', false],
  ])('%s', (endpoint, allowed) => expect(pushEndpointAllowed(endpoint, hosts, false)).toBe(allowed));
});
