import type { IncomingMessage } from 'node:http';
import type { CentralConfig } from '../config/central-config.js';
import { secretMatches } from '../config/secret-hash.js';
import type { PhoneTokenCheck } from '../phone/phone-token-check.js';
import { verifyQualitySession } from '../quality/quality-users.js';
import type { CentralAction, CentralActor } from './central-permissions.js';

/**
 * Who an HTTP request comes from, by the credential it carries: the ticket token in a phone
 * route's path, else a bearer token (a report token, or a quality-view session). No credential, or
 * one that does not verify, is `anyone`; what anyone may do is the permissions table's business.
 */
export function httpActorOf(
  request: IncomingMessage,
  action: CentralAction,
  params: readonly string[],
  deps: { config: () => CentralConfig; now: () => number; checkPhoneToken: PhoneTokenCheck },
): CentralActor {
  if (action.includes('/api/phone/:token')) {
    const verdict = deps.checkPhoneToken(decodeURIComponent(params[0]!));
    return verdict.ok ? { role: 'ticket', ref: verdict.ref } : { role: 'anyone', tokenRefusal: verdict.code };
  }
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!bearer) return { role: 'anyone' };
  const config = deps.config();
  const report = config.reportTokens.find((t) => secretMatches(bearer, t.tokenHash));
  if (report) return { role: 'reports', name: report.name };
  const user = verifyQualitySession(bearer, config.qualityUsers, deps.now());
  if (user) return { role: user.regions ? 'quality-region' : 'quality', user };
  return { role: 'anyone' };
}
