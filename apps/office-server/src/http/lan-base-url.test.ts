import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanBaseUrl } from './lan-base-url.js';

const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4'): NetworkInterfaceInfo =>
  ({ address, internal, family, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as NetworkInterfaceInfo;

describe('the base URL a ticket QR gets when the config names none', () => {
  it('is the first LAN IPv4 address and the real port for a server bound to every address', () => {
    const interfaces = { lo: [nic('127.0.0.1', true)], eth0: [nic('fe80::1', false, 'IPv6'), nic('192.168.10.5')], wlan0: [nic('10.0.0.7')] };
    expect(lanBaseUrl(8123, '0.0.0.0', interfaces)).toEqual({ url: 'http://192.168.10.5:8123', reachable: true });
    expect(lanBaseUrl(9000, '::', interfaces)).toEqual({ url: 'http://192.168.10.5:9000', reachable: true });
  });

  it('is the bound address itself when the server listens on one address', () => {
    expect(lanBaseUrl(8080, '10.1.2.3', {})).toEqual({ url: 'http://10.1.2.3:8080', reachable: true });
    expect(lanBaseUrl(8080, 'fd00::5', {})).toEqual({ url: 'http://[fd00::5]:8080', reachable: true });
  });

  it('says loopback is unreachable for a phone, when that is all there is', () => {
    expect(lanBaseUrl(8080, '0.0.0.0', { lo: [nic('127.0.0.1', true)] })).toEqual({ url: 'http://127.0.0.1:8080', reachable: false });
    expect(lanBaseUrl(8080, '127.0.0.1', { eth0: [nic('192.168.1.2')] })).toEqual({ url: 'http://127.0.0.1:8080', reachable: false });
  });
});
