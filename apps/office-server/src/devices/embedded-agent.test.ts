import type { IssuedTicket } from '@talon/protocol';
import { decodeEscPos } from '@talon/ticket-printer';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApplication, type Application } from '../app.js';
import { systemClock } from '../clock.js';
import { loadOfficeConfig } from '../config/load-office-config.js';
import { silentLogger } from '../logger.js';
import { command, DEMO_CONFIG_FILE, DEMO_TOKENS, nextEvent } from '../testing/test-office.js';
import { addDemoPrinter, DEMO_TICKETS_FILE } from './demo-printer.js';
import { loopbackFor } from './embedded-agent.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the device agent embedded in the office server', () => {
  it('prints the demo kiosk tickets into a file in the data folder, with no printer attached', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-embedded-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const configFile = join(dataDir, 'office.json');
    copyFileSync(DEMO_CONFIG_FILE, configFile);
    addDemoPrinter(configFile, dataDir);
    addDemoPrinter(configFile, dataDir);
    const config = loadOfficeConfig(configFile);
    expect(config.printers).toEqual([
      { id: 'printer-kiosk-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: `file:${join(dataDir, DEMO_TICKETS_FILE)}`, profile: 'generic-80mm' },
    ]);

    const app: Application = createApplication({
      config,
      databaseFile: join(dataDir, 'talon.db'),
      clock: systemClock,
      logger: silentLogger(),
      rateLimit: null,
      agent: { token: DEMO_TOKENS.agent },
      // As main.ts does: the demo's file printer may write into the data folder, nowhere else.
      printerFileFolder: dataDir,
    });
    cleanups.push(() => app.close());
    expect(app.agent).toBeUndefined();
    const port = await app.listen(0, '127.0.0.1');
    await vi.waitFor(() => expect(app.context.devices.printerStatus('printer-kiosk-1')).toBe('ok'), { timeout: 5_000 });
    expect(app.agent?.status().link).toBe('online');

    const kiosk: Socket = io(`http://127.0.0.1:${port}/kiosk`, { auth: { token: DEMO_TOKENS.kiosk }, transports: ['websocket'], reconnection: false });
    cleanups.push(() => kiosk.disconnect());
    const printed = nextEvent<{ printed: boolean }>(kiosk, 'print:result');
    const issued = await command<{ ok: true } & IssuedTicket>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued.print).toBe('queued');
    expect(await printed).toMatchObject({ ticketId: issued.ticket.id, printed: true, status: 'ok' });
    const text = decodeEscPos(readFileSync(join(dataDir, DEMO_TICKETS_FILE))).lines.join('\n');
    expect(text).toContain(issued.ticket.number);
    expect(text).toContain(config.services.find((s) => s.id === 'payments')!.name);

    // An administrator moves the printer: the server's own agent reopens it at once, no restart.
    const moved = join(dataDir, 'moved-tickets.bin');
    app.context.applyConfig({ ...app.context.directory.config, printers: [{ ...config.printers[0]!, uri: `file:${moved}` }] });
    await vi.waitFor(() => expect(app.agent?.status().printers[0]?.uri).toBe(`file:${moved}`), { timeout: 5_000 });
    await vi.waitFor(() => expect(app.context.devices.printerStatus('printer-kiosk-1')).toBe('ok'), { timeout: 5_000 });
    const printedAgain = nextEvent<{ printed: boolean }>(kiosk, 'print:result');
    const second = await command<{ ok: true } & IssuedTicket>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(await printedAgain).toMatchObject({ ticketId: second.ticket.id, printed: true });
    expect(decodeEscPos(readFileSync(moved)).lines.join('\n')).toContain(second.ticket.number);

    await app.close();
    expect(app.agent?.status().link).toBe('offline');
  });

  it('leaves an administrator\'s printers alone', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'talon-embedded-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const configFile = join(dataDir, 'office.json');
    copyFileSync(DEMO_CONFIG_FILE, configFile);
    addDemoPrinter(configFile, dataDir);
    const edited = readFileSync(configFile, 'utf8').replace(/"file:[^"]*"/, '"tcp://10.0.0.9:9100"');
    writeFileSync(configFile, edited);
    addDemoPrinter(configFile, dataDir);
    expect(loadOfficeConfig(configFile).printers.map((p) => p.uri)).toEqual(['tcp://10.0.0.9:9100']);
    expect(existsSync(join(dataDir, DEMO_TICKETS_FILE))).toBe(false);
  });

  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['::', '[::1]'],
    ['127.0.0.1', '127.0.0.1'],
    ['192.168.1.10', '192.168.1.10'],
    ['fe80::1', '[fe80::1]'],
  ])('reaches a server listening on %j at %s', (host, expected) => {
    expect(loopbackFor(host)).toBe(expected);
  });
});
