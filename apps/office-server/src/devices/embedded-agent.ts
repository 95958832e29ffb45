import { createDeviceAgent, type DeviceAgent, type DeviceAgentOptions } from '@talon/device-agent';
import type { Logger } from '../logger.js';

/** Hardware wired to the server PC itself: an agent in this process, talking to it over loopback. */
export interface EmbeddedAgentOptions {
  /** The agent's device token, as an agent on any other PC would have. */
  token: string;
  localPaths?: DeviceAgentOptions['localPaths'];
  printerFileFolder?: string | undefined;
}

/**
 * The same agent a kiosk PC runs, so the server's own hardware takes the same path as every
 * other device: same token check, same /device namespace, same reconnects.
 */
export function startEmbeddedAgent(options: EmbeddedAgentOptions, port: number, host: string, logger: Logger): DeviceAgent {
  const agent = createDeviceAgent({
    serverUrl: `http://${loopbackFor(host)}:${port}`,
    token: options.token,
    // The agent names its own area; this says which agent it is.
    logger: logger.child({ agent: 'embedded' }),
    agentVersion: 'embedded',
    ...(options.localPaths && { localPaths: options.localPaths }),
    ...(options.printerFileFolder !== undefined && { printerFileFolder: options.printerFileFolder }),
  });
  agent.start();
  return agent;
}

/** Where this process can reach its own listener. */
export function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  // Left as a name: it resolves here the same way it did for listen, to 127.0.0.1 or ::1.
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
