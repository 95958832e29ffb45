import { describe, expect, it } from 'vitest';
import { distanceMeters, phoneAtOffice } from './phone-at-office.js';

// The office: Tverskaya 7, Moscow.
const office = { latitude: 55.7579, longitude: 37.6126 };
const rules = { publicAddresses: ['203.0.113.7', '2001:DB8::1'], location: office, radiusMeters: 150, maxAccuracyMeters: 100 };

describe('a phone at the office', () => {
  it('measures metres on the ground', () => {
    // 0.001° of latitude is about 111 m anywhere.
    expect(distanceMeters(office, { latitude: office.latitude + 0.001, longitude: office.longitude })).toBeCloseTo(111.2, 0);
    expect(distanceMeters(office, office)).toBe(0);
  });

  it.each<[string, string, { latitude: number; longitude: number; accuracyMeters: number } | undefined, string | undefined]>([
    ["on the office's Wi-Fi (its public address)", '203.0.113.7', undefined, 'network'],
    ['the same address as IPv4-mapped IPv6', '::ffff:203.0.113.7', undefined, 'network'],
    ['an IPv6 address of the office, other case', '2001:db8::1', undefined, 'network'],
    ['elsewhere, no position given', '198.51.100.20', undefined, undefined],
    ['elsewhere, 110 m away', '198.51.100.20', { latitude: office.latitude + 0.001, longitude: office.longitude, accuracyMeters: 20 }, 'location'],
    ['elsewhere, 330 m away', '198.51.100.20', { latitude: office.latitude + 0.003, longitude: office.longitude, accuracyMeters: 20 }, undefined],
    ['close by, but the position is too vague (500 m)', '198.51.100.20', { latitude: office.latitude, longitude: office.longitude, accuracyMeters: 500 }, undefined],
  ])('%s', (_name, address, position, expected) => {
    expect(phoneAtOffice(rules, address, position)).toBe(expected);
  });

  it('takes no position as proof when the office set no coordinates', () => {
    expect(phoneAtOffice({ publicAddresses: [], radiusMeters: 150, maxAccuracyMeters: 100 }, '198.51.100.20', { ...office, accuracyMeters: 5 })).toBeUndefined();
  });
});
