/**
 * Erlang C: how many desks a stream of visitors needs so that a given share is called within a
 * target wait, for visitors arriving at random (Poisson) and served in times spread exponentially.
 * Pure; the plan for tomorrow applies it per hour and per pool of desks serving the same services.
 */

/** Erlang B's blocking probability by its stable recurrence, B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)). */
function erlangB(trafficErlangs: number, servers: number): number {
  let b = 1;
  for (let n = 1; n <= servers; n += 1) b = (trafficErlangs * b) / (n + trafficErlangs * b);
  return b;
}

/**
 * The probability that a visitor waits at all (Erlang C), with `servers` desks and a traffic of
 * `trafficErlangs` (arrivals per unit time x mean handling time). 1 when the desks cannot keep up.
 */
export function erlangC(trafficErlangs: number, servers: number): number {
  if (trafficErlangs <= 0) return 0;
  if (servers <= trafficErlangs) return 1;
  const b = erlangB(trafficErlangs, servers);
  return (servers * b) / (servers - trafficErlangs * (1 - b));
}

export interface StaffingQuestion {
  /** Visitors expected in the period. */
  arrivals: number;
  periodSeconds: number;
  /** Mean time a desk spends on one visitor. */
  handleSeconds: number;
  /** Called within this long... */
  targetSeconds: number;
  /** ...for at least this share (0.8 for 80 %). */
  targetShare: number;
}

export interface StaffingAnswer {
  desks: number;
  /** The share called within the target with that many desks. */
  serviceLevel: number;
  probabilityOfWaiting: number;
  /** Mean wait to be called, seconds. */
  averageWaitSeconds: number;
  trafficErlangs: number;
}

/** The figures for a given number of desks. */
export function staffingWith(question: Omit<StaffingQuestion, 'targetShare'>, desks: number): StaffingAnswer {
  const trafficErlangs = (question.arrivals * question.handleSeconds) / question.periodSeconds;
  const pw = erlangC(trafficErlangs, desks);
  const spare = desks - trafficErlangs;
  const serviceLevel = spare <= 0 ? 0 : 1 - pw * Math.exp((-spare * question.targetSeconds) / question.handleSeconds);
  const averageWaitSeconds = spare <= 0 ? Infinity : (pw * question.handleSeconds) / spare;
  return { desks, serviceLevel, probabilityOfWaiting: pw, averageWaitSeconds, trafficErlangs };
}

/** The fewest desks that reach the target share (none with no visitors). */
export function desksNeeded(question: StaffingQuestion): StaffingAnswer {
  if (question.arrivals <= 0) return staffingWith(question, 0);
  let desks = Math.max(1, Math.floor((question.arrivals * question.handleSeconds) / question.periodSeconds));
  for (; desks < 10_000; desks += 1) {
    const answer = staffingWith(question, desks);
    if (answer.serviceLevel >= question.targetShare) return answer;
  }
  return staffingWith(question, desks);
}
