import { qualityPeriod, type BookingApiErrorCode, type OfficeSummary } from '@talon/protocol';
import { readJsonBody, clientAddress, normaliseLogin, type RefusalLog, type FailureCounter } from '@talon/server-edge';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { OfficeDirectory } from '../booking/office-directory.js';
import type { CentralConfig } from '../config/central-config.js';
import { csvTable } from '../reports/report-csv.js';
import type { CentralStore } from '../storage/central-store.js';
import { readCentralQualityView } from './central-quality.js';
import { qualitySheets } from './quality-sheets.js';
import { checkQualityLogin, QUALITY_SESSION_MS, signQualitySession } from './quality-users.js';
import type { CentralScope } from '../auth/central-permissions.js';
import { qualityWorkbook } from './quality-xlsx.js';

export interface QualityHttpDeps {
  offices: OfficeDirectory;
  store: CentralStore;
  config: () => CentralConfig;
  now: () => number;
  /**
   * Failed logins per address and per normalised login: past either limit the attempt is answered
   * `rate-limited` before any password is checked.
   */
  logins: { perAddress: FailureCounter; perLogin: FailureCounter };
  refusals: RefusalLog;
}

type Answer = { ok: true; [key: string]: unknown } | { ok: false; code: BookingApiErrorCode; message: string };
type Send = (response: ServerResponse, body: Answer) => void;

const loginBody = z.strictObject({ login: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const reportQuery = z.object({
  /** A calendar month, or any period the view allows by `from` and `to`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  sheet: z.enum(['offices', 'company', 'days', 'wait-bands', 'complaints', 'services', 'operators', 'desks', 'hours', 'follow-ups']).default('offices'),
});
const refuse = (code: BookingApiErrorCode, message: string): Answer => ({ ok: false, code, message });

function monthPeriod(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

/**
 * Central's quality view for the quality department: log in (`POST /api/quality/login`), the view
 * for a period (`GET /api/quality?from=&to=`), the monthly report (`GET /api/quality/monthly?month=
 * YYYY-MM&format=xlsx|csv[&sheet=]`, or `?from=&to=` for the period the page shows). The session is a bearer token; who may read which offices is
 * decided by central's permissions table (auth/central-permissions.ts) before these are called,
 * which get the offices in scope.
 */
export function createQualityHttp(deps: QualityHttpDeps) {
  const inScope = (offices: CentralScope['offices']): [string, OfficeSummary][] =>
    deps.offices.all().filter(([id]) => offices === 'all' || offices.has(id)).sort(([a], [b]) => (a < b ? -1 : 1));
  const regionOf = (officeId: string) => deps.config().offices.find((o) => o.id === officeId)?.region;
  const viewFor = async (scope: CentralScope['offices'], period: { from: string; to: string }) => {
    const offices = inScope(scope);
    return { view: await readCentralQualityView(deps.store, offices, regionOf, period, deps.now()), offices };
  };

  async function login(request: IncomingMessage, response: ServerResponse, send: Send): Promise<void> {
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], deps.config().limits.trustedProxies);
    if (deps.logins.perAddress.blocked(address)) {
      deps.refusals.refused(address, 'quality-logins');
      return send(response, refuse('rate-limited', 'too many failed logins from this address; try again later'));
    }
    const body = loginBody.safeParse(await readJsonBody(request, 4 * 1024));
    if (!body.success) return send(response, refuse('invalid-payload', 'login needs {login, password}'));
    const login = normaliseLogin(body.data.login);
    if (deps.logins.perLogin.blocked(login)) {
      // One line per login per interval, however many addresses the guesses come from.
      deps.refusals.refused(`login:${login}`, 'quality-login-locked');
      return send(response, refuse('rate-limited', 'too many failed logins for this login; try again later'));
    }
    const user = await checkQualityLogin(deps.config().qualityUsers, login, body.data.password);
    if (!user) {
      deps.logins.perAddress.fail(address);
      deps.logins.perLogin.fail(login);
      return send(response, refuse('unauthorized', 'wrong login or password'));
    }
    deps.logins.perLogin.clear(login);
    const expiresAt = deps.now() + QUALITY_SESSION_MS;
    send(response, { ok: true, token: signQualitySession(user, expiresAt), expiresAt, user: { login: user.login, name: user.name, regions: user.regions ?? null } });
  }

  async function view(scope: CentralScope['offices'], query: Record<string, string>, response: ServerResponse, send: Send): Promise<void> {
    const period = qualityPeriod.safeParse({ from: query['from'], to: query['to'] });
    if (!period.success) return send(response, refuse('invalid-payload', 'the view needs ?from=YYYY-MM-DD&to=YYYY-MM-DD, at most 400 days'));
    send(response, { ok: true, ...(await viewFor(scope, period.data)).view });
  }

  async function monthly(scope: CentralScope['offices'], query: Record<string, string>, response: ServerResponse, send: Send): Promise<void> {
    const parsed = reportQuery.safeParse(query);
    const period = parsed.success && !parsed.data.month ? qualityPeriod.safeParse({ from: parsed.data.from, to: parsed.data.to }) : undefined;
    if (!parsed.success || (period && !period.success))
      return send(response, refuse('invalid-payload', 'the report needs ?month=YYYY-MM or ?from=YYYY-MM-DD&to=YYYY-MM-DD (&format=xlsx|csv, &sheet= for CSV)'));
    const { format, sheet } = parsed.data;
    const chosenPeriod = period?.success ? period.data : monthPeriod(parsed.data.month!);
    const month = parsed.data.month ?? `${chosenPeriod.from}_${chosenPeriod.to}`;
    const { view } = await viewFor(scope, chosenPeriod);
    const sheets = qualitySheets(view, (id) => view.outcomes[id]?.name ?? id);
    if (format === 'csv') {
      const chosen = sheets.find((s) => s.key === sheet)!;
      response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="talon-quality-${month}-${sheet}.csv"`, 'cache-control': 'no-store' });
      response.end(csvTable(chosen.titles, chosen.rows));
      return;
    }
    const workbook = await qualityWorkbook(sheets, `Качество обслуживания, ${parsed.data.month ?? `${chosenPeriod.from} – ${chosenPeriod.to}`}`);
    response.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="talon-quality-${month}.xlsx"`,
      'cache-control': 'no-store',
    });
    response.end(workbook);
  }

  return { login, view, monthly };
}
