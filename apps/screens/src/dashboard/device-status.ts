import type { MessageKey } from '@talon/messages';

/** Statuses devices report (printers' DLE EOT states, buttons' and screens' links) that have words. */
const WORDED = [
  'ok',
  'paper-near-end',
  'paper-end',
  'cover-open',
  'error',
  'offline',
  'unknown',
  'online',
  'connected',
  'disconnected',
  'never-seen',
] as const;
type WordedStatus = (typeof WORDED)[number];

/**
 * The catalogue key that says a device status in the head's language, or null for a status this
 * screen has no words for yet (a newer agent's): the screen then shows it raw beside its verdict.
 */
export function deviceStatusKey(status: string): MessageKey | null {
  return (WORDED as readonly string[]).includes(status) ? (`dashboard.deviceStatus.${status as WordedStatus}` as const) : null;
}
