import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseLogin, verifyPassword } from '@talon/server-edge';
import type { CentralConfig } from '../config/central-config.js';

export type QualityUser = CentralConfig['qualityUsers'][number];

/** A quality-view session lasts a working day; the user logs in again the next. */
export const QUALITY_SESSION_MS = 10 * 60 * 60_000;

/**
 * A session token signed with the user's password hash: every central node checks it from the
 * config alone (no session table to share), and a changed password or a removed user ends every
 * session at once, as the config says. `login.expiresAt.mac`, ASCII.
 */
export function signQualitySession(user: QualityUser, expiresAt: number): string {
  const body = `${Buffer.from(user.login, 'utf8').toString('base64url')}.${expiresAt}`;
  return `${body}.${mac(user.passwordHash, body)}`;
}

export function verifyQualitySession(token: string, users: readonly QualityUser[], now: number): QualityUser | undefined {
  if (token.length > 300) return undefined;
  const [login64, expires, signature] = token.split('.');
  if (!login64 || !expires || !signature || !/^\d{1,15}$/.test(expires) || Number(expires) <= now) return undefined;
  const login = Buffer.from(login64, 'base64url').toString('utf8');
  const user = users.find((u) => u.login === login);
  if (!user) return undefined;
  const expected = Buffer.from(mac(user.passwordHash, `${login64}.${expires}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? user : undefined;
}

function mac(key: string, body: string): string {
  return createHmac('sha256', key).update(body, 'ascii').digest('base64url');
}

/**
 * The user's password check; an unknown login costs the same scrypt as a wrong password. The login
 * is matched trimmed and lower-cased, as the guess counter keys it.
 */
export async function checkQualityLogin(users: readonly QualityUser[], login: string, password: string): Promise<QualityUser | undefined> {
  const typed = normaliseLogin(login);
  const user = users.find((u) => normaliseLogin(u.login) === typed);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? user : undefined;
}

/** A valid scrypt hash of nothing anyone types: an unknown login still spends the time of a check. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The offices a user may see: every office, or the offices of the user's regions. */
export function officesInScope(user: QualityUser, offices: CentralConfig['offices']): Set<string> {
  return new Set(offices.filter((o) => !user.regions || (o.region !== undefined && user.regions.includes(o.region))).map((o) => o.id));
}
