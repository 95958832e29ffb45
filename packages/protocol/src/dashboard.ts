import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import type { DeskView, DeviceHealthView, OfficeView, ServiceQueueView } from './views.js';

export const dashboardCommands = {
  'dashboard:snapshot': z.strictObject({}),
};

export interface DayTotals {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
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

export interface DashboardState {
  office: OfficeView;
  day: string;
  queue: ServiceQueueView[];
  totals: DayTotals;
  desks: DeskView[];
  ratings: RatingSummary;
  hours: HourLoad[];
  devices: DeviceHealthView[];
  waitingStandardMinutes: number;
  bookingStandardMinutes: number;
}

export interface DashboardResults {
  'dashboard:snapshot': { state: DashboardState };
}

export type DashboardClientEvents = CommandEvents<typeof dashboardCommands, DashboardResults>;

export interface DashboardServerEvents {
  'dashboard:state': (state: DashboardState) => void;
  'dashboard:alert': (alert: { kind: 'low-rating' | 'device'; message: string; at: number }) => void;
}
