import {
  addDays,
  dayCountsFromVisits,
  daysOf,
  emptyDayCounts,
  followUpsOf,
  periodIndicatorsFromDays,
  previousPeriod,
  qualityReportFromDays,
  resolveDayCounts,
  sumDayCounts,
  type PeriodIndicators,
  type QualityDayCounts,
  type QualityPeriod,
  type QualityRules,
  type QualityVisit,
} from '@talon/domain';
import { MAX_CENTRAL_FOLLOW_UPS, type CentralQualityView, type OfficeQuality, type OfficeSummary } from '@talon/protocol';
import { officeDayOf } from '../booking/office-day.js';
import type { Logger } from '../logger.js';
import type { CentralStore } from '../storage/central-store.js';

/** Offices from before the programme send no window: the office default. */
const DEFAULT_REPEAT_WINDOW_DAYS = 30;

/** One formatter per time zone: making one costs more than reading 300 offices' day rows. */
const hourFormats = new Map<string, Intl.DateTimeFormat>();
function hourFormatOf(timeZone: string): Intl.DateTimeFormat {
  let format = hourFormats.get(timeZone);
  if (!format) hourFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })));
  return format;
}

/** The programme's rules for one office, from what it says of itself when it connects. */
export function officeQualityRules(summary: OfficeSummary): QualityRules {
  const hour = hourFormatOf(summary.timeZone);
  return {
    complaintOutcomeIds: new Set(summary.services.flatMap((s) => (s.outcomes ?? []).filter((o) => o.complaint).map((o) => o.id))),
    repeatWindowDays: summary.quality?.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS,
    holidays: new Set(summary.holidays),
    waitingStandardMinutes: summary.rules.waitingStandardMinutes,
    bookingStandardMinutes: summary.rules.bookingStandardMinutes ?? summary.rules.waitingStandardMinutes,
    hourOf: (at) => Number(hour.format(at)),
  };
}

/**
 * Day counts of `period` and the previous period for each office: closed days from the store
 * (counting and storing any missing, as the office does), the office's today live. A late event
 * for a visit removes its day's row at ingest, so the next read counts that day again.
 */
export async function officesQualityDays(
  store: CentralStore,
  offices: readonly [string, OfficeSummary][],
  period: QualityPeriod,
  now: number,
): Promise<Map<string, Map<string, QualityDayCounts>>> {
  const range = { from: previousPeriod(period).from, to: period.to };
  const byOffice = new Map<string, Map<string, QualityDayCounts>>(offices.map(([id]) => [id, new Map()]));
  for (const { officeId, counts } of await store.qualityDays(range.from, range.to)) byOffice.get(officeId)?.set(counts.officeDay, counts);
  for (const [officeId, summary] of offices) {
    const days = byOffice.get(officeId)!;
    const today = officeDayOf(summary.timeZone, now);
    const rules = officeQualityRules(summary);
    const missing = daysOf(range).filter((d) => d < today && !days.has(d));
    for (const d of await countAndSave(store, officeId, rules, missing, now)) days.set(d.officeDay, d);
    if (today >= range.from && today <= range.to) for (const [day, c] of await countDays(store, officeId, rules, { from: today, to: today })) days.set(day, c);
  }
  return byOffice;
}

/** Counts the given closed days of one office from its visits and stores them. */
async function countAndSave(store: CentralStore, officeId: string, rules: QualityRules, missing: readonly string[], now: number): Promise<QualityDayCounts[]> {
  if (missing.length === 0) return [];
  const sorted = [...missing].sort();
  const counted = await countDays(store, officeId, rules, { from: sorted[0]!, to: sorted.at(-1)! });
  const fresh = sorted.map((d) => counted.get(d)!);
  await store.saveQualityDays(officeId, fresh, now);
  return fresh;
}

/**
 * Central keeps the account number's keyed hash for the repeat window only, as the office does.
 * Before forgetting the keys of visits issued before `cutoff`, the days they belong to are counted
 * (those not counted yet), so their repeats stay in the counts. Answers how many keys were forgotten.
 */
