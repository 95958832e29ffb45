import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, loadConfigFile, saveConfigFile } from './config-file.js';

const BOARD = { role: 'board', serverUrl: 'http://10.0.0.2:8080', screenToken: 'demo-board-1' };
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'talon-config-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('config file', () => {
  it('is missing on a first run', async () => {
    expect(await loadConfigFile(folder)).toEqual({ state: 'missing' });
  });

  it('saves a good config owner-only, leaves no temporary file, and reads it back', async () => {
    const saved = await saveConfigFile(join(folder, 'new'), BOARD);
    expect(saved.ok).toBe(true);
    expect(await readdir(join(folder, 'new'))).toEqual([CONFIG_FILE_NAME]);
    expect((await stat(join(folder, 'new', CONFIG_FILE_NAME))).mode & 0o777).toBe(0o600);
    expect(await loadConfigFile(join(folder, 'new'))).toEqual({
      state: 'ok',
      config: { ...BOARD, printerUri: {}, buttonPath: {}, language: 'ru' },
    });
  });

  it('writes nothing for a refused config, and keeps the old one', async () => {
    await saveConfigFile(folder, BOARD);
    const before = await readFile(join(folder, CONFIG_FILE_NAME), 'utf8');
    const refused = await saveConfigFile(folder, { ...BOARD, screenToken: undefined });
    expect(refused).toEqual({ ok: false, issues: [{ field: 'screenToken', message: 'desktop.setup.error.screenTokenMissing' }] });
    expect(await readFile(join(folder, CONFIG_FILE_NAME), 'utf8')).toBe(before);
  });

  it('reports a damaged or hand-broken file instead of throwing', async () => {
    await writeFile(join(folder, CONFIG_FILE_NAME), '{"role": "kiosk",');
    expect(await loadConfigFile(folder)).toMatchObject({ state: 'invalid', issues: [{ field: 'config', message: 'desktop.setup.error.invalid' }] });
    await writeFile(join(folder, CONFIG_FILE_NAME), JSON.stringify({ ...BOARD, serverUrl: 'board.local' }));
    expect(await loadConfigFile(folder)).toMatchObject({ state: 'invalid', issues: [{ field: 'serverUrl', message: 'desktop.setup.error.serverUrl' }] });
  });
});
