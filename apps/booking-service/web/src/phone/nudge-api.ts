import type { PhoneNudgeRequest } from '@talon/protocol';

/** Asks central for a nudge for this page's ticket; answers whether central took it. */
export async function askForNudge(token: string, request: PhoneNudgeRequest): Promise<boolean> {
  try {
    const response = await fetch(`/api/phone/${encodeURIComponent(token)}/nudges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return ((await response.json()) as { ok: boolean }).ok;
  } catch {
    return false;
  }
}

/** The browser's push subscription for central's VAPID key, through the page's service worker. */
export async function pushSubscription(publicKey: string): Promise<PushSubscriptionJSON | undefined> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return undefined;
  if ((await Notification.requestPermission()) !== 'granted') return undefined;
  const registration = await navigator.serviceWorker.register('/phone-sw.js');
  await navigator.serviceWorker.ready;
  const key = Uint8Array.from(atob(publicKey.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  return subscription.toJSON();
}
