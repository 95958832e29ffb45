import type { PhoneTokenRefusal } from '@talon/protocol';
import type { PhoneTicketRef } from '@talon/server-edge';
import type { QualityUser } from '../quality/quality-users.js';

/**
 * Who talks to central, by the credential they hold:
 * - `anyone`: nothing (the public booking page and API; a visitor's booking look-up by code and phone digits);
 * - `ticket`: the signed token from a paper ticket's QR (the phone page of that ticket);
 * - `office`: an office id and its key (the `/office` sync link);
 * - `quality`: a quality-department user without regions (company-wide);
 * - `quality-region`: a quality-department user with `regions` (those regions' offices only);
 * - `reports`: a report token (the company's analysts and their scripts).
 */
export const CENTRAL_ROLES = ['anyone', 'ticket', 'office', 'quality', 'quality-region', 'reports'] as const;
export type CentralRole = (typeof CENTRAL_ROLES)[number];

/**
 * How far a right reaches: `none`; `own`, only what the credential names (a ticket its own ticket,
 * an office its own office, a regional user the offices of their regions, a booking look-up the
 * booking its code and phone digits name); `all`.
 */
export type CentralReach = 'none' | 'own' | 'all';

const PUBLIC = { anyone: 'all', ticket: 'all', office: 'all', quality: 'all', 'quality-region': 'all', reports: 'all' } as const;
const BY_CODE = { anyone: 'own', ticket: 'own', office: 'own', quality: 'own', 'quality-region': 'own', reports: 'own' } as const;
const NOBODY = { anyone: 'none', ticket: 'none', office: 'none', quality: 'none', 'quality-region': 'none', reports: 'none' } as const;
const TICKET_ONLY = { ...NOBODY, ticket: 'own' } as const;
const OFFICE_ONLY = { ...NOBODY, office: 'own' } as const;
const QUALITY = { ...NOBODY, quality: 'all', 'quality-region': 'own' } as const;

/**
 * Every HTTP route and Socket.IO action central serves, with who may do it: one table, printed the
 * same in docs/protocol.md. `authorise` is the one function that reads it; a right is changed here
 * and nowhere else. `central-permissions.test.ts` walks it role by role against the real service.
 */
export const CENTRAL_PERMISSIONS = {
  'GET /healthz': PUBLIC,
  /** The booking page, the quality page, the phone page's shell and their assets: no data in them. */
  'GET pages': PUBLIC,
  'GET /api/offices': PUBLIC,
  'GET /api/offices/:id/slots': PUBLIC,
  'POST /api/bookings': PUBLIC,
  /** Look-up and QR: the code and `?phone4=` are the visitor's proof; misses count against the address. */
  'GET /api/bookings/:code': BY_CODE,
  'POST /api/bookings/:code/cancel': BY_CODE,
  'GET /api/phone/:token': TICKET_ONLY,
  'POST /api/phone/:token/nudges': TICKET_ONLY,
  /** The post-visit questionnaire: its state, and one answer per ticket. */
  'GET /api/phone/:token/questionnaire': TICKET_ONLY,
  'POST /api/phone/:token/questionnaire': TICKET_ONLY,
  /** A place taken from home: anyone may ask (limited per address); the ticket's holder says «Я на месте» and gets the code's QR. */
  'GET /api/remote/offices': PUBLIC,
  'POST /api/remote/join': PUBLIC,
  'POST /api/phone/:token/arrived': TICKET_ONLY,
  'GET /api/phone/:token/arrival-qr.svg': TICKET_ONLY,
  /** `/phone` connects without a credential; a page follows only the tickets whose tokens it holds. */
  '/phone ticket:watch': TICKET_ONLY,
  /** Logging in is how one becomes a quality user; failures count against the address. */
  'POST /api/quality/login': PUBLIC,
  'GET /api/quality': QUALITY,
  'GET /api/quality/monthly': QUALITY,
  'GET /api/reports': { ...NOBODY, reports: 'all' },
  '/office office:hello': OFFICE_ONLY,
  '/office events:push': OFFICE_ONLY,
  '/office bookings:pull': OFFICE_ONLY,
  '/office tickets:status': OFFICE_ONLY,
  '/office questionnaire:sync': OFFICE_ONLY,
  /** The default namespace serves nobody: offices use `/office`, phones `/phone`. */
  '/ connect': NOBODY,
} as const satisfies Record<string, Record<CentralRole, CentralReach>>;

export type CentralAction = keyof typeof CENTRAL_PERMISSIONS;

/** Who is asking, with what their credential names. */
export type CentralActor =
  | { role: 'anyone'; /** A phone token was sent and did not verify: why, to say so. */ tokenRefusal?: PhoneTokenRefusal }
  | { role: 'ticket'; ref: PhoneTicketRef }
  | { role: 'office'; officeId: string }
  | { role: 'quality' | 'quality-region'; user: QualityUser }
  | { role: 'reports'; name: string };

/** What an allowed action reaches: every office, or these only. */
export type CentralScope = { offices: 'all' | ReadonlySet<string> };

export type CentralRefusal = { ok: false; code: 'unauthorized' | 'forbidden' | PhoneTokenRefusal; message: string };

