import type { PhonePageInfo } from '@talon/protocol';
import type { CentralConfig } from '../../config/central-config.js';
import type { CentralStore } from '../../storage/central-store.js';
import type { NudgeChannel } from './nudge-channel.js';
import { createSmsGatewayChannel } from './sms-gateway-channel.js';
import { createWebPushChannel, pushEndpointAllowed, vapidKeysOf } from './web-push-channel.js';

/**
 * The channels this central offers, from its config: web push (VAPID keys made on first start and
 * kept in the store), the SMS gateway when one is configured. A messenger bot would be one more
 * entry here (README: adding a bot).
 */
export async function createNudgeChannels(config: CentralConfig['phone'], store: Pick<CentralStore, 'settingOnce'>) {
  const channels = new Map<string, NudgeChannel>();
  const offer: PhonePageInfo['nudges'] = {};
  if (config.webPush.enabled) {
    const keys = await vapidKeysOf((name, value) => store.settingOnce(name, value));
    channels.set('web-push', createWebPushChannel({ keys, subject: config.webPush.subject }));
    offer.webPush = { publicKey: keys.publicKey };
  }
  if (config.sms) {
    channels.set('sms', createSmsGatewayChannel(config.sms));
    offer.sms = { consentText: config.sms.consentText };
  }
  return {
    channels,
    offer,
    pushEndpointAllowed: (endpoint: string) => pushEndpointAllowed(endpoint, config.webPush.endpointHosts, config.webPush.allowHttpEndpoints),
  };
}
