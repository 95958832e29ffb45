import { qualityVisitOfRow, type QualityDayCounts, type QualityVisitRow } from '@talon/domain';
import { QUALITY_VISIT_COLUMNS } from '../quality-rows.js';
import type { OfficeSummary } from '@talon/protocol';
import type pg from 'pg';
import { officeDayOf } from '../../booking/office-day.js';
import { toBooking, toBookingChange, type BookingRow } from '../booking-row.js';
import type { CentralStore, CreateBookingOutcome, PhoneNudge } from '../central-store.js';
import { PAGE_OPENS_SINCE_SQL, QUESTIONNAIRE_ANSWER_SQL, QUESTIONNAIRE_ANSWERS_SINCE_SQL, QUESTIONNAIRE_TICKET_SQL, questionnaireAnswerOfRow, questionnaireTicketOfRow, syncedAnswerOfRow, type QuestionnaireTicket } from '../questionnaire-rows.js';
import { NUDGE_SENT_COLUMN, PHONE_NUDGE_COLUMNS, toPhoneNudge } from '../phone-nudge-rows.js';
import { REMOTE_JOIN_COLUMNS, remoteJoinRow } from '../remote-join-rows.js';
import { createPostgresEventProjection } from './central-event-projection.js';
import { inTransaction } from './in-transaction.js';
import { createPostgresReportDays } from './postgres-report-days.js';
import { createIngestGroups, type GroupCommitOptions } from './ingest-group.js';
import { createOfficeHellos } from './office-hellos.js';
import { migratePostgresCentral, openPostgresPool } from './open-postgres-pool.js';
import { withUnavailableErrors } from './unavailable.js';

export interface PostgresCentralStoreOptions {
  url: string;
  /** Connections per node (`postgres.poolSize` in the central config). */
  poolSize: number;
  /** `events:push` group commit (`postgres.groupCommit` in the central config); defaults as there. */
  groupCommit?: Partial<GroupCommitOptions>;
}

/** The defaults of `postgres.groupCommit` (central-config.ts says why). */
export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { windowMs: 2, maxPushes: 500, concurrent: 4 };

const UNIQUE_VIOLATION = '23505';

/**
 * The store for more than one node: every rule that must hold across nodes is a row lock or a
 * conditional write in PostgreSQL, never a check in this process's memory.
 * - an event is held once: the (office_id, event_id) key with ON CONFLICT DO NOTHING;
 * - two nodes ingesting one office take turns on its office_seq row;
 * - pushes share a transaction (group commit, ingest-group.ts): each is acked only after the shared
 *   COMMIT; a group locks its offices' office_seq rows in office id order, and each office's
 *   booking_versions row only while holding its office_seq row, so groups never deadlock;
 * - the last place goes once: `taken = taken + 1 ... WHERE taken < capacity`;
 * - an office reads booking versions in commit order: its booking_versions row is incremented
 *   inside the booking's transaction, so version 11 cannot commit before 10.
 * - a report day's roll-up is never stale: every write that changes what it counts deletes it in
 *   the same transaction, and a roll-up counts an office holding its office_seq and
 *   booking_versions rows (postgres-report-days.ts).
 * Lock order everywhere: office_seq (offices in id order), then booking_versions, then slot_places
 * (a roll-up: then its offices row).
 */
