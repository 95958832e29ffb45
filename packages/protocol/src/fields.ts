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

export const bookingCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,10}$/, '4 to 10 letters or digits');

export const instantField = z.number().int().nonnegative();
export const commentField = z.string().trim().max(500);
export const languageField = z.enum(['ru', 'en']);