export async function forgetAccountKeys(store: CentralStore, offices: readonly [string, OfficeSummary][], cutoff: number, now: number): Promise<number> {
  const summaries = new Map(offices);
  const byOffice = new Map<string, string[]>();
  for (const { officeId, officeDay } of await store.accountKeyDays(cutoff)) byOffice.set(officeId, [...(byOffice.get(officeId) ?? []), officeDay]);
  for (const [officeId, keyDays] of byOffice) {
    const summary = summaries.get(officeId);
    if (!summary) continue;
    const sorted = [...keyDays].sort();
    const counted = new Set((await store.qualityDays(sorted[0]!, sorted.at(-1)!)).filter((d) => d.officeId === officeId).map((d) => d.counts.officeDay));
    const today = officeDayOf(summary.timeZone, now);
    await countAndSave(store, officeId, officeQualityRules(summary), sorted.filter((d) => d < today && !counted.has(d)), now);
  }
  return store.forgetAccountKeys(cutoff);
}

/** Closed days counted ahead of the views: a week, so a node down over a long weekend catches up. */
export const QUALITY_COUNT_AHEAD_DAYS = 7;

/**
 * Counts every office's closed quality days of the last week that have no stored counts, ahead of
 * any view: run by central's hourly pass (and at start), beside the report roll-up. A day closes
 * when the office's date has moved past it; an event or answer arriving for it later drops its row
 * in the transaction that writes it (the ingest's projection, the questionnaire's insert), and the
 * next pass counts it again. Without this the first report of a month counted every office day
 * itself (bench/central-quality). Answers how many office days were counted; a failure is logged,
 * not thrown: the views count what they lack themselves.
 */
export async function countRecentQualityDays(
  store: CentralStore,
  offices: readonly [string, OfficeSummary][],
  now: number,
  logger: Logger,
): Promise<number> {
  try {
    const todays = new Map(offices.map(([id, s]) => [id, officeDayOf(s.timeZone, now)]));
    const latest = [...todays.values()].sort().at(-1);
    if (latest === undefined) return 0;
    const earliest = [...todays.values()].sort()[0]!;
    const counted = new Set((await store.countedQualityDays(addDays(earliest, -QUALITY_COUNT_AHEAD_DAYS), latest)).map((d) => `${d.officeId}\u0000${d.officeDay}`));
    let total = 0;
    for (const [officeId, summary] of offices) {
      const today = todays.get(officeId)!;
      const missing = daysOf({ from: addDays(today, -QUALITY_COUNT_AHEAD_DAYS), to: addDays(today, -1) }).filter((d) => !counted.has(`${officeId}\u0000${d}`));
      total += (await countAndSave(store, officeId, officeQualityRules(summary), missing, now)).length;
    }
    if (total > 0) logger.info({ officeDays: total }, 'closed office days counted for the quality views');
    return total;
  } catch (error) {
    logger.error({ err: error }, 'counting closed office days for the quality views failed');
    return 0;
  }
}

async function countDays(store: CentralStore, officeId: string, rules: QualityRules, period: QualityPeriod) {
  // The window before the period is read for its keyed served visits only: all a repeat looks back at.
  const visits = await store.qualityVisits(officeId, period.from, period.to, addDays(period.from, -rules.repeatWindowDays));
  // The visitors' answers on the ticket's phone page; an answer drops its day's stored counts, so
  // a closed day is counted again with it.
  const answers = await store.questionnaireAnswers(officeId, period.from, period.to);
  return dayCountsFromVisits(visits, answers, period, rules);
}

/**
 * The quality department's view of `period` for these offices, read from the store: the counted
 * days (counting any missing) and the period's low ratings.
 */
