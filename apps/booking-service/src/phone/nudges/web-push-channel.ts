import webpush from 'web-push';
import type { NudgeChannel } from './nudge-channel.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** A web push address as stored: the browser's subscription and the page's language. */
export interface WebPushAddress {
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
}

/** Whether central may post to this endpoint: only the configured push services (no posting wherever a page says). */
export function pushEndpointAllowed(endpoint: string, hosts: readonly string[], allowHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return false;
  return hosts.some((host) => (host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host));
}

/**
 * Web push (RFC 8030) with VAPID (RFC 8292) and an aes128gcm payload (RFC 8291), built by the
 * `web-push` library and posted with fetch: the library's own sender speaks https only, and the
 * request is the same either way.
 */
export function createWebPushChannel(options: { keys: VapidKeys; subject: string; timeoutMs?: number }): NudgeChannel {
  return {
    kind: 'web-push',
    async send(address, text) {
      const { subscription } = JSON.parse(address) as WebPushAddress;
      const request = webpush.generateRequestDetails(subscription, JSON.stringify({ title: 'Талон', body: text }), {
        vapidDetails: { subject: options.subject, publicKey: options.keys.publicKey, privateKey: options.keys.privateKey },
        contentEncoding: 'aes128gcm',
        TTL: 30 * 60,
        urgency: 'high',
      });
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body as Buffer,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`push service answered ${response.status}`);
    },
  };
}

/** VAPID keys are made once, on central's first start, and kept in the store for every node. */
export async function vapidKeysOf(settingOnce: (name: string, value: string) => Promise<string>): Promise<VapidKeys> {
  return JSON.parse(await settingOnce('vapid-keys', JSON.stringify(webpush.generateVAPIDKeys()))) as VapidKeys;
}
