import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { checkOfficeConfig, type OfficeConfig } from '@talon/protocol';

export class OfficeConfigError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`Office config ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'OfficeConfigError';
  }
}

export function loadOfficeConfig(file: string): OfficeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new OfficeConfigError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new OfficeConfigError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const check = checkOfficeConfig(value);
  if (!check.ok) throw new OfficeConfigError(file, check.problems);
  return check.config;
}

/** Write-then-rename, so a power cut never leaves half a config file. */
export function saveOfficeConfig(file: string, config: OfficeConfig): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}
