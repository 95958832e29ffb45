import { BodyError, readJsonBody, clientAddress, type RefusalLog, type FailureCounter, type PhoneTicketRef, setSecurityHeaders } from '@talon/server-edge';
import { bookingCalendarQuerySchema, bookingCodeParam, bookingProofQuerySchema, reportQuerySchema, slotsQuerySchema, type BookingApiErrorCode } from '@talon/protocol';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { renderSVG } from 'uqr';
import { bookingCalendar } from '../booking/booking-calendar.js';
import type { CentralBookings } from '../booking/central-bookings.js';
import type { OfficeDirectory } from '../booking/office-directory.js';
import type { CentralConfig } from '../config/central-config.js';
import { companyReportRows } from '../reports/company-report.js';
import { reportCsv } from '../reports/report-csv.js';
import { CentralStoreUnavailableError, type CentralStore } from '../storage/central-store.js';
import type { createQualityHttp } from '../quality/quality-http.js';
import { createStaticPage } from './static-page.js';
import { authorise, httpActionOf, type CentralActor } from '../auth/central-permissions.js';
import { httpActorOf } from '../auth/central-actor.js';
import { officesInScope } from '../quality/quality-users.js';
import type { PhoneTokenCheck } from '../phone/phone-token-check.js';
import { phonePageInfo } from '../phone/phone-page-info.js';
import type { NudgeService } from '../phone/nudges/nudge-service.js';
import type { QuestionnaireService } from '../phone/questionnaire-service.js';
import type { PhonePageInfo } from '@talon/protocol';
import type { RemoteQueue } from '../remote/remote-queue.js';

/** A booking is a name, a phone and a few ids: 8 KB is room to spare, and little to hold per request. */
const BOOKING_BODY_LIMIT = 8 * 1024;
/** A push subscription is under 1 KB; the consent text under 1 KB too. */
const NUDGE_BODY_LIMIT = 4 * 1024;
/** Two answers: a few dozen bytes. */
const QUESTIONNAIRE_BODY_LIMIT = 1024;
/** A join is three ids; an arrival a position: 1 KB is plenty. */
const REMOTE_BODY_LIMIT = 1024;

export interface CentralHttpDeps {
  bookings: CentralBookings;
  offices: OfficeDirectory;
  store: CentralStore;
  config: () => CentralConfig;
  logger: Logger;
  now: () => number;
  /** Offices with a live link to this node. */
  officesLinked: () => number;
  /** Each dependency's state for /healthz (database, redis); none when all is in-process. */
  dependencies?: () => Promise<Record<string, 'up' | 'down'>>;
  webRoot?: string;
  /** Failed booking look-ups per address: past the limit the address is answered `rate-limited`. */
  bookingGuesses: FailureCounter;
  /** Nudge requests per address and per ticket (limits.nudgesPerAddress, limits.nudgeRequestsPerTicket). */
  nudgeRequests: { perAddress: FailureCounter; perTicket: FailureCounter };
  /** «Я на месте» presses per address and per ticket (limits.remoteArrivalsPerAddress, limits.remoteArrivalsPerTicket). */
  arrivals: { perAddress: FailureCounter; perTicket: FailureCounter };
  refusals: RefusalLog;
  /** The ticket QR's token: which ticket a phone page shows, if any. */
  checkPhoneToken: PhoneTokenCheck;
  nudges: NudgeService;
  /** The post-visit questionnaire on the phone page. */
  questionnaire: QuestionnaireService;
  /** Questionnaire submissions per address (`limits.questionnaireAnswersPerAddress`). */
  questionnaireSubmissions: FailureCounter;
  /** The nudge channels the page may offer. */
  nudgeOffer: PhonePageInfo['nudges'];
  /** Places taken from home ("join today's queue"): remote/remote-queue.ts. */
  remote?: RemoteQueue;
  /** The quality department's view and monthly report (quality/quality-http.ts). */
  quality?: ReturnType<typeof createQualityHttp>;
}

