import type { DayLunch, IsoWeekday, OfficeSetup, OpeningHours, PauseReason } from '@talon/domain';
import { WEEKDAY_KEYS, type OfficeConfig } from '@talon/protocol';

/**
 * The documented default of `rules.waitingHardLimitMinutes`: twice the standard. bench/call-policy
 * chose it: at 3x the share within the standard rose further but the longest wait passed a plain queue's.
 */
export const HARD_LIMIT_TIMES_STANDARD = 2;

/**
 * The documented default of `rules.waitingNearStandardMinutes`: the last third of the standard (5 of
 * 15 minutes). bench/call-policy over 100 days: 3 to 10 minutes all gave 80.7-81.5 % within 15 min
 * at 80 % load against 79.6 % without; a third is the middle of that flat stretch.
 */
export const NEAR_STANDARD_SHARE = 1 / 3;

/**
 * The part of the config the queue rules read, with the lunches of accepted day plans
 * (`day_schedules`: on their dates they replace the configured lunches of the operators they name).
 */
export function officeSetupFromConfig(config: OfficeConfig, dayLunches: Record<string, DayLunch[]> = {}): OfficeSetup {
  const week: Partial<Record<IsoWeekday, OpeningHours>> = {};
  WEEKDAY_KEYS.forEach((key, index) => {
    const hours = config.hours[key];
    if (hours) week[(index + 1) as IsoWeekday] = { open: hours.open, close: hours.close };
  });
  return {
    officeId: config.office.id,
    name: config.office.name,
    services: config.services.map((s) => ({
      id: s.id,
      name: s.name,
      prefix: s.prefix,
      normMinutes: s.normMinutes,
      outcomes: s.outcomes,
      ...(s.finishRequires && { finishRequires: s.finishRequires }),
      ...(s.remoteQueue && { remoteQueue: { maxWaiting: s.remoteQueue.maxWaiting, cutOffMinutes: s.remoteQueue.cutOffMinutes } }),
    })),
    desks: config.desks.map((d) => ({
      id: d.id,
      number: d.number,
      name: d.name,
      services: d.services,
      servicePolicy: d.servicePolicy,
    })),
    operators: config.operators.map((o) => ({ id: o.id, name: o.name })),
    categories: config.categories.map((c) => ({
      id: c.id,
      name: c.name,
      document: c.document,
      ...(c.finishRequires && { finishRequires: c.finishRequires }),
    })),
    schedule: {
      timeZone: config.office.timeZone,
      alwaysOpen: config.office.alwaysOpen,
      week,
      holidays: config.holidays,
      specialDays: Object.fromEntries(config.specialDays.map((d) => [d.date, { open: d.open, close: d.close }])),
      issueFromMinutesBeforeOpen: config.issuing.fromMinutesBeforeOpen,
      issueUntilMinutesBeforeClose: config.issuing.untilMinutesBeforeClose,
      breaks: config.breaks.map(({ days, ...b }) => ({
        ...b,
        reason: b.reason as PauseReason,
        ...(days && { days: days.map((day) => (WEEKDAY_KEYS.indexOf(day) + 1) as IsoWeekday) }),
      })),
      ...(Object.keys(dayLunches).length > 0 && { dayLunches }),
    },
    rules: {
      waitingStandardMinutes: config.rules.waitingStandardMinutes,
      waitingHardLimitMinutes: config.rules.waitingHardLimitMinutes ?? HARD_LIMIT_TIMES_STANDARD * config.rules.waitingStandardMinutes,
      waitingNearStandardMinutes: config.rules.waitingNearStandardMinutes ?? NEAR_STANDARD_SHARE * config.rules.waitingStandardMinutes,
      bookingStandardMinutes: config.rules.bookingStandardMinutes,
      maxPriorityCallsInRow: config.rules.maxPriorityCallsInRow,
      recallLimit: config.rules.recallLimit,
      bookingCheckInEarlyMinutes: config.rules.bookingCheckInEarlyMinutes,
      bookingLateGraceMinutes: config.rules.bookingLateGraceMinutes,
      serviceTimeSampleSize: config.rules.serviceTimeSampleSize,
    },
  };
}
