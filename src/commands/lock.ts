/**
 * An exclusive lock on one file, so that two `plan update` runs on the same
 * unit take turns: each reads the file only once it holds the lock.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export class LockTimeout extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: string,
  ) {
    super(lockFile);
  }
}

export async function withLock<T>(file: string, work: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const lock = join(dirname(file), `.${basename(file)}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(lock);
      // A lock left by a process that has died is taken over, not waited for.
      if (holder !== undefined && !isAlive(holder)) {
        try {
          unlinkSync(lock);
        } catch {
          // Another waiter removed it first.
        }
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeout(lock, holder === undefined ? '?' : String(holder));
      await sleep(10 + Math.min(90, attempt * 5) * Math.random());
    }
  }
  try {
    return await work();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // Nothing to release.
    }
  }
}

function readHolder(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
