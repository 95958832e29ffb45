import { describe, expect, it } from 'vitest';
import { silentCentralLogger } from '../logger.js';
import type { CentralStore } from '../storage/central-store.js';
import { rollUpRecentReportDays } from './roll-up-report-days.js';

describe('counting closed days ahead of the reports', () => {
  it("asks the store for the last week's closed days, and logs a failure rather than failing the hourly pass", async () => {
    const asked: unknown[] = [];
    const store = { rollUpReportDays: async (query: unknown) => (asked.push(query), 300) } as unknown as CentralStore;
    const now = Date.UTC(2026, 10, 24, 7, 0);
    expect(await rollUpRecentReportDays(store, now, silentCentralLogger())).toBe(300);
    expect(asked).toEqual([{ from: '2026-11-16', to: '2026-11-22', now }]);
    const failing = { rollUpReportDays: async () => Promise.reject(new Error('database away')) } as unknown as CentralStore;
    expect(await rollUpRecentReportDays(failing, now, silentCentralLogger())).toBe(0);
  });
});
