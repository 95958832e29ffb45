import { t, type Language } from '@talon/messages';
import { dataPageUrl, escapeHtml } from './html-page.js';
import type { OfflineView } from './screen-loader.js';

const STYLE = `
html, body { margin: 0; height: 100%; background: #f4f5f7; color: #1d2433; font-family: system-ui, sans-serif;
  user-select: none; cursor: default; touch-action: none; }
main { height: 100%; display: flex; flex-direction: column; align-items: center; justify-content: center;
  text-align: center; padding: 0 8vw; box-sizing: border-box; gap: 2vh; }
h1 { font-size: 6vmin; margin: 0; color: #b3261e; }
p { font-size: 3vmin; margin: 0; max-width: 60ch; }
.small { font-size: 2.4vmin; color: #5b6475; }
`;

/** «Нет связи с сервером»: what a visitor sees instead of the screen while the server is away. */
export function offlinePageUrl(view: OfflineView, language: Language): string {
  const text = (key: Parameters<typeof t>[1], params?: Record<string, number>) => escapeHtml(t(language, key, params));
  return dataPageUrl({
    language,
    title: t(language, 'desktop.offline.title'),
    style: STYLE,
    body: `<main role="alert">
<h1>${text('desktop.offline.title')}</h1>
<p>${text('desktop.offline.hint')}</p>
<p class="small">${text('desktop.offline.attempt', { count: view.attempt })} · ${text('desktop.offline.retryIn', {
      seconds: Math.ceil(view.retryInMs / 1000),
    })}</p>
</main>`,
  });
}
