/** `plan calendar --unit <unit> --out <file>.ics`: a unit's deadlines and checkpoints for its calendar app. */
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
  out?: string;
  remind: string;
}

export async function calendar(ctx: Context, options: CalendarOptions): Promise<void> {
  if (options.unit === undefined) throw new UsageError('calendar-needs-unit');
  const days = options.remind.split(',').map((s) => s.trim());
  if (days.some((d) => !/^\d{1,3}$/.test(d))) throw new UsageError('bad-remind-days', { value: options.remind });
  const { data, asOf } = await loadValidPlan(ctx);
  const ledger = buildLedger(data, asOf);
  const unit = resolveUnit(data, options.unit);
  const text = await calendarFile(checklistFor(ledger, unit), ledger, ctx.lang, days.map(Number));
  if (options.out === undefined) return print(text);
  writeOutput(options.out, text);
  print(wroteMessage(ctx.lang, options.out));
}
