import { localTimeOf, type OfficeSchedule, type QualityRules } from '@talon/domain';
import type { OfficeConfig, QualityName, QualityViewContext } from '@talon/protocol';

/** The quality programme's rules as the office config states them. */
export function qualityRulesFromConfig(config: OfficeConfig, schedule: OfficeSchedule): QualityRules {
  const complaintOutcomeIds = new Set(config.services.flatMap((s) => s.outcomes.filter((o) => o.complaint).map((o) => o.id)));
  return {
    complaintOutcomeIds,
    repeatWindowDays: config.quality.repeatWindowDays,
    holidays: new Set(config.holidays),
    waitingStandardMinutes: config.rules.waitingStandardMinutes,
    bookingStandardMinutes: config.rules.bookingStandardMinutes,
    hourOf: (at) => Number(localTimeOf(schedule, at).time.slice(0, 2)),
  };
}

/** Names for the ids in the Quality view, from the config as it is now (a renamed service shows its new name). */
export function qualityViewContext(config: OfficeConfig, today: string): QualityViewContext {
  const named = (x: { name: string; nameEn?: string | undefined }): QualityName => (x.nameEn ? { name: x.name, nameEn: x.nameEn } : { name: x.name });
  return {
    today,
    waitingStandardMinutes: config.rules.waitingStandardMinutes,
    bookingStandardMinutes: config.rules.bookingStandardMinutes,
    services: Object.fromEntries(config.services.map((s) => [s.id, named(s)])),
    outcomes: Object.fromEntries(config.services.flatMap((s) => s.outcomes.map((o) => [o.id, named(o)]))),
    operators: Object.fromEntries(config.operators.map((o) => [o.id, o.name])),
    desks: Object.fromEntries(config.desks.map((d) => [d.id, d.number])),
  };
}
