// bench/call-policy: an office's day, simulated many times through the real queue engine, under
// Talon's call rule, the rule it replaced (issue 14), a plain queue (FIFO, priority ignored) and
// strict priority (priority and bookings always first, no cap), all on the same visitors. Two
// offices: the demo office, and a generated multi-skill office with staggered lunches at 80, 90
// and 100 % load. Prints waits, the share within the standard, priority visitors' waits, booked
// visitors called within the booking standard, and each estimator's errors against what happened.
import { readFileSync } from 'node:fs';
import { checkOfficeConfig } from '@talon/protocol';
import { officeSetupFromConfig } from '../../apps/office-server/dist/config/office-setup-from-config.js';
import { generatedDay, generatedOperatorOf, generatedSetup } from './generated-office.js';
import { forecastSpeed } from './forecast-speed.js';
import { POLICIES, simulateDay } from './simulate-day.js';

// 100 days from seed 1000 by default: a 20-day run's figures swing by several points from one
// window of seeds to the next, so the spread over 20-day windows is printed beside the whole.
const DAYS = Number(process.env.BENCH_DAYS ?? 100);
const FIRST_SEED = Number(process.env.BENCH_SEED ?? 1000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 20);
const MINUTE = 60_000;

const raw = JSON.parse(readFileSync(new URL('../../apps/office-server/config/demo-office.json', import.meta.url), 'utf8'));
const check = checkOfficeConfig(raw);
if (!check.ok) throw new Error(check.problems.join('\n'));
const config = { ...check.config, office: { ...check.config.office, alwaysOpen: false } };
const HARD_LIMIT = process.env.BENCH_HARD_LIMIT ? Number(process.env.BENCH_HARD_LIMIT) : undefined;
const withLimit = (setup) => (HARD_LIMIT ? { ...setup, rules: { ...setup.rules, waitingHardLimitMinutes: HARD_LIMIT } } : setup);
const demoSetup = withLimit(officeSetupFromConfig(config));
// The demo's four operators, one per desk, with their staggered lunches.
const demoOperatorOf = { 'desk-1': 'op-ivanova', 'desk-2': 'op-petrov', 'desk-3': 'op-sidorova', 'desk-4': 'op-kuznetsov' };

const demoDay = {
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

const scenarios = [
  { name: 'demo office, an ordinary day: 110 visitors, 10% priority', setup: demoSetup, operatorOf: demoOperatorOf, day: { ...demoDay, arrivals: 110, priorityShare: 0.1 } },
  { name: 'demo office, a busy day: 130 visitors, 10% priority', setup: demoSetup, operatorOf: demoOperatorOf, day: { ...demoDay, arrivals: 130, priorityShare: 0.1 } },
  ...[0.8, 0.9, 1.0].map((load) => {
    const day = generatedDay(load);
    return { name: `generated multi-skill office, ${Math.round(load * 100)}% load: ${day.arrivals} visitors, 5% priority`, setup: withLimit(generatedSetup), operatorOf: generatedOperatorOf, day, load };
  }),
];

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const mean = (values) => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);
const share = (values, test) => (values.length === 0 ? NaN : values.filter(test).length / values.length);

/** The figures of each run of WINDOW days (a day's outcomes per entry), to show how far one window's figures swing. */
function windowFigures(days, rules) {
  const windows = [];
  for (let i = 0; i + WINDOW <= days.length; i += WINDOW) windows.push(figures(days.slice(i, i + WINDOW).flat(), rules));
  return windows;
}

const spread = (windows, key, format) => {
  const values = windows.map((w) => w[key]);
  return `${format(Math.min(...values))}–${format(Math.max(...values))}`;
};

function figures(outcomes, rules) {
  const waitMin = (o) => (o.calledAt - o.arrivedAt) / MINUTE;
  // Everyone who took a plain or priority ticket is held to the standard.
  const queued = outcomes.filter((o) => o.kind !== 'booking').map(waitMin);
  const priority = outcomes.filter((o) => o.kind === 'priority').map(waitMin);
  // A booked visitor's wait starts at the slot, or at arrival if they came late.
  const bookings = outcomes.filter((o) => o.kind === 'booking').map((o) => (o.calledAt - Math.max(o.arrivedAt, o.slotStart)) / MINUTE);
  return {
    within: share(queued, (w) => w <= rules.waitingStandardMinutes),
    mean: mean(queued),
    p90: percentile(queued, 90),
    longest: Math.max(...queued),
    priorityMean: mean(priority),
    bookingWithin: share(bookings, (w) => w <= rules.bookingStandardMinutes),
  };
}

