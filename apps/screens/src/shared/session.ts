import type { OperatorRole } from '@talon/protocol';

const STORAGE_KEY = 'talon.session';

export interface OperatorSession {
  session: string;
  expiresAt: number;
  operator: { id: string; name: string; roles: OperatorRole[] };
  /** The screens this person may open ('/operator', '/dashboard', '/admin'), from the server's permissions table. */
  screens: string[];
}

export type LoginResult = { ok: true; session: OperatorSession } | { ok: false; code: string; message: string };

/** POST /api/login; the session lives in sessionStorage so closing the browser logs out. */
export async function logIn(login: string, password: string): Promise<LoginResult> {
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    const body = (await response.json()) as { ok: boolean; code?: string; message?: string } & Partial<OperatorSession>;
    if (!body.ok || !body.session || !body.operator || body.expiresAt === undefined) {
      return { ok: false, code: body.code ?? 'unauthorized', message: body.message ?? 'login refused' };
    }
    const session: OperatorSession = { session: body.session, expiresAt: body.expiresAt, operator: body.operator, screens: body.screens ?? [] };
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // Storage refused: the session still works until the page reloads.
    }
    return { ok: true, session };
  } catch {
    return { ok: false, code: 'no-answer', message: 'the office server did not answer' };
  }
}

export function storedSession(now = Date.now()): OperatorSession | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as OperatorSession;
    return session.expiresAt > now ? session : null;
  } catch {
    return null;
  }
}

export async function logOut(session: OperatorSession | null): Promise<void> {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
  if (!session) return;
  await fetch('/api/logout', { method: 'POST', headers: { authorization: `Bearer ${session.session}` } }).catch(() => undefined);
}
