import type { QueueEvent } from '../../packages/domain/src/index.js';

/**
 * A seeded quarter of visits for the quality programme's end-to-end check, with its truth known
 * by construction: which visits are repeats (a returning account for the same service within the
 * window), which are complaints (outcomes the demo config flags), which ratings are low, which
 * visits were transferred and which were effortless (called within the standard, no transfer, no
 * repeat); a holiday has no visits. The events go into a real office's store and travel to
 * central by the real sync.
 */
export interface GeneratedVisit {
  ticketId: string;
  officeDay: string;
  served: boolean;
  rating?: number;
  complaint: boolean;
  withAccount: boolean;
  repeat: boolean;
  /** The service that finished the visit (after a transfer, the one it was sent to). */
  serviceId: string;
  transfers: number;
  effortless: boolean;
}

export interface GeneratedOffice {
  officeId: string;
  events: { id: string; event: QueueEvent }[];
  visits: GeneratedVisit[];
}

export interface QualityTruth {
  served: number;
  rated: number;
  satisfied: number;
  low: number;
  complaints: number;
  withAccount: number;
  repeats: number;
  transferred: number;
  effortless: number;
  /** Desk contacts of the visits with an account: one each, one more per transfer. */
  contacts: number;
  /** Served, rated and satisfied visits per finishing service. */
  byService: Record<string, { served: number; rated: number; satisfied: number }>;
}

/** The demo office's waiting standard: a walk-in called within it, with no transfer or repeat, was effortless. */
export const WAITING_STANDARD_MINUTES = 15;

const MIN = 60_000;
const DAY = 86_400_000;
/** Moscow: UTC+3 all year. */
const LOCAL = 3 * 3_600_000;

function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Services of the demo office: the account is asked for meters and recalculation. */
const SERVICES = [
  { id: 'payments', prefix: 'A', account: false, outcomes: ['advised', 'paid', 'bill-complaint'], desk: 'desk-1' },
  { id: 'meters', prefix: 'C', account: true, outcomes: [], desk: 'desk-2' },
  { id: 'recalculation', prefix: 'K', account: true, outcomes: ['advised', 'claim-accepted'], desk: 'desk-3' },
] as const;
const COMPLAINTS = new Set(['bill-complaint', 'claim-accepted']);
const OPERATORS = ['op-ivanova', 'op-petrov', 'op-sidorova'];

