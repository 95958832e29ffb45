import type { OfficeConfig } from '@talon/protocol';
import { createFailureCounter, normaliseLogin } from '@talon/server-edge';

/**
 * Slows password guessing: failures count against the normalised login and against the client
 * address, each in bounded tables, so neither another spelling of the login nor a sweep over many
 * logins gets more guesses or more memory.
 */
export function createLoginThrottle(now: () => number, limits: OfficeConfig['limits']) {
  const windowMs = limits.loginWindowMinutes * 60_000;
  const byLogin = createFailureCounter({ max: limits.loginFailuresPerLogin, windowMs, maxTracked: limits.trackedKeys, now });
  const byAddress = createFailureCounter({ max: limits.loginFailuresPerAddress, windowMs, maxTracked: limits.trackedKeys, now });
  return {
    blocked(login: string, address: string): boolean {
      return byLogin.blocked(normaliseLogin(login)) || byAddress.blocked(address);
    },
    failed(login: string, address: string): void {
      byLogin.fail(normaliseLogin(login));
      byAddress.fail(address);
    },
    succeeded(login: string): void {
      byLogin.clear(normaliseLogin(login));
    },
    get tracked(): number {
      return byLogin.size + byAddress.size;
    },
  };
}
