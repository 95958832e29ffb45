import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address.js';
import { capConnectionsPerAddress } from './connection-cap.js';
import { createFailureCounter } from './failure-counter.js';
import { createRefusalLog } from './refusal-log.js';

describe('clientAddress', () => {
  it('takes X-Forwarded-For only from a trusted proxy, right-most untrusted hop first', () => {
    expect(clientAddress('::ffff:10.0.0.5', '1.2.3.4', [])).toBe('10.0.0.5');
    expect(clientAddress('127.0.0.1', '1.2.3.4', ['127.0.0.1'])).toBe('1.2.3.4');
    // A client writing its own header cannot pick the address its guesses count against.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 1.2.3.4', ['127.0.0.1'])).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', '1.2.3.4, 10.0.0.2', ['127.0.0.1', '10.0.0.2'])).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', undefined, ['127.0.0.1'])).toBe('127.0.0.1');
  });

  it('counts an IPv6 client by its /64, however the address is written; IPv4 (mapped or not) stays whole', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1234:5678:9abc')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('::ffff:192.0.2.33')).toBe('192.0.2.33');
    expect(addressKey('192.0.2.33')).toBe('192.0.2.33');
    expect(addressKey('unknown')).toBe('unknown');
    // Through a trusted proxy as well; the proxy itself is compared whole, not by its /64.
    expect(clientAddress('2001:db8:ff::1', '2001:db8:1:2:aaaa::7', ['2001:db8:ff::1'])).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8:ff::2', '2001:db8:1:2:aaaa::7', ['2001:db8:ff::1'])).toBe('2001:db8:ff:0::/64');
    expect(clientAddress('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
  });

  it('gives a client walking its /64 no fresh guesses', () => {
    const guesses = createFailureCounter({ max: 3, windowMs: 60_000, maxTracked: 100, now: () => 0 });
    for (let i = 1; i <= 3; i += 1) guesses.fail(clientAddress(`2001:db8:1:2::${i.toString(16)}`));
    expect(guesses.blocked(clientAddress('2001:db8:1:2:dead:beef:0:1'))).toBe(true);
    expect(guesses.blocked(clientAddress('2001:db8:1:3::1'))).toBe(false);
  });

  it('holds a /64 to the per-address connection cap, whichever of its addresses connect', () => {
    const server = new EventEmitter();
    const lines: Array<Record<string, unknown>> = [];
    const refusals = createRefusalLog({ warn: (fields) => lines.push(fields as Record<string, unknown>) }, { everyMs: 60_000, maxSources: 10 });
    const cap = capConnectionsPerAddress(server as unknown as Server, { max: () => 2, refusals });
    const destroyed: string[] = [];
    const connect = (remoteAddress: string) => {
      const socket = Object.assign(new EventEmitter(), { remoteAddress, destroy: () => destroyed.push(remoteAddress) });
      server.emit('connection', socket);
      return socket;
    };
    connect('2001:db8:1:2::a');
    connect('2001:db8:1:2::b');
    connect('2001:db8:1:2::c');
    connect('2001:db8:1:3::a');
    expect(destroyed).toEqual(['2001:db8:1:2::c']);
    expect(cap.openFrom('2001:db8:1:2::ffff')).toBe(2);
    refusals.close();
    expect(lines).toEqual([expect.objectContaining({ source: '2001:db8:1:2::/64', reason: 'connections-per-address', count: 1 })]);
  });
});
