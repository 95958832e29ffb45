import type { FinishRequirements, CategoryCheck, DeskStatus, PauseReason, TicketKind, TicketStatus } from '@talon/domain';

/**
 * What screens are shown. Server-made, so plain types; the inputs screens send are zod-checked.
 * Times are ms since the epoch; screens format them in the office's time zone.
 */

export interface OfficeView {
  officeId: string;
  name: string;
  nameEn?: string;
  timeZone: string;
  alwaysOpen: boolean;
  issuing: { open: boolean; opensAt?: number; closesAt?: number };
  serverTime: number;
}

export interface TicketView {
  id: string;
  number: string;
  serviceId: string;
  serviceName: string;
  serviceNameEn?: string;
  kind: TicketKind;
  categoryId?: string;
  categoryName?: string;
  categoryDocument?: string;
  categoryCheck?: CategoryCheck;
  bookingId?: string;
  bookingSlotStart?: number;
  accountNumber?: string;
  issuedAt: number;
  queuedAt: number;
  status: TicketStatus;
  deskId?: string;
  deskNumber?: number;
  calledAt?: number;
  servingStartedAt?: number;
  recalls: number;
  transferComment?: string;
  /** The service norm, for the operator's soft warning. */
  normMinutes: number;
  /** A place taken from home: whether its visitor has said they are here, and whether its turn passed once. */
  remote?: { arrived: boolean; skipped: boolean };
}

export interface ServiceQueueView {
  serviceId: string;
  serviceName: string;
  serviceNameEn?: string;
  prefix: string;
  waiting: number;
  longestWaitMin: number;
  /** Desks open now (not paused, not closed) that serve it: 0 with people waiting wants the head's eye. */
  desksServing: number;
  /** Of `waiting`, places taken from home, and how many of those visitors have not arrived yet. */
  remote?: { waiting: number; away: number };
}

export interface DeskView {
  id: string;
  number: number;
  name: string;
  nameEn?: string;
  status: DeskStatus;
  operatorId?: string;
  operatorName?: string;
  pauseReason?: PauseReason;
  statusSince: number;
  serviceIds: string[];
  currentTicket?: TicketView;
}

export interface ServiceView {
  id: string;
  name: string;
  nameEn?: string;
  hint?: string;
  hintEn?: string;
  prefix: string;
  groupId?: string;
  askAccountNumber: boolean;
  normMinutes: number;
  outcomes: { id: string; name: string; nameEn?: string }[];
  finishRequires?: FinishRequirements;
}

export interface ServiceGroupView {
  id: string;
  name: string;
  nameEn?: string;
  parentId?: string;
}

export interface CategoryView {
  id: string;
  name: string;
  nameEn?: string;
  document: string;
  documentEn?: string;
  finishRequires?: FinishRequirements;
}

export type PrinterHealth = 'ok' | 'paper-near-end' | 'paper-end' | 'cover-open' | 'error' | 'offline' | 'unknown';

/**
 * The office's link to the central booking service: none configured (an office on its own), or
 * up or down with the outbox's events still waiting to go up.
 */
export type CentralLinkView =
  | { state: 'not-configured' }
  | { state: 'online' | 'offline'; unsent: number; lastAckedAt: number | null };

export interface DeviceHealthView {
  kind: 'printer' | 'rating-button' | 'kiosk' | 'board' | 'agent';
  id: string;
  name: string;
  /** A rating button's desk name on English views; kiosks, boards and agents have one name. */
  nameEn?: string;
  online: boolean;
  status: string;
  since: number;
  /** When the server last heard it (kept across restarts); absent if never. */
  lastSeenAt?: number;
  /** Not heard for the office's limit, counted from its last sign of life or the server's start. */
  missing?: boolean;
}
