import { qualityVisitOfRow, type QualityDayCounts, type QualityVisitRow } from '@talon/domain';
import { QUALITY_VISIT_COLUMNS } from '../quality-rows.js';
import type { OfficeSummary, SyncOutboxMessage } from '@talon/protocol';
import { officeDayOf } from '../../booking/office-day.js';
import { toBooking, toBookingChange, withoutPersonalData, type BookingRow } from '../booking-row.js';
import type { CentralStore, CreateBookingOutcome, NewCentralBooking, PhoneNudge } from '../central-store.js';
import { PAGE_OPENS_SINCE_SQL, QUESTIONNAIRE_ANSWER_SQL, QUESTIONNAIRE_ANSWERS_SINCE_SQL, QUESTIONNAIRE_TICKET_SQL, questionnaireAnswerOfRow, questionnaireTicketOfRow, syncedAnswerOfRow, type QuestionnaireTicket } from '../questionnaire-rows.js';
import { NUDGE_SENT_COLUMN, PHONE_NUDGE_COLUMNS, toPhoneNudge } from '../phone-nudge-rows.js';
import { REMOTE_JOIN_COLUMNS, remoteJoinRow } from '../remote-join-rows.js';
import { createCentralEventProjection } from './central-event-projection.js';
import { openCentralDatabase } from './open-central-database.js';
import { createSqliteReportDays } from './sqlite-report-days.js';
import { settleGroup, type GroupOutcome } from '../group-outcome.js';