export async function createPostgresCentralStore(options: PostgresCentralStoreOptions): Promise<CentralStore & { pool: pg.Pool; ping(): Promise<boolean> }> {
  await migratePostgresCentral(options.url);
  const pool = openPostgresPool({ url: options.url, poolSize: options.poolSize });
  const zones = new Map<string, string>();
  const dayOf = async (officeId: string, at: number) => {
    let zone = zones.get(officeId);
    if (zone === undefined) {
      // Another node may have saved this office's summary; its zone is in the table.
      const r = await pool.query(`SELECT time_zone FROM offices WHERE id = $1`, [officeId]);
      zone = (r.rows[0] as { time_zone: string } | undefined)?.time_zone ?? 'UTC';
      if (r.rowCount) zones.set(officeId, zone);
    }
    return officeDayOf(zone, at);
  };
  const nextVersion = async (c: pg.PoolClient, officeId: string) => {
    const r = await c.query(`INSERT INTO booking_versions (office_id, value) VALUES ($1, 1)
      ON CONFLICT (office_id) DO UPDATE SET value = booking_versions.value + 1 RETURNING value`, [officeId]);
    return (r.rows[0] as { value: number }).value;
  };
  const project = createPostgresEventProjection(nextVersion, dayOf);
  const group = { ...GROUP_COMMIT_DEFAULTS, ...options.groupCommit };
  // A group holds one connection while it commits; leave at least one for bookings and hellos.
  const hellos = createOfficeHellos(pool);
  const groups = createIngestGroups(pool, project, { ...group, concurrent: Math.max(1, Math.min(group.concurrent, options.poolSize - 1)) });
  const byCode = async (c: pg.Pool | pg.PoolClient, code: string) =>
    (await c.query(`SELECT * FROM bookings WHERE code = $1 ORDER BY created_at, id`, [code])).rows as BookingRow[];
  const byId = async (c: pg.Pool | pg.PoolClient, id: string) =>
    (await c.query(`SELECT * FROM bookings WHERE id = $1`, [id])).rows[0] as BookingRow | undefined;
  const maxVersion = async (c: pg.Pool | pg.PoolClient, officeId: string) =>
    (await c.query(`SELECT COALESCE(MAX(version), 0) AS v FROM bookings WHERE office_id = $1`, [officeId])).rows[0].v as number;

  return withUnavailableErrors({
    pool,
    /** For /healthz: one round trip, false rather than a throw when the server is away. */
    async ping() {
      return pool.query('SELECT 1').then(() => true, () => false);
    },
    async saveOfficeSummary(officeId, summary, at) {
      await pool.query(`INSERT INTO offices (id, summary, time_zone, waiting_standard_ms, updated_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO UPDATE SET summary = excluded.summary, time_zone = excluded.time_zone,
        waiting_standard_ms = excluded.waiting_standard_ms, updated_at = excluded.updated_at`,
        [officeId, JSON.stringify(summary), summary.timeZone, summary.rules.waitingStandardMinutes * 60_000, at]);
      zones.set(officeId, summary.timeZone);
    },
    async officeHello(officeId, summary, at) {
      const answer = await hellos.hello(officeId, summary, at);
      zones.set(officeId, summary.timeZone);
      return answer;
    },
    async officeSummaries() {
      const r = await pool.query(`SELECT id, summary FROM offices ORDER BY id`);
      return new Map((r.rows as { id: string; summary: string }[]).map((row) => [row.id, JSON.parse(row.summary) as OfficeSummary]));
    },
    async ingest(officeId, messages, at) {
      return groups.ingest({ officeId, messages, at });
    },
    async createBooking(b) {
      // No code any booking holds, an office's included: the visitor's code names one booking wherever typed.
      if ((await byCode(pool, b.code)).length > 0) return { ok: false, reason: 'code-taken' };
      const office_day = await dayOf(b.officeId, b.slotStart);
      try {
        return await inTransaction(pool, async (c): Promise<CreateBookingOutcome> => {
          const version = await nextVersion(c, b.officeId);
          const took = await c.query(`INSERT INTO slot_places (office_id, service_id, slot_start, taken) VALUES ($1, $2, $3, 1)
            ON CONFLICT (office_id, service_id, slot_start) DO UPDATE SET taken = slot_places.taken + 1 WHERE slot_places.taken < $4`,
            [b.officeId, b.serviceId, b.slotStart, b.capacity]);
          if (!took.rowCount) throw new SlotFull();
          // The day's report roll-up goes with it (a slot of a closed day is not offered, but the store does not rely on that).
          const r = await c.query(`WITH b AS (INSERT INTO bookings (id, code, office_id, service_id, slot_start, slot_minutes, office_day, status, origin,
            customer_name, phone, created_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', 'central', $8, $9, $10, $11) RETURNING *),
            dropped AS (DELETE FROM report_days r USING b WHERE r.office_id = b.office_id AND r.office_day = b.office_day)
            SELECT * FROM b`,
            [b.id, b.code, b.officeId, b.serviceId, b.slotStart, b.slotMinutes, office_day, b.customerName, b.phone, b.at, version]);
          return { ok: true, booking: toBooking(r.rows[0] as BookingRow) };
        });
      } catch (error) {
        // Thrown to roll back the version taken; the counter never shows a gap for a refusal.
        if (error instanceof SlotFull) return { ok: false, reason: 'slot-full' };
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { ok: false, reason: 'code-taken' };
        throw error;
      }
    },
    async bookingsByCode(code) {
      return (await byCode(pool, code)).map(toBooking);
    },
    // Either origin: an office-made booking's cancel goes down to its office with the new version.
    async cancelBooking(bookingId) {
      const before = await byId(pool, bookingId);
      if (!before) return undefined;
      if (before.status !== 'booked') return toBooking(before);
      return inTransaction(pool, async (c) => {
        const version = await nextVersion(c, before.office_id);
        // A booking of a closed day may still be cancelled (the office has not expired it): its day's roll-up goes.
        const r = await c.query(`WITH b AS (UPDATE bookings SET status = 'cancelled', version = $1 WHERE id = $2 AND status = 'booked'
          RETURNING *), dropped AS (DELETE FROM report_days r USING b WHERE r.office_id = b.office_id AND r.office_day = b.office_day)
          SELECT * FROM b`, [version, bookingId]);
        if (r.rowCount) {
          await c.query(`UPDATE slot_places SET taken = taken - 1 WHERE office_id = $1 AND service_id = $2 AND slot_start = $3 AND taken > 0`,
            [before.office_id, before.service_id, before.slot_start]);
          return toBooking(r.rows[0] as BookingRow);
        }
        // Another node or the office changed it first; answer it as it is now.
        return toBooking((await byId(c, bookingId)) as BookingRow);
      });
    },
    async activeBookingsOfPhone(phone, now) {
      const r = await pool.query(`SELECT COUNT(*) AS n FROM bookings WHERE phone = $1 AND status = 'booked' AND slot_start > $2`, [phone, now]);
      return r.rows[0].n as number;
    },
    async bookedPerSlot(officeId, serviceId, from, to) {
      const r = await pool.query(`SELECT slot_start AS start, taken FROM slot_places WHERE office_id = $1 AND service_id = $2
        AND slot_start >= $3 AND slot_start < $4`, [officeId, serviceId, from, to]);
      return new Map((r.rows as { start: number; taken: number }[]).map((row) => [row.start, row.taken]));
    },
    async bookingChangesSince(officeId, since, limit) {
      // One snapshot for both reads: a booking committed between them must not raise the version
      // the office records past a change it never received.
      return inTransaction(pool, async (c) => {
        const r = await c.query(`SELECT * FROM bookings WHERE office_id = $1 AND version > $2 ORDER BY version LIMIT $3`, [officeId, since, limit]);
        return { changes: (r.rows as BookingRow[]).map(toBookingChange), version: await maxVersion(c, officeId) };
      }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    },
    async bookingsVersion(officeId) {
      return maxVersion(pool, officeId);
    },
    async bookingsVersions(officeIds) {
      // booking_versions moves in the same transaction as the booking it numbers, so its committed
      // value is the newest version an office can pull: one primary-key lookup per office.
      const r = await pool.query(`SELECT office_id, value FROM booking_versions WHERE office_id = ANY($1::text[])`, [officeIds]);
      return new Map((r.rows as { office_id: string; value: string | number }[]).map((row) => [row.office_id, Number(row.value)]));
    },
    async forgetPersonalData(cutoff) {
      // slot_start < cutoff lets the partial index find the few rows still holding a name or phone.
      const r = await pool.query(`UPDATE bookings SET phone = NULL, customer_name = NULL
        WHERE (phone IS NOT NULL OR customer_name IS NOT NULL) AND slot_start < $1 AND slot_start + slot_minutes * 60000 < $1`, [cutoff]);
      return r.rowCount ?? 0;
    },
    ...createPostgresReportDays(pool),
    async qualityVisits(officeId, from, to, lookBackFrom = from) {
      const r = await pool.query(`SELECT ${QUALITY_VISIT_COLUMNS} FROM tickets WHERE office_id = $1 AND office_day BETWEEN $2 AND $3
        AND (office_day >= $4 OR (account_key IS NOT NULL AND status = 'done'))`, [officeId, lookBackFrom, to, from]);
      return (r.rows as QualityVisitRow[]).map(qualityVisitOfRow);
    },
    async lowRatedVisits(officeIds, from, to, limit) {
      const r = await pool.query(`SELECT office_id AS "officeId", ${QUALITY_VISIT_COLUMNS} FROM tickets
        WHERE rating <= 2 AND office_day BETWEEN $1 AND $2 AND status = 'done' AND office_id = ANY($3::text[])
        ORDER BY office_day DESC, rated_at DESC, office_id, id LIMIT $4`, [from, to, officeIds, limit + 1]);
      const rows = r.rows as (QualityVisitRow & { officeId: string })[];
      return { more: rows.length > limit, visits: rows.slice(0, limit).map((row) => ({ officeId: row.officeId, visit: qualityVisitOfRow(row) })) };
    },
    async countedQualityDays(from, to) {
      const r = await pool.query(`SELECT office_id AS "officeId", office_day AS "officeDay" FROM quality_days WHERE office_day BETWEEN $1 AND $2`, [from, to]);
      return r.rows as { officeId: string; officeDay: string }[];
    },
    async qualityDays(from, to) {
      const r = await pool.query(`SELECT office_id AS "officeId", counts FROM quality_days WHERE office_day BETWEEN $1 AND $2`, [from, to]);
      return (r.rows as { officeId: string; counts: string }[]).map((row) => ({ officeId: row.officeId, counts: JSON.parse(row.counts) as QualityDayCounts }));
    },
    async saveQualityDays(officeId, days, at) {
      if (days.length === 0) return;
      // One statement for the lot: a year of days counted at first view is one round trip.
      await pool.query(`INSERT INTO quality_days (office_id, office_day, counts, counted_at)
        SELECT $1, d.day, d.counts, $4 FROM UNNEST($2::text[], $3::text[]) AS d(day, counts)
        ON CONFLICT (office_day, office_id) DO UPDATE SET counts = excluded.counts, counted_at = excluded.counted_at`,
        [officeId, days.map((d) => d.officeDay), days.map((d) => JSON.stringify(d)), at]);
    },
    async accountKeyDays(cutoff) {
      const r = await pool.query(`SELECT DISTINCT office_id AS "officeId", office_day AS "officeDay" FROM tickets WHERE account_key IS NOT NULL AND issued_at < $1`, [cutoff]);
      return r.rows as { officeId: string; officeDay: string }[];
    },
    async forgetAccountKeys(cutoff) {
      return (await pool.query(`UPDATE tickets SET account_key = NULL WHERE account_key IS NOT NULL AND issued_at < $1`, [cutoff])).rowCount ?? 0;
    },
    async eventCount(officeId) {
      return (await pool.query(`SELECT COUNT(*) AS n FROM office_events WHERE office_id = $1`, [officeId])).rows[0].n as number;
    },
    async markPhonePageOpened(officeId, ticketId, officeDay, at) {
      // A first opening changes its day's reach: a day counted already is counted again.
      await pool.query(`WITH opened AS (INSERT INTO phone_page_opens (office_id, ticket_id, office_day, opened_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT DO NOTHING RETURNING office_day)
        DELETE FROM quality_days q USING opened WHERE q.office_id = $1 AND q.office_day = opened.office_day`, [officeId, ticketId, officeDay, at]);
    },
    async questionnaireTicket(officeId, ticketId) {
      const row = (await pool.query(QUESTIONNAIRE_TICKET_SQL((n) => `$${n}`), [officeId, ticketId])).rows[0] as QuestionnaireTicket | undefined;
      return row && questionnaireTicketOfRow(row);
    },
    async saveQuestionnaireAnswer(a) {
      // The primary key decides between two nodes taking the same ticket's answer at once.
      return inTransaction(pool, async (c) => {
        const r = await c.query(`INSERT INTO questionnaire_answers (office_id, ticket_id, office_day, service_id, operator_id, solved, ease, answered_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [a.officeId, a.ticketId, a.officeDay, a.serviceId, a.operatorId, a.solved === null ? null : a.solved ? 1 : 0, a.ease, a.answeredAt]);
        if (!r.rowCount) return false;
        await c.query(`DELETE FROM quality_days WHERE office_id = $1 AND office_day = $2`, [a.officeId, a.officeDay]);
        return true;
      });
    },
    async questionnaireSince(officeId, since, limit) {
      const [answers, opens] = await Promise.all([
        pool.query(QUESTIONNAIRE_ANSWERS_SINCE_SQL((n) => `$${n}`), [officeId, since, limit]),
        pool.query(PAGE_OPENS_SINCE_SQL((n) => `$${n}`), [officeId, since, limit]),
      ]);
      return {
        answers: (answers.rows as Parameters<typeof syncedAnswerOfRow>[0][]).map(syncedAnswerOfRow),
        pageOpens: (opens.rows as { ticketId: string; officeDay: string; openedAt: string }[]).map((r) => ({ ...r, openedAt: Number(r.openedAt) })),
      };
    },
    async questionnaireAnswers(officeId, from, to) {
      const r = await pool.query(QUESTIONNAIRE_ANSWER_SQL((n) => `$${n}`), [officeId, from, to]);
      return (r.rows as Parameters<typeof questionnaireAnswerOfRow>[0][]).map(questionnaireAnswerOfRow);
    },
    async savePhoneNudge(n) {
      await pool.query(`INSERT INTO phone_nudges (id, office_id, ticket_id, office_day, channel, address, people_left, consent_text, consent_at, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [n.id, n.officeId, n.ticketId, n.officeDay, n.channel, n.address, n.peopleLeft, n.consentText, n.consentAt, n.createdAt]);
    },
    async phoneNudgesOf(officeId, ticketIds) {
      if (ticketIds.length === 0) return [];
      const r = await pool.query(`SELECT ${PHONE_NUDGE_COLUMNS} FROM phone_nudges WHERE office_id = $1 AND ticket_id = ANY($2::text[])`, [officeId, ticketIds]);
      return (r.rows as PhoneNudge[]).map(toPhoneNudge);
    },
    async claimPhoneNudge(id, moment, at) {
      const column = NUDGE_SENT_COLUMN[moment];
      return ((await pool.query(`UPDATE phone_nudges SET ${column} = $1 WHERE id = $2 AND ${column} IS NULL`, [at, id])).rowCount ?? 0) === 1;
    },
    async forgetPhoneNudges(officeId, beforeDay) {
      return (await pool.query(`DELETE FROM phone_nudges WHERE office_id = $1 AND office_day < $2`, [officeId, beforeDay])).rowCount ?? 0;
    },
    async saveRemoteJoin(j) {
      await pool.query(`INSERT INTO remote_joins (office_id, request_key, ticket_id, number, service_id, office_day, code, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (office_id, request_key) DO NOTHING`, [j.officeId, j.requestKey, j.ticketId, j.number, j.serviceId, j.officeDay, j.code, j.createdAt]);
      return remoteJoinRow((await pool.query(`SELECT ${REMOTE_JOIN_COLUMNS} FROM remote_joins WHERE office_id = $1 AND request_key = $2`, [j.officeId, j.requestKey])).rows[0])!;
    },
    async remoteJoinByKey(officeId, requestKey) {
      return remoteJoinRow((await pool.query(`SELECT ${REMOTE_JOIN_COLUMNS} FROM remote_joins WHERE office_id = $1 AND request_key = $2`, [officeId, requestKey])).rows[0]);
    },
    async remoteJoinOfTicket(officeId, ticketId) {
      return remoteJoinRow((await pool.query(`SELECT ${REMOTE_JOIN_COLUMNS} FROM remote_joins WHERE office_id = $1 AND ticket_id = $2`, [officeId, ticketId])).rows[0]);
    },
    async forgetRemoteJoins(officeId, beforeDay) {
      return (await pool.query(`DELETE FROM remote_joins WHERE office_id = $1 AND office_day < $2`, [officeId, beforeDay])).rowCount ?? 0;
    },
    async settingOnce(name, value) {
      await pool.query(`INSERT INTO central_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, value]);
      return (await pool.query(`SELECT value FROM central_settings WHERE name = $1`, [name])).rows[0].value as string;
    },
    async close() {
      await groups.drain();
      await pool.end();
    },
  });
}

class SlotFull extends Error {}
