import { t, type Language } from '@talon/messages';
import { describe, expect, it } from 'vitest';
import { waitText } from './wait-text.js';

const in_ = (language: Language) => (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(language, key, params);

describe('the wait as the kiosk says it', () => {
  it.each([
    ['ru', { estimatedWaitMin: 18, waitRange: { fromMin: 12, toMin: 25 } }, 'Примерное ожидание: 12–25 мин'],
    ['en', { estimatedWaitMin: 18, waitRange: { fromMin: 12, toMin: 25 } }, 'Estimated wait: 12–25 min'],
    ['ru', { estimatedWaitMin: 7 }, 'Примерное ожидание: 7 мин'],
    ['ru', { estimatedWaitMin: 0, waitRange: { fromMin: 0, toMin: 2 } }, 'Вас вызовут в ближайшие минуты'],
    ['en', { estimatedWaitMin: 0 }, 'You will be called within minutes'],
    ['ru', { estimatedWaitMin: null }, null],
  ] as const)('%s %j', (language, wait, expected) => {
    expect(waitText(wait, in_(language))).toBe(expected);
  });
});