/** The default store: one SQLite file, one writer; fine for one node (see README for more). */
export function createSqliteCentralStore(file: string): CentralStore {
  const db = openCentralDatabase(file);
  const zones = new Map<string, string>(
    (db.prepare(`SELECT id, time_zone AS zone FROM offices`).all() as { id: string; zone: string }[]).map((r) => [r.id, r.zone]),
  );
  const dayOf = (officeId: string, at: number) => officeDayOf(zones.get(officeId) ?? 'UTC', at);
  const bumpVersion = db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'booking-version' RETURNING value`).pluck();
  const nextVersion = () => bumpVersion.get() as number;
  const project = createCentralEventProjection(db, nextVersion, dayOf);

  const s = {
    saveOffice: db.prepare(`INSERT INTO offices (id, summary, time_zone, waiting_standard_ms, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET summary = excluded.summary, time_zone = excluded.time_zone,
      waiting_standard_ms = excluded.waiting_standard_ms, updated_at = excluded.updated_at`),
    offices: db.prepare(`SELECT id, summary FROM offices ORDER BY id`),
    officeSummary: db.prepare(`SELECT summary FROM offices WHERE id = ?`).pluck(),
    hasEvent: db.prepare(`SELECT 1 FROM office_events WHERE office_id = ? AND event_id = ?`).pluck(),
    lastSeq: db.prepare(`SELECT last_seq FROM office_seq WHERE office_id = ?`).pluck(),
    saveLastSeq: db.prepare(`INSERT INTO office_seq (office_id, last_seq) VALUES (?, ?)
      ON CONFLICT (office_id) DO UPDATE SET last_seq = excluded.last_seq`),
    insertEvent: db.prepare(`INSERT OR IGNORE INTO office_events (office_id, event_id, seq, type, at, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    takePlace: db.prepare(`INSERT INTO slot_places (office_id, service_id, slot_start, taken) VALUES (?, ?, ?, 1)
      ON CONFLICT DO UPDATE SET taken = taken + 1 WHERE taken < ?`),
    freePlace: db.prepare(`UPDATE slot_places SET taken = taken - 1 WHERE office_id = ? AND service_id = ? AND slot_start = ? AND taken > 0`),
    // No code any booking holds, an office's included: the visitor's code names one booking wherever typed.
    codeTaken: db.prepare(`SELECT 1 FROM bookings WHERE code = ?`).pluck(),
    insertBooking: db.prepare(`INSERT INTO bookings (id, code, office_id, service_id, slot_start, slot_minutes, office_day, status, origin,
      customer_name, phone, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', 'central', ?, ?, ?, ?)`),
    byCode: db.prepare(`SELECT * FROM bookings WHERE code = ? ORDER BY created_at, id`),
    byId: db.prepare(`SELECT * FROM bookings WHERE id = ?`),
    cancel: db.prepare(`UPDATE bookings SET status = 'cancelled', version = ? WHERE id = ? AND status = 'booked'`),
    activeOfPhone: db.prepare(`SELECT COUNT(*) FROM bookings WHERE phone = ? AND status = 'booked' AND slot_start > ?`).pluck(),
    placesTaken: db.prepare(`SELECT slot_start AS start, taken FROM slot_places WHERE office_id = ? AND service_id = ? AND slot_start >= ? AND slot_start < ?`),
    changes: db.prepare(`SELECT * FROM bookings WHERE office_id = ? AND version > ? ORDER BY version LIMIT ?`),
    version: db.prepare(`SELECT COALESCE(MAX(version), 0) FROM bookings WHERE office_id = ?`).pluck(),
    forget: db.prepare(`UPDATE bookings SET phone = NULL, customer_name = NULL WHERE slot_start + slot_minutes * 60000 < ?
      AND (phone IS NOT NULL OR customer_name IS NOT NULL)`),
    eventCount: db.prepare(`SELECT COUNT(*) FROM office_events WHERE office_id = ?`).pluck(),
    // A booking written drops its day's report roll-up (sqlite-report-days.ts); the next report counts the day again.
    dropReportDay: db.prepare(`DELETE FROM report_days WHERE office_id = ? AND office_day = ?`),
    saveNudge: db.prepare(`INSERT INTO phone_nudges (id, office_id, ticket_id, office_day, channel, address, people_left, consent_text, consent_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    forgetNudges: db.prepare(`DELETE FROM phone_nudges WHERE office_id = ? AND office_day < ?`),
    insertSetting: db.prepare(`INSERT INTO central_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`),
    setting: db.prepare(`SELECT value FROM central_settings WHERE name = ?`).pluck(),
    qualityVisits: db.prepare(`SELECT ${QUALITY_VISIT_COLUMNS} FROM tickets WHERE office_id = ? AND office_day >= ? AND office_day <= ?
      AND (office_day >= ? OR (account_key IS NOT NULL AND status = 'done'))`),
    lowRated: db.prepare(`SELECT office_id AS officeId, ${QUALITY_VISIT_COLUMNS} FROM tickets WHERE rating <= 2 AND office_day >= ? AND office_day <= ?
      AND status = 'done' AND office_id IN (SELECT value FROM json_each(?)) ORDER BY office_day DESC, rated_at DESC, office_id, id LIMIT ?`),
    countedQualityDays: db.prepare(`SELECT office_id AS officeId, office_day AS officeDay FROM quality_days WHERE office_day >= ? AND office_day <= ?`),
    markPageOpened: db.prepare(`INSERT INTO phone_page_opens (office_id, ticket_id, office_day, opened_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    questionnaireTicket: db.prepare(QUESTIONNAIRE_TICKET_SQL(() => '?')),
    insertAnswer: db.prepare(`INSERT INTO questionnaire_answers (office_id, ticket_id, office_day, service_id, operator_id, solved, ease, answered_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    dropCountedDay: db.prepare(`DELETE FROM quality_days WHERE office_id = ? AND office_day = ?`),
    answers: db.prepare(QUESTIONNAIRE_ANSWER_SQL(() => '?')),
    answersSince: db.prepare(QUESTIONNAIRE_ANSWERS_SINCE_SQL(() => '?')),
    opensSince: db.prepare(PAGE_OPENS_SINCE_SQL(() => '?')),
    qualityDays: db.prepare(`SELECT office_id AS officeId, counts FROM quality_days WHERE office_day >= ? AND office_day <= ?`),
    accountKeyDays: db.prepare(`SELECT DISTINCT office_id AS officeId, office_day AS officeDay FROM tickets WHERE account_key IS NOT NULL AND issued_at < ?`),
    forgetAccountKeys: db.prepare(`UPDATE tickets SET account_key = NULL WHERE account_key IS NOT NULL AND issued_at < ?`),
    saveQualityDay: db.prepare(`INSERT INTO quality_days (office_id, office_day, counts, counted_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (office_day, office_id) DO UPDATE SET counts = excluded.counts, counted_at = excluded.counted_at`),
  };

  const ingest = db.transaction((officeId: string, messages: SyncOutboxMessage[], at: number) => {
    let bookingsChanged = false;
    let last = (s.lastSeq.get(officeId) as number | undefined) ?? 0;
    const acked: string[] = [];
    let resendFrom: number | undefined;
    for (const m of messages) {
      if (!s.hasEvent.get(officeId, m.eventId)) {
        // An office's log has no gaps; one here means an earlier batch went missing.
        if (m.seq > last + 1) {
          resendFrom = last + 1;
          break;
        }
        s.insertEvent.run(officeId, m.eventId, m.seq, m.event.type, m.event.at, JSON.stringify(withoutPersonalData(m.event)), at);
        if (project(officeId, m.event)) bookingsChanged = true;
        last = Math.max(last, m.seq);
      }
      acked.push(m.eventId);
    }
    s.saveLastSeq.run(officeId, last);
    return { acked, bookingsChanged, ...(resendFrom !== undefined && { resendFrom }) };
  });

  // Office writes that arrive in one tick (pushes, and the hellos of offices relinking after a
  // restart) share one transaction and so one fsync (group commit): with each ack waiting for its
  // fsync, ten thousand offices relinking or pushing at once would otherwise queue ten thousand
  // fsyncs on the one writer and starve the event loop. Each write keeps its own savepoint (a nested
  // transaction), so one that throws is refused alone; every ack still comes after the commit.
  let due: { work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  const commitDue = () => {
    const batch = due;
    due = [];
    const outcomes: GroupOutcome<unknown>[] = [];
    try {
      db.transaction(() => {
        for (const p of batch) {
          try {
            outcomes.push({ ok: true, value: p.work() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    settleGroup(batch, outcomes);
  };
  /** `work` must be a db.transaction (its savepoint); it runs in the tick's shared commit. */
  const grouped = <T>(work: () => T) =>
    new Promise<T>((resolve, reject) => {
      if (due.length === 0) setImmediate(commitDue);
      due.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  const saveOffice = db.transaction((officeId: string, summary: OfficeSummary, at: number) => {
    s.saveOffice.run(officeId, JSON.stringify(summary), summary.timeZone, summary.rules.waitingStandardMinutes * 60_000, at);
  });
  const officeHello = db.transaction((officeId: string, summary: OfficeSummary, at: number) => {
    const json = JSON.stringify(summary);
    const summaryChanged = s.officeSummary.get(officeId) !== json;
    if (summaryChanged) s.saveOffice.run(officeId, json, summary.timeZone, summary.rules.waitingStandardMinutes * 60_000, at);
    return { bookingsVersion: s.version.get(officeId) as number, summaryChanged };
  });

  const createBooking = db.transaction((b: NewCentralBooking): CreateBookingOutcome => {
    if (s.codeTaken.get(b.code)) return { ok: false, reason: 'code-taken' };
    if (s.takePlace.run(b.officeId, b.serviceId, b.slotStart, b.capacity).changes === 0) return { ok: false, reason: 'slot-full' };
    const version = nextVersion();
    const day = dayOf(b.officeId, b.slotStart);
    s.insertBooking.run(b.id, b.code, b.officeId, b.serviceId, b.slotStart, b.slotMinutes, day, b.customerName, b.phone, b.at, version);
    s.dropReportDay.run(b.officeId, day);
    return { ok: true, booking: toBooking(s.byId.get(b.id) as BookingRow) };
  });

  // Either origin: an office-made booking's cancel goes down to its office with the new version.
  const cancelBooking = db.transaction((bookingId: string) => {
    const before = s.byId.get(bookingId) as BookingRow | undefined;
    if (!before) return undefined;
    if (before.status === 'booked') {
      s.cancel.run(nextVersion(), bookingId);
      s.freePlace.run(before.office_id, before.service_id, before.slot_start);
      s.dropReportDay.run(before.office_id, before.office_day);
    }
    return toBooking(s.byId.get(bookingId) as BookingRow);
  });

  return {
    async saveOfficeSummary(officeId: string, summary: OfficeSummary, at: number) {
      await grouped(() => saveOffice(officeId, summary, at));
      zones.set(officeId, summary.timeZone);
    },
    async officeHello(officeId: string, summary: OfficeSummary, at: number) {
      // Unchanged (the usual relink), nothing is written; the read still waits for the tick's commit.
      const answer = await grouped(() => officeHello(officeId, summary, at));
      zones.set(officeId, summary.timeZone);
      return answer;
    },
    async officeSummaries() {
      return new Map((s.offices.all() as { id: string; summary: string }[]).map((r) => [r.id, JSON.parse(r.summary) as OfficeSummary]));
    },
    async ingest(officeId, messages, at) {
      return grouped(() => ingest(officeId, messages, at));
    },
    async createBooking(booking) {
      return createBooking(booking);
    },
    async bookingsByCode(code) {
      return (s.byCode.all(code) as BookingRow[]).map(toBooking);
    },
    async cancelBooking(bookingId) {
      return cancelBooking(bookingId);
    },
    async activeBookingsOfPhone(phone, now) {
      return s.activeOfPhone.get(phone, now) as number;
    },
    async bookedPerSlot(officeId, serviceId, from, to) {
      return new Map((s.placesTaken.all(officeId, serviceId, from, to) as { start: number; taken: number }[]).map((r) => [r.start, r.taken]));
    },
    async bookingChangesSince(officeId, since, limit) {
      const rows = s.changes.all(officeId, since, limit) as BookingRow[];
      const changes = rows.map(toBookingChange);
      return { changes, version: s.version.get(officeId) as number };
    },
    async bookingsVersion(officeId) {
      return s.version.get(officeId) as number;
    },
    async bookingsVersions(officeIds) {
      // One indexed MAX per office inside one read: cheaper than grouping the whole bookings table.
      const read = db.transaction(() => officeIds.map((id) => [id, s.version.get(id) as number] as const).filter(([, v]) => v > 0));
      return new Map(read());
    },
    async forgetPersonalData(cutoff) {
      return s.forget.run(cutoff).changes;
    },
    ...createSqliteReportDays(db),
    async qualityVisits(officeId, from, to, lookBackFrom = from) {
      return (s.qualityVisits.all(officeId, lookBackFrom, to, from) as QualityVisitRow[]).map(qualityVisitOfRow);
    },
    async lowRatedVisits(officeIds, from, to, limit) {
      const rows = s.lowRated.all(from, to, JSON.stringify(officeIds), limit + 1) as (QualityVisitRow & { officeId: string })[];
      return { more: rows.length > limit, visits: rows.slice(0, limit).map((r) => ({ officeId: r.officeId, visit: qualityVisitOfRow(r) })) };
    },
    async countedQualityDays(from, to) {
      return s.countedQualityDays.all(from, to) as { officeId: string; officeDay: string }[];
    },
    async qualityDays(from, to) {
      return (s.qualityDays.all(from, to) as { officeId: string; counts: string }[]).map((r) => ({ officeId: r.officeId, counts: JSON.parse(r.counts) as QualityDayCounts }));
    },
    async saveQualityDays(officeId, days, at) {
      db.transaction(() => {
        for (const d of days) s.saveQualityDay.run(officeId, d.officeDay, JSON.stringify(d), at);
      })();
    },
    async accountKeyDays(cutoff) {
      return s.accountKeyDays.all(cutoff) as { officeId: string; officeDay: string }[];
    },
    async forgetAccountKeys(cutoff) {
      return s.forgetAccountKeys.run(cutoff).changes;
    },
    async eventCount(officeId) {
      return s.eventCount.get(officeId) as number;
    },
    async markPhonePageOpened(officeId, ticketId, officeDay, at) {
      // A first opening changes its day's reach: a day counted already is counted again.
      if (s.markPageOpened.run(officeId, ticketId, officeDay, at).changes === 1) s.dropCountedDay.run(officeId, officeDay);
    },
    async questionnaireTicket(officeId, ticketId) {
      const row = s.questionnaireTicket.get(officeId, ticketId) as (QuestionnaireTicket & { answered: number }) | undefined;
      return row && questionnaireTicketOfRow(row);
    },
    async saveQuestionnaireAnswer(a) {
      return db.transaction(() => {
        const solved = a.solved === null ? null : a.solved ? 1 : 0;
        if (s.insertAnswer.run(a.officeId, a.ticketId, a.officeDay, a.serviceId, a.operatorId, solved, a.ease, a.answeredAt).changes === 0) return false;
        s.dropCountedDay.run(a.officeId, a.officeDay);
        return true;
      })();
    },
    async questionnaireSince(officeId, since, limit) {
      return db.transaction(() => ({
        answers: (s.answersSince.all(officeId, since, limit) as Parameters<typeof syncedAnswerOfRow>[0][]).map(syncedAnswerOfRow),
        pageOpens: (s.opensSince.all(officeId, since, limit) as { ticketId: string; officeDay: string; openedAt: number }[]).map((r) => ({ ...r, openedAt: Number(r.openedAt) })),
      }))();
    },
    async questionnaireAnswers(officeId, from, to) {
      return (s.answers.all(officeId, from, to) as Parameters<typeof questionnaireAnswerOfRow>[0][]).map(questionnaireAnswerOfRow);
    },
    async savePhoneNudge(n) {
      s.saveNudge.run(n.id, n.officeId, n.ticketId, n.officeDay, n.channel, n.address, n.peopleLeft, n.consentText, n.consentAt, n.createdAt);
    },
    async phoneNudgesOf(officeId, ticketIds) {
      if (ticketIds.length === 0) return [];
      const rows = db.prepare(`SELECT ${PHONE_NUDGE_COLUMNS} FROM phone_nudges WHERE office_id = ? AND ticket_id IN (SELECT value FROM json_each(?))`).all(officeId, JSON.stringify(ticketIds));
      return (rows as PhoneNudge[]).map(toPhoneNudge);
    },
    async claimPhoneNudge(id, moment, at) {
      const column = NUDGE_SENT_COLUMN[moment];
      return db.prepare(`UPDATE phone_nudges SET ${column} = ? WHERE id = ? AND ${column} IS NULL`).run(at, id).changes === 1;
    },
    async forgetPhoneNudges(officeId, beforeDay) {
      return s.forgetNudges.run(officeId, beforeDay).changes;
    },
    async saveRemoteJoin(j) {
      db.prepare(`INSERT INTO remote_joins (office_id, request_key, ticket_id, number, service_id, office_day, code, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (office_id, request_key) DO NOTHING`).run(j.officeId, j.requestKey, j.ticketId, j.number, j.serviceId, j.officeDay, j.code, j.createdAt);
      return remoteJoinRow(db.prepare(`SELECT ${REMOTE_JOIN_COLUMNS} FROM remote_joins WHERE office_id = ? AND request_key = ?`).get(j.officeId, j.requestKey))!;
    },
    async remoteJoinByKey(officeId, requestKey) {
      return remoteJoinRow(db.prepare(`SELECT ${REMOTE_JOIN_COLUMNS} FROM remote_joins WHERE office_id = ? AND request_key = ?`).get(officeId, requestKey));
    },
    async remoteJoinOfTicket(officeId, ticketId) {
      return remoteJoinRow(db.prepare(`SELECT ${REMOTE_JOIN_COLUMNS} FROM remote_joins WHERE office_id = ? AND ticket_id = ?`).get(officeId, ticketId));
    },
    async forgetRemoteJoins(officeId, beforeDay) {
      return db.prepare(`DELETE FROM remote_joins WHERE office_id = ? AND office_day < ?`).run(officeId, beforeDay).changes;
    },
    async settingOnce(name, value) {
      s.insertSetting.run(name, value);
      return s.setting.get(name) as string;
    },
    async close() {
      if (due.length > 0) commitDue();
      db.close();
    },
  };
}
