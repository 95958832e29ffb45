import { z } from 'zod';

/** Ids travel in URLs, logs and file names, so they stay short and plain. */
export const idField = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

/** Лицевой счёт: digits, sometimes with dashes, as printed on an energy bill. */
export const accountNumberField = z
  .string()
  .trim()
  .regex(/^[0-9][0-9-]{3,23}$/, '4 to 24 digits');

/**
 * Every booking code made from now on, at the office or on-line, has this many digits: one format a
 * visitor can use at the kiosk, on the booking page and to cancel. 12 random digits are 10^12 codes;
 * with 1,000 live bookings a guess hits one in 10^9, so guessing stays hopeless at any allowed rate
 * (the arithmetic is in apps/booking-service/README.md).
 */
export const BOOKING_CODE_DIGITS = 12;

/**
 * Codes already handed out before codes had 12 digits: 6 at the office, 8 on-line. They stay valid
 * everywhere until those bookings are past.
 */
const LEGACY_BOOKING_CODE = /^(?:[0-9]{6}|[0-9]{8})$/;

/** Spaces and dashes a visitor types to keep their place in 12 digits (`1234 5678 9012`) do not matter. */
export const bookingCodeDigits = z
  .string()
  .transform((code) => code.replace(/[\s-]/g, ''))
  .refine((code) => new RegExp(`^[0-9]{${BOOKING_CODE_DIGITS}}$`).test(code) || LEGACY_BOOKING_CODE.test(code), {
    message: `a ${BOOKING_CODE_DIGITS}-digit booking code`,
  });

/** The kiosk's booking code: letters allowed (test codes and the odd hand-made code), case ignored. */
export const bookingCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[A-Z0-9]{4,${BOOKING_CODE_DIGITS}}$`), `4 to ${BOOKING_CODE_DIGITS} letters or digits`);

/**
 * A calendar date as YYYY-MM-DD that exists: "2026-02-31" and "9999-99-99" are refused with
 * `invalid-payload` at the boundary, never quietly moved to March or thrown on deeper in. Every
 * date of the protocol and the config is this one field.
 */
export const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD')
  .refine((date) => {
    const day = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
  }, { message: 'no such date', params: { problem: 'no-such-date' } });

export const instantField = z.number().int().nonnegative();
export const commentField = z.string().trim().max(500);
export const languageField = z.enum(['ru', 'en']);
