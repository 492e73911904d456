/**
 * The few kinds of failure. main.ts alone turns them into exit codes:
 * a UsageError is the user's to fix (message, no stack, exit 2); an ExitCode
 * carries a result that has already been printed; anything else is a bug.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** A mistake in how the tool was called, as data: render/messages.ts words it. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** The command has printed its result; the process should end with `code`. */
export class ExitCode {
  constructor(readonly code: number) {}
}

/** Errors of the file system that are the user's situation (a full disk, a read-only folder, no permission). */
const USER_FS_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EMFILE', 'ENFILE', 'EIO', 'ENOENT']);

/** The one mapping of such an error to a UsageError (exit 2); undefined for anything else. */
export function fsUsageError(e: unknown): UsageError | undefined {
  const err = e as (NodeJS.ErrnoException & { dest?: string }) | null;
  if (!err || typeof err.code !== 'string' || typeof err.syscall !== 'string' || !USER_FS_ERRORS.has(err.code)) return undefined;
  const writing = /write|open|rename|link|mkdir|unlink|fsync|chmod|close|ftruncate|copyfile|symlink/.test(err.syscall) && err.syscall !== 'scandir';
  return new UsageError('fs-error', { op: writing ? 'write' : 'read', path: err.path ?? err.dest ?? '?', code: err.code });
}
