import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlinePageUrl } from '../apps/desktop/src/offline-page.js';
import { checkSetupDraft, EMPTY_DRAFT, type SetupDraft } from '../apps/desktop/src/setup-draft.js';
import { setupPageUrl } from '../apps/desktop/src/setup-page.js';
import type { SetupSaveResult, SetupView } from '../apps/desktop/src/desktop-api.js';
import { browserSuitesRun, launchChromium, saveScreenshot } from './support/browser.js';

// The pages the desktop shell writes itself, in Chromium (Electron's renderer is Chromium): the
// setup form's script against a window.talon that answers like the main process does (the same
// checkSetupDraft), and the offline page. Without Electron here, the bridge is Playwright's.

describe.runIf(browserSuitesRun)('desktop shell pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function setupPage(view: SetupView): Promise<{ page: Page; saved: unknown[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 900, height: 820 }, locale: 'ru-RU' });
    const page = await context.newPage();
    const errors: string[] = [];
    const saved: unknown[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.exposeFunction('talonSetupSave', (draft: unknown): SetupSaveResult => {
      const checked = checkSetupDraft(draft);
      if (checked.ok) saved.push(checked.config);
      return checked.ok ? { ok: true } : checked;
    });
    await page.addInitScript((initial) => {
      const bridge = window as unknown as { talonSetupSave(draft: unknown): Promise<unknown>; talon: unknown };
      bridge.talon = { role: 'setup', setup: { load: async () => initial, save: (draft: unknown) => bridge.talonSetupSave(draft) } };
    }, view);
    await page.goto(setupPageUrl('ru'));
    return { page, saved, errors };
  }

  it('the setup form marks what it refuses, field by field, and saves nothing', async () => {
    const { page, saved, errors } = await setupPage({ draft: EMPTY_DRAFT, issues: [] });
    await page.selectOption('#role', 'kiosk');
    await page.fill('#serverUrl', '192.168.10.5:8080/kiosk');
    await page.fill('#printers', 'printer-1 = /dev/usb/lp0');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#result')).toBe('Не сохранено: исправьте отмеченные поля');
    expect(await page.textContent('#serverUrl-error')).toBe('Нужен адрес вида http://адрес:порт, без пути и параметров');
    expect(await page.textContent('#screenToken-error')).toBe('Киоску и табло нужен токен экрана');
    expect(await page.textContent('#agentToken-error')).toBe('Для принтера или кнопки нужен токен агента');
    expect(await page.getAttribute('#serverUrl', 'class')).toContain('invalid');
    expect(await page.textContent('#printers-error')).toBe('');
    await saveScreenshot(page, 'desktop-setup-refused');
    expect(saved).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the setup form saves a good config and clears the marks', async () => {
    const { page, saved, errors } = await setupPage({ draft: EMPTY_DRAFT, issues: [] });
    await page.fill('#serverUrl', 'http://192.168.10.5:8080/kiosk');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#serverUrl-error')).not.toBe('');
    await page.fill('#serverUrl', 'http://192.168.10.5:8080');
    await page.fill('#screenToken', 'demo-kiosk-1');
    await page.fill('#agentToken', 'demo-agent-1');
    await page.fill('#printers', 'printer-1 = serial:/dev/talon/kiosk-1-printer?baud=19200&rtscts=1');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#result')).toBe('Сохранено. Терминал перезапускается…');
    expect(await page.textContent('#serverUrl-error')).toBe('');
    expect(await page.getAttribute('#serverUrl', 'class')).not.toContain('invalid');
    expect(saved).toEqual([
      {
        role: 'kiosk',
        serverUrl: 'http://192.168.10.5:8080',
        screenToken: 'demo-kiosk-1',
        agentToken: 'demo-agent-1',
        printerUri: { 'printer-1': 'serial:/dev/talon/kiosk-1-printer?baud=19200&rtscts=1' },
        buttonPath: {},
        language: 'ru',
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('the setup form opens filled from a refused config, with the reasons shown', async () => {
    const draft: SetupDraft = { ...EMPTY_DRAFT, role: 'operator', serverUrl: 'ftp://office', buttons: 'desk-1 = COM3' };
    const { page, errors } = await setupPage({ draft, issues: [{ field: 'serverUrl', message: 'desktop.setup.error.serverUrl' }] });
    await expect.poll(() => page.inputValue('#serverUrl')).toBe('ftp://office');
    expect(await page.inputValue('#role')).toBe('operator');
    expect(await page.inputValue('#buttons')).toBe('desk-1 = COM3');
    expect(await page.textContent('#serverUrl-error')).toBe('Нужен адрес вида http://адрес:порт, без пути и параметров');
    expect(errors).toEqual([]);
  });

  it('the offline page says «Нет связи с сервером» on a kiosk screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(offlinePageUrl({ attempt: 4, retryInMs: 10_000 }, 'ru'));
    expect(await page.textContent('h1')).toBe('Нет связи с сервером');
    expect(await page.textContent('main')).toContain('Следующая попытка через 10 с');
    await saveScreenshot(page, 'desktop-offline');
    await context.close();
  });
});
