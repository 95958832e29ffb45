import { t, type Language } from '@talon/messages';
import { phoneNudgeRequestSchema, type BookingApiErrorCode, type PhoneTicketStatus } from '@talon/protocol';
import type { PhoneTicketRef } from '@talon/server-edge';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CentralStore, NudgeMoment, PhoneNudge } from '../../storage/central-store.js';
import type { NudgeChannel } from './nudge-channel.js';

/** As the store keeps a nudge's address: the channel's own address and the page's language. */
interface StoredAddress {
  to: string;
  language: Language;
}

export interface NudgeServiceDeps {
  store: Pick<CentralStore, 'savePhoneNudge' | 'phoneNudgesOf' | 'claimPhoneNudge' | 'forgetPhoneNudges'>;
  channels: ReadonlyMap<string, NudgeChannel>;
  now: () => number;
  logger: Logger;
  maxPerTicket: () => number;
  /** Whether a push endpoint is one of the allowed push services. */
  pushEndpointAllowed: (endpoint: string) => boolean;
  /** The consent text the SMS channel shows; a number comes only with exactly this agreed to. */
  smsConsentText?: string;
}

type Answer = { ok: true; nudgeId: string } | { ok: false; code: BookingApiErrorCode; message: string };

/** Which moment, if any, a status makes due for a nudge not yet sent for it. */
export function dueMoment(nudge: Pick<PhoneNudge, 'peopleLeft' | 'aheadSentAt' | 'calledSentAt'>, status: PhoneTicketStatus): NudgeMoment | undefined {
  if (status.state === 'called') return nudge.calledSentAt === null ? 'called' : undefined;
  if (status.state === 'waiting' && status.peopleAhead <= nudge.peopleLeft && nudge.aheadSentAt === null) return 'ahead';
  return undefined;
}

/** The text a nudge carries: the ticket number and the desk, never a name. */
export function nudgeText(language: Language, moment: NudgeMoment, status: PhoneTicketStatus): string {
  if (moment === 'called')
    return status.deskNumber ? t(language, 'phone.nudge.called', { number: status.number, desk: status.deskNumber }) : t(language, 'phone.nudge.calledNoDesk', { number: status.number });
  return t(language, 'phone.nudge.ahead', { number: status.number, count: status.peopleAhead });
}

/**
 * The phone page's nudges: taken from the page (checked, with a phone number only under its own
 * consent), then sent as the office's statuses come through central. Each moment ("N left",
 * "called") is marked sent in the store before it goes, atomically, so a nudge goes once and
 * never twice, whichever node sees the status and however often the office or central restart.
 */
export function createNudgeService(deps: NudgeServiceDeps) {
  const log = deps.logger;

  async function subscribe(ref: PhoneTicketRef, body: unknown): Promise<Answer> {
    const parsed = phoneNudgeRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'invalid-payload', message: 'peopleLeft, language and a channel (web-push or sms)' };
    const { channel, peopleLeft, language } = parsed.data;
    if (!deps.channels.has(channel.kind)) return { ok: false, code: 'invalid-payload', message: `${channel.kind} is not offered here` };
    let to: string;
    let consent: { text: string; at: number } | undefined;
    if (channel.kind === 'web-push') {
      if (!deps.pushEndpointAllowed(channel.subscription.endpoint)) return { ok: false, code: 'invalid-payload', message: 'not a push service central posts to' };
      to = JSON.stringify({ subscription: { endpoint: channel.subscription.endpoint, keys: channel.subscription.keys } });
    } else {
      if (channel.consent.text !== deps.smsConsentText) return { ok: false, code: 'consent-required', message: 'a phone number needs the consent shown on the page' };
      to = channel.phone.replace(/[^0-9+]/g, '');
      consent = { text: channel.consent.text, at: deps.now() };
    }
    const held = await deps.store.phoneNudgesOf(ref.officeId, [ref.ticketId]);
    if (held.length >= deps.maxPerTicket()) return { ok: false, code: 'rate-limited', message: `at most ${deps.maxPerTicket()} nudges per ticket` };
    const id = randomUUID();
    await deps.store.savePhoneNudge({
      id, officeId: ref.officeId, ticketId: ref.ticketId, officeDay: ref.officeDay, channel: channel.kind,
      address: JSON.stringify({ to, language } satisfies StoredAddress), peopleLeft,
      consentText: consent?.text ?? null, consentAt: consent?.at ?? null, createdAt: deps.now(),
    });
    return { ok: true, nudgeId: id };
  }

  /** New statuses of one office: send every nudge they make due, once. */
  async function statusesArrived(officeId: string, statuses: readonly PhoneTicketStatus[]): Promise<number> {
    const relevant = statuses.filter((s) => s.state === 'called' || (s.state === 'waiting' && s.peopleAhead <= 50));
    if (relevant.length === 0) return 0;
    const nudges = await deps.store.phoneNudgesOf(officeId, relevant.map((s) => s.ticketId));
    if (nudges.length === 0) return 0;
    const byTicket = new Map(relevant.map((s) => [s.ticketId, s]));
    let sent = 0;
    await Promise.all(
      nudges.map(async (nudge) => {
        const status = byTicket.get(nudge.ticketId)!;
        if (status.officeDay !== nudge.officeDay) return;
        const moment = dueMoment(nudge, status);
        const channel = moment && deps.channels.get(nudge.channel);
        if (!moment || !channel) return;
        if (!(await deps.store.claimPhoneNudge(nudge.id, moment, deps.now()))) return;
        const address = JSON.parse(nudge.address) as StoredAddress;
        try {
          await channel.send(address.to, nudgeText(address.language, moment, status));
          sent += 1;
        } catch (error) {
          // Marked sent all the same: a second try could reach the visitor twice.
          log.warn({ err: error, officeId, channel: nudge.channel, moment }, 'nudge not delivered');
        }
      }),
    );
    return sent;
  }

  return { subscribe, statusesArrived, forgetBefore: (officeId: string, day: string) => deps.store.forgetPhoneNudges(officeId, day) };
}

export type NudgeService = ReturnType<typeof createNudgeService>;