/**
 * The one permission check of central. `target` names the offices the action touches, when the
 * request says (an office's events name their office); `regionOffices` gives a regional user's
 * offices. Anyone without a credential is told `unauthorized` (or why their ticket token failed),
 * a credential of the wrong kind or scope `forbidden`.
 */
export function authorise(
  actor: CentralActor,
  action: CentralAction,
  context: { target?: readonly string[]; regionOffices?: (user: QualityUser) => ReadonlySet<string> } = {},
): ({ ok: true } & CentralScope) | CentralRefusal {
  const reach = CENTRAL_PERMISSIONS[action][actor.role];
  if (reach === 'none') {
    if (actor.role !== 'anyone') return { ok: false, code: 'forbidden', message: `a ${actor.role} credential does not allow ${action}` };
    if (actor.tokenRefusal) return { ok: false, code: actor.tokenRefusal, message: actor.tokenRefusal === 'phone-token-expired' ? 'this ticket was for another day' : 'this link is not a ticket of ours' };
    return { ok: false, code: 'unauthorized', message: `${action} needs a credential (docs/protocol.md, central's permissions)` };
  }
  if (reach === 'all') return { ok: true, offices: 'all' };
  const own = ownOffices(actor, context.regionOffices);
  const stranger = own === 'all' ? undefined : context.target?.find((id) => !own.has(id));
  if (stranger !== undefined) return { ok: false, code: 'forbidden', message: `this credential speaks for ${describe(actor)}, not office "${stranger}"` };
  return { ok: true, offices: own };
}

function ownOffices(actor: CentralActor, regionOffices?: (user: QualityUser) => ReadonlySet<string>): 'all' | ReadonlySet<string> {
  switch (actor.role) {
    case 'ticket':
      return new Set([actor.ref.officeId]);
    case 'office':
      return new Set([actor.officeId]);
    case 'quality-region':
      return regionOffices?.(actor.user) ?? new Set();
    // `own` for these is the booking their code and digits name: no office scope of their own.
    case 'anyone':
    case 'quality':
    case 'reports':
      return 'all';
  }
}

function describe(actor: CentralActor): string {
  if (actor.role === 'office') return `office "${actor.officeId}"`;
  if (actor.role === 'ticket') return `a ticket of office "${actor.ref.officeId}"`;
  return actor.role;
}

/** The action an HTTP request asks for; undefined for an address central does not serve. */
export function httpActionOf(method: string, path: string): { action: CentralAction; params: string[] } | undefined {
  const get = method === 'GET';
  const post = method === 'POST';
  if (get && path === '/healthz') return { action: 'GET /healthz', params: [] };
  if (get && path === '/api/offices') return { action: 'GET /api/offices', params: [] };
  const slots = /^\/api\/offices\/([^/]+)\/slots$/.exec(path);
  if (get && slots) return { action: 'GET /api/offices/:id/slots', params: [slots[1]!] };
  if (post && path === '/api/bookings') return { action: 'POST /api/bookings', params: [] };
  // A booking by its code: itself, its QR, its calendar file (all read with the phone's digits), or its cancel.
  const booking = /^\/api\/bookings\/([^/]+)(\/cancel|\/qr\.svg|\/calendar\.ics)?$/.exec(path);
  if (booking && get && booking[2] !== '/cancel') return { action: 'GET /api/bookings/:code', params: [booking[1]!, booking[2] ?? ''] };
  if (booking && post && booking[2] === '/cancel') return { action: 'POST /api/bookings/:code/cancel', params: [booking[1]!, booking[2]] };
  if (get && path === '/api/remote/offices') return { action: 'GET /api/remote/offices', params: [] };
  if (post && path === '/api/remote/join') return { action: 'POST /api/remote/join', params: [] };
  const phone = /^\/api\/phone\/([^/]{1,200})(\/nudges|\/questionnaire|\/arrived|\/arrival-qr\.svg)?$/.exec(path);
  if (phone && get && !phone[2]) return { action: 'GET /api/phone/:token', params: [phone[1]!] };
  if (phone && post && phone[2] === '/nudges') return { action: 'POST /api/phone/:token/nudges', params: [phone[1]!] };
  if (phone && get && phone[2] === '/questionnaire') return { action: 'GET /api/phone/:token/questionnaire', params: [phone[1]!] };
  if (phone && post && phone[2] === '/arrived') return { action: 'POST /api/phone/:token/arrived', params: [phone[1]!] };
  if (phone && get && phone[2] === '/arrival-qr.svg') return { action: 'GET /api/phone/:token/arrival-qr.svg', params: [phone[1]!] };
  if (phone && post && phone[2] === '/questionnaire') return { action: 'POST /api/phone/:token/questionnaire', params: [phone[1]!] };
  if (post && path === '/api/quality/login') return { action: 'POST /api/quality/login', params: [] };
  if (get && path === '/api/quality') return { action: 'GET /api/quality', params: [] };
  if (get && path === '/api/quality/monthly') return { action: 'GET /api/quality/monthly', params: [] };
  if (get && path === '/api/reports') return { action: 'GET /api/reports', params: [] };
  if (get && !path.startsWith('/api/')) return { action: 'GET pages', params: [] };
  return undefined;
}
