import type { Writable } from 'node:stream';

/**
 * Lines to stdout or stderr, whose reader may go away early: `talon-print-test --decode roll.bin
 * | head`. Once the pipe is closed (EPIPE) the rest is dropped without a word and the command
 * ends with its own exit status; a print already under way is not cut short by it.
 */
export function lineWriter(stream: Writable): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw error;
  });
  return (line) => {
    // A failed write destroys the stream at once but reports EPIPE a tick later.
    if (closed || stream.destroyed) return;
    stream.write(`${line}\n`);
  };
}
