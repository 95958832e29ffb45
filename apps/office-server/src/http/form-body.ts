import { readSmallBody } from '@talon/server-edge';
import type { IncomingMessage } from 'node:http';

/**
 * Reads a small HTML form post (`application/x-www-form-urlencoded`): the ticket page's
 * questionnaire works without a script.
 */
export async function readFormBody(request: IncomingMessage, limitBytes: number): Promise<URLSearchParams> {
  const body = await readSmallBody(request, limitBytes, 'application/x-www-form-urlencoded');
  return new URLSearchParams(body.toString('utf8'));
}
