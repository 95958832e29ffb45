import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { normaliseAddress } from '@talon/server-edge';

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/**
 * Who may read `/metrics` (waiting counts per service, commands, the central backlog). With
 * `metrics.token` set, whoever sends it as a Bearer token (401 otherwise), so Prometheus on another
 * host can scrape. Without one, only this machine: from elsewhere the page does not exist (404),
 * so a visitor on the office Wi-Fi learns nothing, not even that there is something to guess.
 */
export function metricsAccess(token: string | undefined, request: IncomingMessage): 'allowed' | 401 | 404 {
  if (token === undefined) return LOOPBACK.has(normaliseAddress(request.socket.remoteAddress ?? '')) ? 'allowed' : 404;
  const header = request.headers.authorization ?? '';
  const sent = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? 'allowed' : 401;
}
