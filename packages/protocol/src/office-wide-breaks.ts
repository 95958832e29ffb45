import { countsAsDeskStaff } from '@talon/domain';
import type { OfficeConfig, WeekdayKey } from './office-config.js';
import { WEEKDAY_KEYS } from './office-config.js';

const toMinute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

type Window = { from: string; to: string };
/** A window when every operator is away; `days` absent means every day. */
export interface OfficeWideBreak {
  from: string;
  to: string;
  days?: WeekdayKey[];
}

/** Windows of one weekday when every desk operator is on a break that applies that day. */
function allOutWindows(operators: string[], breaks: OfficeConfig['breaks'], day: WeekdayKey): Window[] {
  const today = breaks.filter((b) => b.days === undefined || b.days.includes(day));
  const onBreak = (operatorId: string, minute: number) =>
    today.some((b) => b.operatorId === operatorId && toMinute(b.from) <= minute && minute < toMinute(b.to));
  const windows: Window[] = [];
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

/**
 * Windows when every operator is on a break: no booking slot may start in them. Staggered
 * lunches leave none, which is the point of staggering them. Breaks may name their weekdays, so
 * the windows are found per weekday and the same window on several days is sent once with those
 * days; a window of every day goes without `days`, as an office before weekdays sent it.
 */
export function officeWideBreaks(config: Pick<OfficeConfig, 'operators' | 'breaks'>): OfficeWideBreak[] {
  // The head is not counted even with the operator role: she steps in, she is not the cover.
  const operators = config.operators.filter((o) => countsAsDeskStaff(o.roles)).map((o) => o.id);
  if (operators.length === 0) return [];
  const byWindow = new Map<string, { window: Window; days: WeekdayKey[] }>();
  for (const day of WEEKDAY_KEYS) {
    for (const window of allOutWindows(operators, config.breaks, day)) {
      const key = `${window.from}-${window.to}`;
      const entry = byWindow.get(key) ?? { window, days: [] };
      entry.days.push(day);
      byWindow.set(key, entry);
    }
  }
  return [...byWindow.values()]
    .sort((a, b) => a.window.from.localeCompare(b.window.from) || a.window.to.localeCompare(b.window.to))
    .map(({ window, days }) => (days.length === WEEKDAY_KEYS.length ? window : { ...window, days }));
}

