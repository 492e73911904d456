/**
 * The one way a unit's status file changes (`plan update`, `plan collect`):
 * under the unit's lock, read the file, apply the edit, check the whole plan
 * with the edited text, and only then write it atomically. A refused edit
 * leaves the file byte for byte as it was.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import { capPerFile, locateDiagnostics } from '../load/positions.js';
import { listPlanFiles, readText } from '../load/plan-files.js';
import { validatePlan } from '../validate/index.js';
import type { CompletionLimit } from '../validate/rules.js';
import { writeFileAtomic } from './write.js';
import { statusHeader, withStatusHeader } from './status-header.js';
import { LockLost, LockTimeout, withLock } from './lock.js';

/** What the store needs of a command's context: the plan folder and the run's clock. */
export interface StoreContext {
  planDir: string;
  now: Date;
}

export interface Recorded<T> {
  file: string;
  /** The file's text before the edit; undefined when it did not exist. */
  before: string | undefined;
  after: string;
  /** Errors of the plan as it would be; when any, nothing was written. */
  errors: Diagnostic[];
  written: boolean;
  /** What the edit function returned besides the text. */
  result: T;
}

/** The status file of a unit. Unit ids match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (the schema): the path stays in status/. */
export function statusFileOf(planDir: string, unitId: string): string {
  return join(planDir, 'status', `${unitId}.yaml`);
}

/**
 * Applies `edit` to the unit's status file. `edit` gets the current text
 * (read under the lock) and returns the new text; it may throw a UsageError.
 */
export async function recordForUnit<T>(
  ctx: StoreContext,
  unitId: string,
  asOf: string,
  edit: (before: string | undefined) => { text: string; result: T },
  options: { dryRun?: boolean; completions?: CompletionLimit } = {},
): Promise<Recorded<T>> {
  const file = statusFileOf(ctx.planDir, unitId);
  try {
    return await withLock(file, async (held) => {
      // Read inside the lock: another writer may have landed while we waited.
      const current = readText(file);
      if (typeof current !== 'string' && current.code !== 'file-missing') {
        throw new UsageError('status-unreadable', { file, reason: current.code });
      }
      const before = typeof current === 'string' ? current : undefined;
      const edited = edit(before);
      const { result } = edited;
      // A new file's header is the store's: its $schema comment resolves from where the file is, its words are the plan's language.
      const text = before === undefined ? withStatusHeader(edited.text, statusHeader(ctx.planDir, unitId)) : edited.text;
      // Nothing changes: nothing to check or write (and no history record was made).
      if (text === before) return { file, before, after: text, errors: [], written: false, result };
      const checked = await validatePlan(ctx.planDir, listPlanFiles(ctx.planDir, { file, text }), { asOf, now: ctx.now, ...(options.completions && { completions: options.completions }) });
      const errors = capPerFile(checked.diagnostics.filter((d) => d.severity === 'error'));
      if (errors.length > 0) {
        await locateDiagnostics(errors.filter((d) => d.file !== file));
        return { file, before, after: text, errors, written: false, result };
      }
      // The lock must still be ours at the last moment: a writer whose lock was taken over does not rename.
      if (!options.dryRun) writeFileAtomic(file, text, { beforeCommit: held.assertHeld });
      return { file, before, after: text, errors, written: !options.dryRun, result };
    });
  } catch (e) {
    if (e instanceof LockTimeout) throw new UsageError('lock-timeout', { file, holder: e.holder, lockFile: e.lockFile });
    if (e instanceof LockLost) throw new UsageError('lock-lost', { file });
    throw e;
  }
}
