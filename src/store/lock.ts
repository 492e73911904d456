/**
 * An exclusive lock on one file, so that two writers of the same file take
 * turns: each reads the file only once it holds the lock.
 *
 * The lock is `.<name>.lock` beside the file. It is created complete and at
 * once: its content (pid, process start time, boot id, host, a random token)
 * is written to a temporary file that is then hard-linked to the lock name,
 * which fails if a lock is there. So a lock is never seen empty or half
 * written by this tool.
 *
 * Staleness (README, Reliability): a lock is stale when its host is this one
 * and the boot id differs (the machine restarted), or its process is not
 * alive, or a process of that pid is alive but started at another time (the
 * pid was reused, e.g. PID 1 in a new container); or when the lock cannot be
 * parsed (empty, a bare pid, foreign text, a symlink) and is older than
 * GRACE_MS. A lock of another host is never judged stale: we cannot see its
 * processes; it times out with a message naming the holder.
 *
 * Takeover is atomic with respect to other waiters and to the release: only
 * the holder of `.<name>.lock.takeover` (a short mutex, itself a lock of the
 * same kind) may remove a stale lock; it reads the lock again, renames it to
 * a unique name and checks that what it renamed carries the token it judged
 * stale (else it puts it back). A release renames the lock away and removes
 * it only if it carries the releaser's own token. The writer checks its token
 * once more just before it renames its new file into place.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, unlinkSync, fstatSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createExclusive, isAlive, tempName, testDelay } from './write.js';

/** How long an unreadable lock is left alone: longer than any writer takes to create one. */
export const GRACE_MS = 2000;

export class LockTimeout extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(lockFile);
  }
}

/** The lock was taken from this writer (it was judged stale, or removed by hand): nothing more is written. */
export class LockLost extends Error {
  constructor(readonly lockFile: string) {
    super(lockFile);
  }
}

export interface HeldLock {
  lockFile: string;
  token: string;
  /** Throws LockLost unless the lock file still carries this holder's token. */
  assertHeld: () => void;
}

interface LockInfo {
  pid: number;
  start?: string;
  boot?: string;
  host: string;
  token: string;
}

export async function withLock<T>(file: string, work: (held: HeldLock) => Promise<T>, timeoutMs = 5000): Promise<T> {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, `.${basename(file)}.lock`);
  let token: string;
  try {
    token = await acquire(lockFile, timeoutMs);
  } catch (e) {
    // A full disk or a read-only folder shows first here: name the file, not the lock's temporary file.
    const err = e as NodeJS.ErrnoException;
    if (typeof err.code === 'string' && (err.path === undefined || err.path.startsWith(dir))) err.path = file;
    throw e;
  }
  const held: HeldLock = {
    lockFile,
    token,
    assertHeld: () => {
      if (readInfo(lockFile)?.token !== token) throw new LockLost(lockFile);
    },
  };
  let result: T;
  try {
    result = await work(held);
  } catch (e) {
    release(lockFile, token);
    throw e;
  }
  if (!release(lockFile, token)) throw new LockLost(lockFile);
  return result;
}

async function acquire(lockFile: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const token = tryCreate(lockFile);
    if (token) return token;
    const seen = examine(lockFile);
    if (seen === 'gone') continue;
    if (Date.now() > deadline && !seen.stale) throw new LockTimeout(lockFile, holderOf(seen.info));
    if (Date.now() > deadline + timeoutMs) throw new LockTimeout(lockFile, holderOf(seen.info));
    if (seen.stale) {
      await takeOver(lockFile, seen.content);
      continue;
    }
    await sleep(5 + Math.min(95, attempt * 5) * Math.random());
  }
}

function holderOf(info: LockInfo | undefined): string {
  return info ? `${info.pid}${info.host === hostname() ? '' : `@${info.host}`}` : '?';
}

/** Creates the lock complete and at once; its token, or undefined when a lock is there. */
function tryCreate(lockFile: string): string | undefined {
  const token = randomBytes(16).toString('hex');
  const info: LockInfo = { pid: process.pid, host: hostname(), token };
  const start = processStart(process.pid);
  if (start !== undefined) info.start = start;
  const boot = bootId();
  if (boot !== undefined) info.boot = boot;
  const tmp = tempName(dirname(lockFile), basename(lockFile));
  // Not synced: after a power cut the boot id differs and the lock is stale anyway.
  createExclusive(tmp, `${JSON.stringify(info)}\n`, 0o644, false);
  try {
    testDelay();
    linkSync(tmp, lockFile);
    return token;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  } finally {
    unlinkSync(tmp);
  }
}

