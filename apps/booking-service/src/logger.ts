import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** JSON lines; phone numbers and keys are redacted even if a careless call passes them whole. */
export function createCentralLogger(options: { level: string; destination?: DestinationStream }): Logger {
  const settings = {
    level: options.level,
    base: { service: 'talon-central' },
    redact: { paths: ['phone', '*.phone', 'key', '*.key', 'auth', '*.auth'], censor: '[masked]' },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

export function silentCentralLogger(): Logger {
  return pino({ level: 'silent' });
}
