import type { IncomingMessage } from 'node:http';

export class BodyError extends Error {
  constructor(readonly status: 400 | 413 | 415, readonly code: 'invalid-payload' | 'payload-too-large', message: string) {
    super(message);
    this.name = 'BodyError';
  }
}

/** Reads a small JSON body; a larger one is cut off, not buffered. */
export async function readJsonBody(request: IncomingMessage, limitBytes = 16 * 1024): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new BodyError(415, 'invalid-payload', 'send application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      request.destroy();
      throw new BodyError(413, 'payload-too-large', `body over ${limitBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'invalid-payload', 'body is not valid JSON');
  }
}
