import { EventEmitter } from 'node:events';
import type { AgentStatus, DeviceAgentOptions } from '@talon/device-agent';
import type { AgentFactory, AgentPort } from '../agent-port.js';

/** A device agent that does nothing but remember how it was made and report what it is told. */
export class FakeAgent extends EventEmitter implements AgentPort {
  started = 0;
  stopped = 0;
  current: AgentStatus = { link: 'connecting', printers: [], buttons: [] };

  constructor(readonly options: DeviceAgentOptions) {
    super();
  }
  start(): void {
    this.started += 1;
  }
  async stop(): Promise<void> {
    this.stopped += 1;
  }
  status(): AgentStatus {
    return this.current;
  }
  report(status: AgentStatus): void {
    this.current = status;
    this.emit('status', status);
  }
}

export function fakeAgentFactory(): { create: AgentFactory; agents: FakeAgent[] } {
  const agents: FakeAgent[] = [];
  return {
    agents,
    create: (options) => {
      const agent = new FakeAgent(options);
      agents.push(agent);
      return agent;
    },
  };
}
