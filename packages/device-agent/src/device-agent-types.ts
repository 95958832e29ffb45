import type { PrinterHealth } from '@talon/protocol';
import type { Logger } from 'pino';

export interface DeviceAgentOptions {
  /** e.g. http://127.0.0.1:8080 (the agent connects to `${serverUrl}/device`). */
  serverUrl: string;
  /** The agent's device token. */
  token: string;
  logger?: Logger;
  agentVersion?: string;
  /** Local overrides when the PC's device paths differ from the office config. */
  localPaths?: { printerUri?: Record<string, string>; buttonPath?: Record<string, string> };
  /** The one folder a `file:` printer from the office config may write into (the server's own agent, demo). */
  printerFileFolder?: string;
}

export type AgentLink = 'connecting' | 'online' | 'offline' | 'refused';

export interface AgentPrinterStatus {
  printerId: string;
  kioskId: string;
  uri: string;
  /** The printer profile its tickets are laid out for (paper width, code page, cutter). */
  profile: string;
  status: PrinterHealth;
}

export interface AgentButtonStatus {
  deskId: string;
  path: string;
  /** The id the unit must send from; frames from another id are neither acked nor counted. */
  deviceId: number;
  online: boolean;
}

export interface AgentStatus {
  link: AgentLink;
  refusal?: string;
  printers: AgentPrinterStatus[];
  buttons: AgentButtonStatus[];
}

export interface DeviceAgent {
  start(): void;
  stop(): Promise<void>;
  status(): AgentStatus;
  on(event: 'status', listener: (status: AgentStatus) => void): this;
  off(event: 'status', listener: (status: AgentStatus) => void): this;
}
