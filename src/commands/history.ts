/** `plan history`: what changed in one unit's entries, and when. */
import type { HistoryRecord } from '../model.js';
import { recordedBy } from '../ledger/replay.js';
import { json } from '../render/formats.js';
import { historyTable } from '../render/reports/history.js';
import { loadValidPlan, print, type Context } from './context.js';
import { resolveAssignedTask, resolveUnit } from './resolve.js';

export interface HistoryOptions {
  format: 'table' | 'json';
}

export async function history(ctx: Context, unitName: string, taskId: string | undefined, options: HistoryOptions): Promise<void> {
  const { data, asOf } = await loadValidPlan(ctx, true);
  const unit = resolveUnit(data, unitName);
  // As for `plan update`: a task that is not the unit's has no history of it to show.
  if (taskId !== undefined) resolveAssignedTask(data, unit, taskId);
  const titles = new Map(data.tasks.map((t) => [t.id, t.title]));
  const byTask = new Map<string, HistoryRecord[]>();
  for (const s of data.statuses) {
    if (s.unit === unit.id && (s.details?.history.length ?? 0) > 0) byTask.set(s.task, s.details!.history);
  }
  // In a git repository, an entry whose file keeps no history (deleted, or
  // never written by plan update) takes its changes from the git log.
  const fromGit = await (await import('../load/git-history.js')).gitHistory(ctx.planDir, unit.id, data.plan.timezone);
  for (const [task, records] of fromGit ?? []) if (!byTask.has(task) && titles.has(task)) byTask.set(task, records);
  const records = [...byTask]
    .filter(([task]) => taskId === undefined || task === taskId)
    .flatMap(([task, list]) => recordedBy(list, asOf).map((h) => ({ task, title: titles.get(task) ?? '', ...h })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  print(options.format === 'json' ? json({ unit: unit.id, task: taskId ?? null, history: records }) : historyTable(unit, taskId, records, ctx.lang, ctx.columns));
}
