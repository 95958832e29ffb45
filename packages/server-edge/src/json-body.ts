import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415, readonly code: 'invalid-payload' | 'payload-too-large', message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * Reads a small JSON body. Past the limit the rest is read and dropped, not buffered, so the
 * client still gets its 413 answer instead of a cut connection.
 */
export function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    request.resume();
    return Promise.reject(new BodyError(415, 'invalid-payload', 'send application/json'));
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
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BodyError(400, 'invalid-payload', 'body is not valid JSON'));
      }
    });
  });
}
