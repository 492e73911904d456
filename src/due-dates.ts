/**
 * Dates the plan sets by rule rather than by writing them: a deadline counted
 * in working days or moved off a day off, and checkpoints that recur. Pure
 * functions of the rule and the working calendar, run once when the plan is
 * read (validate/index.ts), so every command sees ordinary dates; an extension
 * granted to one unit can later replace the result for that unit alone.
 */
import { addDays, isRealDate } from './calendar.js';
import type { Checkpoint, DueDate, IsoDate, OnHoliday, Plan, RecurringCheckpoint, WorkdayDeadline } from './model.js';
import { addWorkdays, nextWorkday, restDay, uncoveredBetween, type WorkingCalendar } from './working-calendar.js';

export type DeadlineProblem = 'no-calendar' | 'no-start';

export interface DeadlineInForce {
  /** null: the rule cannot be counted (`problem` says why). */
  date: IsoDate | null;
  /** Set where the calendar or the rule had a say: a count, a day off, a year not covered. */
  due?: DueDate;
  problem?: DeadlineProblem;
}

/** The day a working-day rule counts from, if the plan gives it. */
export function ruleStart(rule: WorkdayDeadline, plan: Pick<Plan, 'signed' | 'published'>): IsoDate | undefined {
  const start = rule.from === 'signed' ? plan.signed : rule.from === 'published' ? plan.published : rule.from;
  return start !== undefined && isRealDate(start) ? start : undefined;
}

/**
 * The deadline in force for a deadline as written (a date, or N working days
 * from a date), under the plan's working calendar and its `onHoliday` rule.
 */
export function deadlineInForce(
  written: IsoDate | WorkdayDeadline,
  plan: Pick<Plan, 'signed' | 'published' | 'onHoliday'>,
  calendar: WorkingCalendar | undefined,
): DeadlineInForce {
  if (typeof written === 'string') {
    if (!calendar || !isRealDate(written)) return { date: written };
    return settle({ counted: written, uncovered: uncoveredBetween(calendar, written, written) }, plan.onHoliday ?? 'keep', calendar);
  }
  if (!calendar) return { date: null, problem: 'no-calendar' };
  const start = ruleStart(written, plan);
  if (start === undefined) return { date: null, problem: 'no-start' };
  const counted = addWorkdays(calendar, start, written.workdays);
  return settle({ counted: counted.date, start, uncovered: counted.uncovered }, plan.onHoliday ?? 'keep', calendar);
}

/** A counted date on a day off: kept, or moved to the next working day. Only a year the data covers has days off to tell. */
function settle(due: DueDate, onHoliday: OnHoliday, calendar: WorkingCalendar): DeadlineInForce {
  const off = due.uncovered.includes(Number(due.counted.slice(0, 4))) ? undefined : restDay(calendar, due.counted);
  if (!off) return { date: due.counted, ...(due.start !== undefined || due.uncovered.length > 0 ? { due } : {}) };
  const dayOff = { kind: off.kind, ...(off.name && { name: off.name }) };
  if (onHoliday === 'keep') return { date: due.counted, due: { ...due, dayOff } };
  const next = nextWorkday(calendar, due.counted);
  const uncovered = [...new Set([...due.uncovered, ...next.uncovered])].sort((a, b) => a - b);
  return { date: next.date, due: { ...due, dayOff, moved: true, uncovered } };
}

/** At most this many dates from one recurring entry: ten years of months. */
const MAX_OCCURRENCES = 120;

export type RecurrenceProblem = 'no-end' | 'no-start' | 'day-and-offset' | 'date-or-every' | 'day-without-every';

/** A month as year and month (1–12). */
interface Month {
  y: number;
  m: number;
}
const iso = (y: number, m: number, d: number): IsoDate => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const nextMonth = ({ y, m }: Month, by = 1): Month => ({ y: y + Math.floor((m - 1 + by) / 12), m: ((m - 1 + by) % 12) + 1 });

