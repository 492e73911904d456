/**
 * The one way the tool writes a file. A reader sees the old content or the
 * new, never half; nothing is written outside the target's folder; a planted
 * symlink is never followed.
 *
 * - The temporary file is created in the target's folder with O_CREAT|O_EXCL|
 *   O_NOFOLLOW under a name nobody can predict (pid + 64 random bits), so a
 *   link planted at that name makes the open fail instead of redirecting it.
 * - It is flushed (fsync), renamed over the target (rename replaces a symlink
 *   at the target, it never writes through it), and the folder is synced.
 * - Temporary files left by a killed writer are removed by the next writer of
 *   the folder: only names of the tool's own pattern, and only when their
 *   process is gone or they are older than any write takes.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.<name>.plan-<pid>-<16 hex>.tmp`: the tool's own temporary files (for writes and locks). */
const TEMP = /^\..*\.plan-(\d{1,10})-[0-9a-f]{16}\.tmp$/;
/** A temporary file older than this is abandoned whoever's it is: a write takes milliseconds. */
const ABANDONED_MS = 10 * 60 * 1000;

export function tempName(dir: string, name: string): string {
  return join(dir, `.${name}.plan-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
}

/**
 * Test-only (documented in README, Reliability): PLAN_LEDGER_TEST_DELAYS=<ms>
 * makes the lock and the writer sleep up to that many milliseconds, at random,
 * between their steps, so that tests can widen every race window.
 */
// Read when first needed, not when the module is loaded: the startup snapshot loads it at build time.
let sleeper: { ms: number; on: Int32Array } | null | undefined;
/** Test-only, beside it: PLAN_LEDGER_TEST_KILL_AT=<n> kills the process (SIGKILL) at its n-th such step. */
let killAt: number | undefined;
let steps = 0;
export function testDelay(): void {
  killAt ??= Math.max(0, Math.floor(Number(process.env.PLAN_LEDGER_TEST_KILL_AT) || 0));
  if (killAt > 0 && ++steps === killAt) process.kill(process.pid, 'SIGKILL');
  if (sleeper === undefined) {
    const ms = Math.min(2000, Math.max(0, Number(process.env.PLAN_LEDGER_TEST_DELAYS) || 0));
    sleeper = ms > 0 ? { ms, on: new Int32Array(new SharedArrayBuffer(4)) } : null;
  }
  if (sleeper) Atomics.wait(sleeper.on, 0, 0, Math.floor(Math.random() * sleeper.ms));
}

/** Creates `file` exclusively, never through a link, with `text`, flushed to disk unless `sync` is false. */
export function createExclusive(file: string, text: string | Uint8Array, mode = 0o644, sync = true): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    testDelay();
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    if (sync) fsyncSync(fd);
  } catch (e) {
    // A full disk: the half-written file is ours (we created it), so it goes.
    closeSync(fd);
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
    throw e;
  }
  closeSync(fd);
}

export interface WriteOptions {
  /** Called just before the rename: a writer under a lock checks it still holds it. */
  beforeCommit?: () => void;
}

/**
 * Writes a file so that a reader sees the old content or the new, never half.
 * The folder is created when missing; an existing target keeps its permissions.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, options: WriteOptions = {}): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  cleanStaleTemps(dir);
  let mode = 0o644;
  try {
    const st = lstatSync(file);
    if (st.isFile()) mode = st.mode & 0o777;
  } catch {
    // A new file.
  }
  const tmp = tempName(dir, basename(file));
  try {
    createExclusive(tmp, text, mode);
    try {
      // The umask may have narrowed the mode the file was created with.
      const fd = openSync(tmp, constants.O_RDONLY | constants.O_NOFOLLOW);
      try {
        fchmodSync(fd, mode);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Keeping the mode is a courtesy; the content is what matters.
    }
    testDelay();
    options.beforeCommit?.();
    renameSync(tmp, file);
    testDelay();
    syncFolder(dir);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file may never have been created, or was renamed.
    }
    // The message names the file the user asked for, not our temporary one.
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code === 'string' && (err.path === undefined || err.path === tmp)) err.path = file;
    throw e;
  }
}

/** After a rename, the folder entry itself must reach the disk for the new file to survive a power cut. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot sync a folder; the rename has happened all the same.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes the tool's own temporary files in `dir` whose writer is gone. */
export function cleanStaleTemps(dir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (!st.isFile() && !st.isSymbolicLink()) continue;
      const pid = Number(m[1]);
      if (pid === process.pid && now - st.mtimeMs < ABANDONED_MS) continue;
      if (isAlive(pid) && now - st.mtimeMs < ABANDONED_MS) continue;
      unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
