import type { OfficeConfig, PhonePosition } from '@talon/protocol';

const EARTH_RADIUS_M = 6_371_000;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine); metres matter here, not the Earth's flattening. */
export function distanceMeters(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are one IPv4 address; IPv6 is compared in lower case. */
const normalAddress = (address: string) => address.trim().toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * Whether «Я на месте» from a phone counts: the phone reached central from one of the office's
 * public addresses (it is on the office's Wi-Fi), or it gave a position, precise enough, within
 * the configured distance of the office. Undefined when neither holds.
 */
export function phoneAtOffice(
  rules: OfficeConfig['remoteArrival'],
  address: string,
  position: PhonePosition | undefined,
): 'network' | 'location' | undefined {
  if (rules.publicAddresses.some((a) => normalAddress(a) === normalAddress(address))) return 'network';
  if (!position || !rules.location || position.accuracyMeters > rules.maxAccuracyMeters) return undefined;
  return distanceMeters(rules.location, position) <= rules.radiusMeters ? 'location' : undefined;
}
