import { WEEKDAY_KEYS, type OfficeConfig, type OfficeSummary } from '@talon/protocol';

const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Windows of the day when every operator is on a break: no booking slot may start in them.
 * Staggered lunches leave none, which is the point of staggering them.
 */
export function officeWideBreaks(config: Pick<OfficeConfig, 'operators' | 'breaks'>): { from: string; to: string }[] {
  const operators = config.operators.filter((o) => o.roles.includes('operator')).map((o) => o.id);
  if (operators.length === 0) return [];
  const onBreak = (operatorId: string, minute: number) =>
    config.breaks.some((b) => b.operatorId === operatorId && toMinute(b.from) <= minute && minute < toMinute(b.to));
  const windows: { from: string; to: string }[] = [];
  let start: number | undefined;
  for (let minute = 0; minute <= 24 * 60; minute += 1) {
    const all = minute < 24 * 60 && operators.every((id) => onBreak(id, minute));
    if (all && start === undefined) start = minute;
    if (!all && start !== undefined) {
      windows.push({ from: toTime(start), to: toTime(Math.min(minute, 23 * 60 + 59)) });
      start = undefined;
    }
  }
  return windows;
}

/** What central needs to offer this office's slots; sent at every connect, so config edits reach it. */
export function officeSummaryOf(config: OfficeConfig): OfficeSummary {
  return {
    name: config.office.name,
    ...(config.office.address && { address: config.office.address }),
    timeZone: config.office.timeZone,
    hours: Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, config.hours[day]])) as OfficeSummary['hours'],
    holidays: config.holidays,
    breaks: officeWideBreaks(config),
    rules: {
      waitingStandardMinutes: config.rules.waitingStandardMinutes,
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
    })),
  };
}
