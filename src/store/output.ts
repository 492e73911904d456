/** Reports, documents and forms the tool hands out: written whole or not at all. */
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from './write.js';

/**
 * Writes one output file atomically. A path that is a folder, or a place the
 * user may not write, is the user's to fix (exit 2 with the reason), not a bug.
 */
export function writeOutput(file: string, data: string | Uint8Array): void {
  let isFolder = false;
  try {
    isFolder = statSync(file).isDirectory();
  } catch {
    // Not there yet: it is written below.
  }
  if (isFolder) throw new UsageError('cannot-write', { file, reason: 'EISDIR' });
  try {
    writeFileAtomic(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (code && ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENOSPC', 'EEXIST', 'ENAMETOOLONG'].includes(code)) throw new UsageError('cannot-write', { file, reason: code });
    throw e;
  }
}
