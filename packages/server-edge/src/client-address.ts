import { isIPv6 } from 'node:net';

/** `::ffff:127.0.0.1` and `127.0.0.1` are one address (compared whole: trusted proxies, loopback). */
export function normaliseAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The key the per-address limits count against: an IPv4 address as it is (an IPv4-mapped IPv6
 * address is that IPv4 address), an IPv6 address by its /64. One home or one cloud machine is
 * given a whole /64 and may use any of its 2^64 addresses, so counting single IPv6 addresses
 * would give one client a fresh limit per request.
 */
export function addressKey(address: string): string {
  const plain = normaliseAddress(address);
  if (!isIPv6(plain)) return plain;
  return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in short hex ("::" and a dotted tail expanded). */
function ipv6Groups(address: string): string[] {
  const bare = address.split('%')[0]!;
  const expand = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])));
  const [head = '', tail] = bare.split('::');
  const front = expand(head);
  const back = tail === undefined ? [] : expand(tail);
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return groups.map((g) => parseInt(g, 16).toString(16));
}

/**
 * The address the per-address limits count against (its `addressKey`). Behind nginx
 * (docs/deploy-central) every request comes from the proxy, so for a peer listed in
 * `limits.trustedProxies` the client is the right-most X-Forwarded-For entry that is not itself a
 * trusted proxy; from anyone else the header is ignored, or a guesser could pick a fresh address
 * per request. Trusted proxies are compared whole, never by /64.
 */
export function clientAddress(peer: string | undefined, forwardedFor?: string | string[], trustedProxies: readonly string[] = []): string {
  const direct = normaliseAddress(peer ?? 'unknown');
  if (!trustedProxies.includes(direct) || forwardedFor === undefined) return addressKey(direct);
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((h) => normaliseAddress(h.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) if (!trustedProxies.includes(hops[i]!)) return addressKey(hops[i]!);
  return addressKey(direct);
}
