import { verifyPassword } from '@talon/server-edge';
import type { OfficeConfig } from '@talon/protocol';
import { deviceTokenMatches } from '../auth/device-token.js';

/** The demo's password: public in the README, so no real office may keep it. */
const DEMO_PASSWORD = 'demo';

/**
 * What a real office still shares with the public demo: a person whose password is the demo's
 * (the demo config's hash copied, or any hash of "demo"), a device whose token is a demo token.
 * Anyone who read the README could sign in with those, so the server refuses to start.
 */
export async function demoCredentialsIn(config: OfficeConfig, demo: OfficeConfig, demoTokens: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const demoHashes = new Set(demo.operators.map((o) => o.passwordHash));
  for (const [index, operator] of config.operators.entries()) {
    if (demoHashes.has(operator.passwordHash) || (await verifyPassword(DEMO_PASSWORD, operator.passwordHash).catch(() => false)))
      problems.push(`operators.${index} (${operator.login}): the demo's password; set a real one with npm run hash-password`);
  }
  const demoTokenHashes = new Set(demo.devices.map((d) => d.tokenHash));
  for (const [index, device] of config.devices.entries()) {
    if (demoTokenHashes.has(device.tokenHash) || demoTokens.some((token) => deviceTokenMatches(token, device.tokenHash)))
      problems.push(`devices.${index} (${device.id}): a demo token, public in the README; remove the device, start, add it again in the admin screen and issue its own token there`);
  }
  return problems;
}
