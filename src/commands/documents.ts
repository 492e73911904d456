/** What the document commands (summary, report, remind) share: where a .docx goes, checkpoint dates. */
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { PlanData } from '../model.js';
import type { Lang } from '../render/messages.js';
import { safeText } from '../render/text.js';
import { writeFileAtomic } from './context.js';

/** A .docx is a binary file: it goes to a named file, never to a terminal. */
export function needsOut(format: string, out: string | undefined): void {
  if (format === 'docx' && out === undefined) throw new UsageError('docx-needs-out');
}

/** A --checkpoint date must be one of the plan's own. */
export function checkpointOption(data: PlanData, date: string): void {
  if (!data.plan.checkpoints.some((c) => c.date === date)) {
    throw new UsageError('unknown-checkpoint', { date, dates: data.plan.checkpoints.map((c) => c.date).join(', ') || '—' });
  }
}

export function wroteMessage(lang: Lang, file: string): string {
  return lang === 'zh' ? `已写入 ${safeText(file)}` : `wrote ${safeText(file)}`;
}

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
