/** `plan status`: the deadline table the county office opens every morning. */
import { buildLedger, rollUp, type TaskRow } from '../ledger/index.js';
import { UsageError } from '../errors.js';
import type { Task, TaskState } from '../model.js';
import { STATUS_FORMATS } from '../render/reports/status.js';
import { loadValidPlan, paintFor, print, type Context } from './context.js';
import { resolveUnits } from './resolve.js';
import { gitReplay } from '../store/index.js';

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
  const ledger = buildLedger(data, asOf, await gitReplay(ctx.planDir, data, asOf));
  let rows: TaskRow[] = ledger.rows;
  const filters: string[] = [];
  for (const name of [options.unit, options.group]) {
    if (name === undefined) continue;
    // For one unit (or group) the roll-up counts only its own assignments.
    const { units, label } = resolveUnits(ledger, name);
    const ids = new Set(units.map((u) => u.id));
    rows = rows
      .map((r) => rollUp(ledger, r.task, r.assignments.filter((a) => ids.has(a.unit.id))))
      .filter((r) => r.total > 0);
    filters.push(label);
  }
  if (options.section !== undefined) {
    const wanted = normaliseSection(options.section);
    const inSection = (task: Task): boolean => normaliseSection(task.section) === wanted || task.id === wanted || task.id.startsWith(`${wanted}.`);
    // A section the plan does not have is a mistake in the command, not an empty table.
    if (!data.tasks.some(inSection)) throw new UsageError('unknown-section', { section: options.section, sections: sectionList(data.tasks) });
    rows = rows.filter((r) => inSection(r.task));
    filters.push(options.section);
  }
  if (options.light !== undefined) {
    // `done` (已完成) is the word the table shows for a green task whose assignments are all closed.
    rows = rows.filter((r) => (options.light === 'done' ? r.light === 'green' && r.total > 0 && r.done === r.total : r.light === options.light));
    filters.push(options.light);
  }
  if (options.state !== undefined) {
    rows = rows.filter((r) => r.assignments.some((a) => a.state === options.state));
    filters.push(options.state);
  }
  const view = { ledger, rows, ...(filters.length > 0 && { filter: filters.join(' · ') }) };
  print(STATUS_FORMATS[options.format](view, { lang: ctx.lang, paint: await paintFor(ctx), columns: ctx.columns }));
}

/** The plan's sections in order, each with the number its task ids start with: `二(一) (2.1)`. */
function sectionList(tasks: readonly Task[]): string {
  const sections = new Map<string, string[]>();
  for (const t of tasks) sections.set(t.section, [...(sections.get(t.section) ?? []), t.id]);
  return [...sections].map(([section, ids]) => {
    const prefix = ids.map((id) => id.split('.')).reduce((common, parts) => common.filter((p, i) => parts[i] === p && common.slice(0, i).every((q, j) => parts[j] === q)));
    const number = prefix.length > 0 && prefix.length < ids[0]!.split('.').length ? prefix.join('.') : '';
    return number ? `${section} (${number})` : section;
  }).join(', ');
}

/** 二（一） and 二(一) are one section. */
function normaliseSection(s: string): string {
  return s.trim().replace(/（/g, '(').replace(/）/g, ')');
}
