#!/usr/bin/env node
import { runPrintTestCli } from './print-test-cli.js';

process.exitCode = await runPrintTestCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
