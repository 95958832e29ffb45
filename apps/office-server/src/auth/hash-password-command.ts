import { hashPassword } from '@talon/server-edge';
import { passwordProblem, PASSWORD_RULE } from './password-policy.js';

/**
 * `npm run hash-password`: prints a scrypt hash for an operator's `passwordHash` in the office
 * config. The password is typed at a hidden prompt, or piped on stdin
 * (`printf %s "$P" | npm run -s hash-password`); never taken from the command line, where `ps`
 * and the shell history would keep it. Returns the exit code.
 */
export async function hashPasswordCommand(
  args: readonly string[],
  readPassword: () => Promise<string>,
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  if (args.length > 0) {
    io.err(
      'hash-password takes no arguments: a password on the command line is seen in `ps` and kept in the shell history.\n' +
        'Run `npm run hash-password` and type it at the prompt, or pipe it: printf %s "$PASSWORD" | npm run -s hash-password\n',
    );
    return 2;
  }
  const password = await readPassword();
  const problem = password === '' ? 'empty' : passwordProblem(password);
  if (problem) {
    io.err(`Refused (${problem}): a password must be ${PASSWORD_RULE}.\n`);
    return 1;
  }
  io.out(`${await hashPassword(password)}\n`);
  return 0;
}
