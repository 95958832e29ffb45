import { z } from 'zod';
import type { CommandEvents } from './command-map.js';
import { idField } from './fields.js';
import type { PrinterHealth } from './views.js';

const printerHealth = z.enum(['ok', 'paper-near-end', 'paper-end', 'cover-open', 'error', 'offline', 'unknown']);

/** A device agent: the process that owns a kiosk's printer or a desk's rating button. */
export const deviceCommands = {
  'device:hello': z.strictObject({
    agentVersion: z.string().max(40),
    printers: z.array(z.strictObject({ printerId: idField, status: printerHealth })).max(32),
    buttons: z.array(z.strictObject({ deskId: idField, online: z.boolean() })).max(64),
  }),
  'printer:status': z.strictObject({ printerId: idField, status: printerHealth }),
  'button:status': z.strictObject({ deskId: idField, online: z.boolean() }),
  'rating:submit': z.strictObject({
    deskId: idField,
    value: z.number().int().min(1).max(5),
    /** The button's event sequence number, so a retransmission is counted once. */
    seq: z.number().int().min(1).max(255),
    buttonDeviceId: z.number().int().min(1).max(247),
  }),
};

export interface DeviceResults {
  'device:hello': { printers: PrinterAssignment[]; buttons: ButtonAssignment[] };
  'printer:status': object;
  'button:status': object;
  'rating:submit': { ticketId: string | null; counted: boolean };
}

export interface PrinterAssignment {
  printerId: string;
  kioskId: string;
  uri: string;
  profile: string;
}

export interface ButtonAssignment {
  deskId: string;
  path: string;
  deviceId: number;
}

/** What a printed ticket says; times as ms since the epoch, formatted in the office's zone. */
export interface PrintJobTicket {
  officeName: string;
  number: string;
  serviceName: string;
  issuedAt: number;
  timeZone: string;
  peopleAhead: number;
  estimatedWaitMin: number | null;
  mark?: { kind: 'priority'; categoryName: string } | { kind: 'booking'; slotTime: string };
  trackUrl?: string;
  footer?: string[];
  language: 'ru' | 'en';
}

export interface PrintJob {
  jobId: string;
  printerId: string;
  ticketId: string;
  ticket: PrintJobTicket;
}

export type DeviceClientEvents = CommandEvents<typeof deviceCommands, DeviceResults>;

export interface DeviceServerEvents {
  /** The agent answers with the printer's health after the attempt. */
  'print:job': (job: PrintJob, ack: (result: { printed: boolean; status: PrinterHealth }) => void) => void;
  'rating:window': (window: { deskId: string; open: boolean }) => void;
}
