/** How the plan's figures read on screen; the raw numbers stay in `data-value` for tests and tools. */

const numberFormat = (language: 'ru' | 'en', digits: number) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 0.94588 → «94,6 %»: options a tenth of a per cent apart still read apart. */
export function formatPlanShare(share: number, language: 'ru' | 'en'): string {
  return `${numberFormat(language, 1).format(Math.round(share * 1000) / 10)} %`;
}

/** Expected visitors or desks on duty, one decimal: «12,3». */
export function formatTenths(value: number, language: 'ru' | 'en'): string {
  return numberFormat(language, 1).format(Math.round(value * 10) / 10);
}

/** Whole minutes. */
export function formatWholeMinutes(value: number): string {
  return String(Math.round(value));
}

/** «вторник, 01.12.2026» / «Tuesday, 01.12.2026». */
export function weekdayDayText(isoDay: string, language: 'ru' | 'en'): string {
  const weekday = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', { weekday: 'long', timeZone: 'UTC' }).format(Date.parse(`${isoDay}T12:00:00Z`));
  const [y, m, d] = isoDay.split('-');
  return `${weekday}, ${d}.${m}.${y}`;
}
