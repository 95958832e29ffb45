import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetPathOf, serveBuiltFile } from './built-files.js';

describe('serveBuiltFile', () => {
  let folder: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'talon-built-'));
    const root = join(folder, 'build');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'kiosk.html'), '<!doctype html><title>Киоск</title>');
    writeFileSync(join(root, 'assets', 'kiosk-3f2a.js'), 'export {};');
    writeFileSync(join(folder, 'secret.txt'), 'not for the hall');
    // The request path goes through as given (no URL normalising), as a hostile client could send it.
    server = createServer((request, response) => {
      const path = request.url!;
      const relative = path === '/kiosk' ? 'kiosk.html' : (assetPathOf(path) ?? path.slice(1));
      if (!serveBuiltFile(root, relative, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(folder, { recursive: true, force: true });
  });

  /** A raw request line, so `..` reaches the server unresolved. */
  const get = async (path: string) => {
    const { request } = await import('node:http');
    return new Promise<{ status: number; type?: string; cache?: string; body: string }>((resolve, reject) => {
      const [host, port] = base.split(':');
      request({ host, port: Number(port), path, method: 'GET' }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, type: response.headers['content-type'], cache: response.headers['cache-control'], body }),
        );
      })
        .on('error', reject)
        .end();
    });
  };

  it('serves a page, revalidated on every load', async () => {
    expect(await get('/kiosk')).toEqual({ status: 200, type: 'text/html; charset=utf-8', cache: 'no-cache', body: '<!doctype html><title>Киоск</title>' });
  });

  it('serves hashed assets cached for a year', async () => {
    expect(await get('/assets/kiosk-3f2a.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', cache: 'public, max-age=31536000, immutable' });
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/assets', '/assets/missing.js', '/'])('refuses %s', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});
