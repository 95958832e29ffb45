import { verifyPassword } from '@talon/server-edge';
import type { CentralConfig } from './central-config.js';
import { secretMatches } from './secret-hash.js';

/**
 * The demo's secrets: public in the README and in `--help`, so no real central may keep them.
 * The demo config (config/demo-central.json) holds their hashes.
 */
export const DEMO_SECRETS = {
  officeKey: 'demo-office-key-0001',
  reportToken: 'demo-report-token',
  qualityPassword: 'demo',
} as const;

/**
 * What a real central still shares with the public demo: an office key, a report token or a
 * quality user's password that is the demo's (its hash copied, or any hash of the demo secret).
 * Anyone who read the README could link as that office, read the reports or the quality view, so
 * the service refuses to start. Answers one line per problem, empty when there is none.
 */
export async function demoCredentialsIn(config: CentralConfig, demo: CentralConfig): Promise<string[]> {
  const problems: string[] = [];
  const demoKeys = new Set(demo.offices.map((o) => o.keyHash));
  for (const [index, office] of config.offices.entries()) {
    if (demoKeys.has(office.keyHash) || secretMatches(DEMO_SECRETS.officeKey, office.keyHash))
      problems.push(`offices.${index} (${office.id}): the demo's office key; make a new one with node apps/booking-service/dist/hash-key-cli.js`);
  }
  const demoTokens = new Set(demo.reportTokens.map((t) => t.tokenHash));
  for (const [index, token] of config.reportTokens.entries()) {
    if (demoTokens.has(token.tokenHash) || secretMatches(DEMO_SECRETS.reportToken, token.tokenHash))
      problems.push(`reportTokens.${index} (${token.name}): the demo's report token; make a new one with node apps/booking-service/dist/hash-key-cli.js`);
  }
  const demoHashes = new Set(demo.qualityUsers.map((u) => u.passwordHash));
  for (const [index, user] of config.qualityUsers.entries()) {
    if (demoHashes.has(user.passwordHash) || (await verifyPassword(DEMO_SECRETS.qualityPassword, user.passwordHash).catch(() => false)))
      problems.push(`qualityUsers.${index} (${user.login}): the demo's password; set a real one with npm run hash-password`);
  }
  return problems;
}
