#!/usr/bin/env node
import { readSecret } from '@talon/server-edge';
import { hashKeyCommand } from './hash-key-command.js';

process.exitCode = await hashKeyCommand(process.argv.slice(2), () => readSecret('Key (not shown): '), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
