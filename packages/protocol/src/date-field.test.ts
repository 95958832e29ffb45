import { describe, expect, it } from 'vitest';
import { adminCommands } from './admin.js';
import { dateField } from './fields.js';

describe('dateField', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-31', false],
    ['2026-04-31', false],
    ['9999-99-99', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['20260101', false],
  ])('%s is a real date: %s', (date, real) => {
    expect(dateField.safeParse(date).success).toBe(real);
  });

  it('is what booking:list and booking:slots take', () => {
    expect(adminCommands['booking:list'].safeParse({ date: '2026-02-31' }).success).toBe(false);
    expect(adminCommands['booking:slots'].safeParse({ serviceId: 'payments', date: '9999-99-99' }).success).toBe(false);
    expect(adminCommands['booking:list'].safeParse({ date: '2026-03-01' }).success).toBe(true);
  });
});
