import type { NudgeChannel } from './nudge-channel.js';

export interface SmsGatewayConfig {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  contentType: string;
  body: string;
  timeoutMs: number;
}

const fill = (template: string, values: Record<string, string>, escape: (value: string) => string) =>
  template.replace(/\{(phone|text)\}/g, (_, name: string) => escape(values[name]!));

/** The body's escaping follows its content type: a JSON body gets JSON string escapes, any other form encoding. */
const bodyEscape = (contentType: string) => (contentType.includes('json') ? (v: string) => JSON.stringify(v).slice(1, -1) : encodeURIComponent);

/**
 * A company's SMS gateway over plain HTTP: Russian SMS providers each want their own URL and body,
 * so both are templates in the config. The text is the ticket number and desk, never a name.
 */
export function createSmsGatewayChannel(config: SmsGatewayConfig): NudgeChannel {
  return {
    kind: 'sms',
    async send(phone, text) {
      const values = { phone, text };
      const response = await fetch(fill(config.url, values, encodeURIComponent), {
        method: config.method,
        headers: { ...config.headers, ...(config.method === 'POST' && { 'content-type': config.contentType }) },
        ...(config.method === 'POST' && { body: fill(config.body, values, bodyEscape(config.contentType)) }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}
