import { ru, type MessageKey } from '@talon/messages';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Codes whose server message says what exactly was wrong (which field, which limit). The message
 * is English, but whoever fixes the input needs it, so it follows the screen's own words.
 */
const DETAILED = new Set(['invalid-payload', 'invalid-value', 'payload-too-large']);

/** A refusal in the screen's language, by its code; a code this build does not know shows the server's message. */
export function refusalText(t: Translate, failure: { code: string; message: string }, withDetail = false): string {
  const key = `refusal.${failure.code}`;
  if (!(key in ru)) return failure.message;
  const text = t(key as MessageKey);
  return withDetail && DETAILED.has(failure.code) && failure.message ? `${text} (${failure.message})` : text;
}
