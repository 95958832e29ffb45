import { checkOfficeConfig, type OfficeConfig } from '@talon/protocol';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { createApplication, type Application, type ApplicationOptions } from '../app.js';
import { systemClock, type Clock } from '../clock.js';
import { silentLogger } from '../logger.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const DEMO_CONFIG_FILE = resolve(here, '../../config/demo-office.json');
export const SCREENS_ROOT = resolve(here, '../../../screens/dist');
/** Every demo account's password. */
export const DEMO_PASSWORD = 'demo';
/** agent is the server's own (embedded) agent in the demo; agent2 is for a desktop shell on a desk or kiosk PC. */
export const DEMO_TOKENS = { kiosk: 'demo-kiosk-1', kiosk2: 'demo-kiosk-2', board: 'demo-board-1', agent: 'demo-agent-1', agent2: 'demo-agent-2' } as const;

export function demoConfig(edit: (config: OfficeConfig) => void = () => {}): OfficeConfig {
  const raw = JSON.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8')) as unknown;
  const check = checkOfficeConfig(raw);
  if (!check.ok) throw new Error(check.problems.join('\n'));
  edit(check.config);
  const again = checkOfficeConfig(check.config);
  if (!again.ok) throw new Error(again.problems.join('\n'));
  return again.config;
}

export interface TestOffice {
  app: Application;
  url: string;
  port: number;
  dataDir: string;
  databaseFile: string;
  /** Logs in over HTTP and returns the session token. */
  login(login: string, password?: string): Promise<string>;
  /**
   * A connected client on a namespace; resolves after the handshake, rejects on connect_error.
   * `from` binds a loopback address (an attacker is 127.0.0.2); `origin` is sent as a browser would.
   */
  connect(namespace: string, auth: Record<string, unknown>, options?: { from?: string; origin?: string }): Promise<Socket>;
  /** Stops the server; keeps the data folder unless `wipe`. */
  stop(options?: { wipe?: boolean }): Promise<void>;
}

/** A real office server on 127.0.0.1, an ephemeral port and a real SQLite file in a temp folder. */
export async function startTestOffice(
  options: Partial<Omit<ApplicationOptions, 'databaseFile' | 'rateLimit'>> & {
    /** Off unless asked (tests send commands as fast as they can); 'config' takes the config's `limits`. */
    rateLimit?: ApplicationOptions['rateLimit'] | 'config';
    dataDir?: string;
    clock?: Clock;
    /** A fixed port, so a test can restart an office where its screens will look for it again. */
    port?: number;
  } = {},
): Promise<TestOffice> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'talon-office-'));
  const databaseFile = join(dataDir, 'talon.db');
  const app = createApplication({
    config: options.config ?? demoConfig(),
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger(),
    ...(options.rateLimit !== 'config' && { rateLimit: options.rateLimit === undefined ? null : options.rateLimit }),
    screensRoot: options.screensRoot ?? SCREENS_ROOT,
    voiceDir: options.voiceDir ?? join(dataDir, 'voice'),
    broadcastIntervals: options.broadcastIntervals ?? { screensMs: 10, dashboardMs: 50 },
    ...(options.saveConfig && { saveConfig: options.saveConfig }),
    ...(options.demoTokens && { demoTokens: options.demoTokens }),
    ...(options.central && { central: options.central }),
    ...(options.sessionLifetimeMs !== undefined && { sessionLifetimeMs: options.sessionLifetimeMs }),
    ...(options.agent && { agent: options.agent }),
    printerFileFolder: options.printerFileFolder ?? dataDir,
    databaseFile,
  });
  const port = await app.listen(options.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];
  return {
    app,
    url,
    port,
    dataDir,
    databaseFile,
    async login(login, password = DEMO_PASSWORD) {
      const response = await fetch(`${url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      const body = (await response.json()) as { ok: boolean; session?: string; message?: string };
      if (!body.ok || !body.session) throw new Error(`login ${login} failed: ${body.message}`);
      return body.session;
    },
    connect(namespace, auth, { from, origin } = {}) {
      const socket = connect(`${url}${namespace}`, {
        auth,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(from && { localAddress: from }),
        ...(origin && { extraHeaders: { origin } }),
      } as Parameters<typeof connect>[1]);
      sockets.push(socket);
      return new Promise((resolvePromise, reject) => {
        socket.once('connect', () => resolvePromise(socket));
        socket.once('connect_error', (error) => reject(error));
      });
    },
    async stop({ wipe = true } = {}) {
      sockets.forEach((s) => s.disconnect());
      await app.close();
      if (wipe) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Emits a command and waits for its ack. */
export function command<T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown = {}, timeoutMs = 5000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** The next `event` the socket receives that satisfies `accept`. */
export function nextEvent<T>(socket: Socket, event: string, accept: (value: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (value: T) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolvePromise(value);
    };
    socket.on(event, listener);
  });
}
