import { localTimeOf, type OfficeSchedule, type QualityRules } from '@talon/domain';
import type { OfficeConfig } from '@talon/protocol';

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
