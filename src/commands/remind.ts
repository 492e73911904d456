/** `plan remind`: 催办 notices for units with overdue or soon-due tasks, and the office's list. */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { addDays } from '../calendar.js';
import { buildLedger } from '../ledger/index.js';
import { milestonesDue } from '../ledger/milestones.js';
import { dueForReminder } from '../ledger/summary.js';
import { documentMarkdown, documentText } from '../render/documents/document.js';
import { noticeDocument, reminderListMarkdown, reminderListTable, type Reminder } from '../render/documents/notice.js';
import { loadValidPlan, print, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { writeOutput } from '../store/index.js';

export interface RemindOptions {
  format: 'md' | 'text' | 'docx';
  within?: number;
  unit?: string;
  out?: string;
  dryRun?: boolean;
}

const EXT = { md: 'md', text: 'txt', docx: 'docx' } as const;

export async function remind(ctx: Context, options: RemindOptions): Promise<void> {
  if (options.format === 'docx' && options.out === undefined && !options.dryRun) throw new UsageError('remind-needs-out');
  const { data, asOf } = await loadValidPlan(ctx, true);
  const ledger = buildLedger(data, asOf);
  const within = options.within ?? data.plan.warnDays;
  const wanted = options.unit === undefined ? undefined : new Set(resolveUnits(ledger, options.unit).units.map((u) => u.id));
  const all = ledger.rows.flatMap((r) => r.assignments);
  const reminders: Reminder[] = [];
  // The notices come from the office that receives the reports: it does not chase itself.
  const senders = new Set(data.plan.checkpoints.map((c) => c.recipient));
  const chased = (unitId: string): boolean => !(wanted && !wanted.has(unitId)) && !senders.has(unitId);
  // Claimed late and awaiting the office: overdue in `plan overdue` and the 通报, but the unit has done its part; the list says so.
  const unchased = all.filter((a) => a.review === 'pending' && a.daysOverdue > 0 && chased(a.unit.id));
  for (const unit of data.units) {
    if (!chased(unit.id)) continue;
    const items = dueForReminder(
      all.filter((a) => a.unit.id === unit.id),
      ledger,
      within,
    );
    // Milestones due soon, or passed while the unit has not started: a stage is chased like a deadline.
    const milestones = milestonesDue(ledger, (d) => d <= within, unit);
    // Units with nothing due get nothing.
    if (items.length === 0 && milestones.length === 0) continue;
    // By the deadline in force; a returned item is counted as returned, not as due.
    const overdue = items.filter((a) => a.deadline !== null && a.deadline < asOf).length;
    const returned = items.filter((a) => a.review === 'returned' && !(a.deadline !== null && a.deadline <= addDays(asOf, within))).length;
    const file = options.out === undefined ? undefined : join(options.out, `${unit.id}-${asOf}.${EXT[options.format]}`);
    reminders.push({ unit, items, milestones, overdue, dueSoon: items.length - overdue - returned, ...(returned > 0 && { returned }), ...(file !== undefined && { file }) });
  }
  if (options.dryRun) {
    const list = options.out === undefined ? '' : `\n${ctx.lang === 'zh' ? '催办清单：' : 'list: '}${join(options.out, `reminders-${asOf}.md`)}`;
    return print(reminderListTable(reminders, ctx.lang, ctx.columns, true, unchased) + list);
  }

  if (options.out === undefined) {
    const render = options.format === 'text' ? documentText : documentMarkdown;
    const notices = reminders.map((r) => render(noticeDocument(r, ledger, within, ctx.lang)));
    print([...notices, reminderListTable(reminders, ctx.lang, ctx.columns, false, unchased)].join(options.format === 'text' ? '\n————————\n\n' : '\n---\n\n'));
    return;
  }
  const docx = options.format === 'docx' ? (await import('../render/documents/official-docx.js')).documentDocx : undefined;
  for (const r of reminders) {
    const doc = noticeDocument(r, ledger, within, ctx.lang);
    writeOutput(r.file!, docx ? await docx(doc) : options.format === 'text' ? documentText(doc) : documentMarkdown(doc));
  }
  // The office's own record of who was reminded of what, beside the notices.
  writeOutput(join(options.out, `reminders-${asOf}.md`), reminderListMarkdown(reminders, ledger, ctx.lang, unchased));
  print(reminderListTable(reminders, ctx.lang, ctx.columns, false, unchased));
}
