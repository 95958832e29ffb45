import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.js';
import { createFormerButtons } from './former-buttons.js';
import { REPEAT_HORIZON_MS } from './rating-presses.js';

const desk1 = { deskId: 'desk-1', agentId: 'agent-1', path: '/dev/serial/by-id/usb-talon-1', deviceId: 7 };

describe("a desk's former rating buttons", () => {
  it('are the ones a config change replaced, while a press from them may still be on its way', () => {
    const clock = manualClock(1_800_000_000_000);
    const former = createFormerButtons(clock.now);
    former.configChanged([{ ...desk1, deviceId: 11 }], [desk1]);
    expect(former.wasRecently('desk-1', 'agent-1', 7)).toBe(true);
    // Another desk, another agent, an id the desk never had: not its button.
    expect(former.wasRecently('desk-2', 'agent-1', 7)).toBe(false);
    expect(former.wasRecently('desk-1', 'agent-2', 7)).toBe(false);
    expect(former.wasRecently('desk-1', 'agent-1', 8)).toBe(false);
    clock.advance(REPEAT_HORIZON_MS);
    expect(former.wasRecently('desk-1', 'agent-1', 7)).toBe(false);
  });

  it('include a button moved to another agent or removed, and not one only given a new path', () => {
    const clock = manualClock(1_800_000_000_000);
    const former = createFormerButtons(clock.now);
    former.configChanged([{ ...desk1, path: '/dev/ttyACM1' }], [desk1]);
    expect(former.wasRecently('desk-1', 'agent-1', 7)).toBe(false);
    former.configChanged([{ ...desk1, agentId: 'agent-2' }], [desk1]);
    expect(former.wasRecently('desk-1', 'agent-1', 7)).toBe(true);
    former.configChanged([], [{ ...desk1, agentId: 'agent-2' }]);
    expect(former.wasRecently('desk-1', 'agent-2', 7)).toBe(true);
    // Given back: current again.
    former.configChanged([desk1], []);
    expect(former.wasRecently('desk-1', 'agent-1', 7)).toBe(false);
  });
});
