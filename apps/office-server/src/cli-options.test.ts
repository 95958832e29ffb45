import { describe, expect, it } from 'vitest';
import { CliError, HELP, parseCliOptions } from './cli-options.js';

describe('command line and environment', () => {
  it.each([
    [[], {}, { port: 8080, dataDir: 'data', configFile: 'data/office.json', demo: false }],
    [['--demo', '--port', '9000'], {}, { port: 9000, demo: true }],
    [[], { PORT: '7000', TALON_DATA_DIR: '/var/lib/talon' }, { port: 7000, dataDir: '/var/lib/talon', configFile: '/var/lib/talon/office.json' }],
    [['--config', '/etc/talon/office.json'], { TALON_CONFIG: '/ignored.json' }, { configFile: '/etc/talon/office.json' }],
    [['--port', '9001'], { PORT: '7000' }, { port: 9001 }],
  ])('%j with %j', (argv, env, expected) => {
    expect(parseCliOptions(argv, env)).toMatchObject(expected);
  });

  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--log-level', 'loud']],
    [['--unknown']],
  ])('refuses %j with a message', (argv) => {
    expect(() => parseCliOptions(argv, {})).toThrow(CliError);
  });

  it('lists every option in --help', () => {
    for (const flag of ['--demo', '--port', '--host', '--data', '--config', '--log-level', '--help']) expect(HELP).toContain(flag);
  });

  it('takes an embedded agent token from the flag or TALON_AGENT_TOKEN, and refuses a blank one', () => {
    expect(parseCliOptions(['--agent-token', 'tok-1'], { TALON_AGENT_TOKEN: 'tok-2' }).agentToken).toBe('tok-1');
    expect(parseCliOptions([], { TALON_AGENT_TOKEN: 'tok-2' }).agentToken).toBe('tok-2');
    expect(parseCliOptions([], {})).not.toHaveProperty('agentToken');
    expect(() => parseCliOptions(['--agent-token', ''], {})).toThrow(CliError);
    expect(() => parseCliOptions(['--agent-token', 'a b'], {})).toThrow(CliError);
    expect(HELP).toContain('--agent-token');
  });
});
