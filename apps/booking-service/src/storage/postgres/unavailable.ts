import { CentralStoreUnavailableError, type CentralStore } from '../central-store.js';

/** Node's socket errors and PostgreSQL's "connection exception" / "operator intervention" classes. */
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NODE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
  // node-postgres's own words when a connection dies or the pool waits too long for one.
  const message = (error as Error | undefined)?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i.test(message);
}

/** Every method of the store answers a lost database as CentralStoreUnavailableError. */
export function withUnavailableErrors<S extends CentralStore>(store: S): S {
  const wrapped = { ...store };
  for (const [name, method] of Object.entries(store)) {
    if (typeof method !== 'function' || name === 'close') continue;
    (wrapped as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      } catch (error) {
        if (isConnectionFailure(error)) throw new CentralStoreUnavailableError(`central's PostgreSQL is unreachable: ${(error as Error).message}`, { cause: error });
        throw error;
      }
    };
  }
  return wrapped;
}