type Seen = 'gone' | { stale: boolean; content: string; info: LockInfo | undefined };

function examine(lockFile: string, now = Date.now()): Seen {
  const read = readRaw(lockFile);
  if (read === undefined) return 'gone';
  testDelay();
  const info = parse(read.content);
  return { stale: isStale(info, read.mtimeMs, now), content: read.content, info };
}

export function isStale(info: LockInfo | undefined, mtimeMs: number, now: number): boolean {
  if (!info) return now - mtimeMs > GRACE_MS;
  if (info.host !== hostname()) return false;
  const boot = bootId();
  if (info.boot !== undefined && boot !== undefined && info.boot !== boot) return true;
  if (!isAlive(info.pid)) return true;
  if (info.start !== undefined) {
    const start = processStart(info.pid);
    if (start !== undefined && start !== info.start) return true;
  }
  return false;
}

/** Removes a stale lock whose content was `content`, under the takeover mutex. */
async function takeOver(lockFile: string, content: string): Promise<void> {
  const mutex = `${lockFile}.takeover`;
  const token = tryCreate(mutex);
  if (!token) {
    const seen = examine(mutex);
    // A taker that died inside its few steps leaves the mutex; it is broken the same way.
    if (seen !== 'gone' && seen.stale) removeIfUnchanged(mutex, seen.content);
    else await sleep(2 + 8 * Math.random());
    return;
  }
  try {
    removeIfUnchanged(lockFile, content);
  } finally {
    release(mutex, token);
  }
}

/** Renames `path` away and deletes it if it is the one examined; else puts it back. */
function removeIfUnchanged(path: string, content: string): void {
  const aside = tempName(dirname(path), basename(path));
  testDelay();
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  testDelay();
  const got = readRaw(aside);
  if (got !== undefined && got.content !== content) restore(aside, path);
  unlinkQuietly(aside);
}

/** Releases the lock if it is still ours; false when it was not (it is put back untouched). */
function release(lockFile: string, token: string): boolean {
  const aside = tempName(dirname(lockFile), basename(lockFile));
  testDelay();
  try {
    renameSync(lockFile, aside);
  } catch {
    return false;
  }
  const mine = parse(readRaw(aside)?.content ?? '')?.token === token;
  if (!mine) restore(aside, lockFile);
  unlinkQuietly(aside);
  return mine;
}

/** Puts a lock that was moved by mistake back, unless a new one is there already. */
function restore(aside: string, path: string): void {
  try {
    linkSync(aside, path);
  } catch {
    // A new lock was created meanwhile; the holder of the moved one finds out at its next check.
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** The lock's text and age, never through a symlink (a link is read as unparseable). */
function readRaw(path: string): { content: string; mtimeMs: number } | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    try {
      return { content: '', mtimeMs: lstatSync(path).mtimeMs };
    } catch {
      return undefined;
    }
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { content: '', mtimeMs: st.mtimeMs };
    const buffer = Buffer.alloc(Math.min(st.size, 4096));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return { content: buffer.subarray(0, n).toString('utf8'), mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

function readInfo(path: string): LockInfo | undefined {
  return parse(readRaw(path)?.content ?? '');
}

function parse(content: string): LockInfo | undefined {
  try {
    const v = JSON.parse(content) as Partial<LockInfo> | null;
    if (!v || typeof v !== 'object' || !Number.isInteger(v.pid) || typeof v.token !== 'string' || typeof v.host !== 'string') return undefined;
    return {
      pid: v.pid!,
      host: v.host,
      token: v.token,
      ...(typeof v.start === 'string' && { start: v.start }),
      ...(typeof v.boot === 'string' && { boot: v.boot }),
    };
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux). */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

let cachedBoot: string | null | undefined;
function bootId(): string | undefined {
  if (cachedBoot === undefined) {
    try {
      cachedBoot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
    } catch {
      cachedBoot = null;
    }
  }
  return cachedBoot ?? undefined;
}
