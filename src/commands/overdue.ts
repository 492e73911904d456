/** `plan overdue`: every open assignment past its deadline. */
import { EXIT, ExitCode } from '../errors.js';
import { buildLedger } from '../ledger/index.js';
import { OVERDUE_FORMATS } from '../render/reports/lists.js';
import { loadValidPlan, paintFor, print, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { gitReplay } from '../store/index.js';

export interface OverdueOptions {
  format: keyof typeof OVERDUE_FORMATS;
  by: 'unit' | 'task';
  fail?: boolean;
  unit?: string;
}

export async function overdue(ctx: Context, options: OverdueOptions): Promise<void> {
  // The spreadsheet and JSON carry progress texts and reasons: only for tasks past their deadline.
  const texts = options.format === 'csv' || options.format === 'json';
  const { data, asOf } = await loadValidPlan(ctx, {
    details: texts
      ? ({ tasks, asOf: at }) => {
          const past = new Set(tasks.filter((t) => t.deadline !== null && t.deadline < at).map((t) => t.id));
          return (_unit, task) => past.has(task);
        }
      : false,
  });
  const ledger = buildLedger(data, asOf, await gitReplay(ctx.planDir, data, asOf));
  const only = options.unit === undefined ? undefined : new Set(resolveUnits(ledger, options.unit).units.map((u) => u.id));
  // Only a red row holds red assignments (red is the worst light).
  const items = ledger.rows.filter((r) => r.light === 'red').flatMap((r) => ledger.assignmentsWhere(r, (a) => a.light === 'red' && (!only || only.has(a.unit.id))));
  print(OVERDUE_FORMATS[options.format]({ ledger, items, by: options.by }, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
  if (options.fail && items.length > 0) throw new ExitCode(EXIT.findings);
}
