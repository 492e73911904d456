/** `plan history` as a table: date, task, change, note. */
import { shortName } from '../../ledger/units.js';
import type { Change } from '../../ledger/report.js';
import type { Unit } from '../../model.js';
import { stateWord } from '../labels.js';
import { renderTable } from '../table.js';
import { safeText } from '../text.js';
import type { Lang } from '../lang.js';

export function historyTable(unit: Unit, taskId: string | undefined, records: Change[], lang: Lang, columns: number): string {
  const zh = lang === 'zh';
  const head = safeText(`${shortName(unit)} · ${zh ? '变更记录' : 'History'}${taskId ? ` · ${taskId}` : ''}`);
  if (records.length === 0) return `${head}\n\n${zh ? '没有记录。' : 'No changes recorded.'}\n`;
  const table = renderTable(
    [{ header: zh ? '日期' : 'Date' }, { header: zh ? '任务' : 'Task', flex: true, min: 12 }, { header: zh ? '变更' : 'Change' }, { header: zh ? '说明' : 'Note', flex: true, min: 10 }],
    records.map((r) => [r.date, `${r.task} ${r.title}`, r.from && r.from !== r.to ? `${stateWord(r.from, lang)} → ${stateWord(r.to, lang)}` : stateWord(r.to, lang), r.note ?? '']),
    columns,
  );
  return `${head}\n\n${table}\n`;
}
