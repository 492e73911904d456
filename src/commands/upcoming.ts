/** `plan upcoming`: open assignments falling due within a number of days, by date. */
import { buildLedger, checkpointsDue, isClosed } from '../ledger/index.js';
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
          const due = new Set(tasks.filter((t) => t.deadline !== null && t.deadline >= at && daysBetween(at, t.deadline) <= within).map((t) => t.id));
          return (_unit, task) => due.has(task);
        }
      : false,
  });
  const ledger = buildLedger(data, asOf, await gitReplay(ctx.planDir, data, asOf));
  const within = options.within ?? data.plan.warnDays;
  const entries: UpcomingEntry[] = [];
  for (const row of ledger.rows) {
    if (row.daysLeft === null || row.daysLeft < 0 || row.daysLeft > within) continue;
    const open = ledger.assignmentsWhere(row, (a) => !isClosed(a.state));
    if (open.length > 0) entries.push({ date: row.task.deadline!, daysLeft: row.daysLeft, assignments: open });
  }
  const checkpoints = checkpointsDue(ledger).filter((c) => c.daysLeft >= 0 && c.daysLeft <= within);
  print(UPCOMING_FORMATS[options.format]({ ledger, within, entries, checkpoints }, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
}
