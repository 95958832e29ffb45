import { phoneTokenOffice, verifyPhoneToken, type PhoneTicketRef } from '@talon/server-edge';
import type { PhoneTokenRefusal } from '@talon/protocol';
import type { OfficeDirectory } from '../booking/office-directory.js';
import { officeDayOf } from '../booking/office-day.js';
import type { CentralConfig } from '../config/central-config.js';

export type PhoneTokenVerdict = { ok: true; ref: PhoneTicketRef } | { ok: false; code: PhoneTokenRefusal };

/**
 * Central's side of the ticket's QR token: signed under the office key's hash from central's
 * config, and good only on the office day it names, counted in the office's own time zone (UTC
 * until the office has described itself). The office's key changing voids its old tokens, as it
 * should: the paper in hand still works in the hall.
 */
export function createPhoneTokenCheck(deps: { config: () => CentralConfig; offices: Pick<OfficeDirectory, 'get'>; now: () => number }) {
  return (token: string): PhoneTokenVerdict => {
    const officeId = phoneTokenOffice(token);
    const office = officeId === undefined ? undefined : deps.config().offices.find((o) => o.id === officeId);
    const ref = office ? verifyPhoneToken(token, office.keyHash) : undefined;
    if (!ref) return { ok: false, code: 'phone-token-invalid' };
    const today = officeDayOf(deps.offices.get(ref.officeId)?.timeZone ?? 'UTC', deps.now());
    return ref.officeDay === today ? { ok: true, ref } : { ok: false, code: 'phone-token-expired' };
  };
}

export type PhoneTokenCheck = ReturnType<typeof createPhoneTokenCheck>;
