import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { agentOptionsFor } from './agent-options.js';
import { checkShellConfig, type ShellConfig } from './shell-config.js';

function config(input: Record<string, unknown>): ShellConfig {
  const checked = checkShellConfig({ serverUrl: 'http://10.0.0.2:8080', ...input });
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.config;
}

describe('agent options from the shell config', () => {
  it('gives a kiosk agent its token, the server and this PC printer path', () => {
    const logger = pino({ level: 'silent' });
    const options = agentOptionsFor(
      config({ role: 'kiosk', screenToken: 'demo-kiosk-1', agentToken: 'demo-agent-1', printerUri: { 'printer-1': '/dev/usb/lp0' } }),
      { logger, agentVersion: 'desktop-1.2.3' },
    );
    expect(options).toEqual({
      serverUrl: 'http://10.0.0.2:8080',
      token: 'demo-agent-1',
      logger,
      agentVersion: 'desktop-1.2.3',
      localPaths: { printerUri: { 'printer-1': '/dev/usb/lp0' } },
    });
  });

  it('passes no local paths when none were set, so the office config paths apply', () => {
    expect(agentOptionsFor(config({ role: 'operator', agentToken: 'agent-desk-1' }))).toEqual({ serverUrl: 'http://10.0.0.2:8080', token: 'agent-desk-1' });
  });

  it('passes button paths alone for a desk', () => {
    expect(agentOptionsFor(config({ role: 'operator', agentToken: 'agent-desk-1', buttonPath: { 'desk-1': 'COM3' } }))?.localPaths).toEqual({
      buttonPath: { 'desk-1': 'COM3' },
    });
  });

  it('runs no agent without an agent token, and never uses the screen token for one', () => {
    expect(agentOptionsFor(config({ role: 'board', screenToken: 'demo-board-1' }))).toBeUndefined();
  });
});
