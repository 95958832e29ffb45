// A generated multi-skill office for bench/call-policy: five desks, each serving two or three of
// four services in its own order, staggered lunches, 5 % priority visitors, a few bookings. The
// day's arrivals are set from the load asked for: visitors x mean desk time / desk time on duty.
import { DEFAULT_OFFICE_RULES } from '@talon/domain';

const services = [
  { id: 'pay', name: 'Оплата', prefix: 'A', normMinutes: 5, outcomes: [], mix: 40 },
  { id: 'meter', name: 'Показания', prefix: 'B', normMinutes: 8, outcomes: [], mix: 30 },
  { id: 'contract', name: 'Договоры', prefix: 'E', normMinutes: 12, outcomes: [], mix: 20 },
  { id: 'business', name: 'Юрлица', prefix: 'K', normMinutes: 20, outcomes: [], mix: 10 },
];
const deskServices = [
  ['pay', 'meter'],
  ['meter', 'pay', 'contract'],
  ['contract', 'business', 'pay'],
  ['business', 'contract'],
  ['pay', 'contract', 'meter'],
];
const lunches = [
  ['11:00', '11:45'],
  ['11:45', '12:30'],
  ['12:30', '13:15'],
  ['13:15', '14:00'],
  ['14:00', '14:45'],
];
const OPEN_MIN = 9 * 60;
const LUNCH_MIN = 45;
/** The visitor walks to the desk after the call: the bench's simulated day adds half a minute. */
const WALK_MIN = 0.5;

export const generatedSetup = {
  officeId: 'generated',
  name: 'Generated multi-skill office',
  services: services.map(({ mix: _mix, ...s }) => s),
  desks: deskServices.map((list, i) => ({
    id: `g-desk-${i + 1}`,
    number: i + 1,
    name: `Окно ${i + 1}`,
    servicePolicy: 'order',
    services: list.map((serviceId) => ({ serviceId, weight: 1 })),
  })),
  operators: deskServices.map((_, i) => ({ id: `g-op-${i + 1}`, name: `Оператор ${i + 1}` })),
  categories: [
    { id: 'disabled', name: 'Инвалиды', document: 'Справка МСЭ' },
    { id: 'veteran', name: 'Ветераны', document: 'Удостоверение' },
  ],
  schedule: {
    timeZone: 'Europe/Moscow',
    alwaysOpen: false,
    week: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, { open: '08:00', close: '17:00' }])),
    holidays: [],
    specialDays: {},
    issueFromMinutesBeforeOpen: 0,
    issueUntilMinutesBeforeClose: 15,
    breaks: lunches.map(([from, to], i) => ({ operatorId: `g-op-${i + 1}`, from, to, reason: 'lunch' })),
  },
  rules: { ...DEFAULT_OFFICE_RULES },
};
export const generatedOperatorOf = Object.fromEntries(deskServices.map((_, i) => [`g-desk-${i + 1}`, `g-op-${i + 1}`]));

const serviceMix = Object.fromEntries(services.map((s) => [s.id, s.mix]));
const meanDeskMin = services.reduce((sum, s) => sum + s.mix * s.normMinutes, 0) / services.reduce((sum, s) => sum + s.mix, 0) + WALK_MIN;
const deskMinutesOnDuty = deskServices.length * (OPEN_MIN - LUNCH_MIN);

/** The generated office's day at a given load (0.8 = 80 % of desk time busy on average). */
export function generatedDay(load) {
  return {
    date: '2026-11-24',
    open: '08:00',
    close: '17:00',
    hourProfile: [0.8, 1.1, 1.2, 1.1, 0.9, 1.0, 1.1, 1.0, 0.8],
    serviceMix,
    absentShare: 0.02,
    priorityShare: 0.05,
    arrivals: Math.round((load * deskMinutesOnDuty) / meanDeskMin),
    bookings: { count: 10, noShowShare: 0.1, serviceMix: { contract: 6, business: 4 }, slotMinutes: { contract: 15, business: 30 } },
  };
}
