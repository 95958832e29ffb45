import {
  deviceAssignmentsSchema,
  deviceHelloResultSchema,
  printJobSchema,
  ratingWindowSchema,
  type ButtonAssignment,
  type DeviceAssignments,
  type PrintJob,
  type PrinterAssignment,
  type RatingWindow,
} from '@talon/protocol';
import { z } from 'zod';

// The server is ours, but an agent outlives server upgrades and runs unattended on a kiosk:
// whatever arrives is checked against @talon/protocol's schemas, and a message that fails is
// logged and answered, not obeyed.

/** Any refusal: the code is not checked against today's list, so a newer server's code is still read. */
const refusal = z.object({ ok: z.literal(false), code: z.string(), message: z.string().optional() });

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

function check<T>(schema: z.ZodType<T>, value: unknown): Checked<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}

export const checkPrintJob = (value: unknown): Checked<PrintJob> => check(printJobSchema, value);

export const checkAssignments = (value: unknown): Checked<DeviceAssignments> => check(deviceAssignmentsSchema, value);

export const checkRatingWindow = (value: unknown): Checked<RatingWindow> => check(ratingWindowSchema, value);

export type HelloAnswer =
  | { ok: true; printers: PrinterAssignment[]; buttons: ButtonAssignment[]; printerNetwork?: string[] | undefined }
  | { ok: false; code: string; message: string };

/** The server's answer to `device:hello`: the assignments, or its refusal. */
export function checkHelloAnswer(value: unknown): Checked<HelloAnswer> {
  const assigned = check(deviceHelloResultSchema, value);
  if (assigned.ok) return assigned;
  const refused = refusal.safeParse(value);
  if (refused.success) return { ok: true, value: { ok: false, code: refused.data.code, message: refused.data.message ?? '' } };
  return assigned;
}
