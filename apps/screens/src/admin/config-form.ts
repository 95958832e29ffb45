import { TICKET_PREFIXES } from '@talon/domain';
import { formatPath, type DeskConfig, type OfficeConfig, type WeekdayKey } from '@talon/protocol';

/**
 * The admin form edits a draft of the office config by field paths, the same paths the server's
 * validation names (`services[1].prefix`), so each refusal lands next to its field. The server
 * stays the judge: the form keeps what was typed, even a bad number, and lets the server name it.
 */
export type FieldPath = readonly (string | number)[];

export const fieldKey = (path: FieldPath): string => formatPath(path);

/** `services[1].prefix: one of …` lines from an `invalid-config` refusal, grouped by field. */
export function problemsByField(message: string): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const line of message.split('\n')) {
    if (!line.trim()) continue;
    const split = line.indexOf(': ');
    const field = split > 0 ? line.slice(0, split) : '(root)';
    const text = split > 0 ? line.slice(split + 2) : line;
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  return byField;
}

/** A copy with the value at `path` replaced; `undefined` removes an object key (an emptied optional field). */
export function updateAt<T>(root: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = updateAt(copy[head as number], rest, value);
    return copy as T;
  }
  const source = (root ?? {}) as Record<string, unknown>;
  const next = updateAt(source[head as string], rest, value);
  const copy = { ...source };
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

export function valueAt(root: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], root);
}

/** An emptied optional text is dropped: the schema wants it absent, not blank. */
export function textValue(input: string): string | undefined {
  return input.trim() === '' ? undefined : input;
}

/** A number when it reads as one; otherwise what was typed, for the server to name the field. */
export function numberValue(input: string): number | string {
  const trimmed = input.trim().replace(',', '.');
  const parsed = Number(trimmed);
  return trimmed !== '' && Number.isFinite(parsed) ? parsed : input;
}

/** Desk services in the desk's order, whichever of the two config spellings each entry uses. */
export function deskServiceIds(desk: DeskConfig): string[] {
  return desk.services.map((entry) => entry.serviceId);
}

/** Ticks a service on or off a desk, keeping the order and weights of the others. */
export function toggleDeskService(desk: DeskConfig, serviceId: string, on: boolean): DeskConfig {
  const has = desk.services.some((s) => s.serviceId === serviceId);
  if (on && !has) return { ...desk, services: [...desk.services, { serviceId, weight: 1 }] };
  if (!on && has) return { ...desk, services: desk.services.filter((s) => s.serviceId !== serviceId) };
  return desk;
}

export interface DayHours {
  open: boolean;
  from: string;
  to: string;
}

export function dayHours(config: OfficeConfig, day: WeekdayKey): DayHours {
  const hours = config.hours[day];
  return hours ? { open: true, from: hours.open, to: hours.close } : { open: false, from: '09:00', to: '18:00' };
}

export function withDayHours(config: OfficeConfig, day: WeekdayKey, hours: DayHours): OfficeConfig {
  return { ...config, hours: { ...config.hours, [day]: hours.open ? { open: hours.from, close: hours.to } : null } };
}

