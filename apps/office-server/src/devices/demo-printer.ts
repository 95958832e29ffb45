import type { OfficeConfig } from '@talon/protocol';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEMO_TICKETS_FILE = 'kiosk-1-tickets.bin';

/**
 * A printer for the demo that works on any machine: kiosk 1's tickets are appended as ESC/POS
 * bytes to a file in the data folder, printed by the embedded agent. Added when the demo config
 * is first copied, so an administrator can change or remove it like any printer.
 */
export function addDemoPrinter(configFile: string, dataDir: string): void {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as OfficeConfig;
  if ((config.printers ?? []).length > 0) return;
  config.printers = [
    { id: 'printer-kiosk-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: `file:${resolve(dataDir, DEMO_TICKETS_FILE)}`, profile: 'generic-80mm' },
  ];
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
}
