import { describe, expect, it } from 'vitest';
import { createFailureCounter } from './failure-counter.js';
import { createRefusalLog } from './refusal-log.js';

describe('failure counter', () => {
  it('blocks a key at its limit, frees it after the window, and never holds more than maxTracked keys', () => {
    let now = 0;
    const counter = createFailureCounter({ max: 3, windowMs: 1000, maxTracked: 100, now: () => now });
    for (let i = 0; i < 3; i++) counter.fail('a');
    expect(counter.blocked('a')).toBe(true);
    expect(counter.blocked('b')).toBe(false);
    now = 1000;
    expect(counter.blocked('a')).toBe(false);
    for (let i = 0; i < 10_000; i++) counter.fail(`login-${i}`);
    expect(counter.size).toBe(100);
  });
});

describe('refusal log', () => {
  it('writes one line per source and reason with the count, not one per refusal', () => {
    const lines: object[] = [];
    const log = createRefusalLog({ warn: (fields) => lines.push(fields) }, { everyMs: 60_000, maxSources: 2 });
    for (let i = 0; i < 1000; i++) log.refused('10.0.0.9', 'bad-token');
    log.refused('10.0.0.8', 'bad-token');
    log.refused('10.0.0.7', 'bad-token');
    log.close();
    expect(lines).toEqual([
      expect.objectContaining({ source: '10.0.0.9', reason: 'bad-token', count: 1000 }),
      expect.objectContaining({ source: '10.0.0.8', count: 1 }),
      expect.objectContaining({ source: 'other', count: 1 }),
    ]);
  });
});
