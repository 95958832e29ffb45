// bench/personal-data-retention: the daily run of personal-data retention over a year of an
// office's log, against the first run over the same log in the same process (the baseline: it
// reads everything once). The daily run blocks the thread kiosks and desks wait on, so it must
// read a day's rows, not a year's. Run after `npm run build`.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPersonalDataEraser } from '../../apps/office-server/dist/privacy/personal-data-retention.js';
import { migrate } from '../../apps/office-server/dist/storage/migrate.js';
import { MIGRATIONS } from '../../apps/office-server/dist/storage/migrations/index.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const EVENTS_PER_DAY = 2_000; // ~400 visitors a day, five events each
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 10, 1);

const dir = mkdtempSync(join(tmpdir(), 'talon-retention-'));
const db = new Database(join(dir, 'talon.db'));
db.pragma('journal_mode = WAL');
migrate(db, MIGRATIONS);
const insertEvent = db.prepare('INSERT INTO events (id, type, at, actor, body) VALUES (?, ?, ?, ?, ?)');
const insertOutbox = db.prepare('INSERT INTO outbox (event_id, body, sent_at) VALUES (?, ?, 1)');
const insertTicket = db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, account_number, issued_at, queued_at, status)
  VALUES (?, ?, 'meters', ?, 'walk-in', ?, ?, ?, 'done')`);
const types = ['ticket.issued', 'ticket.called', 'ticket.serving-started', 'ticket.finished', 'ticket.transferred'];
db.transaction(() => {
  for (let i = 0; i < DAYS * EVENTS_PER_DAY; i += 1) {
    const type = types[i % types.length];
    const at = T0 + Math.floor(i / EVENTS_PER_DAY) * DAY + (i % EVENTS_PER_DAY) * 20_000;
    const account = i % 15 === 0 ? '1234567890' : undefined;
    const event =
      type === 'ticket.issued'
        ? { type, at, actor: { kind: 'kiosk' }, ticket: { id: `t${i}`, number: 'C001', accountNumber: account } }
        : type === 'ticket.transferred'
          ? { type, at, actor: { kind: 'operator' }, ticketId: `t${i}`, comment: i % 50 === 4 ? 'спорный счёт' : undefined }
          : { type, at, actor: { kind: 'operator' }, ticketId: `t${i}` };
    insertEvent.run(`e${i}`, type, at, '{}', JSON.stringify(event));
    insertOutbox.run(`e${i}`, JSON.stringify({ eventId: `e${i}`, seq: i + 1, event }));
    if (type === 'ticket.issued') insertTicket.run(`t${i}`, `C${i}`, new Date(at).toISOString().slice(0, 10), account ?? null, at, at);
  }
})();

const erase = createPersonalDataEraser(db);
const now = T0 + DAYS * DAY;
const time = (before) => {
  const started = performance.now();
  const forgotten = erase(before);
  return { ms: performance.now() - started, forgotten };
};
const first = time(now - 30 * DAY);
const daily = [1, 2, 3, 4, 5].map((d) => time(now + d * DAY - 30 * DAY));
const dailyMs = daily.map((r) => r.ms).sort((a, b) => a - b)[2];
db.close();
rmSync(dir, { recursive: true, force: true });

console.log(`personal-data retention over ${DAYS} days of log (${(DAYS * EVENTS_PER_DAY).toLocaleString('en')} events and outbox rows)`);
console.log(`  first run, reads it all once     ${first.ms.toFixed(0)} ms   (${first.forgotten.accountNumbers} account numbers, ${first.forgotten.comments} comments forgotten)`);
console.log(`  a daily run after it, median of 5 ${dailyMs.toFixed(1)} ms   (${daily[2].forgotten.accountNumbers} account numbers forgotten)`);
console.log(`  daily / first                    ${(dailyMs / first.ms).toFixed(4)}x   (target: a day's rows, well under 100 ms)`);
