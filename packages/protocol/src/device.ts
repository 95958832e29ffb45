import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import { idField, instantField, languageField } from './fields.js';

export const printerHealthSchema = z.enum(['ok', 'paper-near-end', 'paper-end', 'cover-open', 'error', 'offline', 'unknown']);

/** A device agent: the process that owns a kiosk's printer or a desk's rating button. */
export const deviceCommands = {
  'device:hello': z.strictObject({
    agentVersion: z.string().max(40),
    printers: z.array(z.strictObject({ printerId: idField, status: printerHealthSchema })).max(32),
    buttons: z.array(z.strictObject({ deskId: idField, online: z.boolean() })).max(64),
  }),
  'printer:status': z.strictObject({ printerId: idField, status: printerHealthSchema }),
  'button:status': z.strictObject({ deskId: idField, online: z.boolean() }),
  'rating:submit': z.strictObject({
    deskId: idField,
    value: z.number().int().min(1).max(5),
    /** The button's event sequence number, so a retransmission is counted once. */
    seq: z.number().int().min(1).max(255),
    buttonDeviceId: z.number().int().min(1).max(247),
    /**
     * When the button booted (ms since the epoch), worked out by the agent from its heartbeat
     * uptime: seqs start again at 1 at every boot, so a copy is the same seq of the same boot.
     * Absent while the agent has not heard a heartbeat yet, and from agents older than this field.
     */
    bootedAt: instantField.optional(),
  }),
};

// What the server sends an agent. An agent runs unattended on a kiosk and outlives server
// upgrades, so it checks every message with these before obeying it. They are plain (not strict)
// objects on purpose: a field a newer server adds is dropped by an older agent, not refused.

const printedText = z.string().max(200);

export const printerAssignmentSchema = z.object({
  printerId: idField,
  kioskId: idField,
  uri: z.string().min(1).max(300),
  profile: idField,
});
export type PrinterAssignment = z.infer<typeof printerAssignmentSchema>;

export const buttonAssignmentSchema = z.object({
  deskId: idField,
  path: z.string().min(1).max(300),
  deviceId: z.number().int().min(1).max(247),
});
export type ButtonAssignment = z.infer<typeof buttonAssignmentSchema>;

/** What the office config gives one agent: its printers and its desks' rating buttons. */
export const deviceAssignmentsSchema = z.object({
  printers: z.array(printerAssignmentSchema).max(32),
  buttons: z.array(buttonAssignmentSchema).max(64),
  /** The config's `printerNetwork`: the agent checks `tcp://` hosts against it before opening. */
  printerNetwork: z.array(z.string().max(253)).max(100).optional(),
});
export type DeviceAssignments = z.infer<typeof deviceAssignmentsSchema>;

/** The `device:hello` ack: the assignments as they stand at connect. */
export const deviceHelloResultSchema = deviceAssignmentsSchema.extend({ ok: z.literal(true) });

/** What a printed ticket says; times as ms since the epoch, formatted in the office's zone. */
export const printJobTicketSchema = z.object({
  officeName: printedText,
  officeAddress: printedText.optional(),
  number: z.string().min(1).max(16),
  serviceName: printedText,
  issuedAt: instantField,
  timeZone: z.string().min(1).max(64),
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMin: z.number().nonnegative().nullable(),
  /** The range printed around the estimate, from the office's own recent errors. */
  waitRange: z.object({ fromMin: z.number().int().nonnegative().max(10_000), toMin: z.number().int().nonnegative().max(10_000) }).optional(),
  mark: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('priority'), categoryName: printedText, document: printedText.optional() }),
      z.object({ kind: z.literal('booking'), slotTime: printedText }),
    ])
    .optional(),
  trackUrl: z.string().max(512).optional(),
  footer: z.array(printedText).max(10).optional(),
  language: languageField,
});
export type PrintJobTicket = z.infer<typeof printJobTicketSchema>;

/** `print:job`: one ticket for one printer of the agent. */
export const printJobSchema = z.object({ jobId: idField, printerId: idField, ticketId: idField, ticket: printJobTicketSchema });
export type PrintJob = z.infer<typeof printJobSchema>;

/** The agent's ack to `print:job`: whether paper came out, and the printer's health after the attempt. */
export const printJobResultSchema = z.object({ printed: z.boolean(), status: printerHealthSchema });
export type PrintJobResult = z.infer<typeof printJobResultSchema>;

/** `rating:window`: light (open) or darken a desk's rating button. */
export const ratingWindowSchema = z.object({ deskId: idField, open: z.boolean() });
export type RatingWindow = z.infer<typeof ratingWindowSchema>;

export interface DeviceResults {
  'device:hello': { printers: PrinterAssignment[]; buttons: ButtonAssignment[] };
  'printer:status': object;
  'button:status': object;
  'rating:submit': { ticketId: string | null; counted: boolean };
}

export type DeviceClientEvents = CommandEvents<typeof deviceCommands, DeviceResults>;

export interface DeviceServerEvents {
  'print:job': (job: PrintJob, ack: (result: PrintJobResult) => void) => void;
  'rating:window': (window: RatingWindow) => void;
  /** The config changed this agent's devices: the whole new list, applied as at hello. */
  'devices:assigned': (assignments: DeviceAssignments) => void;
}

/** The server->agent event names, for documents and tests that must list every one. */
export const DEVICE_SERVER_EVENTS = ['print:job', 'rating:window', 'devices:assigned'] as const satisfies readonly (keyof DeviceServerEvents)[];

