import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkShellConfig, type ConfigIssue, type ShellConfig } from './shell-config.js';

export const CONFIG_FILE_NAME = 'talon-desktop.json';

export type LoadedConfig =
  | { state: 'ok'; config: ShellConfig }
  | { state: 'missing' }
  | { state: 'invalid'; issues: ConfigIssue[]; raw: unknown };

/** Reads the shell's config from the app's userData folder; a bad file is reported, never thrown. */
export async function loadConfigFile(folder: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(join(folder, CONFIG_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: 'invalid', issues: [{ field: 'config', message: 'desktop.setup.error.invalid' }], raw: undefined };
  }
  const checked = checkShellConfig(raw);
  return checked.ok ? { state: 'ok', config: checked.config } : { state: 'invalid', issues: checked.issues, raw };
}

/**
 * Checks, then writes through a temporary file and a rename, so a power cut mid-save leaves the
 * old config, not half a file. Owner-only: it holds device tokens.
 */
export async function saveConfigFile(folder: string, input: unknown): Promise<{ ok: true; config: ShellConfig } | { ok: false; issues: ConfigIssue[] }> {
  const checked = checkShellConfig(input);
  if (!checked.ok) return checked;
  await mkdir(folder, { recursive: true });
  const path = join(folder, CONFIG_FILE_NAME);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(checked.config, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
  return checked;
}
