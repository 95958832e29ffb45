import { officeWideBreaks, WEEKDAY_KEYS, type OfficeConfig, type WeekdayKey } from '@talon/protocol';

export interface AwayWindow {
  from: string;
  to: string;
  /** The working days it falls in. */
  days: WeekdayKey[];
}

/**
 * Times when every operator is on a break while the office is open: nobody serves, and no booking
 * slot is offered. A window outside opening hours harms no one and is left out.
 */
export function awayWhileOpen(config: Pick<OfficeConfig, 'operators' | 'breaks' | 'hours'>): AwayWindow[] {
  return officeWideBreaks(config).flatMap((window) => {
    const days = (window.days ?? WEEKDAY_KEYS).filter((day) => {
      const hours = config.hours[day];
      return hours !== null && hours !== undefined && window.from < hours.close && window.to > hours.open;
    });
    return days.length > 0 ? [{ from: window.from, to: window.to, days }] : [];
  });
}
