import { t, type Language } from '@talon/messages';
import { describe, expect, it } from 'vitest';
import { answerText } from './answer-text.js';

const in_ = (language: Language) => (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(language, key, params);
/** 07:00 UTC on 30 November 2026: 10:00 in Moscow, 12:00 in Yekaterinburg. */
const SLOT = Date.UTC(2026, 10, 30, 7, 0);

describe('kiosk answer text', () => {
  it.each([
    ['ru', 'Europe/Moscow', SLOT, 'Время вашей записи (10:00) уже прошло.'],
    ['ru', 'Asia/Yekaterinburg', SLOT, 'Время вашей записи (12:00) уже прошло.'],
    ['en', 'Europe/Moscow', SLOT + 5 * 60_000, 'The time of your booking (10:05) has passed.'],
    ['ru', 'Europe/Moscow', null, 'Время вашей записи уже прошло.'],
    ['en', 'Europe/Moscow', null, 'The time of your booking has passed.'],
  ] as const)('a late booking in %s, %s, slot %s', (language, timeZone, slotStart, expected) => {
    expect(answerText({ kind: 'booking-late', code: '123456', slotStart }, timeZone, in_(language))).toBe(expected);
  });

  it('says when an early visitor may check in, on the office clock', () => {
    expect(answerText({ kind: 'booking-early', checkInFrom: SLOT - 15 * 60_000 }, 'Europe/Moscow', in_('ru'))).toBe(
      'Вы пришли раньше времени записи. Отметиться можно с 09:45.',
    );
  });

  it('says a used code was used, and when, on the office clock', () => {
    expect(answerText({ kind: 'booking-used', usedAt: SLOT - 5 * 60_000 }, 'Europe/Moscow', in_('ru'))).toMatch(/^По этой записи талон уже выдан в 09:55\./);
    expect(answerText({ kind: 'booking-used', usedAt: null }, 'Europe/Moscow', in_('en'))).toMatch(/^A ticket for this booking has already been issued\./);
    expect(answerText({ kind: 'booking-cancelled' }, 'Europe/Moscow', in_('ru'))).toMatch(/^Эта запись отменена/);
    expect(answerText({ kind: 'booking-expired' }, 'Europe/Moscow', in_('en'))).toMatch(/^The time of this booking has passed/);
  });
});
