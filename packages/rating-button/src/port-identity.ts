import { lstat, stat } from 'node:fs/promises';

/**
 * Which device node a serial path names right now, or undefined when the path is gone.
 *
 * serialport notices a pulled USB adapter only when the kernel reports an error on the fd; a
 * plain hang-up (a pty whose master went away, some USB-serial drivers) can go unseen and the
 * port looks open forever. Comparing this identity once a second catches a vanished or
 * replaced node: the by-id symlink and the node itself are made anew on replug.
 */
export async function portIdentity(path: string): Promise<string | undefined> {
  try {
    const [link, node] = await Promise.all([lstat(path), stat(path)]);
    return `${link.dev}:${link.ino}:${node.dev}:${node.ino}:${node.rdev}`;
  } catch {
    return undefined;
  }
}
