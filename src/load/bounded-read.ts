/**
 * The one way the tool reads a file a user names: non-blocking (a FIFO would
 * otherwise wait for ever for a writer), a regular file only (not /dev/zero, a
 * pipe or a folder), and never more than a limit, even if the file grows while
 * it is read. Callers word the refusal for their own kind of file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** `size` comes with too-large, `code` (the system's error code) with unreadable. */
export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; problem: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; size?: number; code?: string };

export function readBounded(file: string, limit: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return { ok: false, problem: 'missing' };
    if (code === 'EISDIR') return { ok: false, problem: 'not-a-file' };
    return { ok: false, problem: 'unreadable', code };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: 'not-a-file' };
    if (stat.size > limit) return { ok: false, problem: 'too-large', size: stat.size };
    // One byte more than the limit allows: a file that grew past it while read is caught.
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return { ok: false, problem: 'too-large', size: length };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { ok: false, problem: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    closeSync(fd);
  }
}
