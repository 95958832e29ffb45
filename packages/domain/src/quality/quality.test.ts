import { describe, expect, it } from 'vitest';
import type { QueueEvent } from '../events.js';
import type { Ticket } from '../ticket.js';
import { complaintsOf } from './complaints.js';
import { dayCountsOf, splitFromCounts } from './day-counts.js';
import { effortOf } from './effort.js';
import { followUpsOf } from './follow-ups.js';
import { previousPeriod, weekStartOf } from './period.js';
import { questionnaireOf } from './questionnaire.js';
import { repeatVisitsOf } from './repeats.js';
import { qualityReport, reportNeedsFrom, type QualityRules } from './report.js';
import { satisfactionBy, satisfactionOf } from './satisfaction.js';
import { visitsFromEvents, type QualityVisit } from './visit.js';
import { waitBandOf } from './wait-band.js';

const MIN = 60_000;
const dayStart = (day: string) => Date.parse(`${day}T06:00:00Z`);

let seq = 0;
/** A served visit on `day`: issued 09:00 local-ish, called after `wait` minutes, finished 10 min later. */
function visit(day: string, edit: Partial<QualityVisit> & { wait?: number } = {}): QualityVisit {
  const { wait = 3, ...rest } = edit;
  const issuedAt = dayStart(day);
  seq++;
  return {
    ticketId: `t${seq}`,
    ticketNumber: `A${String(seq).padStart(3, '0')}`,
    officeDay: day,
    firstServiceId: 'pay',
    serviceId: 'pay',
    issuedAt,
    calledAt: issuedAt + wait * MIN,
    finishedAt: issuedAt + (wait + 10) * MIN,
    deskId: 'd1',
    operatorId: 'op1',
    transfers: 0,
    booked: false,
    ...rest,
  };
}
const notServed = (v: QualityVisit): QualityVisit => {
  const { finishedAt: _f, ...rest } = v;
  return rest;
};

const rules: QualityRules = {
  complaintOutcomeIds: new Set(['claim', 'bill-complaint']),
  repeatWindowDays: 30,
  holidays: new Set(['2026-11-04']),
  waitingStandardMinutes: 15,
  bookingStandardMinutes: 5,
  hourOf: (at) => new Date(at).getUTCHours() + 3,
};

