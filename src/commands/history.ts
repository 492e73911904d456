/** `plan history`: what changed in one unit's entries, and when. */
import { UsageError } from '../errors.js';
import { findNamed } from '../ledger/units.js';
import { json } from '../render/formats.js';
import { historyTable } from '../render/history.js';
import { loadValidPlan, print, type Context } from './context.js';

export interface HistoryOptions {
  format: 'table' | 'json';
}

export async function history(ctx: Context, unitName: string, taskId: string | undefined, options: HistoryOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  const { data } = await loadValidPlan(ctx, true);
  const named = findNamed(data, unitName);
  if (named.kind !== 'unit') {
    const hint = named.kind === 'unknown' && named.hint ? named.hint : undefined;
    throw new UsageError(zh ? `未知的单位 “${unitName}”${hint ? `，是否指 “${hint}”？` : '。'}` : `unknown unit "${unitName}"${hint ? `; did you mean "${hint}"?` : ''}`);
  }
  const titles = new Map(data.tasks.map((t) => [t.id, t.title]));
  if (taskId !== undefined && !titles.has(taskId)) throw new UsageError(zh ? `没有编号为 “${taskId}” 的任务。` : `there is no task "${taskId}"`);
  const records = data.statuses
    .filter((s) => s.unit === named.unit.id && (taskId === undefined || s.task === taskId))
    .flatMap((s) => (s.details?.history ?? []).map((h) => ({ task: s.task, title: titles.get(s.task) ?? '', ...h })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  print(options.format === 'json' ? json({ unit: named.unit.id, task: taskId ?? null, history: records }) : historyTable(named.unit, taskId, records, ctx.lang, ctx.columns));
}
