import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import { phoneField } from './booking-api.js';
import { idField, instantField, dateField } from './fields.js';
import type { OfficeConfig } from './office-config.js';

export const adminCommands = {
  'config:get': z.strictObject({}),
  /** The whole config document; validated with messages that name the field. */
  'config:update': z.strictObject({ config: z.unknown() }),
  'device:issue-token': z.strictObject({ deviceId: idField }),
  'operator:set-password': z.strictObject({ operatorId: idField, password: z.string().min(1).max(200) }),
  'booking:slots': z.strictObject({ serviceId: idField, date: dateField }),
  /**
   * A counter booking. `customerPhone` (any usual Russian form, kept as +7 and ten digits) only
   * with `phoneConsent: true`: the visitor agreed to its processing, as on-line bookings do. With
   * it the visitor may also look the booking up and cancel it on central's booking page (code and
   * the phone's last 4 digits); without it only the office cancels it.
   */
  'booking:create': z
    .strictObject({
      serviceId: idField,
      slotStart: instantField,
      customerName: z.string().trim().max(200).optional(),
      customerPhone: phoneField.optional(),
      phoneConsent: z.literal(true).optional(),
    })
    .refine((body) => body.customerPhone === undefined || body.phoneConsent === true, {
      message: "a phone needs the visitor's consent to its processing (phoneConsent: true)",
      path: ['phoneConsent'],
    }),
  'booking:cancel': z.strictObject({ bookingId: idField }),
  /** Every booking of one office day, on-line and office ones alike: what the reception looks up. */
  'booking:list': z.strictObject({ date: dateField }),
};

export interface BookingSlotView {
  start: number;
  minutes: number;
  capacity: number;
  booked: number;
}

/**
 * `booked`: still to come; `arrived` / `late`: checked in at the kiosk (late ones as walk-ins);
 * `cancelled`; `expired`: the day closed without the visitor.
 */
export type BookingStatus = 'booked' | 'arrived' | 'late' | 'cancelled' | 'expired';

export interface OfficeBookingView {
  bookingId: string;
  code: string;
  serviceId: string;
  slotStart: number;
  slotMinutes: number;
  /** `central`: booked on-line; `office`: by phone or at the reception. */
  source: 'office' | 'central';
  customerName?: string;
  /** «+7 *** ***-34-56»: the reception recognises the number; the full one never reaches a screen. */
  phoneMasked?: string;
  status: BookingStatus;
  /** The ticket the booking was checked in with. */
  ticketNumber?: string;
}

export interface AdminResults {
  'config:get': { config: OfficeConfig };
  'config:update': { config: OfficeConfig };
  /** The token is shown once; only its hash is stored. */
  'device:issue-token': { deviceId: string; token: string };
  'operator:set-password': object;
  'booking:slots': { slots: BookingSlotView[] };
  'booking:create': { bookingId: string; code: string; slotStart: number };
  'booking:cancel': object;
  'booking:list': { bookings: OfficeBookingView[] };
}

export type AdminClientEvents = CommandEvents<typeof adminCommands, AdminResults>;

export interface AdminServerEvents {
  /**
   * Sent to every admin screen after any change of the config made on the admin namespace.
   * `origin` is the Socket.IO id of the connection that made it, so that screen knows its own
   * change (already in its ack) from another administrator's.
   */
  'config:changed': (change: { config: OfficeConfig; changedBy: string; origin: string }) => void;
}
