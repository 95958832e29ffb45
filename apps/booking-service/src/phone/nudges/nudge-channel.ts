/**
 * One way of reaching a visitor (web push, SMS, a messenger bot). A channel only delivers: which
 * nudge is due, and that it goes once, is the nudge service's business. Adding a channel is one
 * file with this shape and a line in nudge-channels.ts (README: adding a bot).
 */
export interface NudgeChannel {
  readonly kind: string;
  /**
   * Delivers `text` to `address` (the channel's own form, as the page gave it and the store kept
   * it); throws when the gateway refused, so the failure is logged. Never retried: a nudge is sent
   * once or not at all.
   */
  send(address: string, text: string): Promise<void>;
}
