import { describe, expect, it } from 'vitest';
import { checkHelloAnswer, checkPrintJob, checkRatingWindow } from './server-messages.js';

const job = {
  jobId: 'p1',
  printerId: 'printer-1',
  ticketId: 't1',
  ticket: {
    officeName: 'Офис',
    number: 'A001',
    serviceName: 'Оплата',
    issuedAt: 1_700_000_000_000,
    timeZone: 'Europe/Moscow',
    peopleAhead: 0,
    estimatedWaitMin: null,
    language: 'ru',
  },
};

describe('messages from the office server, checked before they are obeyed', () => {
  it('takes a well-formed print job', () => {
    expect(checkPrintJob(job)).toEqual({ ok: true, value: job });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'print me'],
    ['no ticket', { ...job, ticket: undefined }],
    ['a date string for issuedAt', { ...job, ticket: { ...job.ticket, issuedAt: '2026-11-23' } }],
    ['negative people ahead', { ...job, ticket: { ...job.ticket, peopleAhead: -1 } }],
    ['an unknown language', { ...job, ticket: { ...job.ticket, language: 'de' } }],
    ['an unknown mark', { ...job, ticket: { ...job.ticket, mark: { kind: 'vip' } } }],
    ['a huge printer id', { ...job, printerId: 'x'.repeat(65) }],
  ])('refuses a print job with %s, naming the field', (_, value) => {
    const checked = checkPrintJob(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem.length).toBeGreaterThan(0);
  });

  it('takes a rating window and refuses a half one', () => {
    expect(checkRatingWindow({ deskId: 'desk-1', open: true })).toEqual({ ok: true, value: { deskId: 'desk-1', open: true } });
    expect(checkRatingWindow({ deskId: 'desk-1', open: 'yes' }).ok).toBe(false);
    expect(checkRatingWindow(null).ok).toBe(false);
  });

  it('reads hello answers: assignments, a refusal, or nonsense', () => {
    const assigned = { ok: true, printers: [{ printerId: 'p', kioskId: 'k', uri: 'file:/tmp/x', profile: 'generic-80mm' }], buttons: [{ deskId: 'd', path: '/dev/ttyACM0', deviceId: 7 }] };
    expect(checkHelloAnswer(assigned)).toEqual({ ok: true, value: assigned });
    expect(checkHelloAnswer({ ok: false, code: 'invalid-payload', message: 'agentVersion: too long' })).toEqual({
      ok: true,
      value: { ok: false, code: 'invalid-payload', message: 'agentVersion: too long' },
    });
    expect(checkHelloAnswer({ ok: true, printers: 'all' }).ok).toBe(false);
    expect(checkHelloAnswer({ ok: true, printers: [], buttons: [{ deskId: 'd', path: '/dev/x', deviceId: 0 }] }).ok).toBe(false);
  });
});
