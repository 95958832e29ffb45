import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DEVICE_SERVER_EVENTS,
  printJobSchema,
  printerHealthSchema,
  ratingWindowSchema,
  type DeviceServerEvents,
  type PrintJob,
} from './device.js';
import type { PrinterHealth } from './views.js';

const job: PrintJob = {
  jobId: 'p_1',
  printerId: 'printer-kiosk-1',
  ticketId: 't_1',
  ticket: {
    officeName: 'ЦОК «Центральный»',
    number: 'A001',
    serviceName: 'Оплата',
    issuedAt: 1_700_000_000_000,
    timeZone: 'Europe/Moscow',
    peopleAhead: 2,
    estimatedWaitMin: 7,
    mark: { kind: 'booking', slotTime: '10:30' },
    trackUrl: 'https://talon.example/t/t_1',
    language: 'ru',
  },
};

describe('device messages from server to agent', () => {
  it('name every server event, and only those', () => {
    expectTypeOf<(typeof DEVICE_SERVER_EVENTS)[number]>().toEqualTypeOf<keyof DeviceServerEvents>();
  });

  it('know the same printer states as the views', () => {
    expectTypeOf<(typeof printerHealthSchema.options)[number]>().toEqualTypeOf<PrinterHealth>();
  });

  it('take a print job as the server builds it', () => {
    expect(printJobSchema.parse(job)).toEqual(job);
  });

  it('drop a field a newer server adds, rather than refuse the ticket', () => {
    const newer = { ...job, copies: 2, ticket: { ...job.ticket, colour: 'red' } };
    expect(printJobSchema.parse(newer)).toEqual(job);
  });

  it('refuse ids that could not have come from an office config', () => {
    expect(printJobSchema.safeParse({ ...job, printerId: '../../etc/passwd' }).success).toBe(false);
    expect(ratingWindowSchema.safeParse({ deskId: 'desk 1', open: true }).success).toBe(false);
  });
});
