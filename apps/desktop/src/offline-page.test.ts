import { describe, expect, it } from 'vitest';
import { offlinePageUrl } from './offline-page.js';
import { setupPageUrl } from './setup-page.js';

const html = (url: string) => {
  expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
  return decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
};

describe('pages the shell writes', () => {
  it('offline page says «нет связи с сервером», the attempt and the wait, and runs no script', () => {
    const page = html(offlinePageUrl({ attempt: 3, retryInMs: 4_500 }, 'ru'));
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('<h1>Нет связи с сервером</h1>');
    expect(page).toContain('Попытка подключения: 3');
    expect(page).toContain('Следующая попытка через 5 с');
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline';"`);
    expect(page).not.toContain('<script');
  });

  it('offline page in English', () => {
    expect(html(offlinePageUrl({ attempt: 1, retryInMs: 1_000 }, 'en'))).toContain('No connection to the server');
  });

  it('setup page has every field, the error texts for its script, and scripts only inline', () => {
    const page = html(setupPageUrl('ru'));
    for (const id of ['role', 'serverUrl', 'screenToken', 'agentToken', 'printers', 'buttons']) expect(page).toContain(`id="${id}"`);
    expect(page).toContain('<option value="operator">Рабочее место оператора</option>');
    expect(page).toContain('"desktop.setup.error.serverUrl":"Нужен адрес вида http://адрес:порт, без пути и параметров"');
    expect(page).toContain(`script-src 'unsafe-inline';`);
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(page).toContain('window.talon.setup.save(draft)');
  });
});
