export type { DeviceAgentOptions, AgentLink, AgentStatus, AgentPrinterStatus, AgentButtonStatus, DeviceAgent } from './device-agent-types.js';
export { createDeviceAgent } from './device-agent.js';
export type { DeviceAgentTimings } from './device-agent.js';
export type { DeviceHardware, PrinterHandle, ButtonDriver } from './device-hardware.js';
