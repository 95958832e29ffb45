import { BodyError } from '@talon/server-edge';
import type { IncomingMessage } from 'node:http';

/**
 * Reads a small HTML form post (`application/x-www-form-urlencoded`): the ticket page's
 * questionnaire works without a script. Past the limit the rest is read and dropped, so the
 * visitor still gets an answer instead of a cut connection.
 */
export function readFormBody(request: IncomingMessage, limitBytes: number): Promise<URLSearchParams> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    request.resume();
    return Promise.reject(new BodyError(415, 'invalid-payload', 'send a form (application/x-www-form-urlencoded)'));
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
      resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    });
  });
}
