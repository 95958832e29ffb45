// How long the forward play takes for a hall of 100 waiting visitors on the generated office (five
// desks open, two of them mid-visit), against today's estimate for one ticket, in the same run.
import { performance } from 'node:perf_hooks';
import { FORECAST_PLAYS, createQueueState, estimateWait, forecastCalls, forecastWaits, instantOfLocal } from '@talon/domain';
import { generatedSetup } from './generated-office.js';

const MINUTE = 60_000;

export function forecastSpeed(runs = 200) {
  const now = instantOfLocal(generatedSetup.schedule.timeZone, '2026-11-24', '10:30');
  const base = createQueueState(generatedSetup, now - 3 * 60 * MINUTE);
  const services = generatedSetup.services.map((s) => s.id);
  const tickets = new Map();
  for (let i = 0; i < 100; i += 1) {
    const queuedAt = now - (100 - i) * 20_000;
    tickets.set(`t${i}`, { id: `t${i}`, number: `A${i}`, serviceId: services[i % services.length], officeDay: '2026-11-24', kind: i % 20 === 0 ? 'priority' : 'walk-in', issuedAt: queuedAt, queuedAt, status: 'waiting', recalls: 0 });
  }
  const desks = new Map(base.desks);
  for (const d of generatedSetup.desks) desks.set(d.id, { deskId: d.id, status: 'open', operatorId: `g-op-${d.number}`, statusSince: now - 60 * MINUTE, priorityCallsInRow: 0, lastFinishedRated: false });
  const state = { ...base, tickets, desks };
  const time = (fn) => {
    for (let i = 0; i < 20; i += 1) fn();
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) fn();
    return (performance.now() - start) / runs;
  };
  // Arrivals at the 80 % day's pace (about 24 an hour, 5 % priority), as the office passes them.
  const arrivals = services.flatMap((serviceId, i) => [
    { serviceId, kind: 'walk-in', perHour: [9, 7, 4.5, 2.3][i] },
    { serviceId, kind: 'priority', perHour: [0.5, 0.4, 0.2, 0.1][i] },
  ]);
  const forward = time(() => forecastCalls(state, now));
  const told = time(() => forecastWaits(state, now, { arrivals, callToStartMs: 40_000 }));
  const today = time(() => estimateWait(state, 'pay', now, 't99'));
  console.log(
    `\nforecast speed, a hall of 100 waiting on 5 desks: one play ${forward.toFixed(2)} ms; what is told (${FORECAST_PLAYS} plays, with the visitors expected meanwhile) ${told.toFixed(2)} ms, every ticket's wait at once (target < 5 ms); today's estimate ${today.toFixed(3)} ms for one ticket`,
  );
}
