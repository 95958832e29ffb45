import { verifyPassword } from '@talon/server-edge';
import { describe, expect, it } from 'vitest';
import { demoConfig, DEMO_TOKENS } from '../testing/test-office.js';
import { demoCredentialsIn } from '../config/demo-credentials.js';
import { hashDeviceToken } from './device-token.js';
import { hashPasswordCommand } from './hash-password-command.js';
import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['123456', 'too-short'],
    ['demo', 'too-short'],
    ['девять123', 'too-short'],
    ['1234567890', 'common'],
    ['QWERTYUIOP', 'common'],
    ['Password123', 'common'],
    ['kiosk-lamp-Orel-42', undefined],
    ['Электросбыт2026', undefined],
  ])('%s → %s', (password, expected) => expect(passwordProblem(password)).toBe(expected));
});

describe('hash-password', () => {
  const run = async (args: string[], typed: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await hashPasswordCommand(args, async () => typed, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join(''), err: err.join('') };
  };

  it('refuses a password in argv, saying why, without reading or hashing anything', async () => {
    const result = await run(['secret-from-argv-1'], 'unused');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/ps.*shell history/);
    expect(result.out).toBe('');
  });

  it('hashes what it reads (prompt or stdin), and refuses a weak one', async () => {
    const good = await run([], 'kiosk-lamp-Orel-42');
    expect(good.code).toBe(0);
    expect(await verifyPassword('kiosk-lamp-Orel-42', good.out.trim())).toBe(true);
    expect((await run([], 'qwerty123456')).code).toBe(1);
    expect((await run([], 'short')).err).toMatch(/at least 10 characters/);
  });
});

describe('a real office with the demo credentials', () => {
  it("names every person with the demo's password and every device with a demo token", async () => {
    const problems = await demoCredentialsIn(demoConfig(), demoConfig(), Object.values(DEMO_TOKENS));
    expect(problems.filter((p) => p.startsWith('operators.'))).toHaveLength(demoConfig().operators.length);
    expect(problems.filter((p) => p.startsWith('devices.'))).toHaveLength(demoConfig().devices.length);
  });

  it('passes an office with its own passwords and tokens', async () => {
    const { hashPassword } = await import('@talon/server-edge');
    const own = await hashPassword('kiosk-lamp-Orel-42');
    const config = demoConfig((c) => {
      c.operators = c.operators.map((o) => ({ ...o, passwordHash: own }));
      c.devices = c.devices.map((d) => ({ ...d, tokenHash: hashDeviceToken(`own-${d.id}-token-xyz`) }));
    });
    expect(await demoCredentialsIn(config, demoConfig(), Object.values(DEMO_TOKENS))).toEqual([]);
  });

  it('catches a demo token even when the demo config changes its hash list', async () => {
    const config = demoConfig((c) => {
      c.devices = [{ ...c.devices[0]!, tokenHash: hashDeviceToken('demo-kiosk-1') }];
    });
    const demoWithoutDevices = demoConfig((c) => void (c.devices = []));
    const problems = await demoCredentialsIn(config, demoWithoutDevices, ['demo-kiosk-1']);
    expect(problems.filter((p) => p.startsWith('devices.'))).toEqual([expect.stringMatching(/^devices\.0 \(kiosk-1\): a demo token/)]);
  });
});