export function generateQualityQuarter(options: {
  seed: number;
  officeIds: string[];
  from: string;
  days: number;
  visitsPerDay: number;
  repeatWindowDays: number;
  /** Days the offices are closed (the config's holidays): no visits, and the views mark them closed. */
  holidays?: readonly string[];
}): GeneratedOffice[] {
  const holidays = new Set(options.holidays ?? []);
  const random = seeded(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const start = Date.parse(`${options.from}T00:00:00Z`);
  return options.officeIds.map((officeId, officeIndex) => {
    const events: GeneratedOffice['events'] = [];
    const visits: GeneratedVisit[] = [];
    /** Served visits with an account, per service: the pool a returning visitor comes from. */
    const served: { account: string; service: string; day: number }[] = [];
    let seq = 0;
    const push = (event: QueueEvent) => events.push({ id: `${officeId}-g${++seq}`, event });
    for (let d = 0; d < options.days; d++) {
      const dayStart = start + d * DAY;
      const officeDay = new Date(dayStart).toISOString().slice(0, 10);
      if (new Date(dayStart).getUTCDay() === 0 || holidays.has(officeDay)) continue; // closed on Sundays and holidays
      const numbers = new Map<string, number>();
      for (let i = 0; i < options.visitsPerDay; i++) {
        const service = pick(SERVICES);
        const number = (numbers.get(service.prefix) ?? 0) + 1;
        numbers.set(service.prefix, number);
        const ticketId = `${officeId}-${officeDay}-${i}`;
        const issuedAt = dayStart - LOCAL + 8 * 60 * MIN + i * 45 * MIN + officeIndex * MIN;
        const isServed = random() < 0.92;
        // A returning account: an earlier served visit for the same service within the window.
        const pool = served.filter((s) => s.service === service.id && d - s.day <= options.repeatWindowDays);
        const returning = service.account && isServed && pool.length > 0 && random() < 0.4;
        const account = !service.account || !isServed ? undefined : returning ? pick(pool).account : `${officeIndex + 1}${String(events.length).padStart(9, '0')}`;
        const desk = service.desk;
        const operatorId = pick(OPERATORS);
        const calledAt = issuedAt + Math.floor(random() * 40) * MIN;
        // One served visit in eight is sent on to another service's desk after the first call.
        const transferTo = isServed && random() < 0.125 ? pick(SERVICES.filter((s) => s.id !== service.id)) : undefined;
        const finishing = transferTo ?? service;
        push({
          type: 'ticket.issued',
          at: issuedAt,
          actor: { kind: 'kiosk', deviceId: 'kiosk-1' },
          ticket: {
            id: ticketId,
            number: `${service.prefix}${String(number).padStart(3, '0')}`,
            serviceId: service.id,
            officeDay,
            kind: 'walk-in',
            ...(account && { accountNumber: account }),
            issuedAt,
            queuedAt: issuedAt,
            status: 'waiting',
            recalls: 0,
          },
        });
        push({ type: 'ticket.called', at: calledAt, actor: { kind: 'operator', operatorId }, ticketId, deskId: desk, operatorId, reason: 'next-in-line' });
        if (!isServed) {
          push({ type: 'ticket.no-show', at: calledAt + 3 * MIN, actor: { kind: 'operator', operatorId }, ticketId, deskId: desk, reason: 'operator' });
          visits.push({ ticketId, officeDay, served: false, complaint: false, withAccount: false, repeat: false, serviceId: service.id, transfers: 0, effortless: false });
          continue;
        }
        let finishDesk: string = desk;
        let finishOperator = operatorId;
        let servingAt = calledAt + MIN;
        if (transferTo) {
          push({ type: 'ticket.serving-started', at: calledAt + MIN, actor: { kind: 'operator', operatorId }, ticketId, deskId: desk });
          push({ type: 'ticket.transferred', at: calledAt + 3 * MIN, actor: { kind: 'operator', operatorId }, ticketId, fromDeskId: desk, toServiceId: transferTo.id, queuedAt: issuedAt });
          finishDesk = transferTo.desk;
          finishOperator = pick(OPERATORS);
          push({ type: 'ticket.called', at: calledAt + 5 * MIN, actor: { kind: 'operator', operatorId: finishOperator }, ticketId, deskId: finishDesk, operatorId: finishOperator, reason: 'next-in-line' });
          servingAt = calledAt + 6 * MIN;
        }
        const outcomeId = finishing.outcomes.length > 0 ? pick(finishing.outcomes) : undefined;
        push({ type: 'ticket.serving-started', at: servingAt, actor: { kind: 'operator', operatorId: finishOperator }, ticketId, deskId: finishDesk });
        push({
          type: 'ticket.finished',
          at: servingAt + 10 * MIN,
          actor: { kind: 'operator', operatorId: finishOperator },
          ticketId,
          deskId: finishDesk,
          operatorId: finishOperator,
          serviceMs: 10 * MIN,
          ...(outcomeId && { outcomeId }),
        });
        const rating = random() < 0.6 ? 1 + Math.floor(random() * 5) : undefined;
        if (rating) push({ type: 'ticket.rated', at: servingAt + 10 * MIN + 5_000, actor: { kind: 'device', deviceId: 'agent-1' }, ticketId, deskId: finishDesk, value: rating });
        if (account) served.push({ account, service: service.id, day: d });
        visits.push({
          ticketId,
          officeDay,
          served: true,
          ...(rating && { rating }),
          complaint: outcomeId !== undefined && COMPLAINTS.has(outcomeId),
          withAccount: account !== undefined,
          repeat: returning,
          serviceId: finishing.id,
          transfers: transferTo ? 1 : 0,
          effortless: !transferTo && !returning && calledAt - issuedAt <= WAITING_STANDARD_MINUTES * MIN,
        });
      }
    }
    return { officeId, events, visits };
  });
}

/** What the quality view must show for the office days from..to. */
export function truthOf(visits: readonly GeneratedVisit[], from: string, to: string): QualityTruth {
  const inside = visits.filter((v) => v.served && v.officeDay >= from && v.officeDay <= to);
  const rated = inside.filter((v) => v.rating !== undefined);
  const byService: QualityTruth['byService'] = {};
  for (const v of inside) {
    const s = (byService[v.serviceId] ??= { served: 0, rated: 0, satisfied: 0 });
    s.served++;
    if (v.rating !== undefined) s.rated++;
    if (v.rating !== undefined && v.rating >= 4) s.satisfied++;
  }
  return {
    served: inside.length,
    rated: rated.length,
    satisfied: rated.filter((v) => v.rating! >= 4).length,
    low: rated.filter((v) => v.rating! <= 2).length,
    complaints: inside.filter((v) => v.complaint).length,
    withAccount: inside.filter((v) => v.withAccount).length,
    repeats: inside.filter((v) => v.repeat).length,
    transferred: inside.filter((v) => v.transfers > 0).length,
    effortless: inside.filter((v) => v.effortless).length,
    contacts: inside.filter((v) => v.withAccount).reduce((n, v) => n + 1 + v.transfers, 0),
    byService,
  };
}
