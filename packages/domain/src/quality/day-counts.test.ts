import { describe, expect, it } from 'vitest';
import type { QuestionnaireAnswer } from './questionnaire.js';
import { previousPeriod } from './period.js';
import { dayCountsFromVisits, qualityReport, qualityReportFromDays, reportNeedsFrom, type QualityRules } from './report.js';
import type { QualityVisit } from './visit.js';

const MIN = 60_000;
const DAY = 86_400_000;

/** A seeded generator (mulberry32): the same visits every run, many shapes of visit. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(seed: number, fromDay: string, days: number, perDay: number): { visits: QualityVisit[]; answers: QuestionnaireAnswer[] } {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const visits: QualityVisit[] = [];
  const answers: QuestionnaireAnswer[] = [];
  const start = Date.parse(`${fromDay}T06:00:00Z`);
  for (let d = 0; d < days; d++) {
    const officeDay = new Date(start + d * DAY).toISOString().slice(0, 10);
    for (let i = 0; i < perDay; i++) {
      const issuedAt = start + d * DAY + i * 7 * MIN;
      const service = pick(['pay', 'meters', 'contracts']);
      const transfers = random() < 0.1 ? 1 : 0;
      const served = random() < 0.9;
      const called = served || random() < 0.5;
      // Fractional waits, including exactly on the standard.
      const wait = pick([0, 2.5, 5, 14.99, 15, 15.01, 29, 31, 44.5, 200, 600]);
      const v: QualityVisit = {
        ticketId: `t${d}-${i}`,
        ticketNumber: `A${i}`,
        officeDay,
        firstServiceId: service,
        serviceId: transfers ? 'contracts' : service,
        issuedAt,
        transfers,
        booked: random() < 0.2,
        ...(called && { calledAt: issuedAt + wait * MIN, deskId: pick(['d1', 'd2']), operatorId: pick(['op1', 'op2', 'op3']) }),
        ...(served && { finishedAt: issuedAt + (wait + 9) * MIN }),
        ...(served && random() < 0.7 && { outcomeId: pick(['advised', 'claim', 'bill-complaint']) }),
        ...(served && random() < 0.5 && { rating: 1 + Math.floor(random() * 5), ratedAt: issuedAt + (wait + 10) * MIN }),
        // Few accounts, so repeats happen, some across a month boundary and past the window.
        ...(random() < 0.4 && { accountKey: `k${Math.floor(random() * 60)}` }),
        ...(random() < 0.5 && { phonePageOpened: true }),
      };
      visits.push(v);
      if (served && random() < 0.3) {
        answers.push({
          ticketId: v.ticketId,
          answeredAt: issuedAt + DAY,
          ...(random() < 0.8 && { solved: random() < 0.7 }),
          ...(random() < 0.8 && { ease: 1 + Math.floor(random() * 5) }),
        });
        // A second, later answer for some tickets: the last one counts.
        if (random() < 0.2) answers.push({ ticketId: v.ticketId, answeredAt: issuedAt + 2 * DAY, ease: 5 });
      }
    }
  }
  return { visits, answers };
}

const rules: QualityRules = {
  complaintOutcomeIds: new Set(['claim', 'bill-complaint']),
  repeatWindowDays: 30,
  holidays: new Set(['2026-11-04', '2026-01-01']),
  waitingStandardMinutes: 15,
  bookingStandardMinutes: 5,
  hourOf: (at) => new Date(at + 3 * 3_600_000).getUTCHours(),
};

describe('the quality report from per-day counts', () => {
  it.each([
    ['a quarter', { from: '2026-10-01', to: '2026-12-31' }, 1],
    ['a month across the new year', { from: '2026-12-15', to: '2027-01-14' }, 2],
    ['one week', { from: '2026-11-02', to: '2026-11-08' }, 3],
    ['one day', { from: '2026-11-04', to: '2026-11-04' }, 4],
  ])('equals the report over the visits: %s', (_name, period, seed) => {
    const { visits, answers } = generate(seed, reportNeedsFrom(period, rules.repeatWindowDays), 300, 12);
    const counted = dayCountsFromVisits(visits, answers, { from: previousPeriod(period).from, to: period.to }, rules);
    const expected = qualityReport(visits, answers, period, rules);
    expect(expected.current.repeats.repeats).toBeGreaterThan(0);
    expect(expected.current.complaints.complaints).toBeGreaterThan(0);
    expect(qualityReportFromDays(counted, period, rules)).toEqual(expected);
  });

  it('applies a changed complaint flag and a changed standard to days counted before the change', () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const { visits, answers } = generate(5, reportNeedsFrom(period, 30), 120, 10);
    const counted = dayCountsFromVisits(visits, answers, { from: previousPeriod(period).from, to: period.to }, rules);
    const changed: QualityRules = { ...rules, complaintOutcomeIds: new Set(['claim']), waitingStandardMinutes: 30, bookingStandardMinutes: 3 };
    expect(qualityReportFromDays(counted, period, changed)).toEqual(qualityReport(visits, answers, period, changed));
  });

  it('an empty period is all nulls, not zeros that claim something', () => {
    const report = qualityReportFromDays(new Map(), { from: '2026-11-01', to: '2026-11-07' }, rules);
    expect(report).toEqual(qualityReport([], [], { from: '2026-11-01', to: '2026-11-07' }, rules));
    expect(report.current.satisfaction.satisfiedShare).toBeNull();
  });
});

describe('a company of offices with their own rules', () => {
  it('sums resolved days to the sum of each office\'s own indicators', async () => {
    const { resolveDayCounts } = await import('./day-counts.js');
    const { periodIndicatorsFromDays } = await import('./report.js');
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const strict: QualityRules = { ...rules, complaintOutcomeIds: new Set(['claim']), waitingStandardMinutes: 5 };
    const offices = [
      { id: 'north', rules, ...generate(7, reportNeedsFrom(period, 30), 100, 8) },
      { id: 'south', rules: strict, ...generate(8, reportNeedsFrom(period, 30), 100, 8) },
    ];
    const company = new Map<string, ReturnType<typeof resolveDayCounts>[]>();
    const own = offices.map((o) => {
      const days = dayCountsFromVisits(o.visits, o.answers, period, o.rules);
      for (const [day, counts] of days) company.set(day, [...(company.get(day) ?? []), resolveDayCounts(counts, o.id, o.rules)]);
      return periodIndicatorsFromDays(days, period, o.rules);
    });
    const { sumDayCounts } = await import('./day-counts.js');
    const summed = new Map([...company].map(([day, list]) => [day, sumDayCounts(day, list)]));
    const allComplaints = new Set(Object.values(Object.fromEntries(summed)).flatMap((d) => Object.keys(d.outcomes)));
    const total = periodIndicatorsFromDays(summed, period, { complaintOutcomeIds: allComplaints, waitingStandardMinutes: 0, bookingStandardMinutes: 0 });
    const sum = (f: (p: (typeof own)[number]) => number) => own.reduce((a, p) => a + f(p), 0);
    expect(total.satisfaction.served).toBe(sum((p) => p.satisfaction.served));
    expect(total.satisfaction.rated).toBe(sum((p) => p.satisfaction.rated));
    expect(total.complaints.complaints).toBe(sum((p) => p.complaints.complaints));
    expect(total.effort.effortless).toBe(sum((p) => p.effort.effortless));
    expect(total.repeats.repeats).toBe(sum((p) => p.repeats.repeats));
    expect(total.questionnaire.answered).toBe(sum((p) => p.questionnaire.answered));
    expect(total.questionnaire.servedWithPage).toBe(sum((p) => p.questionnaire.servedWithPage));
    expect(total.questionnaire.answered).toBeGreaterThan(0);
  });

  it('reads a day stored before the page and first-visit counts existed as having none of them', async () => {
    const { sumDayCounts, emptyDayCounts } = await import('./day-counts.js');
    const { periodIndicatorsFromDays } = await import('./report.js');
    const old = emptyDayCounts('2026-11-02');
    old.all = { served: 4, rated: 0, ratingSum: 0, satisfied: 0 };
    old.questionnaire = { answered: 2, solvedAnswers: 2, solvedYes: 1, easeAnswers: 0, easeSum: 0, easy: 0 } as unknown as typeof old.questionnaire;
    const stored = JSON.parse(JSON.stringify(old)) as typeof old;
    expect(sumDayCounts('x', [stored, stored]).questionnaire).toMatchObject({ servedWithPage: 0, solvedFirstVisit: 0, answered: 4 });
    const p = periodIndicatorsFromDays(new Map([['2026-11-02', stored]]), { from: '2026-11-02', to: '2026-11-02' }, rules);
    expect(p.questionnaire).toMatchObject({ answered: 2, responseRate: 0.5, pageResponseRate: null, solvedShare: 0.5, firstVisitResolution: 0 });
  });
});
