import { randomBytes } from 'node:crypto';
import { hashSecret } from './config/secret-hash.js';
import { DEMO_SECRETS } from './config/demo-credentials.js';

/** Shorter keys are guessed; the generated ones are 32 characters. */
export const MIN_KEY_LENGTH = 16;

const USAGE =
  'Usage: hash-key-cli.js            a new office key (or report token) and its hash\n' +
  '       hash-key-cli.js --given    the hash of a key you have: typed at a hidden prompt, or piped:\n' +
  '                                  printf %s "$KEY" | node apps/booking-service/dist/hash-key-cli.js --given\n';

/**
 * `hash-key-cli.js`: prints a new office key (or report token) and the hash that goes into
 * central.json; with `--given`, the hash of a key read at a hidden prompt or from stdin. A key is
 * never taken from the command line, where `ps` and the shell history would keep it. Answers the
 * exit code.
 */
export async function hashKeyCommand(
  args: readonly string[],
  readKey: () => Promise<string>,
  io: { out: (text: string) => void; err: (text: string) => void },
  newKey: () => string = () => randomBytes(24).toString('base64url'),
): Promise<number> {
  if (args.length === 0) {
    const key = newKey();
    io.out(`key:  ${key}\nhash: ${hashSecret(key)}\n`);
    return 0;
  }
  if (args.length !== 1 || args[0] !== '--given') {
    io.err(`hash-key takes no key on the command line: it is seen in \`ps\` and kept in the shell history.\n${USAGE}`);
    return 2;
  }
  const key = await readKey();
  if ([...key].length < MIN_KEY_LENGTH) {
    io.err(`Refused: a key needs at least ${MIN_KEY_LENGTH} characters.\n`);
    return 1;
  }
  if (key === DEMO_SECRETS.officeKey || key === DEMO_SECRETS.reportToken) {
    io.err('Refused: that is the demo\'s key, public in the README; a real central refuses to start with it.\n');
    return 1;
  }
  io.out(`hash: ${hashSecret(key)}\n`);
  return 0;
}
