import type { SyncOutboxMessage } from '@talon/protocol';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleOfficeSummary } from '../../testing/office-summary.js';
import { describeCentralStore } from '../central-store.contract.js';
import { createSqliteCentralStore } from './sqlite-central-store.js';

describeCentralStore('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'talon-central-store-'));
  const store = createSqliteCentralStore(join(dir, 'central.db'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('the central copy of an office log', () => {
  it('keeps no account number, transfer comment or name, even from an office that still sends them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-central-log-'));
    const file = join(dir, 'central.db');
    const store = createSqliteCentralStore(file);
    const T = Date.UTC(2026, 10, 24, 7, 0);
    const actor = { kind: 'kiosk', deviceId: 'k1' };
    const events = [
      { type: 'ticket.issued', at: T, actor, ticket: { id: 't1', number: 'C001', serviceId: 'meters', officeDay: '2026-11-24', kind: 'walk-in', issuedAt: T, queuedAt: T, accountNumber: '1234567890' } },
      { type: 'ticket.transferred', at: T + 1, actor, ticketId: 't1', fromDeskId: 'desk-1', toServiceId: 'payments', queuedAt: T, comment: 'спорный счёт' },
      { type: 'booking.created', at: T + 2, actor, booking: { id: 'b1', code: '123456', serviceId: 'contracts', slotStart: T + 3_600_000, slotMinutes: 30, source: 'office', customerName: 'Смирнова Анна' } },
    ];
    const messages = events.map((event, i) => ({ eventId: `e${i + 1}`, officeId: 'north', seq: i + 1, event })) as unknown as SyncOutboxMessage[];
    await store.saveOfficeSummary('north', sampleOfficeSummary(), T);
    expect(await store.ingest('north', messages, T)).toMatchObject({ acked: ['e1', 'e2', 'e3'] });
    await store.close();
    const db = new Database(file, { readonly: true });
    const log = JSON.stringify(db.prepare('SELECT body FROM office_events ORDER BY seq').all());
    db.close();
    rmSync(dir, { recursive: true, force: true });
    expect(log).toContain('C001');
    expect(log).not.toContain('1234567890');
    expect(log).not.toContain('спорный');
    expect(log).not.toContain('Смирнова');
  });
});
