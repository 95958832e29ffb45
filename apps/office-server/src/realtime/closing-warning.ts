const MINUTE = 60_000;

export interface ClosingCheck {
  now: number;
  /** Today's closing time; absent for an office open around the clock. */
  closesAt: number | undefined;
  /** The queue's estimate; null while no desk serving the service is open. */
  estimatedWaitMin: number | null;
  peopleAhead: number;
  /** The service's norm per visitor, the office's own yardstick. */
  normMinutes: number;
  /** Desks the config lets serve the service, open or not. */
  desksServing: number;
}

/**
 * Whether the kiosk should warn that the office may close before the visitor's turn. With an
 * estimate, when it runs past closing. Without one (at opening time no desk is open yet) the
 * kiosk must not guess gloom: it warns only if even every desk that serves the service, opened
 * now and working at the norm, could not reach the visitor before closing.
 */
export function mayNotBeServedToday(check: ClosingCheck): boolean {
  if (check.closesAt === undefined) return false;
  const turnInMin = check.estimatedWaitMin ?? bestCaseWaitMin(check);
  if (turnInMin === null) return false;
  return check.now + turnInMin * MINUTE > check.closesAt;
}

function bestCaseWaitMin({ peopleAhead, normMinutes, desksServing }: ClosingCheck): number | null {
  if (desksServing === 0) return null;
  return Math.ceil((peopleAhead * normMinutes) / desksServing);
}
