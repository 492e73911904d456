/** `plan upcoming`: open assignments falling due within a number of days, by date. */
import { buildLedger, isClosed } from '../ledger/index.js';
import { UPCOMING_FORMATS, type UpcomingEntry } from '../render/lists.js';
import { loadValidPlan, paintFor, print, type Context } from './context.js';

export interface UpcomingOptions {
  format: keyof typeof UPCOMING_FORMATS;
  within?: number;
}

export async function upcoming(ctx: Context, options: UpcomingOptions): Promise<void> {
  const { data, asOf } = await loadValidPlan(ctx);
  const ledger = buildLedger(data, asOf);
  const within = options.within ?? data.plan.warnDays;
  const entries: UpcomingEntry[] = [];
  for (const row of ledger.rows) {
    if (row.daysLeft === null || row.daysLeft < 0 || row.daysLeft > within) continue;
    const open = row.assignments.filter((a) => !isClosed(a.state));
    if (open.length > 0) entries.push({ date: row.task.deadline!, daysLeft: row.daysLeft, assignments: open });
  }
  print(UPCOMING_FORMATS[options.format]({ ledger, within, entries }, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
}
