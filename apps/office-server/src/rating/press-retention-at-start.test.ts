import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { PRESS_RETENTION_MS } from './press-retention.js';
import { createRatingPresses } from './rating-presses.js';

const DAY = 24 * 60 * 60_000;

describe('the office server at start-up', () => {
  let office: TestOffice;
  afterEach(() => office.stop());

  it('forgets rating presses older than the retention and keeps the rest', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 23, 9, 0));
    office = await startTestOffice({ config: demoConfig(), clock });
    const dataDir = office.dataDir;
    const log = createRatingPresses(office.app.context.db, clock.now);
    log.record({ deskId: 'desk-1', buttonDeviceId: 7, seq: 1, value: 5 }, null);
    clock.advance(DAY);
    log.record({ deskId: 'desk-1', buttonDeviceId: 7, seq: 2, value: 4 }, null);
    await office.stop({ wipe: false });

    clock.advance(PRESS_RETENTION_MS - DAY / 2);
    office = await startTestOffice({ config: demoConfig(), clock, dataDir });
    expect(createRatingPresses(office.app.context.db, clock.now).ofDesk('desk-1').map((p) => p.seq)).toEqual([2]);
  });
});
