import { describe, expect, it } from 'vitest';
import { askRealTimeStatus, IncomingBytes, type StatusLink } from './real-time-status.js';

/** A link whose far end answers each question from a script, optionally late or with noise. */
function scriptedLink(answer: (n: number) => number[] | undefined, delayMs = 0) {
  const incoming = new IncomingBytes();
  const asked: number[][] = [];
  const link: StatusLink = {
    send: async (bytes) => {
      asked.push([...bytes]);
      const reply = answer(bytes[2]!);
      if (reply) setTimeout(() => incoming.push(Uint8Array.from(reply)), delayMs);
    },
    discardInput: () => incoming.discard(),
    nextByte: (timeoutMs) => incoming.next(timeoutMs),
  };
  return { link, asked, incoming };
}

describe('askRealTimeStatus', () => {
  it('asks DLE EOT 1, 2 and 4, in that order, and reads one answer each', async () => {
    const { link, asked } = scriptedLink((n) => [{ 1: 0x12, 2: 0x12, 4: 0x1e }[n]!]);
    expect(await askRealTimeStatus(link, 200)).toEqual({
      status: 'paper-near-end',
      bytes: { printer: 0x12, offlineCause: 0x12, paperSensor: 0x1e },
    });
    expect(asked).toEqual([
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 4],
    ]);
  });

  it('is offline when a question goes unanswered, and asks nothing more', async () => {
    const { link, asked } = scriptedLink(() => undefined);
    const started = Date.now();
    expect(await askRealTimeStatus(link, 150)).toEqual({ status: 'offline', bytes: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(asked).toHaveLength(1);
  });

  it('is offline when only the later questions go unanswered', async () => {
    const { link } = scriptedLink((n) => (n === 1 ? [0x12] : undefined));
    expect((await askRealTimeStatus(link, 100)).status).toBe('offline');
  });

  it('skips XON and XOFF from a serial printer', async () => {
    const { link } = scriptedLink((n) => (n === 2 ? [0x13, 0x11, 0x16] : [0x12]));
    expect((await askRealTimeStatus(link, 200)).status).toBe('cover-open');
  });

  it('does not take a late answer to an earlier question for the next one', async () => {
    const { link, incoming } = scriptedLink((n) => [n === 4 ? 0x7e : 0x12]);
    incoming.push(Uint8Array.of(0x7e, 0x7e));
    expect((await askRealTimeStatus(link, 200)).bytes).toEqual({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x7e });
  });

  it('waits for an answer that takes a while', async () => {
    const { link } = scriptedLink(() => [0x12], 50);
    expect((await askRealTimeStatus(link, 500)).status).toBe('ok');
  });
});

describe('IncomingBytes', () => {
  it('hands out bytes in order, then waits, then gives up', async () => {
    const incoming = new IncomingBytes();
    incoming.push(Uint8Array.of(1, 2));
    expect(await incoming.next(10)).toBe(1);
    expect(await incoming.next(10)).toBe(2);
    const waiting = incoming.next(1_000);
    incoming.push(Uint8Array.of(3));
    expect(await waiting).toBe(3);
    expect(await incoming.next(20)).toBeUndefined();
  });

  it('ends a wait at once when the link closes', async () => {
    const incoming = new IncomingBytes();
    const waiting = incoming.next(5_000);
    incoming.end();
    expect(await waiting).toBeUndefined();
  });
});
