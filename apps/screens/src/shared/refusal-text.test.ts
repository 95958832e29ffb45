import { t } from '@talon/messages';
import { ERROR_CODES } from '@talon/protocol';
import { describe, expect, it } from 'vitest';
import { refusalText } from './refusal-text.js';

const ru = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('ru', key, params);
const en = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('en', key, params);

describe('refusals in the screen language', () => {
  it('has words for every code an ack may carry, and for an unanswered command', () => {
    for (const code of [...ERROR_CODES, 'no-answer']) {
      const text = refusalText(ru, { code, message: 'english for the log' });
      expect(text, code).not.toBe('english for the log');
      expect(text, code).toMatch(/[а-яё]/i);
      expect(refusalText(en, { code, message: 'english for the log' }), code).not.toMatch(/[а-яё]/i);
    }
  });

  it('adds the server detail only where it names what to fix, and only when asked', () => {
    const bad = { code: 'invalid-payload', message: 'password: too short' };
    expect(refusalText(ru, bad)).toBe('Сервер не понял запрос: проверьте введённые данные');
    expect(refusalText(ru, bad, true)).toBe('Сервер не понял запрос: проверьте введённые данные (password: too short)');
    expect(refusalText(ru, { code: 'desk-busy', message: 'finish first' }, true)).toBe('Окно занято: сначала завершите приём текущего посетителя');
  });

  it("shows the server's message for a code this build does not know (a newer server)", () => {
    expect(refusalText(ru, { code: 'brand-new-code', message: 'what happened' })).toBe('what happened');
  });
});
