import { phoneTokenKeyFromOfficeKey, signPhoneToken } from '@talon/server-edge';

/**
 * The URL in a ticket's QR when the office is linked to central: the ticket's live page there,
 * under a token signed with (the hash of) the office key, good for the ticket's office day.
 * Central is on the internet, the office is not, so this is what a phone on mobile data can open.
 * An office id or ticket id a token cannot carry gives undefined, and the QR falls back to the
 * office's own `/t/<id>`.
 */
export function phonePageUrlOf(office: () => { id: string; centralPublicUrl?: string | undefined }, central: { centralUrl: string; officeKey: string }) {
  const key = phoneTokenKeyFromOfficeKey(central.officeKey);
  return (ticket: { id: string; officeDay: string }): string | undefined => {
    const { id, centralPublicUrl } = office();
    try {
      const token = signPhoneToken({ officeId: id, ticketId: ticket.id, officeDay: ticket.officeDay }, key);
      return `${(centralPublicUrl ?? central.centralUrl).replace(/\/+$/, '')}/p/${token}`;
    } catch {
      return undefined;
    }
  };
}
