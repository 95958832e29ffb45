import { z } from 'zod';
import type { FollowUp, PeriodIndicators, QualityPeriod, QualityReport } from '@talon/domain';
import { idField, dateField } from './fields.js';

const officeDay = dateField;

/** At most this many days in one Quality view (a year and a bit: a quarter is the usual). */
export const MAX_QUALITY_PERIOD_DAYS = 400;

export const qualityPeriod = z
  .strictObject({ from: officeDay, to: officeDay })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < MAX_QUALITY_PERIOD_DAYS, {
    message: `at most ${MAX_QUALITY_PERIOD_DAYS} days`,
    path: ['to'],
  });

/** The office head's Quality view, on the /dashboard namespace. */
export const qualityDashboardCommands = {
  'dashboard:quality': qualityPeriod,
  /** Only the head (not an admin) marks a low rating's call-back done. */
  'dashboard:follow-up-done': z.strictObject({ ticketId: idField, note: z.string().trim().min(1).max(500) }),
};

/** A name in both languages (English falls back to Russian). */
export interface QualityName {
  name: string;
  nameEn?: string;
}

/** What the Quality view needs besides the numbers: names for the ids, the standards, today. */
export interface QualityViewContext {
  /** The office's today (office days are YYYY-MM-DD in its time zone): the period presets end here. */
  today: string;
  waitingStandardMinutes: number;
  bookingStandardMinutes: number;
  services: Record<string, QualityName>;
  outcomes: Record<string, QualityName>;
  operators: Record<string, string>;
  /** Desk id -> the number on the desk. */
  desks: Record<string, number>;
}

export interface QualityDashboardResults {
  'dashboard:quality': { report: QualityReport; followUps: FollowUp[]; context: QualityViewContext };
  'dashboard:follow-up-done': { ticketId: string };
}

/** One office in central's quality view. */
export interface OfficeQuality {
  officeId: string;
  name: string;
  region?: string;
  /** 1 is the best: by satisfied share, then fewer complaints per 1,000, then first-visit resolution. */
  rank: number;
  current: PeriodIndicators;
  previous: PeriodIndicators;
}

/** Central's quality view for the quality department (`GET /api/quality`). */
export interface CentralQualityView {
  period: QualityPeriod;
  /** Every office in the user's scope together; operator and desk keys are `office:id`. */
  company: QualityReport;
  offices: OfficeQuality[];
  /** Names of the outcome codes in the complaints, as the offices name them. */
  outcomes: Record<string, QualityName>;
  /** Names of the services (the splits by service; ids are the company's, shared by its offices). */
  services: Record<string, QualityName>;
  /**
   * Ratings of 1–2 of the period, newest day and rating first, at most `MAX_CENTRAL_FOLLOW_UPS`: the
   * call-backs the quality department may check on (the offices mark them done; the marks stay at
   * the office).
   */
  followUps: CentralFollowUp[];
  /** The period holds more low ratings than the list (they are not counted: a month of 300 offices holds ~300,000). */
  followUpsMore: boolean;
}

/** The newest this many low ratings travel with central's view and its report. */
export const MAX_CENTRAL_FOLLOW_UPS = 500;

/** A low rating as central lists it: the office's follow-up with its office. */
export type CentralFollowUp = Omit<FollowUp, 'done'> & { officeId: string };

/** `POST /api/quality/login` answers this with `ok: true`. */
export interface QualityLoginAnswer {
  token: string;
  expiresAt: number;
  user: { login: string; name: string; regions: string[] | null };
}
