import { z } from 'zod';
import type { DayLunch, DayPlan } from '@talon/domain';
import { dateField, idField } from './fields.js';

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');

/** At most this many lunches in one accepted plan: an office has tens of operators, not hundreds. */
export const MAX_PLAN_LUNCHES = 200;

/** The head's «План на завтра», on the /dashboard namespace. */
export const planDashboardCommands = {
  /** The plan for a date (tomorrow, the office's, when none is named). */
  'dashboard:plan': z.strictObject({ date: dateField.optional() }),
  /** Accepts lunches (the plan's best option, or another one shown) as that date's schedule. */
  'dashboard:accept-plan': z.strictObject({
    date: dateField,
    lunches: z
      .array(
        z
          .strictObject({ operatorId: idField, from: localTime, to: localTime })
          .refine((l) => l.from < l.to, { message: 'a lunch must end after it starts', path: ['to'] }),
      )
      .max(MAX_PLAN_LUNCHES),
    /** The share within the standard the head saw for these lunches, kept with the schedule for the audit trail. */
    expectedShare: z.number().min(0).max(1).optional(),
  }),
};

/** A date's schedule as accepted from a plan. */
export interface AcceptedDaySchedule {
  date: string;
  lunches: DayLunch[];
  expectedShare: number | null;
  acceptedBy: { id: string; name: string };
  acceptedAt: number;
}

export interface PlanView {
  plan: DayPlan;
  /** The office's today, so the screen can say «завтра». */
  today: string;
  timeZone: string;
  operators: Record<string, string>;
  services: Record<string, { name: string; nameEn?: string }>;
  /** What that date has already been given, if a plan was accepted for it. */
  accepted: AcceptedDaySchedule | null;
}

export interface PlanDashboardResults {
  'dashboard:plan': PlanView;
  'dashboard:accept-plan': { accepted: AcceptedDaySchedule };
}
