import { officeDayOf } from '@talon/domain';
import { BodyError, createFailureCounter, readJsonBody, securityHeaders, setSecurityHeaders, type RefusalLog } from '@talon/server-edge';
import type { Language } from '@talon/messages';
import { dateField, type CentralLinkView } from '@talon/protocol';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { authorise, screensOf } from '../auth/permissions.js';
import { createLoginThrottle } from '../auth/login-throttle.js';
import { clientAddress, normaliseLogin, verifyPassword } from '@talon/server-edge';
import type { OfficeContext } from '../office-context.js';
import { serviceQueues } from '../views/service-queues.js';
import { metricsAccess } from './metrics-access.js';
import { createQualityStore } from '../quality/quality-store.js';
import { answerOfForm, answerOnTicketPage, ticketQuestionnaireState } from '../quality/ticket-page-questionnaire.js';
import { readFormBody } from './form-body.js';
import { landingPage, PAGE_STYLE, trackPage } from './pages.js';
import { createStaticScreens } from './static-screens.js';
import { createTicketsCsv } from './tickets-csv.js';
import { createVoiceClips } from './voice-clips.js';

/** A login is two short strings; anything near this size is not one. */
const LOGIN_BODY_LIMIT = 16 * 1024;
/** The questionnaire's form is two short fields. */
const QUESTIONNAIRE_BODY_LIMIT = 1024;

const loginBody = z.strictObject({ login: z.string().min(1).max(64), password: z.string().min(1).max(200) });

export interface HttpOptions {
  screensRoot: string | undefined;
  /** The office's own announcer recordings (`<data dir>/voice`), over the shipped voice kit. */
  voiceDir?: string;
  /** The link to the central service as it is now. */
  centralLink: () => CentralLinkView;
  /** Demo only: tokens the landing page may put into its links. */
  demoTokens?: Record<string, string>;
  startedAt: number;
  /** Refusals (failed logins) logged one line per source per minute. */
  refusals: RefusalLog;
  /** A session just ended by logout: its open screens are disconnected at once. */
  onLogout?: (session: string) => void;
}

