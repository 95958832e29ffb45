import type { DeviceAgentOptions } from '@talon/device-agent';
import type { Logger } from 'pino';
import type { ShellConfig } from './shell-config.js';

/**
 * The device agent this PC runs, from the shell's config; none when no agent token was given
 * (a board PC with no hardware of its own). Local paths are passed only when set, so the office
 * config's paths stay in force otherwise.
 */
export function agentOptionsFor(config: ShellConfig, extras: { logger?: Logger; agentVersion?: string } = {}): DeviceAgentOptions | undefined {
  if (config.agentToken === undefined) return undefined;
  const localPaths: NonNullable<DeviceAgentOptions['localPaths']> = {};
  if (Object.keys(config.printerUri).length > 0) localPaths.printerUri = { ...config.printerUri };
  if (Object.keys(config.buttonPath).length > 0) localPaths.buttonPath = { ...config.buttonPath };
  return {
    serverUrl: config.serverUrl,
    token: config.agentToken,
    ...(extras.logger && { logger: extras.logger }),
    ...(extras.agentVersion && { agentVersion: extras.agentVersion }),
    ...(Object.keys(localPaths).length > 0 && { localPaths }),
  };
}
