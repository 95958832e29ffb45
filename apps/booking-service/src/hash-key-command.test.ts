import { describe, expect, it } from 'vitest';
import { hashSecret } from './config/secret-hash.js';
import { hashKeyCommand } from './hash-key-command.js';

async function run(args: string[], typed = '') {
  const out: string[] = [];
  const err: string[] = [];
  let asked = false;
  const code = await hashKeyCommand(args, async () => ((asked = true), typed), { out: (t) => out.push(t), err: (t) => err.push(t) }, () => 'new-key-000000000000000000000000');
  return { code, out: out.join(''), err: err.join(''), asked };
}

describe('hash-key', () => {
  it('makes a new key and its hash when asked nothing', async () => {
    expect(await run([])).toMatchObject({ code: 0, out: `key:  new-key-000000000000000000000000\nhash: ${hashSecret('new-key-000000000000000000000000')}\n` });
  });

  it('never takes a key from the command line, where ps and the shell history keep it', async () => {
    const answer = await run(['north-office-key-0002']);
    expect(answer).toMatchObject({ code: 2, out: '', asked: false });
    expect(answer.err).toMatch(/`ps`/);
  });

  it('with --given reads the key at the hidden prompt (or stdin) and prints only its hash', async () => {
    expect(await run(['--given'], 'north-office-key-0002')).toMatchObject({ code: 0, out: `hash: ${hashSecret('north-office-key-0002')}\n`, asked: true });
    expect(await run(['--given'], 'short')).toMatchObject({ code: 1, out: '' });
    expect(await run(['--given'], 'demo-office-key-0001')).toMatchObject({ code: 1, out: '' });
  });
});