describe('satisfaction', () => {
  it.each([
    ['no visits', [], { served: 0, rated: 0, responseRate: null, satisfiedShare: null, meanRating: null }],
    ['served, no ratings: share unknown, not zero', [visit('2026-11-02'), visit('2026-11-02')], { served: 2, rated: 0, responseRate: 0, satisfiedShare: null, meanRating: null }],
    [
      'ratings 5, 4, 2 of four served',
      [visit('2026-11-02', { rating: 5 }), visit('2026-11-02', { rating: 4 }), visit('2026-11-02', { rating: 2 }), visit('2026-11-02')],
      { served: 4, rated: 3, responseRate: 0.75, satisfiedShare: 2 / 3, meanRating: 11 / 3 },
    ],
    ['a rated no-show is not a served visit', [notServed(visit('2026-11-02', { rating: 1 })), visit('2026-11-02', { rating: 5 })], { served: 1, rated: 1, responseRate: 1, satisfiedShare: 1, meanRating: 5 }],
  ])('%s', (_name, visits, expected) => {
    expect(satisfactionOf(visits)).toEqual(expected);
  });

  it.each([
    [0, '0-5'],
    [4.99, '0-5'],
    [5, '5-15'],
    [14.9, '5-15'],
    [15, '15-30'],
    [29.9, '15-30'],
    [30, '30+'],
    [240, '30+'],
  ])('a wait of %s min is band %s', (minutes, band) => {
    expect(waitBandOf(minutes)).toBe(band);
  });

  it('splits by wait band: ratings fall after 15 minutes', () => {
    const visits = [
      visit('2026-11-02', { wait: 2, rating: 5 }),
      visit('2026-11-02', { wait: 10, rating: 4 }),
      visit('2026-11-02', { wait: 20, rating: 2 }),
      visit('2026-11-02', { wait: 45, rating: 1 }),
      visit('2026-11-02', { wait: 45 }),
    ];
    expect(satisfactionBy(visits, 'waitBand', rules.hourOf).map((g) => [g.key, g.satisfaction.meanRating, g.satisfaction.rated])).toEqual([
      ['0-5', 5, 1],
      ['5-15', 4, 1],
      ['15-30', 2, 1],
      ['30+', 1, 1],
    ]);
  });

  /**
   * One hand-written day, split four ways; each row is [key, served, rated, satisfied share, mean].
   * Ivanova at desk 1 (payments, called 09:00 and 10:00 local), Petrov at desk 2 (a transfer from
   * payments finished in meters, called 09:30), Petrov at desk 1 after a desk change (meters,
   * 11:00, unrated), a no-show at desk 2 (not served: in no split), a served visit never called
   * (no hour: out of the hour split only).
   */
  const day = '2026-11-02';
  const at = (hh: number, mm = 0) => Date.parse(`${day}T${String(hh - 3).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`);
  const splitDay: QualityVisit[] = [
    { ...visit(day, { rating: 5 }), serviceId: 'pay', operatorId: 'ivanova', deskId: 'd1', calledAt: at(9) },
    { ...visit(day, { rating: 2 }), serviceId: 'pay', operatorId: 'ivanova', deskId: 'd1', calledAt: at(10) },
    { ...visit(day, { rating: 4, transfers: 1 }), firstServiceId: 'pay', serviceId: 'meter', operatorId: 'petrov', deskId: 'd2', calledAt: at(9, 30) },
    { ...visit(day), serviceId: 'meter', operatorId: 'petrov', deskId: 'd1', calledAt: at(11) },
    notServed({ ...visit(day, { rating: 1 }), serviceId: 'pay', operatorId: 'petrov', deskId: 'd2', calledAt: at(12) }),
    (() => {
      const { calledAt: _c, ...never } = { ...visit(day, { rating: 3 }), serviceId: 'contract', operatorId: 'sidorova', deskId: 'd3' };
      return never;
    })(),
  ];
  it.each([
    ['service', [['contract', 1, 1, 0, 3], ['meter', 2, 1, 1, 4], ['pay', 2, 2, 0.5, 3.5]]],
    ['operator', [['ivanova', 2, 2, 0.5, 3.5], ['petrov', 2, 1, 1, 4], ['sidorova', 1, 1, 0, 3]]],
    ['desk', [['d1', 3, 2, 0.5, 3.5], ['d2', 1, 1, 1, 4], ['d3', 1, 1, 0, 3]]],
    ['hour', [['9', 2, 2, 1, 4.5], ['10', 1, 1, 0, 2], ['11', 1, 0, null, null]]],
  ] as const)('splits a hand-written day by %s', (split, rows) => {
    expect(
      satisfactionBy(splitDay, split, rules.hourOf).map(({ key, satisfaction: s }) => [key, s.served, s.rated, s.satisfiedShare, s.meanRating]),
    ).toEqual(rows);
  });

  it('the day counts split the same hand-written day as the visits do (a quarter read from days equals one read from visits)', () => {
    const counts = dayCountsOf(day, splitDay, new Set(), [], rules.hourOf);
    for (const split of ['service', 'operator', 'desk', 'hour'] as const)
      expect(splitFromCounts(split, counts.splits[split]), split).toEqual(satisfactionBy(splitDay, split, rules.hourOf));
  });
});

describe('complaints', () => {
  it.each([
    ['none served', [], 0, null],
    ['outcomes not marked as complaints do not count', [visit('2026-11-02', { outcomeId: 'paid' }), visit('2026-11-02')], 0, 0],
    ['two of four are complaints: 500 per 1,000', [visit('2026-11-02', { outcomeId: 'claim' }), visit('2026-11-02', { outcomeId: 'bill-complaint' }), visit('2026-11-02'), visit('2026-11-02', { outcomeId: 'paid' })], 2, 500],
    ['a complaint outcome on a visit never finished is not counted', [notServed(visit('2026-11-02', { outcomeId: 'claim' }))], 0, null],
  ])('%s', (_name, visits, count, per1000) => {
    const c = complaintsOf(visits, rules.complaintOutcomeIds);
    expect([c.complaints, c.per1000]).toEqual([count, per1000]);
  });

  it('groups by outcome code, most frequent first', () => {
    const c = complaintsOf(
      [visit('2026-11-02', { outcomeId: 'claim' }), visit('2026-11-02', { outcomeId: 'bill-complaint' }), visit('2026-11-03', { outcomeId: 'bill-complaint' })],
      rules.complaintOutcomeIds,
    );
    expect(c.byOutcome).toEqual([
      { outcomeId: 'bill-complaint', count: 2 },
      { outcomeId: 'claim', count: 1 },
    ]);
  });
});

