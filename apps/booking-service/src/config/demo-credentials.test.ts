import { hashPassword } from '@talon/server-edge';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCentralConfig } from './central-config.js';
import { demoCredentialsIn } from './demo-credentials.js';
import { hashSecret } from './secret-hash.js';
import { testCentralConfig } from '../testing/test-central.js';

const demo = loadCentralConfig(resolve(import.meta.dirname, '../../config/demo-central.json'));

describe("a real central's config against the public demo", () => {
  it('finds the demo office key, report token and quality password when the demo config is copied', async () => {
    const problems = await demoCredentialsIn(demo, demo);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/offices\.0 \(demo-office\).*office key/);
    expect(problems.join('\n')).toMatch(/reportTokens\.0 .*report token/);
    expect(problems.join('\n')).toMatch(/qualityUsers\.0 \(quality\).*password/);
  });

  it('finds the demo secrets however they were hashed again (a fresh salt for "demo"), and nothing in a config of its own', async () => {
    const copied = testCentralConfig((c) => {
      c.offices = [{ id: 'north', keyHash: hashSecret('demo-office-key-0001') }];
      c.reportTokens = [{ name: 'analyst', tokenHash: hashSecret('demo-report-token') }];
      c.qualityUsers = [{ login: 'smirnova', name: 'Смирнова', passwordHash: '' }];
    });
    copied.qualityUsers[0]!.passwordHash = await hashPassword('demo');
    expect(await demoCredentialsIn(copied, demo)).toHaveLength(3);

    const own = testCentralConfig((c) => {
      c.offices = c.offices.filter((o) => o.id !== 'demo-office');
      c.qualityUsers = [{ login: 'smirnova', name: 'Смирнова', passwordHash: '' }];
    });
    own.qualityUsers[0]!.passwordHash = await hashPassword('Квартальный отчёт за осень');
    expect(await demoCredentialsIn(own, demo)).toEqual([]);
  });
});
