import { QUALITY_INDICATORS, WAIT_BANDS, type PeriodIndicators, type Satisfaction } from '@talon/domain';
import { t } from '@talon/messages';
import type { CentralQualityView } from '@talon/protocol';

export type Cell = string | number | null;

/** One view of the monthly report: a sheet in the XLSX, a file in CSV. Russian headers. */
export interface QualitySheet {
  /** Sheet name (Excel allows 31 characters) and the CSV's `?sheet=` key. */
  name: string;
  key: string;
  titles: string[];
  /** Columns holding shares (0..1): the XLSX shows them as percent. */
  shareColumns: number[];
  rows: Cell[][];
}

const round = (value: number | null, digits = 3) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** Headers in Russian, from the one catalogue. */
const INDICATORS = QUALITY_INDICATORS.map((i) => ({ ...i, title: t('ru', `quality.indicator.${i.key}`), share: i.format === 'share' }));

const indicatorCells = (p: PeriodIndicators) => INDICATORS.map((i) => round(i.of(p)));

/**
 * The monthly report's views: the offices ranked (this period and the previous beside it), the
 * company by day, ratings against wait bands, complaints by outcome. The XLSX has one sheet per
 * view; the CSV is one view at a time. Every number is the central view's, unrounded beyond 3 places.
 */
export function qualitySheets(view: CentralQualityView, outcomeName: (outcomeId: string) => string): QualitySheet[] {
  const offset = 4;
  const shares = INDICATORS.flatMap((i, index) => (i.share ? [index] : []));
  const offices: QualitySheet = {
    name: 'Офисы',
    key: 'offices',
    titles: ['Место', 'Код офиса', 'Офис', 'Регион', ...INDICATORS.map((i) => i.title), ...INDICATORS.map((i) => `${i.title} (пред. период)`)],
    shareColumns: [...shares.map((c) => c + offset), ...shares.map((c) => c + offset + INDICATORS.length)],
    rows: view.offices.map((o) => [o.rank, o.officeId, o.name, o.region ?? null, ...indicatorCells(o.current), ...indicatorCells(o.previous)]),
  };
  const company: QualitySheet = {
    name: 'Компания',
    key: 'company',
    titles: ['Показатель', 'Этот период', 'Предыдущий период'],
    shareColumns: [],
    rows: INDICATORS.map((i) => [i.title, round(i.of(view.company.current)), round(i.of(view.company.previous))]),
  };
  const byDay: QualitySheet = {
    name: 'По дням',
    key: 'days',
    titles: ['Дата', 'Обслужено визитов', 'Доля довольных (4–5)', 'Средняя оценка', 'Жалоб', 'Повторных визитов'],
    shareColumns: [2],
    rows: view.company.byDay.map((d) => [d.key, d.served, round(d.satisfiedShare), round(d.meanRating), d.complaints, d.repeats]),
  };
  const bands = new Map(view.company.splits.waitBand.map((b) => [b.key, b.satisfaction]));
  const waits: QualitySheet = {
    name: 'Ожидание и оценки',
    key: 'wait-bands',
    titles: ['Ожидание, мин', 'Обслужено визитов', 'Оценок', 'Доля довольных (4–5)', 'Средняя оценка'],
    shareColumns: [3],
    rows: WAIT_BANDS.map((band) => {
      const s = bands.get(band);
      return [band, s?.served ?? 0, s?.rated ?? 0, round(s?.satisfiedShare ?? null), round(s?.meanRating ?? null)];
    }),
  };
  const previous = new Map(view.company.previous.complaints.byOutcome.map((o) => [o.outcomeId, o.count]));
  const ids = [...new Set([...view.company.current.complaints.byOutcome.map((o) => o.outcomeId), ...previous.keys()])];
  const current = new Map(view.company.current.complaints.byOutcome.map((o) => [o.outcomeId, o.count]));
  const complaints: QualitySheet = {
    name: 'Жалобы',
    key: 'complaints',
    titles: ['Код результата', 'Результат', 'Жалоб', 'Жалоб в предыдущем периоде'],
    shareColumns: [],
    rows: ids.map((id) => [id, outcomeName(id), current.get(id) ?? 0, previous.get(id) ?? 0]),
  };
  return [offices, company, byDay, waits, complaints, ...splitSheets(view), followUpSheet(view, outcomeName)];
}

const SATISFACTION_TITLES = ['Обслужено визитов', 'Оценок', 'Оценили визит', 'Довольны (оценки 4–5)', 'Средняя оценка'];
const satisfactionCells = (s: Satisfaction): Cell[] => [s.served, s.rated, round(s.responseRate), round(s.satisfiedShare), round(s.meanRating)];

/**
 * Ratings by service, operator, desk and hour of call, the company's (the view's splits): operator
 * and desk keys are `office:id` (ids are each office's own), so those sheets name the office.
 */
function splitSheets(view: CentralQualityView): QualitySheet[] {
  const officeName = new Map(view.offices.map((o) => [o.officeId, o.name]));
  const byOffice = (key: string): [string, string | null, string] => {
    const at = key.indexOf(':');
    const officeId = key.slice(0, at);
    return [officeId, officeName.get(officeId) ?? null, key.slice(at + 1)];
  };
  const sheet = (name: string, key: string, lead: string[], rows: { key: string; satisfaction: Satisfaction }[], cells: (key: string) => Cell[]): QualitySheet => ({
    name,
    key,
    titles: [...lead, ...SATISFACTION_TITLES],
    shareColumns: [lead.length + 2, lead.length + 3],
    rows: rows.map((r) => [...cells(r.key), ...satisfactionCells(r.satisfaction)]),
  });
  const splits = view.company.splits;
  return [
    sheet('По услугам', 'services', ['Код услуги', 'Услуга'], splits.service, (id) => [id, view.services[id]?.name ?? id]),
    sheet('По операторам', 'operators', ['Код офиса', 'Офис', 'Оператор'], splits.operator, byOffice),
    sheet('По окнам', 'desks', ['Код офиса', 'Офис', 'Окно'], splits.desk, byOffice),
    sheet('По часам', 'hours', ['Час'], splits.hour, (hour) => [Number(hour)]),
  ];
}

/** The period's ratings of 1–2, newest first, to call back. */
function followUpSheet(view: CentralQualityView, outcomeName: (outcomeId: string) => string): QualitySheet {
  const officeName = new Map(view.offices.map((o) => [o.officeId, o.name]));
  return {
    name: 'Низкие оценки',
    key: 'follow-ups',
    titles: ['Код офиса', 'Офис', 'Дата', 'Талон', 'Услуга', 'Оператор', 'Окно', 'Ожидание, мин', 'Результат', 'Оценка'],
    shareColumns: [],
    rows: view.followUps.map((f) => [
      f.officeId,
      officeName.get(f.officeId) ?? null,
      f.officeDay,
      f.ticketNumber,
      view.services[f.serviceId]?.name ?? f.serviceId,
      f.operatorId ?? null,
      f.deskId ?? null,
      round(f.waitMinutes ?? null, 1),
      f.outcomeId === undefined ? null : outcomeName(f.outcomeId),
      f.rating,
    ]),
  };
}
