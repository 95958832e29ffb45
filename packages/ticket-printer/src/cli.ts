#!/usr/bin/env node
import { lineWriter } from './cli-output.js';
import { runPrintTestCli } from './print-test-cli.js';

process.exitCode = await runPrintTestCli(process.argv.slice(2), {
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
});
