#!/usr/bin/env node
import { readSecret } from '@talon/server-edge';
import { hashPasswordCommand } from './auth/hash-password-command.js';

process.exitCode = await hashPasswordCommand(process.argv.slice(2), () => readSecret('Password (not shown): '), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
