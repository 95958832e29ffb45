import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPrinterTransport } from './open-printer-transport.js';

const dir = mkdtempSync(join(tmpdir(), 'talon-file-printer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file transport', () => {
  it('appends each write, as a roll keeps every ticket', async () => {
    const path = join(dir, 'roll.bin');
    const roll = openPrinterTransport(`file:${path}`);
    await roll.write(Buffer.from([1, 2]));
    await roll.write(Buffer.from([3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
  });

  it('always reports ok, without status bytes', async () => {
    const roll = openPrinterTransport(`file:${join(dir, 'never-written.bin')}`);
    expect(await roll.status()).toBe('ok');
    expect(await roll.statusReport()).toEqual({ status: 'ok', bytes: null });
  });

  it('rejects with write-failed when the file cannot be written', async () => {
    await expect(openPrinterTransport(`file:${join(dir, 'no-such-dir', 'x.bin')}`).write(Buffer.from([1]))).rejects.toMatchObject({
      name: 'PrinterTransportError',
      code: 'write-failed',
    });
  });
});
