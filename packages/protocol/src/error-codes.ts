import { QUEUE_ERROR_CODES } from '@talon/domain';

/** Errors of the wire itself, before or beside the queue rules. */
export const WIRE_ERROR_CODES = [
  'invalid-payload',
  'payload-too-large',
  'rate-limited',
  'unauthorized',
  'forbidden',
  'not-found',
  'invalid-config',
  'internal',
] as const;

/** The closed set of codes any ack may carry. */
export const ERROR_CODES = [...WIRE_ERROR_CODES, ...QUEUE_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** For people and logs; never a stack trace. */
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | Failure;
export type AckCallback<T extends object = object> = (result: Ack<T>) => void;
