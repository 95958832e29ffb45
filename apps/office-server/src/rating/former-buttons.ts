import type { OfficeConfig } from '@talon/protocol';
import { REPEAT_HORIZON_MS } from './rating-presses.js';

type ButtonConfig = OfficeConfig['ratingButtons'][number];

interface Former {
  deskId: string;
  agentId: string;
  deviceId: number;
  until: number;
}

/**
 * A desk's rating buttons as the config had them before a change, remembered while presses from
 * them may still be on their way. A press is acked by the agent's driver at once, so the unit
 * puts its light out and forgets it; from then on the agent holds the only copy until the server
 * answers. If the administrator gives the desk another unit (device id) or another agent in
 * between, that press still names the old one, and it is the visitor's rating all the same.
 * An agent keeps a press at most 2 minutes plus an ack timeout, which REPEAT_HORIZON_MS covers.
 */
export function createFormerButtons(now: () => number, keepMs = REPEAT_HORIZON_MS) {
  let former: Former[] = [];
  const key = (b: { deskId: string; agentId: string; deviceId: number }) => `${b.deskId}\u0000${b.agentId}\u0000${b.deviceId}`;

  return {
    /** Notes the buttons a config change took away or gave another unit or agent. */
    configChanged(current: readonly ButtonConfig[], previous: readonly ButtonConfig[]): void {
      const kept = new Set(current.map(key));
      const until = now() + keepMs;
      // A button given back its old id or agent is current again, not former.
      former = former.filter((f) => !kept.has(key(f)));
      for (const b of previous) {
        if (!kept.has(key(b))) former.push({ deskId: b.deskId, agentId: b.agentId, deviceId: b.deviceId, until });
      }
    },
    /** Whether this agent's button `deviceId` was the desk's until lately. */
    wasRecently(deskId: string, agentId: string, deviceId: number): boolean {
      const at = now();
      former = former.filter((f) => f.until > at);
      return former.some((f) => f.deskId === deskId && f.agentId === agentId && f.deviceId === deviceId);
    },
  };
}