describe('repeat visits and first-visit resolution', () => {
  const november = { from: '2026-11-01', to: '2026-11-30' };
  it.each([
    ['no account numbers at all', [visit('2026-11-02'), visit('2026-11-03')], { withAccount: 0, repeats: 0, firstVisitResolution: null }],
    ['same account, same service, 5 days apart', [visit('2026-11-02', { accountKey: 'k1' }), visit('2026-11-07', { accountKey: 'k1' })], { withAccount: 2, repeats: 1, firstVisitResolution: 0.5 }],
    ['same account, another service: not a repeat', [visit('2026-11-02', { accountKey: 'k1' }), visit('2026-11-07', { accountKey: 'k1', firstServiceId: 'meter', serviceId: 'meter' })], { withAccount: 2, repeats: 0, firstVisitResolution: 1 }],
    ['exactly 30 days later is still a repeat', [visit('2026-10-31', { accountKey: 'k1' }), visit('2026-11-30', { accountKey: 'k1' }), visit('2026-11-20', { accountKey: 'k2' })], { withAccount: 2, repeats: 1, firstVisitResolution: 0.5 }],
    ['31 days later is a new question', [visit('2026-10-01', { accountKey: 'k1' }), visit('2026-11-01', { accountKey: 'k1' })], { withAccount: 1, repeats: 0, firstVisitResolution: 1 }],
    ['a repeat across the month boundary: first visit in October counts the November return', [visit('2026-10-25', { accountKey: 'k1' }), visit('2026-11-03', { accountKey: 'k1' })], { withAccount: 1, repeats: 1, firstVisitResolution: 0 }],
    ['the repeat is counted by the service the visitor came for, not the one after transfer', [visit('2026-11-02', { accountKey: 'k1', serviceId: 'meter', transfers: 1 }), visit('2026-11-09', { accountKey: 'k1' })], { withAccount: 2, repeats: 1, firstVisitResolution: 0.5 }],
    ['retention cleared the account of a visit, its key kept: still a repeat', [visit('2026-11-02', { accountKey: 'k1' }), visit('2026-11-20', { accountKey: 'k1' })], { withAccount: 2, repeats: 1, firstVisitResolution: 0.5 }],
    ['retention cleared number and key of the first visit: the second is a first contact, the cleared one drops out of the share', [visit('2026-11-02'), visit('2026-11-20', { accountKey: 'k1' })], { withAccount: 1, repeats: 0, firstVisitResolution: 1 }],
    ['a no-show with the account is no first visit', [notServed(visit('2026-11-02', { accountKey: 'k1' })), visit('2026-11-05', { accountKey: 'k1' })], { withAccount: 1, repeats: 0, firstVisitResolution: 1 }],
  ])('%s', (_name, visits, expected) => {
    const r = repeatVisitsOf(visits, november, 30);
    expect({ withAccount: r.withAccount, repeats: r.repeats, firstVisitResolution: r.firstVisitResolution }).toEqual(expected);
  });

  it('the window counts calendar days, a holiday in between included', () => {
    const visits = [visit('2026-11-03', { accountKey: 'k1' }), visit('2026-11-05', { accountKey: 'k1' })];
    expect(repeatVisitsOf(visits, november, 2).repeats).toBe(1);
    expect(repeatVisitsOf(visits, november, 1).repeats).toBe(0);
  });

  it('contacts per question count a transfer as one more contact', () => {
    const r = repeatVisitsOf(
      [visit('2026-11-02', { accountKey: 'k1', transfers: 1 }), visit('2026-11-04', { accountKey: 'k1' }), visit('2026-11-05', { accountKey: 'k2' })],
      november,
      30,
    );
    // 4 contacts (2 + 1 + 1) for two questions (k1, k2).
    expect(r.contactsPerQuestion).toBe(2);
  });
});

describe('effort', () => {
  it.each([
    ['within the standard, no transfer, no repeat', visit('2026-11-02', { wait: 15 }), true],
    ['over the standard', visit('2026-11-02', { wait: 15.5 }), false],
    ['a transfer', visit('2026-11-02', { transfers: 1 }), false],
    ['a booking called 6 minutes after check-in misses its 5-minute standard', visit('2026-11-02', { booked: true, wait: 6 }), false],
    ['a repeat', visit('2026-11-02', { ticketId: 'rep' }), false],
  ])('%s: effortless %s', (_name, v, expected) => {
    expect(effortOf([v], rules, new Set(['rep'])).effortless).toBe(expected ? 1 : 0);
  });

  it('no visits: share unknown', () => {
    expect(effortOf([], rules, new Set())).toEqual({ served: 0, effortless: 0, effortlessShare: null });
  });
});

