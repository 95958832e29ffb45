import type { MessageKey } from '@talon/messages';
import type { WaitRange } from '@talon/protocol';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The wait the office told, as the kiosk says it on a service's button and on the issued ticket:
 * the range (from the office's own recent errors) where it has one, «в ближайшие минуты» rather
 * than "0 мин", and null when no open desk serves the service (the caller says so, or nothing).
 */
export function waitText(wait: { estimatedWaitMin: number | null; waitRange?: WaitRange | undefined }, t: Translate): string | null {
  if (wait.estimatedWaitMin === null) return null;
  if (wait.estimatedWaitMin < 1) return t('kiosk.estimateNone');
  return t('kiosk.estimate', { minutes: wait.waitRange ? `${wait.waitRange.fromMin}–${wait.waitRange.toMin}` : wait.estimatedWaitMin });
}
