import { addDays, officeDayOf, type QualityReport } from '@talon/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { command, DEMO_TOKENS, demoConfig, startTestOffice, type TestOffice } from '../testing/test-office.js';
import { createQualityStore } from './quality-store.js';
import { answerOfForm } from './ticket-page-questionnaire.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('the questionnaire on the office\'s ticket page (/t/<id>)', () => {
  it.each([
    ['both answered', { solved: 'yes', ease: '4' }, { solved: true, ease: 4 }],
    ['only solved, "no"', { solved: 'no' }, { solved: false }],
    ['only ease', { ease: '1' }, { ease: 1 }],
    ['an empty ease is skipped', { solved: 'yes', ease: '' }, { solved: true }],
    ['nothing answered', {}, undefined],
    ['ease out of range', { ease: '6' }, undefined],
    ['ease not a whole number', { ease: '2.5' }, undefined],
    ['solved neither yes nor no', { solved: 'maybe' }, undefined],
    ['a field the form has not', { solved: 'yes', note: 'x' }, undefined],
  ])('reads the form: %s', (_name, fields, expected) => {
    expect(answerOfForm(form(fields))).toEqual(expected);
  });

  let office: TestOffice;
  let head: Socket;
  beforeEach(async () => {
    office = await startTestOffice({ config: demoConfig((c) => void (c.limits.questionnaireAnswersPerAddress = 4)) });
    head = await office.connect('/dashboard', { session: await office.login('head') });
  });
  afterEach(() => office.stop());

  const post = (ticketId: string, body: string) =>
    fetch(`${office.url}/t/${ticketId}/questionnaire`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

  it('is offered once the visit is served, kept once, counted in the head\'s view with its reach; a closed day is counted again', async () => {
    const kiosk = await office.connect('/kiosk', { token: DEMO_TOKENS.kiosk });
    const operator = await office.connect('/operator', { session: await office.login('ivanova') });
    await command(operator, 'desk:open', { deskId: 'desk-1' });
    const issued = await command<{ ok: true; ticket: { id: string } }>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    const id = issued.ticket.id;
    const other = (await command<{ ok: true; ticket: { id: string } }>(kiosk, 'ticket:issue', { serviceId: 'payments' })).ticket.id;

    // In the hall: the page refreshes and asks nothing; an answer now is refused.
    let page = await (await fetch(`${office.url}/t/${id}`)).text();
    expect(page).toContain('http-equiv="refresh"');
    expect(page).not.toContain('data-testid="survey"');
    expect((await post(id, 'solved=yes')).status).toBe(409);

    await command(operator, 'ticket:call-next');
    await command(operator, 'ticket:start');
    await command(operator, 'ticket:finish', {});
    page = await (await fetch(`${office.url}/t/${id}`)).text();
    expect(page).toContain('data-testid="survey"');
    expect(page).not.toContain('http-equiv="refresh"');
    expect(page).toContain('Ваш вопрос решён?');
    expect((await post(id, 'ease=9')).status).toBe(400);
    const answered = await post(id, 'solved=yes&ease=5');
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`/t/${id}?lang=ru`);
    // A second answer (a reload, another phone) never counts twice or rewrites the first.
    expect((await post(id, 'solved=no&ease=1')).status).toBe(303);
    page = await (await fetch(`${office.url}/t/${id}?lang=en`)).text();
    expect(page).toContain('data-testid="survey-thanks"');
    expect(page).not.toContain('data-testid="survey"');

    const day = officeDayOf(office.app.context.queue.state.setup.schedule, Date.now());
    const view = async (period = { from: day, to: day }) => (await command<{ ok: true; report: QualityReport }>(head, 'dashboard:quality', period)).report.current;
    // Served one visit, whose page was opened; the other ticket's page was never opened and it was not served.
    expect((await view()).questionnaire).toEqual({
      served: 1, servedWithPage: 1, answered: 1, responseRate: 1, pageResponseRate: 1, solvedShare: 1, meanEase: 5, easyShare: 1, firstVisitResolution: 1,
    });
    expect(office.app.context.db.prepare(`SELECT solved, ease, source FROM questionnaire_answers WHERE ticket_id = ?`).get(id)).toEqual({ solved: 1, ease: 5, source: 'office' });
    expect(office.app.context.db.prepare(`SELECT COUNT(*) AS n FROM ticket_page_opens WHERE ticket_id = ?`).get(other)).toEqual({ n: 0 });

    // The limit per address: 4 submissions in the window, then the page says so.
    expect((await post(id, 'solved=yes')).status).toBe(429);
    expect(await (await post(id, 'solved=yes')).text()).toContain('Слишком много ответов');
  });

  it('a late answer for a closed, counted day drops its counts in the same transaction, and the next read counts it', async () => {
    const db = office.app.context.db;
    const store = createQualityStore(db);
    db.prepare(`INSERT INTO tickets (id, number, service_id, office_day, kind, issued_at, queued_at, status, first_called_at, ended_at, transfers)
      VALUES ('t_old', 'A001', 'payments', '2026-11-02', 'walk-in', 1, 1, 'done', 2, 3, 0)`).run();
    store.saveDays([{ ...JSON.parse('{}'), officeDay: '2026-11-02' }], 1);
    expect(store.countedDays('2026-11-02', '2026-11-02').size).toBe(1);
    store.pageOpened('t_old', 10);
    expect(store.countedDays('2026-11-02', '2026-11-02').size).toBe(0);
    store.saveDays([{ ...JSON.parse('{}'), officeDay: '2026-11-02' }], 1);
    expect(store.saveAnswer({ ticketId: 't_old', officeDay: '2026-11-02', ease: 2, answeredAt: 11, source: 'office' })).toBe(true);
    expect(store.countedDays('2026-11-02', '2026-11-02').size).toBe(0);
    expect(store.saveAnswer({ ticketId: 't_old', officeDay: '2026-11-02', ease: 5, answeredAt: 12, source: 'central' })).toBe(false);
    const week = { from: '2026-11-02', to: addDays('2026-11-02', 6) };
    const current = (await command<{ ok: true; report: QualityReport }>(head, 'dashboard:quality', week)).report.current;
    expect(current.questionnaire).toMatchObject({ served: 1, servedWithPage: 1, answered: 1, meanEase: 2, easyShare: 0 });
  });
});
