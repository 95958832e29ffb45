import type { MessageKey } from '@talon/messages';
import type { ConfigIssue } from '@talon/protocol';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Config keys as the forms label them; a key without a label keeps its own name. */
const FIELD_LABELS: Record<string, MessageKey> = {
  id: 'admin.field.id',
  name: 'admin.field.name',
  nameEn: 'admin.field.nameEn',
  hint: 'admin.field.hint',
  hintEn: 'admin.field.hintEn',
  prefix: 'admin.field.prefix',
  groupId: 'admin.field.group',
  parentId: 'admin.field.parentGroup',
  normMinutes: 'admin.field.normMinutes',
  bookingSlotMinutes: 'admin.field.bookingSlotMinutes',
  bookingCapacityPerSlot: 'admin.field.bookingCapacity',
  number: 'admin.field.deskNumber',
  servicePolicy: 'admin.field.servicePolicy',
  login: 'admin.field.login',
  document: 'admin.field.document',
  documentEn: 'admin.field.documentEn',
  address: 'admin.field.address',
  addressEn: 'admin.field.addressEn',
  timeZone: 'admin.field.timeZone',
  waitingStandardMinutes: 'admin.field.waitingStandard',
  untilMinutesBeforeClose: 'admin.field.issueUntil',
  operatorId: 'admin.field.breakOperator',
  from: 'admin.field.from',
  to: 'admin.field.to',
  date: 'admin.field.specialDate',
  role: 'admin.field.deviceRole',
  reason: 'admin.field.reason',
};

const WHERE: Record<string, MessageKey> = {
  services: 'admin.where.services',
  serviceGroups: 'admin.where.serviceGroups',
  desks: 'admin.where.desks',
  operators: 'admin.where.operators',
  categories: 'admin.where.categories',
  breaks: 'admin.where.breaks',
  holidays: 'admin.where.holidays',
  specialDays: 'admin.where.specialDays',
  devices: 'admin.where.devices',
  printers: 'admin.where.printers',
  ratingButtons: 'admin.where.ratingButtons',
  outcomes: 'admin.where.outcomes',
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** `services[2].outcomes[0].name` -> ['services', 2, 'outcomes', 0, 'name']. */
function segments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function lastIndexBefore(parts: readonly (string | number)[], end: number): number {
  for (let i = end - 1; i >= 0; i -= 1) if (typeof parts[i] === 'number') return parts[i] as number;
  return 0;
}

/** Where the field is, in the screen's words: «Услуга 3, Норма приёма, мин». */
export function issueFieldName(path: string, t: Translate): string {
  const parts = segments(path);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (typeof part === 'number') continue;
    if (typeof next === 'number' && WHERE[part]) {
      words.push(t(WHERE[part], { n: next + 1 }));
      continue;
    }
    if (i === parts.length - 1 || typeof next === 'number') {
      if (part === 'name' && parts[0] === 'operators') words.push(t('admin.field.personName'));
      else if (part === 'name' && parts[0] === 'office') words.push(t('admin.field.officeName'));
      else if ((WEEKDAYS as readonly string[]).includes(part)) words.push(t(`admin.day.${part as (typeof WEEKDAYS)[number]}`));
      // Labels such as «Сотрудник (перерыв {n})» take the number of the entry they sit in.
      else words.push(FIELD_LABELS[part] ? t(FIELD_LABELS[part], { n: lastIndexBefore(parts, i) + 1 }) : part);
    } else if ((WEEKDAYS as readonly string[]).includes(part)) {
      words.push(t(`admin.day.${part as (typeof WEEKDAYS)[number]}`));
    }
  }
  return words.join(', ') || path;
}

/** What is wrong, in the screen's language: «нужно число». */
export function issueProblemText(issue: ConfigIssue, t: Translate): string {
  return t(`admin.problem.${issue.problem}`, { limit: issue.limit ?? '', value: issue.value ?? '' });
}

/** Problems by field path, for the marks beside the fields. */
export function issuesByField(issues: readonly ConfigIssue[], t: Translate): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const issue of issues) byField.set(issue.path, [...(byField.get(issue.path) ?? []), issueProblemText(issue, t)]);
  return byField;
}

/** The list above the form: each line names the field and what is wrong with it. */
export function issueLines(issues: readonly ConfigIssue[], t: Translate): string[] {
  return issues.map((issue) => `${issueFieldName(issue.path, t)}: ${issueProblemText(issue, t)}`);
}
