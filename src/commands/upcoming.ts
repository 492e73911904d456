/** `plan upcoming`: open assignments falling due within a number of days, by date. */
import { buildLedger, checkpointsDue, isClosed, type Assignment } from '../ledger/index.js';
import { milestonesDue } from '../ledger/milestones.js';
import { UPCOMING_FORMATS, type UpcomingEntry } from '../render/reports/lists.js';
import { daysBetween } from '../calendar.js';
import { loadValidPlan, paintFor, print, type Context } from './context.js';
import { gitReplay } from '../store/index.js';

export interface UpcomingOptions {
  format: keyof typeof UPCOMING_FORMATS;
  within?: number;
}

export async function upcoming(ctx: Context, options: UpcomingOptions): Promise<void> {
  // The spreadsheet and JSON carry progress texts: only for the assignments they list.
  const texts = options.format === 'csv' || options.format === 'json';
  const { data, asOf } = await loadValidPlan(ctx, {
    details: texts
      ? ({ tasks, plan, asOf: at }) => {
          const within = options.within ?? plan.warnDays;
          // Working days are counted by the ledger: every task still ahead keeps its texts then.
          const ahead = (d: string): boolean => plan.countWorkdays === true || daysBetween(at, d) <= within;
          const due = new Set(tasks.filter((t) => t.deadline !== null && t.deadline >= at && ahead(t.deadline)).map((t) => t.id));
          return (_unit, task) => due.has(task);
        }
      : false,
  });
  const ledger = buildLedger(data, asOf, await gitReplay(ctx.planDir, data, asOf));
  const within = options.within ?? data.plan.warnDays;
  const entries: UpcomingEntry[] = [];
  // Open assignments due in the window by the deadline in force: the task's, or a unit's extended one (listed on its own date).
  const inWindow = (a: Assignment): boolean => !isClosed(a.state) && a.deadline !== null && a.deadline >= asOf && daysBetween(asOf, a.deadline) <= within;
  for (const row of ledger.rows) {
    const taskDue = row.daysLeft !== null && row.daysLeft >= 0 && row.daysLeft <= within;
    if (!taskDue && !ledger.hasExtensions(row.task)) continue;
    const byDate = new Map<string, Assignment[]>();
    for (const a of ledger.assignmentsWhere(row, inWindow)) byDate.set(a.deadline!, [...(byDate.get(a.deadline!) ?? []), a]);
    for (const [date, open] of byDate) entries.push({ date, daysLeft: daysBetween(asOf, date), assignments: open });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const checkpoints = checkpointsDue(ledger).filter((c) => c.daysLeft >= 0 && c.daysLeft <= within);
  const milestones = milestonesDue(ledger, (d) => d >= 0 && d <= within);
  print(UPCOMING_FORMATS[options.format]({ ledger, within, entries, checkpoints, milestones }, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
}
