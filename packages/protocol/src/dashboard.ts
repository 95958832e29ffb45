import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import { idField } from './fields.js';
import { qualityDashboardCommands, type QualityDashboardResults } from './quality.js';
import { planDashboardCommands, type PlanDashboardResults } from './plan.js';
import type { CentralLinkView, DeskView, DeviceHealthView, OfficeView, ServiceQueueView } from './views.js';

export const dashboardCommands = {
  'dashboard:snapshot': z.strictObject({}),
  /** The head closes any open desk (its operator gone home, a console dead); its visitor goes back to the queue in their place. */
  'dashboard:close-desk': z.strictObject({ deskId: idField }),
  ...qualityDashboardCommands,
  ...planDashboardCommands,
};

export interface DayTotals {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Priority visitors finished today whose document was never confirmed (unchecked or not shown). */
  priorityUnconfirmed: number;
  waitingNow: number;
  averageWaitMin: number | null;
  longestWaitNowMin: number;
  /** Share of called visitors who waited no longer than the office standard, 0..1. */
  withinStandardShare: number | null;
  bookings: { checkedIn: number; called: number; withinStandardShare: number | null };
}

export interface RatingSummary {
  count: number;
  average: number | null;
  /** Counts of 1..5 at indexes 0..4. */
  distribution: [number, number, number, number, number];
  /** Ratings against how long those visitors waited. */
  byWait: { label: string; maxWaitMin: number | null; count: number; average: number | null }[];
  lowRatings: { ticketNumber: string; deskNumber: number; value: number; at: number }[];
}

export interface HourLoad {
  hour: number;
  issued: number;
  served: number;
  averageWaitMin: number | null;
}

/** One operator's day so far: what a quality programme asks of each person at a desk. */
export interface OperatorDayView {
  operatorId: string;
  operatorName: string;
  served: number;
  noShow: number;
  /** Mean minutes from start to finish of their visitors; null before the first one. */
  averageServiceMin: number | null;
  ratingCount: number;
  ratingAverage: number | null;
}

/** The wait estimate against what happened, over the tickets told one and called since. */
export interface WaitAccuracy {
  /** Tickets told an estimate at the kiosk and called since. */
  counted: number;
  /** Mean of |told - waited|, minutes; null with nothing counted. */
  meanAbsErrorMin: number | null;
  /** Mean of told - waited: below zero, the office tells too short a wait. */
  biasMin: number | null;
  /** Share whose wait fell inside the printed range. */
  insideRangeShare: number | null;
}

export interface DashboardState {
  office: OfficeView;
  day: string;
  queue: ServiceQueueView[];
  totals: DayTotals;
  desks: DeskView[];
  ratings: RatingSummary;
  /** Everyone who serves at a desk, in the config's order. */
  operators: OperatorDayView[];
  hours: HourLoad[];
  /**
   * The office's hours today as whole clock hours, `from` up to (not including) `to`: the charts
   * span them whatever the data. Absent on a day the office is closed.
   */
  openHours?: { from: number; to: number };
  devices: DeviceHealthView[];
  central: CentralLinkView;
  waitingStandardMinutes: number;
  bookingStandardMinutes: number;
  /** The estimate told at the kiosk against the waits: today and the month so far. */
  waitAccuracy?: { today: WaitAccuracy; month: WaitAccuracy };
}

export interface DashboardResults extends QualityDashboardResults, PlanDashboardResults {
  'dashboard:snapshot': { state: DashboardState };
  'dashboard:close-desk': { deskId: string };
}

export type DashboardClientEvents = CommandEvents<typeof dashboardCommands, DashboardResults>;

/** A visitor rated the service 1 or 2. */
export interface LowRatingAlert {
  kind: 'low-rating';
  ticketNumber: string;
  deskNumber: number;
  value: number;
  at: number;
}

/** The states of a visitor-facing device that want someone to walk over to it. */
export type DeviceAlertStatus = 'paper-end' | 'cover-open' | 'error' | 'offline';

/** A printer or rating button just went into trouble; sent once per change, not per repeat. */
export interface DeviceAlert {
  kind: 'device';
  deviceKind: 'printer' | 'rating-button';
  deviceId: string;
  /** Where people find it: the kiosk's name for a printer, the desk's for a rating button. */
  deviceName: string;
  deviceNameEn?: string;
  status: DeviceAlertStatus;
  at: number;
}

/** Structured so the screen words it in its own language. */
export type DashboardAlert = LowRatingAlert | DeviceAlert;

export interface DashboardServerEvents {
  'dashboard:state': (state: DashboardState) => void;
  'dashboard:alert': (alert: DashboardAlert) => void;
}
