import { officeWideBreaks, WEEKDAY_KEYS, type OfficeConfig, type OfficeSummary } from '@talon/protocol';

/** What central needs to offer this office's slots; sent at every connect, so config edits reach it. */
export function officeSummaryOf(config: OfficeConfig): OfficeSummary {
  return {
    name: config.office.name,
    ...(config.office.address && { address: config.office.address }),
    ...(config.office.nameEn && { nameEn: config.office.nameEn }),
    ...(config.office.addressEn && { addressEn: config.office.addressEn }),
    timeZone: config.office.timeZone,
    hours: Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, config.hours[day]])) as OfficeSummary['hours'],
    holidays: config.holidays,
    ...(config.specialDays.length > 0 && { specialDays: config.specialDays }),
    breaks: officeWideBreaks(config),
    rules: {
      waitingStandardMinutes: config.rules.waitingStandardMinutes,
      bookingStandardMinutes: config.rules.bookingStandardMinutes,
      bookingCheckInEarlyMinutes: config.rules.bookingCheckInEarlyMinutes,
      bookingLateGraceMinutes: config.rules.bookingLateGraceMinutes,
    },
    services: config.services.map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.nameEn && { nameEn: s.nameEn }),
      bookable: s.bookable,
      slotMinutes: s.bookingSlotMinutes,
      capacityPerSlot: s.bookingCapacityPerSlot,
      // Only when on: a central from before places from home links the office as before.
      ...(s.remoteQueue && { remoteJoin: true }),
      ...(s.outcomes.length > 0 && {
        outcomes: s.outcomes.map((o) => ({ id: o.id, name: o.name, ...(o.nameEn && { nameEn: o.nameEn }), complaint: o.complaint })),
      }),
    })),
    ...(config.services.some((s) => s.remoteQueue) && { remoteArrival: { byLocation: config.remoteArrival.location !== undefined } }),
    quality: { repeatWindowDays: config.quality.repeatWindowDays },
  };
}