export async function readCentralQualityView(
  store: CentralStore,
  offices: readonly [string, OfficeSummary][],
  regionOf: (officeId: string) => string | undefined,
  period: QualityPeriod,
  now: number,
): Promise<CentralQualityView> {
  const [days, low] = await Promise.all([
    officesQualityDays(store, offices, period, now),
    store.lowRatedVisits(offices.map(([id]) => id), period.from, period.to, MAX_CENTRAL_FOLLOW_UPS),
  ]);
  return centralQualityView(days, offices, regionOf, period, low);
}

/** The quality department's view: the offices ranked, and all of them together. */
export function centralQualityView(
  days: Map<string, Map<string, QualityDayCounts>>,
  offices: readonly [string, OfficeSummary][],
  regionOf: (officeId: string) => string | undefined,
  period: QualityPeriod,
  low: { more: boolean; visits: readonly { officeId: string; visit: QualityVisit }[] } = { more: false, visits: [] },
): CentralQualityView {
  const company = new Map<string, QualityDayCounts[]>();
  const rows: Omit<OfficeQuality, 'rank'>[] = [];
  for (const [officeId, summary] of offices) {
    const rules = officeQualityRules(summary);
    const own = days.get(officeId) ?? new Map<string, QualityDayCounts>();
    for (const [day, counts] of own) {
      // Days of the previous period lend the company their totals only, not their splits.
      const resolved = resolveDayCounts(day >= period.from && day <= period.to ? counts : { ...counts, splits: emptyDayCounts(day).splits }, officeId, rules);
      const list = company.get(day);
      if (list) list.push(resolved);
      else company.set(day, [resolved]);
    }
    const region = regionOf(officeId);
    rows.push({
      officeId,
      name: summary.name,
      ...(region !== undefined && { region }),
      current: periodIndicatorsFromDays(own, period, rules),
      previous: periodIndicatorsFromDays(own, previousPeriod(period), rules),
    });
  }
  // The splits are read for the period itself only: the previous period's days sum without them.
  const summed = new Map([...company].map(([day, list]) => [day, sumDayCounts(day, list, day >= period.from && day <= period.to)]));
  const complaintIds = new Set([...summed.values()].flatMap((d) => Object.keys(d.outcomes)));
  // A day is closed for the company when every office in view was closed on it.
  const holidays = new Set(offices.length === 0 ? [] : offices.map(([, s]) => s.holidays).reduce((a, b) => a.filter((d) => b.includes(d))));
  const report = qualityReportFromDays(summed, period, { complaintOutcomeIds: complaintIds, waitingStandardMinutes: 0, bookingStandardMinutes: 0, holidays });
  const ranked = rows.sort(compareOffices).map((row, index) => ({ ...row, rank: index + 1 }));
  const outcomes = Object.fromEntries(
    offices.flatMap(([, s]) => s.services.flatMap((svc) => (svc.outcomes ?? []).map((o) => [o.id, o.nameEn ? { name: o.name, nameEn: o.nameEn } : { name: o.name }]))),
  );
  const services = Object.fromEntries(offices.flatMap(([, s]) => s.services.map((svc) => [svc.id, svc.nameEn ? { name: svc.name, nameEn: svc.nameEn } : { name: svc.name }])));
  const followUps = low.visits.flatMap(({ officeId, visit }) => followUpsOf([visit], new Map()).map((f) => ({ officeId, ...f })));
  return { period, company: report, offices: ranked, outcomes, services, followUps, followUpsMore: low.more };
}

/** Higher is better for shares; an office with no ratings ranks after those with some. */
function compareOffices(a: Omit<OfficeQuality, 'rank'>, b: Omit<OfficeQuality, 'rank'>): number {
  const desc = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : y - x);
  const asc = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y);
  return (
    desc(a.current.satisfaction.satisfiedShare, b.current.satisfaction.satisfiedShare) ||
    asc(a.current.complaints.per1000, b.current.complaints.per1000) ||
    desc(a.current.repeats.firstVisitResolution, b.current.repeats.firstVisitResolution) ||
    (a.officeId < b.officeId ? -1 : 1)
  );
}
