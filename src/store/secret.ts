/**
 * The office's form key: 32 random bytes, hex, in `.plan-ledger/secret` in the
 * folder that holds the plan folder (the repository root in the layout `plan
 * init` makes). `plan forms` signs each form's hidden sheet with it and `plan
 * collect` verifies the signature, so a unit that edits the hidden sheet (to
 * speak for another unit, say) is caught. The folder ignores itself in git
 * (`.plan-ledger/.gitignore` is `*`), the file is mode 0600, made once,
 * atomically, and never overwritten: two `plan forms` at once end with one key.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { readBounded } from '../load/bounded-read.js';
import { createExclusive, tempName } from './write.js';

export const SECRET_FOLDER = '.plan-ledger';

/** Where the key of the plan in `planDir` is kept. */
export function secretFile(planDir: string): string {
  return join(dirname(resolve(planDir)), SECRET_FOLDER, 'secret');
}

const KEY = /^([0-9a-f]{64})\r?\n?$/;

/** The key, or undefined when there is none; a file that is not a key is the office's to fix. */
export function readSecret(file: string): Buffer | undefined {
  const read = readBounded(file, 1024);
  if (!read.ok) {
    if (read.problem === 'missing') return undefined;
    throw new UsageError('secret-unusable', { file, problem: read.problem === 'unreadable' ? (read.code ?? 'EIO') : read.problem });
  }
  const m = KEY.exec(read.bytes.toString('latin1'));
  if (!m) throw new UsageError('secret-unusable', { file, problem: 'not-a-key' });
  return Buffer.from(m[1]!, 'hex');
}

/** The key, made on first use; `made` says whether this call made it. */
export function ensureSecret(file: string): { key: Buffer; made: boolean } {
  const existing = readSecret(file);
  if (existing) return { key: existing, made: false };
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    createExclusive(join(dir, '.gitignore'), '*\n');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  // Written whole under a private name, then linked into place: link fails rather than replace a key another run made.
  const temp = tempName(dir, 'secret');
  createExclusive(temp, `${randomBytes(32).toString('hex')}\n`, 0o600);
  let made = true;
  try {
    linkSync(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    made = false;
  } finally {
    unlinkSync(temp);
  }
  return { key: readSecret(file)!, made };
}
