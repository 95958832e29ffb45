import { peopleAheadOf, type QueueState } from '@talon/domain';
import type { WaitForecaster } from '../queue/wait-forecaster.js';
import { t, type Language } from '@talon/messages';
import { FAVICON_DATA_URI } from '@talon/server-edge';
import type { OfficeDirectory } from '../config/office-directory.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The server-written pages' one style block; the CSP names it by hash (http-handler). */
export const PAGE_STYLE = `body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#111}
a{color:#0b57d0}li{margin:.4rem 0}.number{font-size:4rem;font-weight:700;margin:.5rem 0}.note{color:#444}
fieldset{border:1px solid #bbb;border-radius:8px;margin:1rem 0;padding:.5rem 1rem}legend{font-weight:600}
.choices{display:flex;flex-wrap:wrap;gap:.5rem}.choices label{display:inline-flex;align-items:center;gap:.4rem;min-height:56px;min-width:56px;padding:0 .8rem;border:1px solid #888;border-radius:8px}
button{font:inherit;min-height:56px;padding:0 1.5rem;border:0;border-radius:8px;background:#0b57d0;color:#fff}.error{color:#a4161a}`;

function page(language: Language, title: string, body: string, refreshSeconds?: number): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${FAVICON_DATA_URI}">
<style>${PAGE_STYLE}</style>
</head><body>${body}</body></html>`;
}

/** The front door: where each screen is, and in the demo how to log in. */
export function landingPage(directory: OfficeDirectory, options: { language: Language; demoTokens?: Record<string, string>; screensBuilt: boolean }): string {
  const { language: lang, demoTokens } = options;
  const link = (role: string, label: string, query = '') => `<li><a href="/${role}${query}">${escapeHtml(label)}</a></li>`;
  const office = directory.config.office;
  const items = [
    link('kiosk', t(lang, 'landing.kiosk'), demoTokens?.kiosk ? `#pair=${encodeURIComponent(demoTokens.kiosk)}` : ''),
    link('operator', t(lang, 'landing.operator')),
    link('board', t(lang, 'landing.board'), demoTokens?.board ? `#pair=${encodeURIComponent(demoTokens.board)}` : ''),
    link('dashboard', t(lang, 'landing.dashboard')),
    link('admin', t(lang, 'landing.admin')),
  ].join('');
  return page(
    lang,
    t(lang, 'landing.title'),
    `<h1>${escapeHtml(office.name)}</h1>
${office.alwaysOpen ? `<p><strong>${escapeHtml(t(lang, 'office.demoAlwaysOpen'))}</strong></p>` : ''}
<h2>${escapeHtml(t(lang, 'landing.screens'))}</h2>
<ul>${items}</ul>${options.screensBuilt ? '' : `<p class="note">${escapeHtml(t(lang, 'landing.screensMissing'))}</p>`}
${demoTokens ? `<p class="note">${escapeHtml(t(lang, 'landing.demoLogins'))}</p>` : ''}`,
  );
}

/** Where the ticket's questionnaire stands on its page: offered once the visit is served, thanked once answered. */
export type TrackQuestionnaire = { state: 'open' | 'answered' | 'none'; problem?: 'invalid' | 'limited' };

