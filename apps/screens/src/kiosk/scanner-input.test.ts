import { describe, expect, it } from 'vitest';
import { MAX_KEY_GAP_MS, NO_BURST, scanKey, type ScanBurst } from './scanner-input.js';

/** Keys with the milliseconds since the one before; the codes read out along the way. */
function scan(keys: [string, number][]): string[] {
  let burst: ScanBurst = NO_BURST;
  let at = 1_000;
  const codes: string[] = [];
  for (const [key, gap] of keys) {
    at += gap;
    const step = scanKey(burst, key, at);
    burst = step.burst;
    if (step.code) codes.push(step.code);
  }
  return codes;
}
const typed = (text: string, gap = 5): [string, number][] => [...text].map((key) => [key, gap]);

describe('booking codes from a barcode scanner that types', () => {
  it('reads a quick burst of six or eight digits ended by Enter', () => {
    expect(scan([...typed('123456'), ['Enter', 5]])).toEqual(['123456']);
    expect(scan([...typed('12345678'), ['Enter', 5]])).toEqual(['12345678']);
  });

  it('reads two scans in a row, and a scan after stray keys', () => {
    expect(scan([...typed('111111'), ['Enter', 5], ...typed('222222', 5), ['Enter', 5]])).toEqual(['111111', '222222']);
    expect(scan([['7', 5], ['Tab', 5], ...typed('333333', 500), ['Enter', 5]])).toEqual([]);
    expect(scan([['7', 5], ['Tab', 5], ...typed('333333'), ['Enter', 5]])).toEqual(['333333']);
  });

  it('ignores a burst too short for a code, one broken by another key, and Enter alone', () => {
    expect(scan([...typed('123'), ['Enter', 5]])).toEqual([]);
    expect(scan([...typed('123'), ['a', 5], ...typed('456'), ['Enter', 5]])).toEqual([]);
    expect(scan([['Enter', 5]])).toEqual([]);
  });

  it('starts again on a slow digit, so only the quick tail counts', () => {
    expect(scan([...typed('99'), ...typed('123456', MAX_KEY_GAP_MS + 1).slice(0, 1), ...typed('23456'), ['Enter', 5]])).toEqual(['123456']);
    expect(scan([...typed('123456'), ['Enter', MAX_KEY_GAP_MS + 1]])).toEqual([]);
  });

  it('does not take digits typed at a human pace for a scan', () => {
    expect(scan([...typed('123456', 150), ['Enter', 150]])).toEqual([]);
  });
});