export function createHttpHandler(context: OfficeContext, options: HttpOptions) {
  const screens = createStaticScreens(options.screensRoot);
  const voice = createVoiceClips(options.voiceDir);
  const throttle = createLoginThrottle(() => context.clock.now(), context.directory.config.limits);
  const ticketsCsv = createTicketsCsv(context.db);
  const ticketRow = context.db.prepare(`SELECT id, number, status, desk_id AS deskId FROM tickets WHERE id = ?`);
  const quality = createQualityStore(context.db);
  const limits = context.directory.config.limits;
  /** Questionnaire answers per address (a kiosk PC's page, a visitor's phone on the office Wi-Fi). */
  const answers = createFailureCounter({ max: limits.questionnaireAnswersPerAddress, windowMs: limits.guessWindowMinutes * 60_000, maxTracked: limits.trackedKeys, now: () => context.clock.now() });

  const send = (response: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.end(body);
  };
  const json = (response: ServerResponse, status: number, value: unknown) => send(response, status, JSON.stringify(value));
  const languageOf = (request: IncomingMessage, url: URL): Language =>
    url.searchParams.get('lang') === 'en' || (!url.searchParams.has('lang') && /^en/i.test(request.headers['accept-language'] ?? ''))
      ? 'en'
      : 'ru';
  const operatorFrom = (request: IncomingMessage) => {
    const header = request.headers.authorization ?? '';
    const session = header.startsWith('Bearer ') ? header.slice(7) : '';
    const operatorId = session ? context.sessions.operatorOf(session) : undefined;
    return operatorId ? context.directory.operators.get(operatorId) : undefined;
  };

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://office.local');
    const path = url.pathname;
    const method = request.method ?? 'GET';

    if (method === 'GET' && path === '/healthz') {
      // Public on purpose (a load balancer or a watchdog asks it): alive, the database answers, and
      // whether the central link is up. Nothing about the queue: that is /metrics, behind its token.
      context.db.prepare('SELECT 1').get();
      return json(response, 200, {
        status: 'ok',
        uptimeSeconds: Math.round((context.clock.now() - options.startedAt) / 1000),
        // A link that is down is no failure of the office (it works on from its outbox): still 200.
        central: { state: options.centralLink().state },
      });
    }
    if (method === 'GET' && path === '/metrics') {
      const access = metricsAccess(context.directory.config.metrics.token, request);
      if (access !== 'allowed') return json(response, access, { ok: false, code: access === 404 ? 'not-found' : 'unauthorized', message: access === 404 ? `GET ${path} is not here` : 'send Authorization: Bearer <metrics token>' });
      const queues = serviceQueues(context.directory, context.queue.state, context.directory.config.services.map((s) => s.id), context.clock.now());
      return send(response, 200, context.metrics.render(queues, options.centralLink()), 'text/plain; version=0.0.4; charset=utf-8');
    }
    if (method === 'POST' && path === '/api/login') {
      const parsed = loginBody.safeParse(await readJsonBody(request, LOGIN_BODY_LIMIT));
      if (!parsed.success) return json(response, 400, { ok: false, code: 'invalid-payload', message: 'login and password are required' });
      const { login, password } = parsed.data;
      const address = clientAddress(request.socket.remoteAddress);
      if (throttle.blocked(login, address)) {
        options.refusals.refused(address, 'login-throttled');
        return json(response, 429, { ok: false, code: 'rate-limited', message: 'too many failed logins; wait a few minutes' });
      }
      const operator = context.directory.operatorsByLogin.get(normaliseLogin(login));
      if (!operator || !(await verifyPassword(password, operator.passwordHash))) {
        throttle.failed(login, address);
        options.refusals.refused(address, 'failed-login');
        return json(response, 401, { ok: false, code: 'unauthorized', message: 'wrong login or password' });
      }
      throttle.succeeded(login);
      const { session, expiresAt } = context.sessions.open(operator.id);
      context.logger.info({ operator: operator.id }, 'operator logged in');
      return json(response, 200, { ok: true, session, expiresAt, operator: { id: operator.id, name: operator.name, roles: operator.roles }, screens: screensOf(operator.roles) });
    }
    if (method === 'POST' && path === '/api/logout') {
      const header = request.headers.authorization ?? '';
      if (header.startsWith('Bearer ')) {
        context.sessions.close(header.slice(7));
        options.onLogout?.(header.slice(7));
      }
      return json(response, 200, { ok: true });
    }
    if (method === 'GET' && path === '/api/reports/tickets.csv') {
      const operator = operatorFrom(request);
      if (!operator) return json(response, 401, { ok: false, code: 'unauthorized', message: 'log in first' });
      const allowed = authorise(operator.roles, 'dashboard tickets.csv', false);
      if (!allowed.ok) return json(response, 403, allowed);
      const day = url.searchParams.get('day') ?? officeDayOf(context.queue.state.setup.schedule, context.clock.now());
      if (!dateField.safeParse(day).success) return json(response, 400, { ok: false, code: 'invalid-payload', message: 'day as YYYY-MM-DD' });
      response.setHeader('content-disposition', `attachment; filename="tickets-${day}.csv"`);
      return send(response, 200, ticketsCsv(context.directory, day), 'text/csv; charset=utf-8');
    }
    const ticketPage = /^\/t\/([A-Za-z0-9_]{1,64})(\/questionnaire)?$/.exec(path);
    if (ticketPage && method === 'GET' && !ticketPage[2]) {
      const id = ticketPage[1]!;
      const row = ticketRow.get(id) as Parameters<typeof trackPage>[2];
      // The first opening is the questionnaire's reach ("answered, of those who opened the page").
      if (row) quality.pageOpened(id, context.clock.now());
      const html = trackPage(context.directory, context.queue.state, row, context.clock.now(), languageOf(request, url), context.waits, { state: row ? ticketQuestionnaireState(quality, id) : 'none' });
      return send(response, row ? 200 : 404, html, 'text/html; charset=utf-8');
    }
    if (ticketPage && method === 'POST' && ticketPage[2]) {
      const id = ticketPage[1]!;
      const row = ticketRow.get(id) as Parameters<typeof trackPage>[2];
      const language = languageOf(request, url);
      const page = (status: number, problem?: 'invalid' | 'limited') =>
        send(response, status, trackPage(context.directory, context.queue.state, row, context.clock.now(), language, context.waits, { state: ticketQuestionnaireState(quality, id), ...(problem && { problem }) }), 'text/html; charset=utf-8');
      if (!row) return page(404);
      const address = clientAddress(request.socket.remoteAddress);
      if (answers.blocked(address)) {
        request.resume();
        options.refusals.refused(address, 'questionnaire-answers');
        return page(429, 'limited');
      }
      answers.fail(address);
      const answer = answerOfForm(await readFormBody(request, QUESTIONNAIRE_BODY_LIMIT));
      if (!answer) return page(400, 'invalid');
      if (answerOnTicketPage(quality, id, answer, context.clock.now()) === 'not-open') return page(409);
      // Post, redirect, get: a reload shows the thanks instead of posting again.
      response.writeHead(303, { location: `/t/${id}?lang=${language}`, 'cache-control': 'no-store' });
      return void response.end();
    }
    if (method === 'GET' && path === '/') {
      const html = landingPage(context.directory, {
        language: languageOf(request, url),
        ...(options.demoTokens && { demoTokens: options.demoTokens }),
        screensBuilt: screens.available,
      });
      return send(response, 200, html, 'text/html; charset=utf-8');
    }
    if (method === 'GET' && (path === '/kiosk' || path === '/board') && url.searchParams.has('token')) {
      // An old pairing link: the token moves into the fragment, which the browser keeps to itself,
      // before the page and its assets load (no Referer, no log line, no proxy ever sees it again).
      const token = url.searchParams.get('token') ?? '';
      url.searchParams.delete('token');
      response.writeHead(303, { location: `${path}${url.search}#pair=${encodeURIComponent(token)}`, 'cache-control': 'no-store' });
      return void response.end();
    }
    if (method === 'GET' && voice.serve(path, response)) return;
    if (method === 'GET' && screens.serve(path, response)) return;
    return json(response, 404, { ok: false, code: 'not-found', message: `${method} ${path} is not here` });
  }

  const headers = securityHeaders({ inlineStyles: [PAGE_STYLE] });
  return function handle(request: IncomingMessage, response: ServerResponse): void {
    // Socket.IO answers its own path on the same server.
    if (request.url?.startsWith('/socket.io/')) return;
    // Every page and answer: never framed (an /admin in someone's iframe), no sniffing, no Referer.
    setSecurityHeaders(response, headers);
    route(request, response).catch((error: unknown) => {
      if (error instanceof BodyError) return json(response, error.status, { ok: false, code: error.code, message: error.message });
      context.logger.error({ err: error, url: request.url }, 'http request failed');
      if (!response.headersSent) json(response, 500, { ok: false, code: 'internal', message: 'internal error' });
      else response.end();
    });
  };
}
