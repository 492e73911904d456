/** `plan history`: what changed in one unit's entries, and when. */
import { UsageError } from '../errors.js';
import { findNamed, shortName } from '../ledger/units.js';
import { json } from '../render/formats.js';
import { stateWord } from '../render/labels.js';
import { renderTable } from '../render/table.js';
import { loadValidPlan, print, type Context } from './context.js';

export interface HistoryOptions {
  format: 'table' | 'json';
}

export async function history(ctx: Context, unitName: string, taskId: string | undefined, options: HistoryOptions): Promise<void> {
  const zh = ctx.lang === 'zh';
  const { data } = await loadValidPlan(ctx, true);
  const named = findNamed(data, unitName);
  if (named.kind !== 'unit') throw new UsageError(zh ? `未知的单位 “${unitName}”。` : `unknown unit "${unitName}"`);
  const titles = new Map(data.tasks.map((t) => [t.id, t.title]));
  if (taskId !== undefined && !titles.has(taskId)) throw new UsageError(zh ? `没有编号为 “${taskId}” 的任务。` : `there is no task "${taskId}"`);
  const records = data.statuses
    .filter((s) => s.unit === named.unit.id && (taskId === undefined || s.task === taskId))
    .flatMap((s) => (s.details?.history ?? []).map((h) => ({ task: s.task, title: titles.get(s.task) ?? '', ...h })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (options.format === 'json') {
    print(json({ unit: named.unit.id, task: taskId ?? null, history: records }));
    return;
  }
  const head = `${shortName(named.unit)} · ${zh ? '变更记录' : 'History'}${taskId ? ` · ${taskId}` : ''}`;
  if (records.length === 0) {
    print(`${head}\n\n${zh ? '没有记录。' : 'No changes recorded.'}`);
    return;
  }
  const table = renderTable(
    [{ header: zh ? '日期' : 'Date' }, { header: zh ? '任务' : 'Task', flex: true, min: 12 }, { header: zh ? '变更' : 'Change' }, { header: zh ? '说明' : 'Note', flex: true, min: 10 }],
    records.map((r) => [r.date, `${r.task} ${r.title}`, r.from && r.from !== r.to ? `${stateWord(r.from, ctx.lang)} → ${stateWord(r.to, ctx.lang)}` : stateWord(r.to, ctx.lang), r.note ?? '']),
    ctx.columns,
  );
  print(`${head}\n\n${table}`);
}
