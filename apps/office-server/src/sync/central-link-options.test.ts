import { describe, expect, it } from 'vitest';
import { CliError, parseCliOptions } from '../cli-options.js';

describe('the central link options of the office server', () => {
  it.each([
    ['none: an office on its own', [], {}, undefined],
    ['a flag and the key from the environment', ['--central-url', 'https://central.example/'], { TALON_OFFICE_KEY: 'k'.repeat(20) }, { url: 'https://central.example/', officeKey: 'k'.repeat(20) }],
    ['both from the environment', [], { TALON_CENTRAL_URL: 'http://10.0.0.5:8090', TALON_OFFICE_KEY: 'k'.repeat(20) }, { url: 'http://10.0.0.5:8090', officeKey: 'k'.repeat(20) }],
  ])('%s', (_label, argv, env, central) => {
    expect(parseCliOptions(argv, env).central).toEqual(central);
  });

  it.each([
    ['a URL without its key', ['--central-url', 'http://central.example'], {}],
    ['something that is not a URL', ['--central-url', 'central.example'], { TALON_OFFICE_KEY: 'k'.repeat(20) }],
  ])('refuses %s', (_label, argv, env) => {
    expect(() => parseCliOptions(argv, env)).toThrow(CliError);
  });
});