describe('questionnaire', () => {
  it('counts answers of served visits only, the last answer per ticket', () => {
    const a = visit('2026-11-02', { ticketId: 'a', phonePageOpened: true });
    const b = visit('2026-11-02', { ticketId: 'b', phonePageOpened: true });
    const c = visit('2026-11-02', { ticketId: 'c' });
    const gone = notServed(visit('2026-11-02', { ticketId: 'gone', phonePageOpened: true }));
    const r = questionnaireOf(
      [a, b, c, gone],
      [
        { ticketId: 'a', solved: false, answeredAt: 1 },
        { ticketId: 'a', solved: true, ease: 5, answeredAt: 2 },
        { ticketId: 'b', solved: false, ease: 2, answeredAt: 1 },
        { ticketId: 'gone', solved: true, answeredAt: 1 },
        { ticketId: 'unknown', solved: true, answeredAt: 1 },
      ],
    );
    expect(r).toEqual({
      served: 3, servedWithPage: 2, answered: 2, responseRate: 2 / 3, pageResponseRate: 1,
      solvedShare: 0.5, meanEase: 3.5, easyShare: 0.5, firstVisitResolution: 0.5,
    });
  });

  it.each([
    ['no answers, no pages: rates zero or unknown, never NaN', [visit('2026-11-02')], [], new Set<string>(),
      { served: 1, servedWithPage: 0, answered: 0, responseRate: 0, pageResponseRate: null, solvedShare: null, meanEase: null, easyShare: null, firstVisitResolution: null }],
    ['pages opened, nobody answered: the page rate is 0, not unknown', [visit('2026-11-02', { phonePageOpened: true })], [], new Set<string>(),
      { served: 1, servedWithPage: 1, answered: 0, responseRate: 0, pageResponseRate: 0, solvedShare: null, meanEase: null, easyShare: null, firstVisitResolution: null }],
    ['nothing served', [notServed(visit('2026-11-02', { phonePageOpened: true }))], [], new Set<string>(),
      { served: 0, servedWithPage: 0, answered: 0, responseRate: null, pageResponseRate: null, solvedShare: null, meanEase: null, easyShare: null, firstVisitResolution: null }],
    ['"solved" on a repeat visit is solved, but not on the first visit',
      [visit('2026-11-02', { ticketId: 'r', phonePageOpened: true }), visit('2026-11-02', { ticketId: 'f', phonePageOpened: true })],
      [{ ticketId: 'r', solved: true, answeredAt: 1 }, { ticketId: 'f', solved: true, answeredAt: 1 }], new Set(['r']),
      { served: 2, servedWithPage: 2, answered: 2, responseRate: 1, pageResponseRate: 1, solvedShare: 1, meanEase: null, easyShare: null, firstVisitResolution: 0.5 }],
    ['ease only: solved unknown, ease counted',
      [visit('2026-11-02', { ticketId: 'e', phonePageOpened: true })], [{ ticketId: 'e', ease: 4, answeredAt: 1 }], new Set<string>(),
      { served: 1, servedWithPage: 1, answered: 1, responseRate: 1, pageResponseRate: 1, solvedShare: null, meanEase: 4, easyShare: 1, firstVisitResolution: null }],
  ] as const)('%s', (_name, visits, answers, repeats, expected) => {
    expect(questionnaireOf(visits, answers, repeats)).toEqual(expected);
  });

  it('answers do not move the queue-data effort figure; their own stands beside it', () => {
    const v = [visit('2026-11-02', { ticketId: 'unsolved', phonePageOpened: true }), visit('2026-11-02', { ticketId: 'hard', phonePageOpened: true })];
    const answers = [
      { ticketId: 'unsolved', solved: false, answeredAt: 1 },
      { ticketId: 'hard', ease: 2, answeredAt: 1 },
    ];
    const report = qualityReport(v, answers, { from: '2026-11-02', to: '2026-11-02' }, rules);
    expect(report.current.effort.effortless).toBe(2);
    expect(report.current.questionnaire).toMatchObject({ easyShare: 0, solvedShare: 0, firstVisitResolution: 0, pageResponseRate: 1 });
  });
});

describe('follow-ups', () => {
  it('lists ratings 1–2 with wait and outcome, newest first, with the head’s mark', () => {
    const low = visit('2026-11-02', { ticketId: 'low', rating: 1, ratedAt: 100, wait: 20, outcomeId: 'claim' });
    const two = visit('2026-11-03', { ticketId: 'two', rating: 2, ratedAt: 200 });
    const list = followUpsOf([low, two, visit('2026-11-02', { rating: 3 }), visit('2026-11-02')], new Map([['low', { doneAt: 300, doneBy: 'head', note: 'перезвонили' }]]));
    expect(list.map((f) => [f.ticketId, f.rating, f.waitMinutes, f.outcomeId, f.done?.note])).toEqual([
      ['two', 2, 3, undefined, undefined],
      ['low', 1, 20, 'claim', 'перезвонили'],
    ]);
  });
});

