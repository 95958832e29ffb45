import { createDeviceAgent, type AgentStatus, type DeviceAgentOptions } from '@talon/device-agent';

/** The part of the device agent the shell uses; tests hand in a fake. */
export interface AgentPort {
  start(): void;
  stop(): Promise<void>;
  status(): AgentStatus;
  on(event: 'status', listener: (status: AgentStatus) => void): unknown;
  off(event: 'status', listener: (status: AgentStatus) => void): unknown;
}

export type AgentFactory = (options: DeviceAgentOptions) => AgentPort;

export const createAgent: AgentFactory = (options) => createDeviceAgent(options);
