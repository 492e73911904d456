/**
 * The store's one way to change several plan files together (`plan unit …`,
 * `plan group …`, `plan check --fix`): a journal makes the edit recoverable.
 *
 * 1. Under the plan lock (units.yaml's, which every such edit takes first, and
 *    the locks of the other files it touches), the journal
 *    `.plan-ledger-journal.json` is written atomically and flushed: every
 *    file's content before and after (or that it is deleted).
 * 2. The files are written one by one, each atomically: new files first, then
 *    changed ones, deletions last.
 * 3. The journal is removed, and the folder flushed.
 *
 * A command killed at any moment leaves either no journal (nothing or
 * everything written) or a whole journal. The next command that reads the
 * plan finds it, takes the same locks, and finishes the edit (every file as
 * the journal says it should end), then says so on stderr. It rolls forward
 * rather than back because the edit was checked whole before step 1. A
 * journal whose files are neither as it says they were nor as it says they
 * will be (someone edited them by hand since, or the journal is not ours) is
 * left alone and the command refuses with what to do.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { LockLost, LockTimeout, withLock, type HeldLock } from './lock.js';
import { syncFolder, testDelay, writeFileAtomic } from './write.js';

export const JOURNAL = '.plan-ledger-journal.json';

/** One file of an edit: its new text, or undefined when it is deleted. */
export interface FileEdit {
  file: string;
  text: string | undefined;
}

interface JournalEntry {
  /** Relative to the plan folder, with `/`. */
  path: string;
  before: string | null;
  after: string | null;
}

interface Journal {
  version: 1;
  host: string;
  pid: number;
  entries: JournalEntry[];
  /** sha256 of the entries as written: a journal edited by hand is not replayed. */
  digest: string;
}

/** Plan files only: a journal never names a file outside the plan's own folders. */
const PLAN_FILE = /^(?:plan\.yaml|units\.yaml|(?:tasks|status)\/[^/]+\.ya?ml)$/;

export interface Recovery {
  /** Files the finished edit wrote or deleted, relative to the plan folder. */
  files: string[];
}

