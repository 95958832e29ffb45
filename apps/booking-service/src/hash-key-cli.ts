#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { hashSecret } from './config/secret-hash.js';

// Prints a new office key (or report token) and the hash that goes into central.json.
const key = process.argv[2] ?? randomBytes(24).toString('base64url');
if (key.length < 16) {
  process.stderr.write('a key needs at least 16 characters\n');
  process.exit(2);
}
process.stdout.write(`key:  ${key}\nhash: ${hashSecret(key)}\n`);
