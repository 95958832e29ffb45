import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415, readonly code: 'invalid-payload' | 'payload-too-large', message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * Reads a small body of one content type. Past the limit the rest is read and dropped, not
 * buffered, so the client still gets its 413 answer instead of a cut connection.
 */
export function readSmallBody(request: IncomingMessage, limitBytes: number, contentType: string): Promise<Buffer> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith(contentType)) {
    request.resume();
    return Promise.reject(new BodyError(415, 'invalid-payload', `send ${contentType}`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > limitBytes) return reject(new BodyError(413, 'payload-too-large', `body over ${limitBytes} bytes`));
      resolve(Buffer.concat(chunks));
    });
  });
}

/** Reads a small JSON body (see `readSmallBody`); a body that is not JSON is a 400. */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const body = await readSmallBody(request, limitBytes, 'application/json');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new BodyError(400, 'invalid-payload', 'body is not valid JSON');
  }
}
