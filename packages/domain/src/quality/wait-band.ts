/** Wait bands of the programme, so "ratings fall when the wait passes 15 minutes" shows. */
export const WAIT_BANDS = ['0-5', '5-15', '15-30', '30+'] as const;
export type WaitBand = (typeof WAIT_BANDS)[number];

/** Lower bound included, upper excluded: exactly 15 minutes falls in 15-30. */
export function waitBandOf(minutes: number): WaitBand {
  if (minutes < 5) return '0-5';
  if (minutes < 15) return '5-15';
  if (minutes < 30) return '15-30';
  return '30+';
}
