import { randomInt } from 'node:crypto';
import type { Actor, Decision } from '@talon/domain';
import {
  REMOTE_CODE_DIGITS,
  REMOTE_REFUSAL_CODES,
  remoteArriveRequestSchema,
  remoteJoinRequestSchema,
  type RemoteJoinResult,
  type RemoteRefusalCode,
} from '@talon/protocol';
import { newId } from '../ids.js';
import type { OfficeContext } from '../office-context.js';
import { phoneAtOffice } from './phone-at-office.js';

type Refusal = { ok: false; code: RemoteRefusalCode; message: string };
const refusal = (code: RemoteRefusalCode, message: string): Refusal => ({ ok: false, code, message });
const CENTRAL: Actor = { kind: 'central' };

/** Twelve digits from the OS's randomness: codes are proof of a place, so they must not be guessable. */
const arrivalCode = () => Array.from({ length: REMOTE_CODE_DIGITS }, () => randomInt(10)).join('');

function refusalOf(decision: Decision): Refusal | undefined {
  if (decision.ok) return undefined;
  const code = (REMOTE_REFUSAL_CODES as readonly string[]).includes(decision.error.code) ? (decision.error.code as RemoteRefusalCode) : 'remote-unavailable';
  return refusal(code, decision.error.message);
}

/**
 * The office's side of places taken from home: central asks over the sync link, the office decides
 * (it stays authoritative) and answers. Each request is checked here like any input from outside.
 */
export function createRemoteRequests(context: OfficeContext) {
  const byKey = context.db.prepare(`SELECT id AS ticketId, number, service_id AS serviceId, office_day AS officeDay, remote_code AS code
    FROM tickets WHERE remote_request_key = ?`);
  /** One request key at a time: a retry that arrives while the first is being decided waits for its answer. */
  const inFlight = new Map<string, Promise<RemoteJoinResult | Refusal>>();

  /** The ticket an earlier request with this key got: in the live queue, or already in the tickets table. */
  const earlier = (requestKey: string): RemoteJoinResult | undefined => {
    for (const t of context.queue.state.tickets.values()) {
      if (t.remote?.requestKey === requestKey) return { ok: true, ticketId: t.id, number: t.number, serviceId: t.serviceId, officeDay: t.officeDay, code: t.remote.code };
    }
    const row = byKey.get(requestKey) as Omit<RemoteJoinResult, 'ok'> | undefined;
    return row?.code ? { ok: true, ...row } : undefined;
  };

  async function decideJoin(serviceId: string, requestKey: string): Promise<RemoteJoinResult | Refusal> {
    // A fresh code on each try: a code that happens to be in use is refused and drawn again.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const found = earlier(requestKey);
      if (found) return found;
      const ticketId = newId('t');
      const code = arrivalCode();
      const decision = await context.queue.execute({ type: 'ticket.join-remote', ticketId, serviceId, code, requestKey }, CENTRAL);
      if (decision.ok) {
        const ticket = context.queue.state.tickets.get(ticketId);
        const issued = decision.events.find((e) => e.type === 'ticket.issued');
        const t = ticket ?? (issued?.type === 'ticket.issued' ? issued.ticket : undefined);
        if (!t) return refusal('remote-unavailable', 'the ticket was issued but is gone already');
        context.logger.info({ ticket: t.number, service: t.serviceId }, 'place taken from home');
        return { ok: true, ticketId: t.id, number: t.number, serviceId: t.serviceId, officeDay: t.officeDay, code };
      }
      if (decision.error.code !== 'remote-duplicate') return refusalOf(decision)!;
    }
    return refusal('remote-unavailable', 'no free arrival code was found; try again');
  }

  return {
    async join(payload: unknown): Promise<RemoteJoinResult | Refusal> {
      const request = remoteJoinRequestSchema.safeParse(payload);
      if (!request.success) return refusal('remote-unavailable', 'a join request this office cannot read');
      const { serviceId, requestKey } = request.data;
      const running = inFlight.get(requestKey);
      if (running) return running;
      const answer = decideJoin(serviceId, requestKey).finally(() => inFlight.delete(requestKey));
      inFlight.set(requestKey, answer);
      return answer;
    },

    async arrive(payload: unknown): Promise<{ ok: true } | Refusal> {
      const request = remoteArriveRequestSchema.safeParse(payload);
      if (!request.success) return refusal('remote-unavailable', 'an arrival this office cannot read');
      const { ticketId, address, position } = request.data;
      const ticket = context.queue.state.tickets.get(ticketId);
      if (!ticket?.remote) return refusal('unknown-ticket', 'no place taken from home with this ticket in the queue');
      if (ticket.remote.arrivedAt !== undefined) return refusal('remote-already-arrived', 'already marked as here');
      const how = phoneAtOffice(context.directory.config.remoteArrival, address, position);
      if (!how) return refusal('remote-not-near', "the phone is neither on the office's network nor near the office");
      const decision = await context.queue.execute({ type: 'ticket.arrive', ticketId }, CENTRAL);
      const refused = refusalOf(decision);
      if (refused) return refused;
      context.logger.info({ ticket: ticket.number, how }, 'visitor from home arrived (phone)');
      return { ok: true };
    },
  };
}