describe('visits folded from the event log', () => {
  const ticket = (id: string, at: number, accountNumber?: string): Ticket => ({
    id,
    number: 'A001',
    serviceId: 'pay',
    officeDay: '2026-11-02',
    kind: 'walk-in',
    issuedAt: at,
    queuedAt: at,
    status: 'waiting',
    recalls: 0,
    ...(accountNumber ? { accountNumber } : {}),
  });
  const actor = { kind: 'system' } as never;
  const t0 = dayStart('2026-11-02');

  it('a transfer: one visit, first wait kept, service and operator of the finishing desk, a rating after finish', () => {
    const events: QueueEvent[] = [
      { type: 'ticket.issued', at: t0, actor, ticket: ticket('x', t0, '1234567') },
      { type: 'ticket.called', at: t0 + 4 * MIN, actor, ticketId: 'x', deskId: 'd1', operatorId: 'op1', reason: 'next-in-line' },
      { type: 'ticket.transferred', at: t0 + 9 * MIN, actor, ticketId: 'x', fromDeskId: 'd1', toServiceId: 'meter', queuedAt: t0 },
      { type: 'ticket.called', at: t0 + 20 * MIN, actor, ticketId: 'x', deskId: 'd2', operatorId: 'op2', reason: 'next-in-line' },
      { type: 'ticket.finished', at: t0 + 30 * MIN, actor, ticketId: 'x', deskId: 'd2', operatorId: 'op2', outcomeId: 'claim', serviceMs: 600_000 },
      { type: 'ticket.rated', at: t0 + 31 * MIN, actor, ticketId: 'x', deskId: 'd2', value: 2 },
      { type: 'ticket.issued', at: t0 + MIN, actor, ticket: ticket('y', t0 + MIN) },
      { type: 'ticket.no-show', at: t0 + 40 * MIN, actor, ticketId: 'y', deskId: 'd1', reason: 'operator' },
    ];
    const [x, y] = visitsFromEvents(events, (n) => `key(${n})`);
    expect(x).toMatchObject({
      ticketId: 'x',
      firstServiceId: 'pay',
      serviceId: 'meter',
      calledAt: t0 + 4 * MIN,
      transfers: 1,
      deskId: 'd2',
      operatorId: 'op2',
      outcomeId: 'claim',
      rating: 2,
      accountKey: 'key(1234567)',
    });
    expect(y?.finishedAt).toBeUndefined();
    const s = satisfactionOf([x!, y!]);
    expect([s.served, s.rated]).toEqual([1, 1]);
  });

  it('without a secret no key is kept', () => {
    const [x] = visitsFromEvents([{ type: 'ticket.issued', at: t0, actor, ticket: ticket('x', t0, '1234567') }], () => undefined);
    expect(x?.accountKey).toBeUndefined();
  });
});

describe('the report for a period beside the previous one', () => {
  it('previous period has the same length and ends the day before', () => {
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-07' })).toEqual({ from: '2026-02-22', to: '2026-02-28' });
    expect(reportNeedsFrom({ from: '2026-11-01', to: '2026-11-30' }, 30)).toBe('2026-09-02');
    expect(weekStartOf('2026-11-08')).toBe('2026-11-02');
    expect(weekStartOf('2026-11-02')).toBe('2026-11-02');
  });

  it('a day with a holiday is a closed point of the trend, not a day of zero satisfaction', () => {
    const period = { from: '2026-11-02', to: '2026-11-08' };
    const visits = [
      visit('2026-11-03', { rating: 5 }),
      visit('2026-11-05', { rating: 1, outcomeId: 'claim' }),
      visit('2026-10-27', { rating: 5 }),
      visit('2026-10-28', { outcomeId: 'claim' }),
      visit('2026-10-29', { outcomeId: 'claim' }),
    ];
    const r = qualityReport(visits, [], period, rules);
    const holiday = r.byDay.find((p) => p.key === '2026-11-04');
    expect(holiday).toEqual({ key: '2026-11-04', closed: true, served: 0, satisfiedShare: null, meanRating: null, complaints: 0, repeats: 0 });
    expect(r.byDay).toHaveLength(7);
    expect(r.byWeek.map((w) => [w.key, w.served, w.closed])).toEqual([['2026-11-02', 2, false]]);
    expect([r.current.complaints.complaints, r.previous.complaints.complaints]).toEqual([1, 2]);
    expect(r.current.satisfaction.satisfiedShare).toBe(0.5);
    expect(r.previous.period).toEqual({ from: '2026-10-26', to: '2026-11-01' });
  });
});
