import { adminCommands } from './admin.js';
import { boardCommands } from './board.js';
import { dashboardCommands } from './dashboard.js';
import { deviceCommands } from './device.js';
import { kioskCommands } from './kiosk.js';
import { operatorCommands } from './operator.js';

/** One namespace per role; each accepts only its own role's commands. */
export const NAMESPACES = {
  kiosk: '/kiosk',
  operator: '/operator',
  board: '/board',
  dashboard: '/dashboard',
  admin: '/admin',
  device: '/device',
} as const;

export type Role = keyof typeof NAMESPACES;

export const COMMANDS_BY_ROLE = {
  kiosk: kioskCommands,
  operator: operatorCommands,
  board: boardCommands,
  dashboard: dashboardCommands,
  admin: adminCommands,
  device: deviceCommands,
} as const;

/** Handshake auth: devices send their token, people send the session token from POST /api/login. */
export type HandshakeAuth = { token: string } | { session: string };

/** Larger events are refused with `payload-too-large`; no command needs more. */
export const MAX_EVENT_BYTES = 64 * 1024;
