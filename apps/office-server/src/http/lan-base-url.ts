import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/**
 * The address a phone on the office's network can open this server at, for the ticket's QR when
 * the config names no `office.publicUrl`: the host it was bound to if that is a real address,
 * else the first non-loopback IPv4 address of this machine. Loopback only when there is nothing
 * else (a machine with no network), where no phone could reach the server anyway.
 */
export function lanBaseUrl(
  port: number,
  boundHost: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): { url: string; reachable: boolean } {
  const wildcard = boundHost === '0.0.0.0' || boundHost === '::' || boundHost === '';
  if (!wildcard && !isLoopback(boundHost)) return { url: `http://${hostPart(boundHost)}:${port}`, reachable: true };
  if (wildcard) {
    const candidates = Object.values(interfaces)
      .flatMap((list) => list ?? [])
      .filter((info) => info.family === 'IPv4' && !info.internal);
    const first = candidates[0];
    if (first) return { url: `http://${first.address}:${port}`, reachable: true };
  }
  return { url: `http://127.0.0.1:${port}`, reachable: false };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function hostPart(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
