import type { Failure } from '@talon/protocol';
import type { Authorised } from '../auth/permissions.js';

type Handlers = Record<string, (payload: never) => unknown>;

/**
 * Puts a row of the permissions table in front of a namespace's handlers: each command first asks
 * `permitted()` (the one `authorise`, with the person's roles as they are now) and is refused with
 * its answer when not allowed. Commands named in `ownRows` have a row of their own and check it
 * themselves.
 */
export function permittedHandlers<H extends Handlers>(handlers: H, permitted: () => Authorised | Failure, ownRows: readonly (keyof H)[] = []): H {
  const guarded = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      ownRows.includes(name)
        ? handler
        : (payload: never) => {
            const allowed = permitted();
            return allowed.ok ? handler(payload) : allowed;
          },
    ]),
  );
  return guarded as H;
}
