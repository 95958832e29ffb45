import { randomUUID, timingSafeEqual } from 'node:crypto';
import { newBookingCode } from '@talon/server-edge';
import {
  BOOKING_CODE_DIGITS,
  createBookingBodySchema,
  type BookingApiAnswer,
  type BookingApiErrorCode,
  type BookingApiResults,
  type PublicBookingView,
  type OfficeSummary,
  type PublicOfficeView,
} from '@talon/protocol';
import type { Logger } from 'pino';
import { maskPhone } from '../personal-data/mask-phone.js';
import type { CentralBooking, CentralStore } from '../storage/central-store.js';
import type { OfficeDirectory } from './office-directory.js';
import { officeDayOf } from './office-day.js';
import { offeredSlots } from './offered-slots.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const refuse = (code: BookingApiErrorCode, message: string) => ({ ok: false as const, code, message });


/** What the visitor has besides the code: the last four digits of the phone they booked with. */
export interface BookingProof {
  phone4: string;
}

const notFound = () => refuse('booking-not-found', 'no booking with this code and these phone digits');

/**
 * The code alone never opens a booking on-line. A booking with no phone (past retention, or taken
 * at an office's counter without one) cannot be proven, and so is not shown: past retention there is
 * nothing left the visitor needs, and a counter booking without a phone is cancelled at the office.
 */
function proves(booking: CentralBooking, proof: BookingProof): boolean {
  const digits = booking.phone?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 && timingSafeEqual(Buffer.from(digits.slice(-4)), Buffer.from(proof.phone4.padEnd(4).slice(0, 4)));
}

export interface CentralBookingsDeps {
  store: CentralStore;
  offices: OfficeDirectory;
  now: () => number;
  daysAhead: () => number;
  maxActivePerPhone: () => number;
  logger: Logger;
  /** Tells a connected office that its bookings changed. */
  nudgeOffice: (officeId: string) => void;
}

