// bench/call-policy: the demo office's day, simulated many times through the real queue engine,
// under Talon's call policy and under two simpler ones measured in the same run: a plain queue
// (FIFO, priority ignored) and strict priority (priority and bookings always first, no cap).
// Prints waits by kind of visitor and the share within the office's standards, then Talon's
// figures as ratios of the plain queue's.
import { readFileSync } from 'node:fs';
import { checkOfficeConfig } from '@talon/protocol';
import { officeSetupFromConfig } from '../../apps/office-server/dist/config/office-setup-from-config.js';
import { POLICIES, simulateDay } from './simulate-day.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const MINUTE = 60_000;

const raw = JSON.parse(readFileSync(new URL('../../apps/office-server/config/demo-office.json', import.meta.url), 'utf8'));
const check = checkOfficeConfig(raw);
if (!check.ok) throw new Error(check.problems.join('\n'));
const config = { ...check.config, office: { ...check.config.office, alwaysOpen: false } };
const setup = officeSetupFromConfig(config);
const rules = setup.rules;
// The demo's four operators, one per desk, with their staggered lunches.
const operatorOf = { 'desk-1': 'op-ivanova', 'desk-2': 'op-petrov', 'desk-3': 'op-sidorova', 'desk-4': 'op-kuznetsov' };

const base = {
  date: '2026-11-24',
  open: '08:00',
  close: '17:00',
  // Visitors per hour from 08:00: a morning rush, a lull at lunch, a second wave after it.
  hourProfile: [0.7, 1.3, 1.4, 1.2, 0.9, 1.0, 1.2, 1.1, 0.5],
  serviceMix: { payments: 40, meters: 20, contracts: 20, recalculation: 12, business: 8 },
  absentShare: 0.03,
  bookings: {
    count: 14,
    noShowShare: 0.1,
    serviceMix: { contracts: 6, recalculation: 3, business: 2, payments: 3 },
    slotMinutes: Object.fromEntries(config.services.filter((s) => s.bookable).map((s) => [s.id, s.bookingSlotMinutes])),
  },
};
// The same engine with the fairness cap lifted, to show what the cap buys walk-ins and costs priority.
const uncapped = { ...setup, rules: { ...rules, maxPriorityCallsInRow: Number.MAX_SAFE_INTEGER } };
const variants = [
  ['talon', 'talon', setup],
  ['talon, no cap', 'talon', uncapped],
  ...Object.keys(POLICIES)
    .filter((p) => p !== 'talon')
    .map((p) => [p, p, setup]),
];

const scenarios = [
  { name: 'an ordinary day: 110 visitors, 10% priority', day: { ...base, arrivals: 110, priorityShare: 0.1 } },
  { name: 'a busy day: 130 visitors, 10% priority', day: { ...base, arrivals: 130, priorityShare: 0.1 } },
  { name: 'a priority-heavy day: 110 visitors, 35% priority', day: { ...base, arrivals: 110, priorityShare: 0.35 } },
];

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const mean = (values) => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);
const share = (values, test) => (values.length === 0 ? NaN : values.filter(test).length / values.length);

function figures(outcomes, unserved) {
  const waitMin = (o) => (o.calledAt - o.arrivedAt) / MINUTE;
  const walkIns = outcomes.filter((o) => o.kind === 'walk-in').map(waitMin);
  const priority = outcomes.filter((o) => o.kind === 'priority').map(waitMin);
  // A booked visitor's wait starts at the slot, or at arrival if they came late.
  const bookings = outcomes.filter((o) => o.kind === 'booking').map((o) => (o.calledAt - Math.max(o.arrivedAt, o.slotStart)) / MINUTE);
  return {
    walkInMean: mean(walkIns),
    walkInP90: percentile(walkIns, 90),
    walkInMax: Math.max(...walkIns),
    walkInWithin: share(walkIns, (w) => w <= rules.waitingStandardMinutes),
    priorityMean: mean(priority),
    priorityP90: percentile(priority, 90),
    bookingWithin: share(bookings, (w) => w <= rules.bookingStandardMinutes),
    served: outcomes.length,
    unserved,
  };
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const pct = (value) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : '—');

console.log(`call-policy: the demo office, ${DAYS} simulated days per scenario and policy (standard ${rules.waitingStandardMinutes} min, booking standard ${rules.bookingStandardMinutes} min, fairness cap ${rules.maxPriorityCallsInRow})`);
for (const scenario of scenarios) {
  console.log(`\n${scenario.name}`);
  console.log('policy            walk-in wait min: mean  p90   max | within std | priority mean  p90 | bookings within std | served/day  left/day');
  const results = {};
  for (const [name, policy, office] of variants) {
    const all = [];
    let unserved = 0;
    for (let d = 0; d < DAYS; d += 1) {
      const result = simulateDay(office, { ...scenario.day, seed: 1000 + d }, policy, operatorOf);
      all.push(...result.outcomes);
      unserved += result.unserved;
    }
    const f = figures(all, unserved);
    results[name] = f;
    console.log(
      `${name.padEnd(17)} ${fmt(f.walkInMean).padStart(21)} ${fmt(f.walkInP90).padStart(5)} ${fmt(f.walkInMax, 0).padStart(5)} | ${pct(f.walkInWithin).padStart(10)} | ${fmt(f.priorityMean).padStart(13)} ${fmt(f.priorityP90).padStart(4)} | ${pct(f.bookingWithin).padStart(19)} | ${fmt(f.served / DAYS).padStart(10)} ${fmt(f.unserved / DAYS).padStart(9)}`,
    );
  }
  const t = results.talon;
  const q = results.fifo;
  const u = results['talon, no cap'];
  console.log(
    `talon vs plain queue: priority mean wait ${ratio(t.priorityMean, q.priorityMean)}, bookings within standard ${pct(t.bookingWithin)} vs ${pct(q.bookingWithin)}, ` +
      `walk-in mean ${ratio(t.walkInMean, q.walkInMean)}, walk-in p90 ${ratio(t.walkInP90, q.walkInP90)}; ` +
      `the cap: walk-in p90 ${ratio(t.walkInP90, u.walkInP90)} and priority p90 ${ratio(t.priorityP90, u.priorityP90)} of no cap`,
  );
}
