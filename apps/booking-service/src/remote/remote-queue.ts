import { signPhoneToken, type FailureCounter, type PhoneTicketRef } from '@talon/server-edge';
import {
  REMOTE_ANSWER_TIMEOUT_MS,
  remoteArrivalBodySchema,
  remoteArriveResultSchema,
  remoteJoinBodySchema,
  remoteJoinResultSchema,
  remoteRefusalSchema,
  type BookingApiErrorCode,
  type RemoteJoinAnswer,
  type RemoteOfficesAnswer,
} from '@talon/protocol';
import type { Logger } from 'pino';
import type { OfficeDirectory } from '../booking/office-directory.js';
import type { CentralConfig } from '../config/central-config.js';
import type { CentralStore, RemoteJoin } from '../storage/central-store.js';

type Refusal = { ok: false; code: BookingApiErrorCode; message: string };
const refuse = (code: BookingApiErrorCode, message: string): Refusal => ({ ok: false, code, message });
const UNAVAILABLE = refuse('remote-unavailable', "joining from home is unavailable right now: the office can't be reached");

export interface RemoteQueueDeps {
  store: CentralStore;
  offices: OfficeDirectory;
  config: () => CentralConfig;
  logger: Logger;
  now: () => number;
  /** New join requests per address (a retry with a known key is not counted). */
  joins: FailureCounter;
  /** Whether central may reach the office now (its link is up on some node). */
  reachable: (officeId: string) => boolean;
  /**
   * Sends a request over the office's sync link and answers the office's reply, or undefined when
   * the link is down or the office did not answer in time.
   */
  askOffice: (officeId: string, event: 'remote:join' | 'remote:arrive', payload: unknown, timeoutMs: number) => Promise<unknown>;
}

/**
 * Central's side of a place taken from home. Central never decides: it checks the request, passes
 * it to the office over the office's own link, keeps the office's answer by the request's
 * idempotency key, and hands the visitor the phone page of the ticket the office gave.
 */
export function createRemoteQueue(deps: RemoteQueueDeps) {
  const { store, offices, logger } = deps;
  const officeKey = (officeId: string) => deps.config().offices.find((o) => o.id === officeId)?.keyHash;

  const answerOf = (join: RemoteJoin, keyHash: string): RemoteJoinAnswer => ({
    ok: true,
    officeId: join.officeId,
    ticketId: join.ticketId,
    number: join.number,
    serviceId: join.serviceId,
    arrivalCode: join.code,
    pagePath: `/p/${signPhoneToken({ officeId: join.officeId, ticketId: join.ticketId, officeDay: join.officeDay }, keyHash)}`,
  });

  return {
    /** The offices whose services take places from home, each with whether it can be reached now. */
    offices(): RemoteOfficesAnswer {
      const known = new Set(deps.config().offices.map((o) => o.id));
      return {
        ok: true,
        offices: offices.all().flatMap(([id, summary]) => {
          const services = summary.services.filter((s) => s.remoteJoin).map((s) => ({ id: s.id, name: s.name, ...(s.nameEn && { nameEn: s.nameEn }) }));
          if (!known.has(id) || services.length === 0) return [];
          return [{
            id,
            name: summary.name,
            ...(summary.nameEn && { nameEn: summary.nameEn }),
            ...(summary.address && { address: summary.address }),
            ...(summary.addressEn && { addressEn: summary.addressEn }),
            linked: deps.reachable(id), services }];
        }),
      };
    },

    async join(body: unknown, address: string): Promise<RemoteJoinAnswer | Refusal> {
      const parsed = remoteJoinBodySchema.safeParse(body);
      if (!parsed.success) return refuse('invalid-payload', 'a join needs officeId, serviceId and requestKey');
      const { officeId, serviceId, requestKey } = parsed.data;
      const keyHash = officeKey(officeId);
      const summary = offices.get(officeId);
      if (!keyHash || !summary) return refuse('unknown-office', `unknown office "${officeId}"`);
      const service = summary.services.find((s) => s.id === serviceId);
      if (!service) return refuse('unknown-service', `unknown service "${serviceId}"`);
      if (!service.remoteJoin) return refuse('remote-not-offered', 'this service takes no places from home');
      // A retry of a request central has answered before: the same ticket, without asking again.
      const known = await store.remoteJoinByKey(officeId, requestKey);
      if (known) return answerOf(known, keyHash);
      if (deps.joins.blocked(address)) return refuse('rate-limited', 'too many places asked for from this address; try again later');
      deps.joins.fail(address);
      if (!deps.reachable(officeId)) return UNAVAILABLE;
      const reply = await deps.askOffice(officeId, 'remote:join', { serviceId, requestKey }, REMOTE_ANSWER_TIMEOUT_MS);
      if (reply === undefined) return UNAVAILABLE;
      const granted = remoteJoinResultSchema.safeParse(reply);
      if (!granted.success) {
        const refusal = remoteRefusalSchema.safeParse(reply);
        if (refusal.success) return refuse(refusal.data.code, refusal.data.message);
        logger.warn({ officeId }, 'the office answered a join in a form central cannot read');
        return UNAVAILABLE;
      }
      const g = granted.data;
      const saved = await store.saveRemoteJoin({ officeId, requestKey, ticketId: g.ticketId, number: g.number, serviceId: g.serviceId, officeDay: g.officeDay, code: g.code, createdAt: deps.now() });
      logger.info({ officeId, ticket: g.number }, 'place taken from home');
      return answerOf(saved, keyHash);
    },

    /** «Я на месте» from the phone page: the office checks the address and position against its own config. */
    async arrive(ref: PhoneTicketRef, body: unknown, address: string): Promise<{ ok: true } | Refusal> {
      const parsed = remoteArrivalBodySchema.safeParse(body);
      if (!parsed.success) return refuse('invalid-payload', 'an arrival carries at most a position {latitude, longitude, accuracyMeters}');
      if (!deps.reachable(ref.officeId)) return UNAVAILABLE;
      const reply = await deps.askOffice(ref.officeId, 'remote:arrive', { ticketId: ref.ticketId, address, ...(parsed.data.position && { position: parsed.data.position }) }, REMOTE_ANSWER_TIMEOUT_MS);
      if (reply === undefined) return UNAVAILABLE;
      if (remoteArriveResultSchema.safeParse(reply).success) return { ok: true };
      const refusal = remoteRefusalSchema.safeParse(reply);
      return refusal.success ? refuse(refusal.data.code, refusal.data.message) : UNAVAILABLE;
    },

    /** The arrival code of a place taken from home, for the phone page's QR; undefined for any other ticket. */
    async code(ref: PhoneTicketRef): Promise<string | undefined> {
      return (await store.remoteJoinOfTicket(ref.officeId, ref.ticketId))?.code;
    },
  };
}

export type RemoteQueue = ReturnType<typeof createRemoteQueue>;
