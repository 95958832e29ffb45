import type { z } from 'zod';
import type { AckCallback } from './error-codes.js';

/** A namespace's commands: event name -> payload schema. Results are typed separately. */
export type CommandSchemas = Record<string, z.ZodType>;

/** The Socket.IO client->server event map for a set of commands: payload, then an ack. */
export type CommandEvents<C extends CommandSchemas, R extends { [K in keyof C]: object }> = {
  [K in keyof C & string]: (payload: z.input<C[K]>, ack: AckCallback<R[K]>) => void;
};
