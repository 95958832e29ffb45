import { describe, expect, it } from 'vitest';
import { listSerialPorts } from './serial-port-list.js';

describe('listSerialPorts', () => {
  it('returns no ports and a reason when udevadm is missing', async () => {
    const missing = Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' });
    const listing = await listSerialPorts(() => Promise.reject(missing));
    expect(listing.ports).toEqual([]);
    expect(listing.reason).toMatch(/udevadm is not installed/);
  });

  it('returns a reason for any other failure, even a thrown non-error', async () => {
    const listing = await listSerialPorts(() => Promise.reject('boom'));
    expect(listing).toEqual({ ports: [], reason: 'cannot list serial ports: boom' });
  });

  it('keeps the fields it knows and drops empty ones', async () => {
    const listing = await listSerialPorts(async () => [
      { path: '/dev/ttyUSB0', manufacturer: 'QinHeng', serialNumber: '', vendorId: '1a86', productId: '7523' },
    ]);
    expect(listing).toEqual({ ports: [{ path: '/dev/ttyUSB0', manufacturer: 'QinHeng', vendorId: '1a86', productId: '7523' }] });
  });

  it('never throws on this machine, whatever it has', async () => {
    const listing = await listSerialPorts();
    expect(Array.isArray(listing.ports)).toBe(true);
    if (listing.ports.length === 0 && listing.reason !== undefined) expect(listing.reason).toMatch(/^cannot list serial ports/);
  });
});
