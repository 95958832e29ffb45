import { createDeviceAgent, type AgentStatus, type DeviceAgent } from '@talon/device-agent';
import type { IssuedTicket } from '@talon/protocol';
import { decodeEscPos, FakeTcpPrinter } from '@talon/ticket-printer';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { agentOptionsFor } from '../apps/desktop/src/agent-options.js';
import { loadConfigFile, saveConfigFile } from '../apps/desktop/src/config-file.js';
import { probeServer } from '../apps/desktop/src/screen-loader.js';
import { checkSetupDraft } from '../apps/desktop/src/setup-draft.js';
import { screenUrl, type ShellConfig } from '../apps/desktop/src/shell-config.js';
import { command, DEMO_TOKENS, demoConfig, SCREENS_ROOT, startTestOffice, type TestOffice } from '../apps/office-server/src/testing/test-office.js';

// The desktop shell's first run against a real office server: what the installer types into the
// setup form is checked, saved and read back the way the shell does at its next start, and the
// device agent built from it says hello, goes online with the kiosk's printer and prints.
// Electron itself is not here (it cannot be installed on this machine); everything it would
// run in the main process is.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function office(printerUriInOfficeConfig: string): Promise<TestOffice> {
  const started = await startTestOffice({
    config: demoConfig((c) => {
      c.printers = [{ id: 'printer-1', kioskId: 'kiosk-1', agentId: 'agent-1', uri: printerUriInOfficeConfig, profile: 'generic-80mm' }];
    }),
  });
  cleanups.push(() => started.stop());
  return started;
}

/** The installer's first run: the form's strings through the shell's check, save and load. */
async function firstRun(draft: Record<string, string>): Promise<ShellConfig> {
  const folder = await mkdtemp(join(tmpdir(), 'talon-desktop-e2e-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  const checked = checkSetupDraft(draft);
  if (!checked.ok) throw new Error(`setup refused: ${JSON.stringify(checked.issues)}`);
  expect((await saveConfigFile(folder, checked.config)).ok).toBe(true);
  const loaded = await loadConfigFile(folder);
  if (loaded.state !== 'ok') throw new Error(`saved config not read back: ${JSON.stringify(loaded)}`);
  return loaded.config;
}

function agentFrom(config: ShellConfig): DeviceAgent {
  const options = agentOptionsFor(config, { logger: pino({ level: 'silent' }), agentVersion: 'desktop-e2e' });
  if (!options) throw new Error('the config gave no agent');
  const agent = createDeviceAgent(options);
  cleanups.push(() => agent.stop());
  return agent;
}

function statusWhere(agent: DeviceAgent, accept: (status: AgentStatus) => boolean, timeoutMs = 10_000): Promise<AgentStatus> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      agent.off('status', check);
      reject(new Error(`agent status not reached: ${JSON.stringify(agent.status())}`));
    }, timeoutMs);
    const check = (status: AgentStatus) => {
      if (!accept(status)) return;
      clearTimeout(timer);
      agent.off('status', check);
      resolve(status);
    };
    agent.on('status', check);
    check(agent.status());
  });
}

describe('desktop shell: first-run config to a working device agent', () => {
  it('a kiosk set up with its local printer path goes online, prints, and its screen is served', async () => {
    const printer = await FakeTcpPrinter.start({ condition: 'ok' });
    cleanups.push(() => printer.close());
    // The office config names a printer address this PC does not have; the shell's local path wins.
    const server = await office('tcp://127.0.0.1:9');
    const config = await firstRun({
      role: 'kiosk',
      serverUrl: `${server.url}/`,
      screenToken: DEMO_TOKENS.kiosk,
      agentToken: DEMO_TOKENS.agent,
      printers: `printer-1 = ${printer.uri}`,
      buttons: '',
    });
    expect(config.serverUrl).toBe(server.url);

    const agent = agentFrom(config);
    const online = statusWhere(agent, (s) => s.link === 'online' && s.printers[0]?.status === 'ok');
    agent.start();
    expect((await online).printers).toEqual([{ printerId: 'printer-1', kioskId: 'kiosk-1', uri: printer.uri, profile: 'generic-80mm', status: 'ok' }]);

    // The screen token from the same config is the kiosk's: it takes a ticket, the agent prints it.
    const kiosk = await server.connect('/kiosk', { token: config.screenToken });
    const issued = await command<{ ok: true } & IssuedTicket>(kiosk, 'ticket:issue', { serviceId: 'payments' });
    expect(issued.print).toBe('queued');
    const [job] = await printer.waitForJobs(1);
    expect(decodeEscPos(job!).lines.join('\n')).toContain(issued.ticket.number);

    expect(await probeServer(config.serverUrl)).toBe(true);
    if (existsSync(join(SCREENS_ROOT, 'kiosk.html'))) {
      const page = await fetch(screenUrl(config));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    }
  });

  it('an agent token the office does not know shows as refused, and a stopped server as offline', async () => {
    const server = await office('tcp://127.0.0.1:9');
    const config = await firstRun({
      role: 'operator',
      serverUrl: server.url,
      screenToken: '',
      agentToken: 'not-a-token-of-this-office',
      printers: '',
      buttons: '',
    });
    const agent = agentFrom(config);
    const refused = statusWhere(agent, (s) => s.link === 'refused');
    agent.start();
    expect((await refused).refusal).toBeTruthy();

    await server.stop();
    expect(await probeServer(config.serverUrl, 1_000)).toBe(false);
  });
});
