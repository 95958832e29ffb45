/**
 * Waits for `work`, but never longer than `ms`, and never throws: a stop must end on time
 * whatever hangs (a printer that never answers, a client that never lets go, a database away).
 */
export function within(ms: number, work: Promise<unknown> | undefined): Promise<void> {
  if (!work) return Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work.then(() => undefined, () => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}
