import { z } from 'zod';
import { checkShellConfig, type ConfigCheck, type ConfigIssue, type ShellConfig } from './shell-config.js';

/** What the setup form sends: plain strings, device paths one `id = path` per line. */
export const setupDraftSchema = z.strictObject({
  role: z.string().max(20),
  serverUrl: z.string().max(500),
  screenToken: z.string().max(500),
  agentToken: z.string().max(500),
  printers: z.string().max(10_000),
  buttons: z.string().max(10_000),
});
export type SetupDraft = z.infer<typeof setupDraftSchema>;

export const EMPTY_DRAFT: SetupDraft = { role: 'kiosk', serverUrl: '', screenToken: '', agentToken: '', printers: '', buttons: '' };

/** The form's strings to a config, checked by the same schema the config file is. */
export function checkSetupDraft(input: unknown): ConfigCheck {
  const draft = setupDraftSchema.safeParse(input);
  if (!draft.success) return { ok: false, issues: [{ field: 'config', message: 'desktop.setup.error.invalid' }] };
  const { role, serverUrl, screenToken, agentToken, printers, buttons } = draft.data;
  const printerLines = parseDeviceLines(printers, 'printerUri');
  const buttonLines = parseDeviceLines(buttons, 'buttonPath');
  const checked = checkShellConfig({
    role,
    serverUrl,
    ...(screenToken.trim() !== '' && { screenToken }),
    ...(agentToken.trim() !== '' && { agentToken }),
    printerUri: printerLines.paths,
    buttonPath: buttonLines.paths,
  });
  const lineIssues = [...printerLines.issues, ...buttonLines.issues];
  if (lineIssues.length === 0) return checked;
  return { ok: false, issues: [...lineIssues, ...(checked.ok ? [] : checked.issues)] };
}

export function draftFromConfig(config: ShellConfig): SetupDraft {
  const lines = (paths: Record<string, string>) => Object.entries(paths).map(([id, path]) => `${id} = ${path}`).join('\n');
  return {
    role: config.role,
    serverUrl: config.serverUrl,
    screenToken: config.screenToken ?? '',
    agentToken: config.agentToken ?? '',
    printers: lines(config.printerUri),
    buttons: lines(config.buttonPath),
  };
}

function parseDeviceLines(text: string, field: 'printerUri' | 'buttonPath'): { paths: Record<string, string>; issues: ConfigIssue[] } {
  const paths: Record<string, string> = {};
  const issues: ConfigIssue[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    // Split at the first '=' only: a printer URI may hold its own (`?baud=19200`).
    const at = line.indexOf('=');
    const id = at > 0 ? line.slice(0, at).trim() : '';
    const path = at > 0 ? line.slice(at + 1).trim() : '';
    if (id === '' || path === '') issues.push({ field, message: 'desktop.setup.error.deviceLine' });
    else paths[id] = path;
  }
  return { paths, issues };
}
