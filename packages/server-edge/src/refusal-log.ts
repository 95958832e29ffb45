/** What the refusal log needs of a logger (pino's `warn` fits). */
export interface RefusalLogger {
  warn(fields: object, message: string): void;
}

/**
 * Refusals are logged as one line per source and reason per interval with a count, never one line
 * per attempt: a flood of 300,000 wrong handshakes is a few lines, not 60 MB. The pending table is
 * bounded; sources past `maxSources` are added up under `other`. Shared by the office and central.
 */
export interface RefusalLog {
  refused(source: string, reason: string): void;
  /** Writes what is pending now (the interval timer and `close` call it). */
  flush(): void;
  close(): void;
}

export function createRefusalLog(logger: RefusalLogger, options: { everyMs: number; maxSources: number }): RefusalLog {
  let pending = new Map<string, { source: string; reason: string; count: number }>();

  const flush = () => {
    if (pending.size === 0) return;
    const lines = pending;
    pending = new Map();
    for (const { source, reason, count } of lines.values()) logger.warn({ source, reason, count, everyMs: options.everyMs }, 'refused');
  };
  const timer = setInterval(flush, options.everyMs);
  timer.unref();

  return {
    refused(source, reason) {
      let key = `${source}|${reason}`;
      if (!pending.has(key) && pending.size >= options.maxSources) {
        source = 'other';
        key = `other|${reason}`;
      }
      const line = pending.get(key) ?? { source, reason, count: 0 };
      line.count += 1;
      pending.set(key, line);
    },
    flush,
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
