/**
 * Screens show the office's wall clock, not the browser's: a board PC set to the wrong zone must
 * still show the hall the right time.
 */
export function formatTime(at: number, timeZone: string, withSeconds = false): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds && { second: '2-digit' }),
    hourCycle: 'h23',
  }).format(at);
}

export function formatDate(at: number, timeZone: string, language: 'ru' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
    timeZone,
    day: 'numeric',
    month: 'long',
    weekday: 'long',
  }).format(at);
}

/** The office's local date of an instant, "YYYY-MM-DD" (en-CA spells dates that way). */
export function officeDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whole minutes from `since` to `now`, never negative (clocks of server and screen differ a little). */
export function minutesBetween(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 60_000));
}

/** The server's clock as seen from here: screens correct their own clock by the last known offset. */
export function serverClockOffset(serverTime: number, receivedAt = Date.now()): number {
  return serverTime - receivedAt;
}
