/** What the document commands (summary, report, remind) share: where a .docx goes, checkpoint dates. */
import { UsageError } from '../errors.js';
import type { PlanData } from '../model.js';
import { safeText } from '../render/text.js';
import type { Lang } from '../render/lang.js';

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
