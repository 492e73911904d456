/** `plan status`: the deadline table the county office opens every morning. */
import { buildLedger, rollUp, type TaskRow } from '../ledger/index.js';
import type { TaskState } from '../model.js';
import { STATUS_FORMATS } from '../render/status.js';
import { loadValidPlan, paintFor, print, type Context } from './context.js';
import { gitReplay } from './git-replay.js';
import { resolveUnits } from './resolve.js';

export interface StatusOptions {
  format: keyof typeof STATUS_FORMATS;
  unit?: string;
  group?: string;
  section?: string;
  light?: string;
  state?: TaskState;
}

export async function status(ctx: Context, options: StatusOptions): Promise<void> {
  const { data, asOf } = await loadValidPlan(ctx);
  const ledger = buildLedger(data, asOf, await gitReplay(ctx, data, asOf));
  let rows: TaskRow[] = ledger.rows;
  const filters: string[] = [];
  for (const name of [options.unit, options.group]) {
    if (name === undefined) continue;
    // For one unit (or group) the roll-up counts only its own assignments.
    const { units, label } = resolveUnits(ledger, name);
    const ids = new Set(units.map((u) => u.id));
    rows = rows
      .map((r) => rollUp(r.task, r.assignments.filter((a) => ids.has(a.unit.id)), asOf, data.plan.warnDays))
      .filter((r) => r.total > 0);
    filters.push(label);
  }
  if (options.section !== undefined) {
    const wanted = normaliseSection(options.section);
    rows = rows.filter((r) => normaliseSection(r.task.section) === wanted || r.task.id === wanted || r.task.id.startsWith(`${wanted}.`));
    filters.push(options.section);
  }
  if (options.light !== undefined) {
    rows = rows.filter((r) => r.light === options.light);
    filters.push(options.light);
  }
  if (options.state !== undefined) {
    rows = rows.filter((r) => r.assignments.some((a) => a.state === options.state));
    filters.push(options.state);
  }
  const view = { ledger, rows, ...(filters.length > 0 && { filter: filters.join(' · ') }) };
  print(STATUS_FORMATS[options.format](view, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
}

/** 二（一） and 二(一) are one section. */
function normaliseSection(s: string): string {
  return s.trim().replace(/（/g, '(').replace(/）/g, ')');
}