/** On-line booking: the rules between the HTTP API and the store. */
export function createCentralBookings(deps: CentralBookingsDeps) {
  const { store, offices, logger } = deps;

  /**
   * The booking this code and these digits open, whichever side made it. Codes are one format
   * everywhere but made on both sides, so a code may be held twice (two offices' old 6-digit codes);
   * the digits choose, and of two both prove, the one still waiting, else the newest.
   */
  async function proven(code: string, proof: BookingProof): Promise<CentralBooking | undefined> {
    const matches = (await store.bookingsByCode(code)).filter((b) => proves(b, proof));
    return matches.findLast((b) => b.status === 'booked') ?? matches.at(-1);
  }

  const view = (b: CentralBooking): PublicBookingView => {
    const office = offices.get(b.officeId);
    const service = office?.services.find((s) => s.id === b.serviceId);
    return {
      code: b.code,
      officeId: b.officeId,
      officeName: office?.name ?? b.officeId,
      ...(office?.nameEn && { officeNameEn: office.nameEn }),
      ...(office?.address && { officeAddress: office.address }),
      ...(office?.addressEn && { officeAddressEn: office.addressEn }),
      serviceId: b.serviceId,
      serviceName: service?.name ?? b.serviceId,
      ...(service?.nameEn && { serviceNameEn: service.nameEn }),
      slotStart: b.slotStart,
      slotMinutes: b.slotMinutes,
      timeZone: office?.timeZone ?? 'UTC',
      status: b.status,
      customerName: b.customerName ?? '',
      phoneMasked: maskPhone(b.phone),
    };
  };

  /** Today and the days ahead in the office's zone on which it opens; a day may still have no free slot. */
  function bookingDays(office: OfficeSummary): string[] {
    const days = new Set<string>();
    for (let i = 0; i <= deps.daysAhead(); i += 1) days.add(officeDayOf(office.timeZone, deps.now() + i * 24 * 60 * 60 * 1000));
    const opens = (day: string) =>
      office.specialDays?.some((d) => d.date === day) ||
      (!office.holidays.includes(day) && office.hours[WEEKDAYS[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!] !== null);
    return [...days].filter(opens);
  }

  async function slots(officeId: string, serviceId: string, date: string): Promise<BookingApiAnswer<BookingApiResults['GET /api/offices/:officeId/slots']>> {
    const office = offices.get(officeId);
    if (!office) return refuse('unknown-office', `unknown office "${officeId}"`);
    const service = office.services.find((s) => s.id === serviceId);
    if (!service) return refuse('unknown-service', `office "${officeId}" has no service "${serviceId}"`);
    if (!service.bookable) return refuse('service-not-bookable', `service "${serviceId}" is not open for booking`);
    const offered = offeredSlots({ office, serviceId, date, now: deps.now(), daysAhead: deps.daysAhead() });
    if (offered.length === 0) return { ok: true, slots: [] };
    const taken = await store.bookedPerSlot(officeId, serviceId, offered[0]!.start, offered.at(-1)!.start + 1);
    return { ok: true, slots: offered.map((s) => ({ ...s, free: Math.max(0, s.capacity - (taken.get(s.start) ?? 0)) })) };
  }

  return {
    listOffices(): PublicOfficeView[] {
      return offices
        .all()
        .map(([id, o]) => ({
          id,
          name: o.name,
          ...(o.nameEn && { nameEn: o.nameEn }),
          ...(o.address && { address: o.address }),
          ...(o.addressEn && { addressEn: o.addressEn }),
          timeZone: o.timeZone,
          services: o.services
            .filter((s) => s.bookable && s.capacityPerSlot > 0)
            .map((s) => ({ id: s.id, name: s.name, ...(s.nameEn && { nameEn: s.nameEn }), slotMinutes: s.slotMinutes })),
          days: bookingDays(o),
          checkInEarlyMinutes: o.rules.bookingCheckInEarlyMinutes,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    },
    slots,
    async create(body: unknown): Promise<BookingApiAnswer<BookingApiResults['POST /api/bookings']>> {
      const parsed = createBookingBodySchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.path.join('.');
        if (field === 'personalDataConsent') return refuse('consent-required', 'consent to personal-data processing is required');
        return refuse('invalid-payload', `${field || '(body)'}: ${issue.message}`);
      }
      const request = parsed.data;
      const office = offices.get(request.officeId);
      if (!office) return refuse('unknown-office', `unknown office "${request.officeId}"`);
      const date = officeDayOf(office.timeZone, request.slotStart);
      const offered = await slots(request.officeId, request.serviceId, date);
      if (!offered.ok) return offered;
      const slot = offered.slots.find((s) => s.start === request.slotStart);
      if (!slot) return refuse('slot-unavailable', 'the office does not offer this slot; pick one from the list of slots');
      if ((await store.activeBookingsOfPhone(request.phone, deps.now())) >= deps.maxActivePerPhone())
        return refuse('too-many-bookings', 'this phone number already holds the most upcoming bookings allowed; cancel one first');
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const outcome = await store.createBooking({
          id: `cb_${randomUUID()}`,
          // The office's codes have the same 12 digits: a clash is checked by the store ('code-taken') and
          // is one in 10^9 per live booking besides.
          code: newBookingCode(BOOKING_CODE_DIGITS),
          officeId: request.officeId,
          serviceId: request.serviceId,
          slotStart: slot.start,
          slotMinutes: slot.minutes,
          capacity: slot.capacity,
          customerName: request.name,
          phone: request.phone,
          at: deps.now(),
        });
        if (outcome.ok) {
          logger.info({ officeId: request.officeId, serviceId: request.serviceId, slotStart: slot.start, phoneMasked: maskPhone(request.phone) }, 'booking made on-line');
          deps.nudgeOffice(request.officeId);
          return { ok: true, booking: view(outcome.booking) };
        }
        if (outcome.reason === 'slot-full') return refuse('slot-full', 'the last place in this slot has just been taken; pick another');
      }
      return refuse('internal', 'could not find a free booking code; try again');
    },
    /** The booking if the code exists and the visitor's second factor matches it; a miss says nothing of which was wrong. */
    async find(code: string, proof: BookingProof): Promise<BookingApiAnswer<BookingApiResults['GET /api/bookings/:code']>> {
      const booking = await proven(code, proof);
      return booking ? { ok: true, booking: view(booking) } : notFound();
    },
    /**
     * Cancels a booking made on-line or at an office's counter alike. Central holds the office's
     * booking as the office last reported it: a visitor the office has checked in meanwhile wins
     * there (its check-in comes up and shows the booking arrived here), and the cancel it then
     * brings down does nothing (sync in docs/protocol.md).
     */
    async cancel(code: string, proof: BookingProof): Promise<BookingApiAnswer<BookingApiResults['POST /api/bookings/:code/cancel']>> {
      const before = await proven(code, proof);
      if (!before) return notFound();
      if (before.status !== 'booked') return refuse('booking-not-cancellable', `the booking is ${before.status} and cannot be cancelled`);
      const after = await store.cancelBooking(before.id, deps.now());
      if (!after || after.status !== 'cancelled') return refuse('booking-not-cancellable', 'the booking changed meanwhile; look it up again');
      logger.info({ officeId: after.officeId, code: after.code, origin: after.origin }, 'booking cancelled on-line');
      deps.nudgeOffice(after.officeId);
      return { ok: true, booking: view(after) };
    },
  };
}

export type CentralBookings = ReturnType<typeof createCentralBookings>;
