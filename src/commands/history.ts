/** `plan history`: what changed in one unit's entries, and when. */
import { json } from '../render/formats.js';
import { historyTable } from '../render/history.js';
import { loadValidPlan, print, type Context } from './context.js';
import { resolveAssignedTask, resolveUnit } from './resolve.js';

export interface HistoryOptions {
  format: 'table' | 'json';
}

export async function history(ctx: Context, unitName: string, taskId: string | undefined, options: HistoryOptions): Promise<void> {
  const { data } = await loadValidPlan(ctx, true);
  const unit = resolveUnit(data, unitName);
  // As for `plan update`: a task that is not the unit's has no history of it to show.
  if (taskId !== undefined) resolveAssignedTask(data, unit, taskId);
  const titles = new Map(data.tasks.map((t) => [t.id, t.title]));
  const records = data.statuses
    .filter((s) => s.unit === unit.id && (taskId === undefined || s.task === taskId))
    .flatMap((s) => (s.details?.history ?? []).map((h) => ({ task: s.task, title: titles.get(s.task) ?? '', ...h })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  print(options.format === 'json' ? json({ unit: unit.id, task: taskId ?? null, history: records }) : historyTable(unit, taskId, records, ctx.lang, ctx.columns));
}