/** Told against waited, for every visitor who was told a number. */
function estimateErrors(outcomes, estimator) {
  const errors = outcomes
    .filter((o) => o.estimates?.[estimator] !== null && o.estimates?.[estimator] !== undefined)
    .map((o) => o.estimates[estimator] - (o.calledAt - o.arrivedAt) / MINUTE);
  return {
    mae: mean(errors.map(Math.abs)),
    rmse: Math.sqrt(mean(errors.map((e) => e * e))),
    bias: mean(errors),
    within5: share(errors, (e) => Math.abs(e) <= 5),
  };
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const pct = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '—');

console.log(`call-policy: ${DAYS} simulated days per scenario and policy, seeds ${FIRST_SEED}–${FIRST_SEED + DAYS - 1} (standard ${demoSetup.rules.waitingStandardMinutes} min, hard limit ${demoSetup.rules.waitingHardLimitMinutes} min, about to be late in the last ${demoSetup.rules.waitingNearStandardMinutes} min, booking standard ${demoSetup.rules.bookingStandardMinutes} min, fairness cap ${demoSetup.rules.maxPriorityCallsInRow})`);
for (const scenario of scenarios.filter((s) => !process.env.BENCH_ONLY || s.name.includes(process.env.BENCH_ONLY))) {
  console.log(`\n${scenario.name}`);
  console.log('policy            within std   mean    p90  longest | priority mean | bookings within 5 min');
  const oneQueueLongest = [];
  // One queue first: every other rule's windows are set against its longest wait.
  for (const policy of ['fifo', ...Object.keys(POLICIES).filter((p) => p !== 'fifo')]) {
    const days = [];
    for (let d = 0; d < DAYS; d += 1) days.push(simulateDay(scenario.setup, { ...scenario.day, seed: FIRST_SEED + d }, policy, scenario.operatorOf).outcomes);
    const all = days.flat();
    const f = figures(all, scenario.setup.rules);
    const windows = windowFigures(days, scenario.setup.rules);
    if (policy === 'fifo') oneQueueLongest.push(...windows.map((w) => w.longest));
    console.log(
      `${policy.padEnd(17)} ${pct(f.within).padStart(10)} ${fmt(f.mean).padStart(6)} ${fmt(f.p90).padStart(6)} ${fmt(f.longest, 0).padStart(8)} | ${fmt(f.priorityMean).padStart(13)} | ${pct(f.bookingWithin).padStart(21)}`,
    );
    if (windows.length > 1) {
      const pastOneQueue = oneQueueLongest.length === windows.length ? windows.filter((w, i) => w.longest > oneQueueLongest[i]).length : undefined;
      console.log(
        `  ${windows.length} windows of ${WINDOW} days: within ${spread(windows, 'within', pct)} (by window: ${windows.map((w) => pct(w.within)).join(' ')}), longest ${spread(windows, 'longest', (v) => fmt(v, 0))} (${windows.map((w) => fmt(w.longest, 0)).join(' ')})${pastOneQueue === undefined ? '' : `, longer than one queue's in ${pastOneQueue} of ${windows.length}`}, priority mean ${spread(windows, 'priorityMean', fmt)}`,
      );
    }
    if (policy === 'talon') {
      const told = all.filter((o) => o.estimates?.range);
      const inRange = share(told, (o) => {
        const waited = (o.calledAt - o.arrivedAt) / MINUTE;
        return waited >= o.estimates.range.fromMin && waited <= o.estimates.range.toMin;
      });
      console.log(`  printed range (from the errors of the 25 of the last 100 forecasts nearest in size): the wait fell inside for ${pct(inRange)}, mean width ${fmt(mean(told.map((o) => o.estimates.range.toMin - o.estimates.range.fromMin)))} min`);
      for (const estimator of ['today', 'forward-before', 'forward', 'calibrated']) {
        const e = estimateErrors(all, estimator);
        const perWindow = [];
        for (let i = 0; i + WINDOW <= days.length; i += WINDOW) perWindow.push(estimateErrors(days.slice(i, i + WINDOW).flat(), estimator));
        const windowMae = perWindow.length > 1 ? `; ${WINDOW}-day windows MAE ${spread(perWindow, 'mae', (v) => fmt(v, 2))}, bias ${spread(perWindow, 'bias', fmt)}` : '';
        console.log(`  estimate "${estimator}" under talon: MAE ${fmt(e.mae, 2)} min, RMSE ${fmt(e.rmse)}, bias ${fmt(e.bias)} (told minus waited), within ±5 min ${pct(e.within5)}${windowMae}`);
      }
    }
  }
}

forecastSpeed();
