import { describe, expect, it } from 'vitest';
import { CliError, logLevelOption, portOption } from './cli-values.js';

describe('command-line values both servers take', () => {
  it.each([
    ['8080', 8080],
    ['0', 0],
    ['65535', 65535],
  ])('port %s', (text, port) => {
    expect(portOption(text)).toBe(port);
  });

  it.each(['65536', '-1', '80.5', 'http', '', ' 80', '1e3'])('refuses port %j, naming the option', (text) => {
    expect(() => portOption(text)).toThrow(CliError);
    expect(() => portOption(text)).toThrow('--port');
  });

  it('takes pino levels and refuses others in words', () => {
    expect(logLevelOption('debug')).toBe('debug');
    expect(() => logLevelOption('loud')).toThrow('--log-level: "loud" is not one of fatal, error, warn, info, debug, trace, silent');
  });
});
