import { EventEmitter } from 'node:events';
import type { AgentStatus, DeviceAgent, DeviceAgentOptions } from './device-agent-types.js';

// Skeleton: the public face is fixed first so the desktop shell can build against it.
export function createDeviceAgent(options: DeviceAgentOptions): DeviceAgent {
  void options;
  const emitter = new EventEmitter();
  let current: AgentStatus = { link: 'offline', printers: [], buttons: [] };
  const agent: DeviceAgent = {
    start() {
      current = { ...current, link: 'connecting' };
      emitter.emit('status', current);
    },
    async stop() {
      current = { ...current, link: 'offline' };
      emitter.emit('status', current);
    },
    status: () => current,
    on(event, listener) {
      emitter.on(event, listener);
      return agent;
    },
    off(event, listener) {
      emitter.off(event, listener);
      return agent;
    },
  };
  return agent;
}
