/** A command-line or environment value that will not do; the message names the option. */
export class CliError extends Error {
  override name = 'CliError';
}

/** A TCP port, 0 for any free one. */
export function portOption(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port: "${text}" is not a port number`);
  return port;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A pino level, refused here in words rather than by pino with a stack trace at start-up. */
export function logLevelOption(level: string): string {
  if (!LOG_LEVELS.includes(level)) throw new CliError(`--log-level: "${level}" is not one of ${LOG_LEVELS.join(', ')}`);
  return level;
}