const STATUS: Partial<Record<BookingApiErrorCode, number>> = {
  'invalid-payload': 400,
  'consent-required': 400,
  'payload-too-large': 413,
  'rate-limited': 429,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-office': 404,
  'unknown-service': 404,
  'booking-not-found': 404,
  'slot-full': 409,
  'too-many-bookings': 409,
  'slot-unavailable': 409,
  'service-not-bookable': 409,
  'booking-not-cancellable': 409,
  'phone-token-invalid': 404,
  'phone-token-expired': 410,
  'questionnaire-answered': 409,
  'questionnaire-not-open': 409,
  'remote-unavailable': 503,
  'remote-not-offered': 409,
  'remote-full': 409,
  'remote-cut-off': 409,
  'office-closed': 409,
  'remote-not-near': 403,
  'remote-already-arrived': 409,
  'unknown-ticket': 404,
  internal: 500,
  unavailable: 503,
};

function send(response: ServerResponse, body: { ok: boolean; code?: BookingApiErrorCode }): void {
  const status = body.ok ? 200 : (STATUS[body.code!] ?? 400);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

const refuse = (code: BookingApiErrorCode, message: string) => ({ ok: false as const, code, message });

/** The public booking API, the reports, the booking page. Every body and query is checked first. */
export function createCentralHttpHandler(deps: CentralHttpDeps) {
  const page = createStaticPage(deps.webRoot);

  /**
   * A request from a phone page that costs something beyond central (an SMS, a question to the
   * office) counts against its address and its ticket before any work; past either it is refused,
   * logged per source: the address, or the ticket (one token passed round many addresses is one line).
   */
  function countPerAddressAndTicket(counters: { perAddress: FailureCounter; perTicket: FailureCounter }, from: string, ref: PhoneTicketRef, what: string, tooMany: string) {
    const ticket = `${ref.officeId}/${ref.ticketId}/${ref.officeDay}`;
    const byAddress = counters.perAddress.blocked(from);
    if (byAddress || counters.perTicket.blocked(ticket)) {
      deps.refusals.refused(byAddress ? from : ticket, `${what}-per-${byAddress ? 'address' : 'ticket'}`);
      return refuse('rate-limited', byAddress ? `${tooMany} from this address; try again later` : `${tooMany} for this ticket`);
    }
    counters.perAddress.fail(from);
    counters.perTicket.fail(ticket);
    return undefined;
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://central.invalid');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    setSecurityHeaders(response);
    // The company's website may call the booking API from its own pages; reports stay server-to-server.
    const origin = request.headers.origin;
    if (origin && path.startsWith('/api/') && !path.startsWith('/api/reports') && deps.config().booking.allowedOrigins.includes(origin)) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'origin');
      if (method === 'OPTIONS') {
        response.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
        response.end();
        return;
      }
    }

    // Which action this is and who asks, then the one permission check for all of them.
    const matched = httpActionOf(method, path);
    if (!matched) return send(response, refuse('not-found', `${method} ${path} is not here`));
    const { action, params } = matched;
    const actor = httpActorOf(request, action, params, deps);
    const allowed = authorise(actor, action, { regionOffices: (user) => officesInScope(user, deps.config().offices) });
    if (!allowed.ok) return send(response, refuse(allowed.code, allowed.message));
    const address = () => clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], deps.config().limits.trustedProxies);

    switch (action) {
      case 'GET /healthz': {
        // 503 only when the database is down (a balancer should send requests elsewhere); with Redis
        // down a node still serves its own offices, so it stays 200 and the body names what is down.
        const dependencies = (await deps.dependencies?.()) ?? {};
        const down = Object.keys(dependencies).filter((name) => dependencies[name] === 'down');
        const ok = dependencies['database'] !== 'down';
        const body = { ok, officesLinked: deps.officesLinked(), dependencies, down, ...(!ok && { code: 'unavailable' }) };
        return send(response, body as never);
      }
      case 'GET pages':
        if (page.serve(path, response)) return;
        return send(response, refuse('not-found', `${method} ${path} is not here`));
      case 'GET /api/offices': {
        // The company is named in the booking page's consent, with its privacy policy's link.
        const { company, personalData } = deps.config();
        return send(response, { ok: true, offices: deps.bookings.listOffices(), retentionDays: personalData.retentionDays, ...(company && { company }) } as never);
      }
      case 'GET /api/offices/:id/slots': {
        const parsed = slotsQuerySchema.safeParse(query);
        if (!parsed.success) return send(response, refuse('invalid-payload', 'slots need ?serviceId=...&date=YYYY-MM-DD'));
        return send(response, await deps.bookings.slots(decodeURIComponent(params[0]!), parsed.data.serviceId, parsed.data.date));
      }
      case 'POST /api/bookings':
        return send(response, await deps.bookings.create(await readJsonBody(request, BOOKING_BODY_LIMIT)));
      case 'GET /api/bookings/:code':
      case 'POST /api/bookings/:code/cancel': {
        // Every way to learn whether a code exists counts against the address when it misses, and
        // stops answering once the address has used up its guesses: codes cannot be walked.
        const from = address();
        if (deps.bookingGuesses.blocked(from)) {
          deps.refusals.refused(from, 'booking-guesses');
          return send(response, refuse('rate-limited', 'too many wrong booking codes from this address; try again later'));
        }
        const code = bookingCodeParam.safeParse(decodeURIComponent(params[0]!));
        if (!code.success) return send(response, refuse('invalid-payload', 'a booking code has 12 digits'));
        const proof = bookingProofQuerySchema.safeParse(query);
        if (!proof.success) return send(response, refuse('invalid-payload', 'add ?phone4= with the last 4 digits of the phone the booking was made with'));
        const cancel = action === 'POST /api/bookings/:code/cancel';
        const answer = cancel ? await deps.bookings.cancel(code.data, proof.data) : await deps.bookings.find(code.data, proof.data);
        if (!answer.ok && answer.code === 'booking-not-found') deps.bookingGuesses.fail(from);
        if (answer.ok && params[1] === '/calendar.ics') {
          const lang = bookingCalendarQuerySchema.safeParse(query).data?.lang ?? 'ru';
          const office = deps.offices.get(answer.booking.officeId);
          const ics = bookingCalendar(answer.booking, { language: lang, now: deps.now(), earlyMinutes: office?.rules.bookingCheckInEarlyMinutes ?? 15 });
          response.writeHead(200, {
            'content-type': 'text/calendar; charset=utf-8',
            'content-disposition': `attachment; filename="booking-${answer.booking.code}.ics"`,
            'cache-control': 'no-store',
          });
          response.end(ics);
          return;
        }
        if (!answer.ok || params[1] !== '/qr.svg') return send(response, answer);
        // The kiosk's scanner reads the code itself: digits only, the same the visitor would type.
        response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
        response.end(renderSVG(code.data, { ecc: 'M', border: 2 }));
        return;
      }
      case 'GET /api/phone/:token': {
        const ref = ticketOf(actor);
        await deps.questionnaire.pageOpened(ref);
        return send(response, { ...phonePageInfo(ref.officeId, ref.officeDay, deps.offices.get(ref.officeId)), nudges: deps.nudgeOffer } as never);
      }
      case 'POST /api/phone/:token/nudges': {
        // Each nudge may cost an SMS or two: every request counts, per address and per ticket,
        // before any work; the store still caps the nudges a ticket keeps (phone.maxNudgesPerTicket).
        const ref = ticketOf(actor);
        const from = address();
        const refused = countPerAddressAndTicket(deps.nudgeRequests, from, ref, 'nudges', 'too many nudges asked');
        if (refused) return send(response, refused);
        return send(response, await deps.nudges.subscribe(ref, await readJsonBody(request, NUDGE_BODY_LIMIT)));
      }
      case 'GET /api/phone/:token/questionnaire':
        return send(response, await deps.questionnaire.state(ticketOf(actor)));
      case 'POST /api/phone/:token/questionnaire': {
        // Every submission counts against the address, kept or refused: answers cannot be sprayed.
        const from = address();
        if (deps.questionnaireSubmissions.blocked(from)) {
          deps.refusals.refused(from, 'questionnaire-submissions');
          return send(response, refuse('rate-limited', 'too many answers from this address; try again later'));
        }
        deps.questionnaireSubmissions.fail(from);
        return send(response, await deps.questionnaire.answer(ticketOf(actor), await readJsonBody(request, QUESTIONNAIRE_BODY_LIMIT)));
      }
      // A place taken from home: the offices that take them, the request (idempotent by its key),
      // «Я на месте» and the arrival code's QR.
      case 'GET /api/remote/offices':
        if (!deps.remote) break;
        return send(response, deps.remote.offices() as never);
      case 'POST /api/remote/join': {
        if (!deps.remote) break;
        const from = address();
        const answer = await deps.remote.join(await readJsonBody(request, REMOTE_BODY_LIMIT), from);
        if (!answer.ok && answer.code === 'rate-limited') deps.refusals.refused(from, 'remote-joins');
        return send(response, answer);
      }
      case 'POST /api/phone/:token/arrived': {
        if (!deps.remote) break;
        // Each press is a question to the office over its link: counted per address and per
        // ticket before any work, as nudges are.
        const ref = ticketOf(actor);
        const from = address();
        const refused = countPerAddressAndTicket(deps.arrivals, from, ref, 'arrivals', 'too many arrivals');
        if (refused) return send(response, refused);
        return send(response, await deps.remote.arrive(ref, await readJsonBody(request, REMOTE_BODY_LIMIT), from));
      }
      case 'GET /api/phone/:token/arrival-qr.svg': {
        if (!deps.remote) break;
        const code = await deps.remote.code(ticketOf(actor));
        if (!code) return send(response, refuse('not-found', 'this ticket was not taken from home'));
        // The kiosk's scanner reads the code itself: digits only, the same the visitor would type.
        response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
        response.end(renderSVG(code, { ecc: 'M', border: 2 }));
        return;
      }
      case 'GET /api/reports': {
        const parsed = reportQuerySchema.safeParse(query);
        if (!parsed.success || parsed.data.from > parsed.data.to) return send(response, refuse('invalid-payload', 'reports need ?from=YYYY-MM-DD&to=YYYY-MM-DD'));
        const { from, to, officeId, format } = parsed.data;
        const counts = await deps.store.reportCounts({ from, to, ...(officeId && { officeId }), now: deps.now() });
        const rows = companyReportRows(counts, (id) => deps.offices.get(id)?.name ?? id);
        if (format === 'csv') {
          response.writeHead(200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="talon-report-${from}-${to}.csv"`,
          });
          response.end(reportCsv(rows));
          return;
        }
        return send(response, { ok: true, rows } as never);
      }
      case 'POST /api/quality/login':
        if (!deps.quality) break;
        return deps.quality.login(request, response, send as never);
      case 'GET /api/quality':
        if (!deps.quality) break;
        return deps.quality.view(allowed.offices, query, response, send as never);
      case 'GET /api/quality/monthly':
        if (!deps.quality) break;
        return deps.quality.monthly(allowed.offices, query, response, send as never);
      case '/phone ticket:watch':
      case '/office office:hello':
      case '/office events:push':
      case '/office bookings:pull':
      case '/office tickets:status':
      case '/office questionnaire:sync':
      case '/ connect':
        break;
      default:
        throw missingCase(action);
    }
    send(response, refuse('not-found', `${method} ${path} is not here`));
  }

  return (request: IncomingMessage, response: ServerResponse) => {
    // Socket.IO's long-polling requests are answered by Socket.IO itself on the same server.
    if (request.url?.startsWith('/socket.io/')) return;
    route(request, response).catch((error: unknown) => {
      if (error instanceof BodyError) return send(response, refuse(error.code, error.message));
      if (error instanceof CentralStoreUnavailableError && !response.headersSent) {
        deps.logger.warn({ reason: error.message }, 'request refused: central storage unavailable');
        response.setHeader('retry-after', '5');
        return send(response, refuse('unavailable', 'booking is unavailable for a moment; try again shortly'));
      }
      deps.logger.error({ err: error, path: request.url?.replace(/\/api\/bookings\/\d+/, '/api/bookings/:code') }, 'request failed');
      if (!response.headersSent) send(response, refuse('internal', 'something went wrong on our side'));
      else response.end();
    });
  };
}

function missingCase(value: never): Error {
  return new Error(`unhandled action ${String(value)}`);
}

/** The ticket a phone route's actor holds: `authorise` lets only a ticket's holder reach those routes. */
function ticketOf(actor: CentralActor) {
  if (actor.role !== 'ticket') throw new Error(`a phone route reached by ${actor.role}`);
  return actor.ref;
}