/** The two questions as a plain form (no script: the page's CSP allows none inline, and none is needed). */
function questionnaireForm(lang: Language, ticketId: string, q: TrackQuestionnaire): string {
  const problem = q.problem ? `<p class="error" role="alert">${escapeHtml(t(lang, q.problem === 'limited' ? 'phone.surveyLimited' : 'phone.surveyFailed'))}</p>` : '';
  if (q.state === 'answered') return `${problem}<p data-testid="survey-thanks"><strong>${escapeHtml(t(lang, 'phone.surveyThanks'))}</strong></p>`;
  if (q.state !== 'open') return problem;
  const radio = (name: string, value: string, label: string) => `<label><input type="radio" name="${name}" value="${value}">${escapeHtml(label)}</label>`;
  return `<form method="post" action="/t/${encodeURIComponent(ticketId)}/questionnaire?lang=${lang}" data-testid="survey">
<h2>${escapeHtml(t(lang, 'phone.surveyHeading'))}</h2><p class="note">${escapeHtml(t(lang, 'phone.surveyIntro'))}</p>${problem}
<fieldset><legend>${escapeHtml(t(lang, 'phone.surveySolved'))}</legend><div class="choices">${radio('solved', 'yes', t(lang, 'phone.surveyYes'))}${radio('solved', 'no', t(lang, 'phone.surveyNo'))}</div></fieldset>
<fieldset><legend>${escapeHtml(t(lang, 'phone.surveyEase'))}</legend><p class="note">${escapeHtml(t(lang, 'phone.surveyEaseHint'))}</p><div class="choices">${[1, 2, 3, 4, 5]
    .map((v) => radio('ease', String(v), String(v)))
    .join('')}</div></fieldset>
<button type="submit">${escapeHtml(t(lang, 'phone.surveySend'))}</button></form>`;
}

/**
 * What the QR code on a paper ticket opens when the office has no central link: where the visitor
 * stands, refreshed by itself while the ticket is in the hall; after the visit, the two-question
 * questionnaire (as on central's phone page), answered once.
 */
export function trackPage(
  directory: OfficeDirectory,
  state: QueueState,
  row: { id: string; number: string; status: string; deskId: string | null } | undefined,
  now: number,
  language: Language,
  waits: WaitForecaster,
  questionnaire: TrackQuestionnaire = { state: 'none' },
): string {
  const lang = language;
  if (!row) return page(lang, t(lang, 'track.notFound'), `<h1>${escapeHtml(t(lang, 'track.notFound'))}</h1>`);
  const live = state.tickets.get(row.id);
  const inHall = live !== undefined && ['waiting', 'called', 'serving', 'postponed'].includes(live.status);
  const deskNumber = (id: string | undefined | null) => (id ? (directory.desks.get(id)?.number ?? '?') : '?');
  let status: string;
  if (live?.status === 'waiting') {
    const told = waits.forTicket(live.id);
    const minutes = told && (told.fromMin === told.toMin ? String(told.fromMin) : `${told.fromMin}-${told.toMin}`);
    status = `<p>${escapeHtml(t(lang, 'track.waiting'))}</p><p>${escapeHtml(t(lang, 'track.peopleAhead', { count: peopleAheadOf(state, live.serviceId, now, live.id) }))}</p>${
      told ? `<p data-wait="${told.estimateMin}">${escapeHtml(told.estimateMin < 1 ? t(lang, 'kiosk.estimateNone') : t(lang, 'track.estimate', { minutes: minutes ?? '' }))}</p>` : ''
    }`;
  } else if (live?.status === 'called') status = `<p><strong>${escapeHtml(t(lang, 'track.called', { desk: deskNumber(live.deskId) }))}</strong></p>`;
  else if (live?.status === 'serving') status = `<p>${escapeHtml(t(lang, 'track.serving', { desk: deskNumber(live.deskId) }))}</p>`;
  else if (live?.status === 'postponed') status = `<p>${escapeHtml(t(lang, 'track.waiting'))}</p>`;
  else status = `<p>${escapeHtml(t(lang, 'track.finished'))}</p>`;
  return page(
    lang,
    `${t(lang, 'track.title')} ${row.number}`,
    `<p>${escapeHtml(directory.config.office.name)}</p><h1>${escapeHtml(t(lang, 'track.title'))}</h1>
<div class="number">${escapeHtml(row.number)}</div>${status}${inHall ? `<p class="note">${escapeHtml(t(lang, 'track.refresh'))}</p>` : questionnaireForm(lang, row.id, questionnaire)}`,
    // Refreshed while the ticket is in the hall; never under a visitor filling in the questionnaire.
    inHall ? 20 : undefined,
  );
}
