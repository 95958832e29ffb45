import { normaliseAddress } from './connection-cap.js';

/**
 * The address the per-address limits count against. Behind nginx (docs/deploy-central) every
 * request comes from the proxy, so for a peer listed in `limits.trustedProxies` the client is the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy; from anyone else the header
 * is ignored, or a guesser could pick a fresh address per request.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: readonly string[]): string {
  const direct = normaliseAddress(peer ?? 'unknown');
  if (!trustedProxies.includes(direct) || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((h) => normaliseAddress(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return direct;
}
