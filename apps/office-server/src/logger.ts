import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON lines, one per event worth knowing. Phone numbers and secrets never reach a log: they
 * are removed by path here and masked where they are logged on purpose.
 */
export function createRootLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { app: 'office-server' },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'session', '*.session', 'phone', '*.phone', 'auth', '*.auth'],
        censor: '[hidden]',
      },
    },
    options.destination,
  );
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