function digestOf(entries: JournalEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

function readJournal(planDir: string): Journal | undefined {
  const file = join(planDir, JOURNAL);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let j: Journal;
  try {
    j = JSON.parse(text) as Journal;
  } catch {
    throw new UsageError('journal-unusable', { file, reason: 'not JSON' });
  }
  const sound =
    j?.version === 1 &&
    Array.isArray(j.entries) &&
    j.entries.every((e) => typeof e?.path === 'string' && PLAN_FILE.test(e.path) && (e.before === null || typeof e.before === 'string') && (e.after === null || typeof e.after === 'string')) &&
    j.digest === digestOf(j.entries);
  if (!sound) throw new UsageError('journal-unusable', { file, reason: 'not a journal this tool wrote' });
  return j;
}

function readCurrent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Writes every entry's `after` (deletions last), each atomically; a step already done is done again harmlessly. */
function replay(planDir: string, entries: JournalEntry[], held?: () => void): void {
  const order = [...entries].sort((a, b) => rank(a) - rank(b));
  for (const e of order) {
    const file = join(planDir, ...e.path.split('/'));
    if (e.after === null) {
      held?.();
      try {
        unlinkSync(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    } else if (readCurrent(file) !== e.after) {
      writeFileAtomic(file, e.after, { ...(held && { beforeCommit: held }) });
    }
    testDelay();
  }
}

function rank(e: JournalEntry): number {
  if (e.after === null) return 2;
  return e.before === null ? 0 : 1;
}

function removeJournal(planDir: string): void {
  testDelay();
  unlinkSync(join(planDir, JOURNAL));
  syncFolder(planDir);
}

/** Takes the locks one after another, the plan lock (units.yaml) first and the rest sorted, so two commands cannot wait on each other. */
async function lockAll<T>(planDir: string, files: string[], work: (held: HeldLock[]) => Promise<T>): Promise<T> {
  const units = join(planDir, 'units.yaml');
  const sorted = [units, ...[...new Set(files)].filter((f) => f !== units).sort()];
  const held: HeldLock[] = [];
  const step = (i: number): Promise<T> =>
    i === sorted.length
      ? work(held)
      : withLock(sorted[i]!, (h) => {
          held.push(h);
          return step(i + 1);
        });
  return step(0);
}

/** Finishes a journal found under the plan lock; the caller holds units.yaml's lock, the journal's other files are locked here. */
async function finishUnderPlanLock(planDir: string, heldFiles: Set<string>): Promise<Recovery | undefined> {
  const journal = readJournal(planDir);
  if (!journal) return undefined;
  const files = journal.entries.map((e) => join(planDir, ...e.path.split('/')));
  const more = files.filter((f) => !heldFiles.has(f)).sort();
  const step = async (i: number): Promise<Recovery> => {
    if (i < more.length) return withLock(more[i]!, () => step(i + 1));
    for (const e of journal.entries) {
      const now = readCurrent(join(planDir, ...e.path.split('/')));
      if (now !== e.before && now !== e.after) throw new UsageError('journal-conflict', { file: join(planDir, JOURNAL), changed: join(planDir, e.path) });
    }
    replay(planDir, journal.entries);
    removeJournal(planDir);
    return { files: journal.entries.map((e) => e.path) };
  };
  return step(0);
}

/**
 * Before a command reads the plan: a journal left by a killed edit is
 * finished. Undefined when there was none (the common case costs one stat).
 */
export async function recoverEdit(planDir: string): Promise<Recovery | undefined> {
  if (!existsSync(join(planDir, JOURNAL))) return undefined;
  try {
    return await lockAll(planDir, [], async () => finishUnderPlanLock(planDir, new Set([join(planDir, 'units.yaml')])));
  } catch (e) {
    throw lockError(planDir, e);
  }
}

function lockError(planDir: string, e: unknown): unknown {
  if (e instanceof LockTimeout) return new UsageError('lock-timeout', { file: planDir, holder: e.holder, lockFile: e.lockFile });
  if (e instanceof LockLost) return new UsageError('lock-lost', { file: planDir });
  return e;
}

export interface Edit<T> {
  changes: FileEdit[];
  result: T;
}

/**
 * Edits several plan files together. Under the plan lock and the locks of
 * `lockOn`, `work` reads what it needs (`read`: the file's text as of the
 * lock) and returns the files to change, after checking them as it must;
 * the store writes them through the journal. Returns what `work` returned
 * and the recovery of an earlier killed edit, if one was finished first.
 */
export async function editTogether<T>(
  planDir: string,
  lockOn: string[],
  work: (read: (file: string) => string | undefined) => Promise<Edit<T>>,
): Promise<{ result: T; written: FileEdit[]; recovered?: Recovery }> {
  try {
    return await lockAll(planDir, lockOn, async (held) => {
      const heldFiles = new Set([join(planDir, 'units.yaml'), ...lockOn]);
      const recovered = await finishUnderPlanLock(planDir, heldFiles);
      const originals = new Map<string, string | null>();
      const read = (file: string): string | undefined => {
        if (!originals.has(file)) originals.set(file, readCurrent(file));
        return originals.get(file) ?? undefined;
      };
      const { changes, result } = await work(read);
      const written = changes.filter((c) => (c.text ?? null) !== (originals.has(c.file) ? originals.get(c.file) : readCurrent(c.file)));
      if (written.length > 0) writeThroughJournal(planDir, written, (f) => (originals.has(f) ? originals.get(f)! : readCurrent(f)), () => held.forEach((h) => h.assertHeld()));
      return { result, written, ...(recovered && { recovered }) };
    });
  } catch (e) {
    throw lockError(planDir, e);
  }
}

function writeThroughJournal(planDir: string, changes: FileEdit[], before: (file: string) => string | null, assertHeld: () => void): void {
  const entries: JournalEntry[] = changes.map((c) => {
    const path = relative(planDir, c.file).split(sep).join('/');
    if (isAbsolute(path) || !PLAN_FILE.test(path)) throw new Error(`editTogether: ${c.file} is not a plan file of ${planDir}`);
    return { path, before: before(c.file), after: c.text ?? null };
  });
  const journal: Journal = { version: 1, host: hostname(), pid: process.pid, entries, digest: digestOf(entries) };
  assertHeld();
  writeFileAtomic(join(planDir, JOURNAL), `${JSON.stringify(journal)}\n`, { beforeCommit: assertHeld });
  testDelay();
  replay(planDir, entries, assertHeld);
  removeJournal(planDir);
}
