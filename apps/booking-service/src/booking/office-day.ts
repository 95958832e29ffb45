const formats = new Map<string, Intl.DateTimeFormat>();

/** The office's local date of an instant, "YYYY-MM-DD": bookings and reports count by it. */
export function officeDayOf(timeZone: string, instant: number): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(instant);
}
