import { describe, expect, it } from 'vitest';
import { within } from './bounded-wait.js';

describe('within', () => {
  it('answers when the work ends, or when the time is up, whichever comes first, and never throws', async () => {
    let started = Date.now();
    await within(1000, new Promise((resolve) => setTimeout(resolve, 20)));
    expect(Date.now() - started).toBeLessThan(500);
    started = Date.now();
    await within(50, new Promise(() => {}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    await expect(within(50, Promise.reject(new Error('gone')))).resolves.toBeUndefined();
    await expect(within(50, undefined)).resolves.toBeUndefined();
  });
});
