import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatPath, idField } from '@talon/protocol';

const secretHash = z.string().regex(/^sha256\$[0-9a-f]{64}$/, 'sha256$ and 64 hex digits');

/** The central service's config file: which offices may sync, who may read reports, how long phones are kept. */
export const centralConfigSchema = z.strictObject({
  offices: z.array(z.strictObject({ id: idField, keyHash: secretHash })).min(1),
  reportTokens: z.array(z.strictObject({ name: z.string().min(1).max(100), tokenHash: secretHash })).default([]),
  personalData: z
    .strictObject({
      /** Names and phone numbers are cleared this many days after the slot. */
      retentionDays: z.number().int().min(1).max(3650).default(30),
    })
    .prefault({}),
  booking: z
    .strictObject({
      /** How far ahead a visitor may book, and how far ahead offices receive bookings. */
      daysAhead: z.number().int().min(1).max(90).default(14),
      /** Upcoming bookings one phone number may hold at once: a bot cannot empty a day's slots. */
      maxActivePerPhone: z.number().int().min(1).max(50).default(3),
      /** Web origins whose pages may call the API from the browser (the company's website). */
      allowedOrigins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://example.ru')).default([]),
    })
    .prefault({}),
  postgres: z
    .strictObject({
      /** Connections each node holds when central runs on PostgreSQL (--database-url); 2 nodes x 10 fit PostgreSQL's default 100. */
      poolSize: z.number().int().min(1).max(200).default(10),
    })
    .prefault({}),
});

export type CentralConfig = z.output<typeof centralConfigSchema>;

export class CentralConfigError extends Error {
  override name = 'CentralConfigError';
}

export function parseCentralConfig(value: unknown): CentralConfig {
  const result = centralConfigSchema.safeParse(value);
  if (result.success) return result.data;
  throw new CentralConfigError(result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n'));
}

export function loadCentralConfig(file: string): CentralConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CentralConfigError(`${file}: ${(error as Error).message}`);
  }
  return parseCentralConfig(raw);
}
