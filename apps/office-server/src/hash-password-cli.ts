#!/usr/bin/env node
import { hashPassword } from '@talon/server-edge';

/** Prints a scrypt hash for an operator's `passwordHash` in the office config. */
const password = process.argv[2];
if (!password) {
  process.stderr.write('Usage: npm run hash-password -- <password>\n');
  process.exit(2);
}
process.stdout.write(`${await hashPassword(password)}\n`);