function freeId(taken: readonly { id: string }[], stem: string): string {
  const ids = new Set(taken.map((item) => item.id));
  for (let n = taken.length + 1; ; n += 1) if (!ids.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A new service with a free id and the first free ticket letter (none free: the server says so). */
export function withNewService(config: OfficeConfig): OfficeConfig {
  const used = new Set(config.services.map((s) => s.prefix));
  const prefix = TICKET_PREFIXES.find((p) => !used.has(p)) ?? TICKET_PREFIXES[0];
  const service = {
    id: freeId(config.services, 'service'),
    name: 'Новая услуга',
    prefix,
    normMinutes: 10,
    askAccountNumber: false,
    bookable: false,
    bookingSlotMinutes: 15,
    bookingCapacityPerSlot: 1,
    outcomes: [],
  } as OfficeConfig['services'][number];
  return { ...config, services: [...config.services, service] };
}

export function withNewDesk(config: OfficeConfig): OfficeConfig {
  const number = Math.max(0, ...config.desks.map((d) => d.number)) + 1;
  const firstService = config.services[0]?.id ?? '';
  const desk: DeskConfig = {
    id: freeId(config.desks, 'desk'),
    number,
    name: `Окно ${number}`,
    services: [{ serviceId: firstService, weight: 1 }],
    servicePolicy: 'weighted',
  };
  return { ...config, desks: [...config.desks, desk] };
}

/**
 * A new operator cannot log in until a password is set: `scrypt$unset` passes the config check
 * but matches no password.
 */
export const UNSET_PASSWORD_HASH = 'scrypt$unset';

export function withNewOperator(config: OfficeConfig): OfficeConfig {
  const id = freeId(config.operators, 'operator');
  return {
    ...config,
    operators: [...config.operators, { id, name: 'Новый сотрудник', login: id, passwordHash: UNSET_PASSWORD_HASH, roles: ['operator'] }],
  };
}

/** A new device's token hash matches no token until one is issued. */
export const UNSET_TOKEN_HASH = `sha256$${'0'.repeat(64)}`;

export function withNewDevice(config: OfficeConfig): OfficeConfig {
  const device = { id: freeId(config.devices, 'device'), name: 'Новое устройство', role: 'kiosk' as const, tokenHash: UNSET_TOKEN_HASH };
  return { ...config, devices: [...config.devices, device] };
}

/** A new printer on the first kiosk and agent; the URI is a placeholder the admin replaces (tcp://, serial:, file://). */
export function withNewPrinter(config: OfficeConfig): OfficeConfig {
  const kioskId = config.devices.find((d) => d.role === 'kiosk')?.id ?? '';
  const agentId = config.devices.find((d) => d.role === 'agent')?.id ?? '';
  const printer = { id: freeId(config.printers, 'printer'), kioskId, agentId, uri: 'tcp://192.168.1.50:9100', profile: 'generic-80mm' };
  return { ...config, printers: [...config.printers, printer] };
}

/** A new rating button on the first desk that has none; its serial path is explicit, never discovered. */
export function withNewRatingButton(config: OfficeConfig): OfficeConfig {
  const taken = new Set(config.ratingButtons.map((b) => b.deskId));
  const deskId = config.desks.find((d) => !taken.has(d.id))?.id ?? config.desks[0]?.id ?? '';
  const agentId = config.devices.find((d) => d.role === 'agent')?.id ?? '';
  const button = { deskId, agentId, path: '/dev/serial/by-id/', deviceId: 1 };
  return { ...config, ratingButtons: [...config.ratingButtons, button] };
}

export function withNewCategory(config: OfficeConfig): OfficeConfig {
  const category = { id: freeId(config.categories, 'category'), name: 'Новая категория', document: 'Документ' };
  return { ...config, categories: [...config.categories, category] };
}

export function withNewBreak(config: OfficeConfig): OfficeConfig {
  const operatorId = config.operators[0]?.id ?? '';
  return { ...config, breaks: [...config.breaks, { operatorId, from: '12:00', to: '12:45', reason: 'lunch' }] };
}

/** The first date after `today` that is neither a holiday nor a special day yet: where a new one starts. */
function nextFreeDate(config: OfficeConfig, today: string): string {
  const taken = new Set([...config.holidays, ...config.specialDays.map((d) => d.date)]);
  let date = today;
  do {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    date = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  } while (taken.has(date));
  return date;
}

/** A new special day, with the usual weekday's hours cut to 08:00–16:00 to start from. */
export function withNewSpecialDay(config: OfficeConfig, today: string): OfficeConfig {
  return { ...config, specialDays: [...config.specialDays, { date: nextFreeDate(config, today), open: '08:00', close: '16:00' }] };
}

export function withNewHoliday(config: OfficeConfig, today: string): OfficeConfig {
  return { ...config, holidays: [...config.holidays, nextFreeDate(config, today)] };
}

/** The config lists the admin screen adds to and removes from. */
export type RemovableList = 'services' | 'desks' | 'operators' | 'devices' | 'categories' | 'breaks' | 'serviceGroups' | 'specialDays' | 'holidays' | 'printers' | 'ratingButtons';

export function withoutItem<K extends RemovableList>(
  config: OfficeConfig,
  list: K,
  index: number,
): OfficeConfig {
  return { ...config, [list]: (config[list] as unknown[]).filter((_, i) => i !== index) };
}

/**
 * The draft with the server's password and token hashes: those change by their own commands, and
 * saving a draft that still holds the old hashes would quietly undo a new password or token.
 */
export function withSecretsOf(draft: OfficeConfig, server: OfficeConfig): OfficeConfig {
  const passwords = new Map(server.operators.map((o) => [o.id, o.passwordHash]));
  const tokens = new Map(server.devices.map((d) => [d.id, d.tokenHash]));
  return {
    ...draft,
    operators: draft.operators.map((o) => ({ ...o, passwordHash: passwords.get(o.id) ?? o.passwordHash })),
    devices: draft.devices.map((d) => ({ ...d, tokenHash: tokens.get(d.id) ?? d.tokenHash })),
  };
}
