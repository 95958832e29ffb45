import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyError, readJsonBody } from './json-body.js';

/** A real HTTP server on loopback that answers with what readJsonBody made of the request. */
async function echoServer(limitBytes: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    readJsonBody(request, limitBytes).then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ body })),
      (error: unknown) => {
        const e = error as BodyError;
        response.writeHead(e.status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: e.code }));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('readJsonBody', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  const post = async (limit: number, body: string | Buffer, type = 'application/json; charset=utf-8') => {
    const echo = await echoServer(limit);
    server = echo.server;
    const response = await fetch(echo.url, { method: 'POST', headers: { 'content-type': type }, body });
    return { status: response.status, json: (await response.json()) as unknown };
  };

  it.each([
    ['a small JSON body', '{"login":"ivanova"}', 'application/json', 200, { body: { login: 'ivanova' } }],
    ['a Cyrillic name, decoded as UTF-8', JSON.stringify({ name: 'Смирнова' }), 'application/json', 200, { body: { name: 'Смирнова' } }],
    ['not JSON', '{"login":', 'application/json', 400, { code: 'invalid-payload' }],
    ['a form post', 'login=ivanova', 'application/x-www-form-urlencoded', 415, { code: 'invalid-payload' }],
  ])('%s', async (_, body, type, status, json) => {
    expect(await post(1024, body, type)).toEqual({ status, json });
  });

  it('answers a body past the limit with 413 after reading it, so the client hears the answer', async () => {
    // 2 MB against a 1 KB limit: the connection must stay up long enough for the 413 to arrive.
    expect(await post(1024, Buffer.alloc(2 * 1024 * 1024, 0x20))).toEqual({ status: 413, json: { code: 'payload-too-large' } });
    expect(await post(1024, `"${'x'.repeat(1022)}"`)).toEqual({ status: 200, json: { body: 'x'.repeat(1022) } });
    expect(await post(1024, `"${'x'.repeat(1023)}"`)).toEqual({ status: 413, json: { code: 'payload-too-large' } });
  });
});