/**
 * The dates of a recurring checkpoint. A period (month, or quarter) counts
 * when it overlaps the span and its date falls on or after the span's start;
 * a date after the span's end counts only by an offset (the report on the
 * plan's last quarter, due ten days after it). `day` past a month's end is
 * the month's last day (day 31 in June is June 30).
 */
export function recurrenceDates(rule: Pick<RecurringCheckpoint, 'every' | 'day' | 'offset' | 'from' | 'until'>, span: { start?: IsoDate; end?: IsoDate }): { dates: IsoDate[]; problem?: RecurrenceProblem } {
  if (rule.day !== undefined && rule.offset !== undefined) return { dates: [], problem: 'day-and-offset' };
  const start = rule.from ?? span.start;
  const end = rule.until ?? span.end;
  if (start === undefined || !isRealDate(start)) return { dates: [], problem: 'no-start' };
  if (end === undefined || !isRealDate(end)) return { dates: [], problem: 'no-end' };
  const months = rule.every === 'quarter' ? 3 : 1;
  const first: Month = { y: Number(start.slice(0, 4)), m: Number(start.slice(5, 7)) };
  // The period that holds `start`: quarters begin in January, April, July, October.
  let period: Month = months === 3 ? { y: first.y, m: first.m - ((first.m - 1) % 3) } : first;
  const dates: IsoDate[] = [];
  for (let guard = 0; guard < MAX_OCCURRENCES * 4 && dates.length < MAX_OCCURRENCES; guard++, period = nextMonth(period, months)) {
    if (iso(period.y, period.m, 1) > end) break;
    const last = nextMonth(period, months - 1);
    const periodEnd = iso(last.y, last.m, lastDay(last.y, last.m));
    const date = rule.offset !== undefined ? addDays(periodEnd, rule.offset) : rule.day === undefined || rule.day === 'last' ? periodEnd : iso(last.y, last.m, Math.min(rule.day, lastDay(last.y, last.m)));
    if (date >= start && (rule.offset !== undefined || date <= end)) dates.push(date);
  }
  return { dates };
}

const isRecurring = (c: Checkpoint | RecurringCheckpoint): c is RecurringCheckpoint => !('date' in c);

/** plan.yaml's checkpoint list, fixed and recurring, as dated checkpoints each knowing its entry. */
export function expandCheckpoints(
  written: readonly (Checkpoint | RecurringCheckpoint)[],
  plan: Pick<Plan, 'signed' | 'span'>,
): { checkpoints: Checkpoint[]; problems: { entry: number; problem: RecurrenceProblem }[] } {
  const checkpoints: Checkpoint[] = [];
  const problems: { entry: number; problem: RecurrenceProblem }[] = [];
  const span = { ...((plan.span?.start ?? plan.signed) !== undefined && { start: plan.span?.start ?? plan.signed }), ...(plan.span?.end !== undefined && { end: plan.span.end }) };
  written.forEach((c, entry) => {
    const both = 'date' in c && 'every' in c && (c as { every?: unknown }).every !== undefined;
    if (both || (!('date' in c) && !('every' in c))) {
      problems.push({ entry, problem: 'date-or-every' });
      return;
    }
    if (!isRecurring(c)) {
      const loose = c as { day?: unknown; offset?: unknown; from?: unknown; until?: unknown };
      if (loose.day !== undefined || loose.offset !== undefined || loose.from !== undefined || loose.until !== undefined) problems.push({ entry, problem: 'day-without-every' });
      checkpoints.push({ date: c.date, reporters: c.reporters, recipient: c.recipient, ...(c.source !== undefined && { source: c.source }), entry });
      return;
    }
    const { dates, problem } = recurrenceDates(c, span);
    if (problem) problems.push({ entry, problem });
    for (const date of dates) {
      checkpoints.push({ date, reporters: c.reporters, recipient: c.recipient, ...(c.source !== undefined && { source: c.source }), entry, every: c.every });
    }
  });
  return { checkpoints, problems };
}
