import { dictionary } from '@zxcvbn-ts/language-common';

/** Shorter than this is guessed offline in hours from a stolen config's scrypt hash. */
export const MIN_PASSWORD_LENGTH = 10;
/** The most used passwords of the leaked lists (zxcvbn-ts's common list, most used first). */
const COMMON_COUNT = 10_000;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].slice(0, COMMON_COUNT).map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = 'too-short' | 'common';

/** Why a new password is refused, or undefined when it may be used. Compared in lower case. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (commonPasswords().has(password.toLowerCase())) return 'common';
  return undefined;
}

export const PASSWORD_RULE = `at least ${MIN_PASSWORD_LENGTH} characters and not one of the ${COMMON_COUNT.toLocaleString('en')} most common passwords`;
