import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineWriter } from './cli-output.js';

/** A pipe whose reader leaves after `keep` lines, as `head -n keep` does. */
function pipeToHead(keep: number) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (lines.length >= keep) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }));
        return;
      }
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, lines };
}

describe('the CLI writing into a pipe closed early', () => {
  it('stops writing quietly at EPIPE instead of throwing', async () => {
    const head = pipeToHead(2);
    const out = lineWriter(head.stream);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      for (let i = 1; i <= 50; i += 1) out(`line ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      out('after the reader left');
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
    expect(head.lines).toEqual(['line 1\n', 'line 2\n']);
    expect(head.stream.listenerCount('error')).toBe(1);
  });

  it('writes every line while the reader stays', () => {
    const head = pipeToHead(Infinity);
    const out = lineWriter(head.stream);
    out('Талон A001');
    out('[QR http://talon.example/t/t_1]');
    expect(head.lines).toEqual(['Талон A001\n', '[QR http://talon.example/t/t_1]\n']);
  });
});
