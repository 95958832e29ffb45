import type { ButtonAssignment, PrintJob, PrinterAssignment } from '@talon/protocol';
import { z } from 'zod';

// The server is ours, but an agent outlives server upgrades and runs unattended on a kiosk:
// whatever arrives is checked here, and a message that fails is logged and answered, not obeyed.

const id = z.string().min(1).max(64);
const text = z.string().max(200);

const printJobTicket = z.object({
  officeName: text,
  number: z.string().min(1).max(16),
  serviceName: text,
  issuedAt: z.number().int().nonnegative(),
  timeZone: z.string().min(1).max(64),
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMin: z.number().nonnegative().nullable(),
  mark: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('priority'), categoryName: text }),
      z.object({ kind: z.literal('booking'), slotTime: text }),
    ])
    .optional(),
  trackUrl: z.string().max(512).optional(),
  footer: z.array(text).max(10).optional(),
  language: z.enum(['ru', 'en']),
});

const printJob = z.object({ jobId: id, printerId: id, ticketId: id, ticket: printJobTicket });

const ratingWindow = z.object({ deskId: id, open: z.boolean() });

const helloResult = z.object({
  ok: z.literal(true),
  printers: z.array(z.object({ printerId: id, kioskId: id, uri: z.string().min(1).max(300), profile: id })).max(32),
  buttons: z.array(z.object({ deskId: id, path: z.string().min(1).max(300), deviceId: z.number().int().min(1).max(247) })).max(64),
});

const refusal = z.object({ ok: z.literal(false), code: z.string(), message: z.string().optional() });

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

function check<T>(schema: z.ZodType<T>, value: unknown): Checked<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}

export const checkPrintJob = (value: unknown): Checked<PrintJob> => check(printJob, value) as Checked<PrintJob>;

export const checkRatingWindow = (value: unknown): Checked<{ deskId: string; open: boolean }> => check(ratingWindow, value);

export type HelloAnswer =
  | { ok: true; printers: PrinterAssignment[]; buttons: ButtonAssignment[] }
  | { ok: false; code: string; message: string };

/** The server's answer to `device:hello`: the assignments, or its refusal. */
export function checkHelloAnswer(value: unknown): Checked<HelloAnswer> {
  const assigned = check(helloResult, value);
  if (assigned.ok) return assigned;
  const refused = refusal.safeParse(value);
  if (refused.success) return { ok: true, value: { ok: false, code: refused.data.code, message: refused.data.message ?? '' } };
  return assigned;
}
