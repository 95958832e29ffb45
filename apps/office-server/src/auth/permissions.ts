import type { DeskState, QueueState, Ticket } from '@talon/domain';
import { OPERATOR_ROLES, type Failure, type OperatorRole } from '@talon/protocol';

/**
 * How far a right reaches: `none`, only what lies at the desk the person has open (`own-desk`),
 * or anywhere in the office (`office`).
 */
export type Reach = 'none' | 'own-desk' | 'office';

/**
 * Who may do what, as one table; docs/protocol.md prints the same table. A namespace lets in the
 * roles that hold some right on its screen (`screenRoles`, from the `screen` column); `authorise`
 * decides every command and request listed here, so a right is changed in this table and nowhere
 * else. A person with several roles has the widest reach.
 */
export const PERMISSIONS = {
  /** Open, pause, close one's own desk; call, serve, finish, transfer, park its visitors; the console's state. */
  'operator desk work': { screen: '/operator', operator: 'own-desk', head: 'own-desk', admin: 'own-desk' },
  /** `ticket:cancel`: a ticket waiting for a service the desk serves, or the one at the desk. */
  'operator ticket:cancel': { screen: '/operator', operator: 'own-desk', head: 'office', admin: 'office' },
  /** `dashboard:close-desk`: any open desk, its visitor back to the queue in their place. */
  'dashboard dashboard:close-desk': { screen: '/dashboard', operator: 'none', head: 'office', admin: 'office' },
  /** The call-back after a low rating is the head's job; an admin sees the list only. */
  'dashboard dashboard:follow-up-done': { screen: '/dashboard', operator: 'none', head: 'office', admin: 'none' },
  /** Accepting the plan for tomorrow: its lunches become that date's schedule. */
  'dashboard dashboard:accept-plan': { screen: '/dashboard', operator: 'none', head: 'office', admin: 'office' },
  /** `GET /api/reports/tickets.csv`: the day's tickets, the dashboard's export (HTTP, with the session). */
  'dashboard tickets.csv': { screen: '/dashboard', operator: 'none', head: 'office', admin: 'office' },
  /** Every `/admin` command: the office's config, device tokens, passwords, bookings at the counter. */
  'admin config': { screen: '/admin', operator: 'none', head: 'none', admin: 'office' },
} as const satisfies Record<string, { screen: Screen } & Record<OperatorRole, Reach>>;

export type Permission = keyof typeof PERMISSIONS;

/** The screens people log in to, each a Socket.IO namespace. */
export type Screen = '/operator' | '/dashboard' | '/admin';

/** The screens people log in to, in the order a front page lists them. */
export const SCREENS: readonly Screen[] = ['/operator', '/dashboard', '/admin'];

/** The screens a person with these roles may open (told at login, so a screen need not guess). */
export function screensOf(roles: readonly OperatorRole[]): Screen[] {
  return SCREENS.filter((screen) => screenRoles(screen).some((role) => roles.includes(role)));
}

/** The roles a screen lets in at connect: those with some right on it in the table. */
export function screenRoles(screen: Screen): OperatorRole[] {
  const rows: ReadonlyArray<{ screen: Screen } & Record<OperatorRole, Reach>> = Object.values(PERMISSIONS);
  return OPERATOR_ROLES.filter((role) => rows.some((row) => row.screen === screen && row[role] !== 'none'));
}

const WIDTH: Record<Reach, number> = { none: 0, 'own-desk': 1, office: 2 };

/** Allowed; `authority` set when the act went beyond the person's own desk, for the audit trail. */
export type Authorised = { ok: true; authority?: 'head' | 'admin' };

/**
 * The one permission check. `withinOwnDesk` says whether the target lies at the desk the person
 * has open (false with no desk open). Beyond the own desk the head's right is named before the
 * admin's, so the audit trail shows the narrowest role that allowed it.
 */
export function authorise(roles: readonly OperatorRole[], permission: Permission, withinOwnDesk: boolean): Authorised | Failure {
  const row = PERMISSIONS[permission];
  const reach = roles.reduce<Reach>((widest, role) => (WIDTH[row[role]] > WIDTH[widest] ? row[role] : widest), 'none');
  if (reach === 'none') return { ok: false, code: 'forbidden', message: `${roles.join('/')} may not ${permission.split(' ')[1]}` };
  if (withinOwnDesk) return { ok: true };
  if (reach === 'own-desk') return { ok: false, code: 'forbidden', message: 'only at the desk you have open; ask the office head' };
  const authority = (['head', 'admin'] as const).find((role) => roles.includes(role) && row[role] === 'office');
  return authority ? { ok: true, authority } : { ok: true };
}

/**
 * Whether a ticket lies at an operator's open desk: called, served or parked there, or waiting
 * for it (sent to this desk, or of a service the desk serves and sent to no other desk).
 */
export function ticketWithinDesk(state: QueueState, desk: DeskState | undefined, ticket: Ticket): boolean {
  if (!desk || desk.status === 'closed') return false;
  if (ticket.status !== 'waiting') return ticket.deskId === desk.deskId;
  if (ticket.targetDeskId !== undefined) return ticket.targetDeskId === desk.deskId;
  return state.setup.desks.find((d) => d.id === desk.deskId)?.services.some((s) => s.serviceId === ticket.serviceId) ?? false;
}
