import { createServer, type RequestListener, type Server } from 'node:http';

/** Node's own limits on an HTTP server; both servers read them from their config's `limits`. */
export interface ServerLimits {
  /** Open TCP connections in all (Node's `server.maxConnections`). */
  maxConnections: number;
  /** A request's headers must arrive within this (Node's `headersTimeout`): slow-header sockets go. */
  headersTimeoutMs: number;
  /** A whole request must arrive within this (Node's `requestTimeout`). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

/**
 * An HTTP server with the limits set. Without them a socket sending a header line every 10 s
 * is kept for ever, and a thousand of them use up the open-file limit.
 */
export function createLimitedServer(limits: ServerLimits, listener?: RequestListener): Server {
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts only this often (30 s by default): as often as the shorter one needs.
    connectionsCheckingInterval: Math.max(250, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 2),
  });
  if (listener) server.on('request', listener);
  server.maxConnections = limits.maxConnections;
  return server;
}
