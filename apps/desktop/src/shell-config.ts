import type { MessageKey } from '@talon/messages';
import { parsePrinterUri } from '@talon/ticket-printer';
import { z } from 'zod';

/** What a PC is for: the screen it shows decides everything else about the window. */
export const ROLES = ['kiosk', 'operator', 'board'] as const;
export type Role = (typeof ROLES)[number];

// Every refusal carries a catalogue key, so the setup page can say it in Russian.
const msg = (key: MessageKey) => ({ error: key });

/**
 * The office server's address, kept as a bare origin: the navigation guard compares origins, so
 * a path, query or credentials here would only hide a mistake.
 */
const serverUrlField = z
  .string(msg('desktop.setup.error.serverUrl'))
  .trim()
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.username === '' &&
        url.password === '' &&
        (url.pathname === '/' || url.pathname === '') &&
        url.search === '' &&
        url.hash === ''
      );
    } catch {
      return false;
    }
  }, msg('desktop.setup.error.serverUrl'))
  .transform((text) => new URL(text).origin);

// Tokens travel in a URL query and a handshake: printable ASCII without spaces.
const tokenField = z.string(msg('desktop.setup.error.token')).trim().regex(/^[\x21-\x7e]{8,200}$/, msg('desktop.setup.error.token'));

// The same shape as the office config's ids (protocol's idField).
const deviceIdField = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, msg('desktop.setup.error.deviceId'));

// Checked by the ticket printer's own parser, so the shell accepts exactly what the agent can open.
const printerUriField = z
  .string()
  .trim()
  .refine((uri) => {
    try {
      parsePrinterUri(uri);
      return true;
    } catch {
      return false;
    }
  }, msg('desktop.setup.error.printerUri'));

// A serial port: a Linux device path (better a /dev/serial/by-id link) or a Windows COM port.
const buttonPathField = z
  .string()
  .trim()
  .regex(/^(\/dev\/\S+|COM[1-9][0-9]{0,2}|\\\\\.\\COM[1-9][0-9]{0,2})$/, msg('desktop.setup.error.buttonPath'));

export const shellConfigSchema = z
  .strictObject({
    role: z.enum(ROLES, msg('desktop.setup.error.role')),
    serverUrl: serverUrlField,
    /** The screen's own device token (kiosk-N, board-N); an operator logs in instead. */
    screenToken: tokenField.optional(),
    /** The device agent's token (agent-N); without it no agent runs on this PC. */
    agentToken: tokenField.optional(),
    /** Local device paths by printer id, when this PC's differ from the office config. */
    printerUri: z.record(deviceIdField, printerUriField).default({}),
    /** Local serial paths by desk id, for the rating buttons on this PC. */
    buttonPath: z.record(deviceIdField, buttonPathField).default({}),
    language: z.enum(['ru', 'en']).default('ru'),
  })
  .superRefine((config, context) => {
    if (config.role !== 'operator' && config.screenToken === undefined) {
      context.addIssue({ code: 'custom', path: ['screenToken'], message: 'desktop.setup.error.screenTokenMissing' satisfies MessageKey });
    }
    if (config.role === 'operator' && config.screenToken !== undefined) {
      context.addIssue({ code: 'custom', path: ['screenToken'], message: 'desktop.setup.error.screenTokenOperator' satisfies MessageKey });
    }
    const hasHardware = Object.keys(config.printerUri).length > 0 || Object.keys(config.buttonPath).length > 0;
    if (hasHardware && config.agentToken === undefined) {
      context.addIssue({ code: 'custom', path: ['agentToken'], message: 'desktop.setup.error.agentTokenMissing' satisfies MessageKey });
    }
  });

export type ShellConfig = z.output<typeof shellConfigSchema>;

export interface ConfigIssue {
  /** The field, as the setup form names it: `serverUrl`, `printerUri.printer-1`. */
  field: string;
  message: MessageKey;
}

export type ConfigCheck = { ok: true; config: ShellConfig } | { ok: false; issues: ConfigIssue[] };

export function checkShellConfig(input: unknown): ConfigCheck {
  const parsed = shellConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'config',
      message: messageOf(issue),
    })),
  };
}

// Zod's own messages (a wrong type in a hand-edited file, an unknown key) have no catalogue key;
// a refused record key keeps ours one level down.
function messageOf(issue: z.core.$ZodIssue): MessageKey {
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? '') : issue.message;
  return message.startsWith('desktop.') ? (message as MessageKey) : 'desktop.setup.error.invalid';
}

/** The screen this PC shows, on the office server. */
export function screenUrl(config: ShellConfig): string {
  switch (config.role) {
    case 'kiosk':
    case 'board':
      // In the fragment: the page pairs from it and the token never travels in a request or a Referer.
      return `${config.serverUrl}/${config.role}#pair=${encodeURIComponent(config.screenToken ?? '')}`;
    case 'operator':
      return `${config.serverUrl}/operator`;
  }
}
