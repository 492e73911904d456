/** `plan calendar --unit <unit> --out <file>.ics`, or `--all --out <dir>`: units' deadlines, milestones and checkpoints for their calendar apps. */
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { checklistFor } from '../ledger/checklist.js';
import { buildLedger } from '../ledger/index.js';
import { calendarFile } from '../render/calendar/calendar-file.js';
import { loadValidPlan, print, type Context } from './context.js';
import { wroteMessage } from './documents.js';
import { resolveUnit } from './resolve.js';
import { writeOutput } from '../store/index.js';

export interface CalendarOptions {
  unit?: string;
  all?: boolean;
  out?: string;
  remind: string;
}

export async function calendar(ctx: Context, options: CalendarOptions): Promise<void> {
  if (options.all && options.unit !== undefined) throw new UsageError('calendar-all-and-unit');
  if (options.all && options.out === undefined) throw new UsageError('calendar-all-needs-out');
  if (!options.all && options.unit === undefined) throw new UsageError('calendar-needs-unit');
  const days = options.remind.split(',').map((s) => s.trim());
  if (days.some((d) => !/^\d{1,3}$/.test(d))) throw new UsageError('bad-remind-days', { value: options.remind });
  const { data, asOf } = await loadValidPlan(ctx);
  const ledger = buildLedger(data, asOf);
  if (options.all) {
    const written: string[] = [];
    for (const unit of data.units) {
      const list = checklistFor(ledger, unit);
      // A unit with no task and no report to make has no calendar to subscribe to.
      if (list.assignments.length === 0 && list.checkpoints.length === 0) continue;
      const file = join(options.out!, `${unit.id}.ics`);
      writeOutput(file, await calendarFile(list, ledger, ctx.lang, days.map(Number)));
      written.push(file);
    }
    print(ctx.lang === 'zh' ? `已写入 ${written.length} 份日历：${options.out}` : `wrote ${written.length} calendars into ${options.out}`);
    return;
  }
  const unit = resolveUnit(data, options.unit!);
  const text = await calendarFile(checklistFor(ledger, unit), ledger, ctx.lang, days.map(Number));
  if (options.out === undefined) return print(text);
  writeOutput(options.out, text);
  print(wroteMessage(ctx.lang, options.out));
}
