import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in a paper ticket's QR that opens its phone page on central. It names the office, the
 * ticket and its office day, signed with HMAC-SHA256 under key material both sides hold: the
 * office derives it from its office key, central from that key's hash in its config (the key hash
 * `sha256$<hex>` is the signing key), so no new secret has to be handed out. Central accepts it only
 * on the office day it names, so a token expires with the day. ASCII only (base64url and dots),
 * short enough for a small QR.
 */
export interface PhoneTicketRef {
  officeId: string;
  ticketId: string;
  officeDay: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The signing key from the office key itself (the office's side). */
export const phoneTokenKeyFromOfficeKey = (officeKey: string): string => `sha256$${createHash('sha256').update(officeKey, 'utf8').digest('hex')}`;

const mac = (key: string, body: string) => createHmac('sha256', key).update(body, 'ascii').digest().subarray(0, 16).toString('base64url');

export function signPhoneToken(ref: PhoneTicketRef, key: string): string {
  if (!ID.test(ref.officeId) || !ID.test(ref.ticketId) || !DAY.test(ref.officeDay)) throw new Error('phone token: office id, ticket id or day out of form');
  const body = `${ref.officeId}.${ref.ticketId}.${ref.officeDay.replaceAll('-', '')}`;
  return `${body}.${mac(key, body)}`;
}

/** Reads a token without trusting it: which office's key to check it with. */
export function phoneTokenOffice(token: string): string | undefined {
  const officeId = token.split('.')[0];
  return officeId !== undefined && ID.test(officeId) ? officeId : undefined;
}

/** The ticket a token names, when its signature holds under `key`; undefined for anything forged or malformed. */
export function verifyPhoneToken(token: string, key: string): PhoneTicketRef | undefined {
  if (token.length > 200) return undefined;
  const parts = token.split('.');
  if (parts.length !== 4) return undefined;
  const [officeId, ticketId, day, signature] = parts as [string, string, string, string];
  if (!ID.test(officeId) || !ID.test(ticketId) || !/^\d{8}$/.test(day)) return undefined;
  const expected = Buffer.from(mac(key, `${officeId}.${ticketId}.${day}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { officeId, ticketId, officeDay: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}` };
}
