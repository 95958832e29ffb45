import { describe, expect, it } from 'vitest';
import { deskActivity, deviceAlarm, formatMinutes, formatShare } from './figures.js';

describe('dashboard figures', () => {
  it('formats shares as whole percents and no data as a dash', () => {
    expect(formatShare(0.8234)).toBe('82 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(null)).toBe('—');
  });

  it('formats minutes with a decimal comma in Russian', () => {
    expect(formatMinutes(4.25, 'ru')).toBe('4,3');
    expect(formatMinutes(4.25, 'en')).toBe('4.3');
    expect(formatMinutes(12, 'ru')).toBe('12');
    expect(formatMinutes(null, 'ru')).toBe('—');
  });

  it('tells what a desk is doing from its status and its visitor', () => {
    expect(deskActivity({ status: 'closed' })).toBe('closed');
    expect(deskActivity({ status: 'paused' })).toBe('paused');
    expect(deskActivity({ status: 'open' })).toBe('open');
    const ticket = (status: 'called' | 'serving') => ({ status }) as never;
    expect(deskActivity({ status: 'open', currentTicket: ticket('called') })).toBe('calling');
    expect(deskActivity({ status: 'open', currentTicket: ticket('serving') })).toBe('serving');
  });

  it('raises an alarm for a printer that cannot print, a warning for low paper', () => {
    expect(deviceAlarm({ kind: 'printer', online: true, status: 'ok' })).toBe('ok');
    expect(deviceAlarm({ kind: 'printer', online: true, status: 'paper-near-end' })).toBe('warning');
    expect(deviceAlarm({ kind: 'printer', online: true, status: 'paper-end' })).toBe('alarm');
    expect(deviceAlarm({ kind: 'printer', online: true, status: 'cover-open' })).toBe('alarm');
    expect(deviceAlarm({ kind: 'printer', online: false, status: 'ok' })).toBe('offline');
    expect(deviceAlarm({ kind: 'rating-button', online: true, status: 'online' })).toBe('ok');
    expect(deviceAlarm({ kind: 'rating-button', online: false, status: 'offline' })).toBe('offline');
  });
});
