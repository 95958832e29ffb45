import { en, ru, t, type Language, type MessageKey } from '@talon/messages';
import { dataPageUrl, escapeHtml } from './html-page.js';
import { ROLES } from './shell-config.js';

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; padding: 24px 32px; color: #1d2433; background: #fff; }
h1 { font-size: 24px; margin: 0 0 8px; }
p.intro { color: #5b6475; margin: 0 0 20px; }
label { display: block; font-weight: 600; margin-top: 14px; }
.hint { font-weight: 400; color: #5b6475; font-size: 13px; }
input, select, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 6px 8px; margin-top: 4px; }
textarea { min-height: 64px; font-family: ui-monospace, monospace; }
.error { color: #b3261e; font-size: 14px; margin-top: 4px; }
.invalid { border: 2px solid #b3261e; }
button { margin-top: 20px; font: inherit; font-weight: 600; padding: 10px 20px; }
#result { margin-top: 12px; font-weight: 600; }
`;

const FIELDS = ['serverUrl', 'screenToken', 'agentToken', 'printers', 'buttons'] as const;

/** The installer's first-run form. It talks to the shell only through window.talon.setup. */
export function setupPageUrl(language: Language): string {
  const text = (key: MessageKey) => escapeHtml(t(language, key));
  const labels: Record<(typeof FIELDS)[number], { label: MessageKey; hint?: MessageKey; multiline?: boolean }> = {
    serverUrl: { label: 'desktop.setup.serverUrl', hint: 'desktop.setup.serverUrlHint' },
    screenToken: { label: 'desktop.setup.screenToken' },
    agentToken: { label: 'desktop.setup.agentToken', hint: 'desktop.setup.agentTokenHint' },
    printers: { label: 'desktop.setup.printers', hint: 'desktop.setup.printersHint', multiline: true },
    buttons: { label: 'desktop.setup.buttons', hint: 'desktop.setup.buttonsHint', multiline: true },
  };
  const field = (id: (typeof FIELDS)[number]) => {
    const { label, hint, multiline } = labels[id];
    const control = multiline
      ? `<textarea id="${id}" name="${id}" spellcheck="false"></textarea>`
      : `<input id="${id}" name="${id}" autocomplete="off" spellcheck="false">`;
    return `<label for="${id}">${text(label)}${hint ? ` <span class="hint">${text(hint)}</span>` : ''}</label>
${control}<div class="error" id="${id}-error" role="alert"></div>`;
  };
  const roleOptions = ROLES.map((role) => `<option value="${role}">${text(`desktop.setup.role.${role}`)}</option>`).join('');
  const catalogue = language === 'en' ? en : ru;
  const errorTexts = Object.fromEntries(Object.entries(catalogue).filter(([key]) => key.startsWith('desktop.setup.error.')));
  const texts = { saved: t(language, 'desktop.setup.saved'), failed: t(language, 'desktop.setup.failed'), errors: errorTexts };
  return dataPageUrl({
    language,
    title: t(language, 'desktop.setup.title'),
    style: STYLE,
    body: `<h1>${text('desktop.setup.title')}</h1>
<p class="intro">${text('desktop.setup.intro')}</p>
<form id="setup" novalidate>
<label for="role">${text('desktop.setup.role')}</label>
<select id="role" name="role">${roleOptions}</select><div class="error" id="role-error" role="alert"></div>
${FIELDS.map(field).join('\n')}
<div class="error" id="config-error" role="alert"></div>
<button type="submit">${text('desktop.setup.save')}</button>
<div id="result" role="status"></div>
</form>`,
    script: setupScript(JSON.stringify(texts).replace(/</g, '\\u003c')),
  });
}

// Runs in the sandboxed page: plain browser JavaScript against window.talon.setup only.
function setupScript(textsJson: string): string {
  return `
const texts = ${textsJson};
const ids = ['role', ${FIELDS.map((id) => `'${id}'`).join(', ')}];
const form = document.getElementById('setup');
const result = document.getElementById('result');
// Issues name config fields; the form has one box per kind of device path.
const boxOf = (field) => field.startsWith('printerUri') ? 'printers' : field.startsWith('buttonPath') ? 'buttons' : ids.includes(field) ? field : 'config';
function showIssues(issues) {
  for (const id of [...ids, 'config']) {
    document.getElementById(id + '-error').textContent = '';
    document.getElementById(id)?.classList.remove('invalid');
  }
  for (const issue of issues) {
    const box = boxOf(issue.field);
    const line = document.getElementById(box + '-error');
    const message = texts.errors[issue.message] || issue.message;
    if (!line.textContent.includes(message)) line.textContent += (line.textContent ? ' ' : '') + message;
    document.getElementById(box)?.classList.add('invalid');
  }
}
window.talon.setup.load().then((view) => {
  for (const id of ids) document.getElementById(id).value = view.draft[id];
  showIssues(view.issues);
});
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const draft = Object.fromEntries(ids.map((id) => [id, document.getElementById(id).value]));
  const answer = await window.talon.setup.save(draft);
  showIssues(answer.ok ? [] : answer.issues);
  result.textContent = answer.ok ? texts.saved : texts.failed;
});
`;
}
