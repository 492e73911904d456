/**
 * Rules about time as the county counts it: working-day deadlines that cannot
 * be counted, deadlines on a day off, settings that need a working calendar,
 * and dates in a year the calendar's data does not cover (never silently
 * Monday to Friday).
 */
import { isRealDate } from '../calendar.js';
import { ruleStart } from '../due-dates.js';
import type { DayOff, IsoDate, PlanData } from '../model.js';
import { covers, restDay, uncoveredBetween, type WorkingCalendar } from '../working-calendar.js';
import { forEachTask } from './task-origins.js';

/** What these rules need of rules.ts's context (declared here: rules.ts runs them, so importing it would be a circle). */
interface CalendarRuleContext {
  data: PlanData;
  asOf: IsoDate;
  scope: { planUsable: boolean };
  report(code: string, severity: 'error' | 'warning', file: string, path: (string | number)[], args?: Record<string, string | number>): void;
}
type Rule = (ctx: CalendarRuleContext) => void;

/** A holiday in a message's words. */
const holidayArgs = (off: DayOff): Record<string, string> => ({ holiday: off.name?.zh ?? '', holidayEn: off.name?.en ?? '' });

const sourceArg = (calendar: WorkingCalendar): string => `${calendar.source.name} ${calendar.source.version}（${calendar.source.first}–${calendar.source.last}）`;

function uncoveredIn(calendar: WorkingCalendar, dates: IsoDate[]): number[] {
  const years = new Set<number>();
  for (const d of dates) if (isRealDate(d)) for (const y of uncoveredBetween(calendar, d, d)) years.add(y);
  return [...years].sort((a, b) => a - b);
}

export const CALENDAR_RULES: Record<string, Rule> = {
  workdayDeadlines(ctx) {
    if (!ctx.scope.planUsable) return;
    forEachTask(ctx, (task, file, path) => {
      if (!task.deadlineRule || task.deadline !== null) return;
      if (!ctx.data.calendar) ctx.report('deadline-workdays-no-calendar', 'error', file, [...path, 'deadline'], { task: task.id });
      // A date that is not real is realDates' to report; a missing signing or publishing date is this rule's.
      else if (ruleStart(task.deadlineRule, ctx.data.plan) === undefined && (task.deadlineRule.from === 'signed' || task.deadlineRule.from === 'published')) {
        ctx.report('deadline-workdays-no-start', 'error', file, [...path, 'deadline', 'from'], { task: task.id, from: task.deadlineRule.from });
      }
    });
  },

  settingsNeedCalendar(ctx) {
    if (!ctx.scope.planUsable || ctx.data.calendar) return;
    const { plan, origins } = ctx.data;
    for (const key of ['warnWorkdays', 'countWorkdays', 'onHoliday'] as const) {
      if (plan[key] !== undefined && plan.calendar === undefined) ctx.report('setting-needs-calendar', 'error', origins.plan, [key], { setting: key });
    }
  },

  deadlineOnDayOff(ctx) {
    forEachTask(ctx, (task, file, path) => {
      // A public holiday only: 9月5日前 on a Sunday is how documents are written, and would warn on half the plans.
      const off = task.due?.dayOff;
      if (!off || off.kind !== 'holiday' || task.due?.moved) return;
      ctx.report('deadline-on-day-off', 'warning', file, [...path, 'deadline'], { task: task.id, date: task.due!.counted, ...holidayArgs(off) });
    });
  },

  yearsCovered(ctx) {
    const { calendar, plan, origins } = ctx.data;
    if (!calendar || !ctx.scope.planUsable) return;
    const source = sourceArg(calendar);
    const counts = plan.countWorkdays === true || plan.warnWorkdays !== undefined;
    const warn = (file: string, path: (string | number)[], what: string, years: number[]): void => {
      if (years.length > 0) ctx.report('calendar-year-uncovered', 'warning', file, path, { what, years: years.join('、'), yearsEn: years.join(', '), source });
    };
    forEachTask(ctx, (task, file, path) => {
      if (task.deadline === null) return;
      const years = new Set([...(task.due?.uncovered ?? []), ...uncoveredIn(calendar, [task.deadline])]);
      // Days left counted in working days pass through every year between today and the deadline.
      if (counts && isRealDate(task.deadline) && isRealDate(ctx.asOf)) for (const y of uncoveredBetween(calendar, ctx.asOf, task.deadline)) years.add(y);
      warn(file, [...path, 'deadline'], task.id, [...years].sort((a, b) => a - b));
      task.milestones?.forEach((m, i) => warn(file, [...path, 'milestones', i, 'date'], `${task.id} ${m.text}`, uncoveredIn(calendar, [m.date])));
    });
    // One warning per checkpoint entry, naming every year its dates fall in.
    const byEntry = new Map<number, IsoDate[]>();
    plan.checkpoints.forEach((c, i) => byEntry.set(c.entry ?? i, [...(byEntry.get(c.entry ?? i) ?? []), c.date]));
    for (const [entry, dates] of byEntry) warn(origins.plan, ['checkpoints', entry], dates.length === 1 ? dates[0]! : `${dates[0]}…${dates[dates.length - 1]}`, uncoveredIn(calendar, dates));
  },

  checkpointOnDayOff(ctx) {
    const { calendar, plan, origins } = ctx.data;
    if (!calendar || !ctx.scope.planUsable) return;
    // Fixed checkpoints only: a recurring one (每月5日前) is the plan's own wording, kept as written.
    plan.checkpoints.forEach((c, i) => {
      if (c.every !== undefined || !isRealDate(c.date) || !covers(calendar, Number(c.date.slice(0, 4)))) return;
      const off = restDay(calendar, c.date);
      if (off?.kind === 'holiday') ctx.report('checkpoint-on-holiday', 'warning', origins.plan, ['checkpoints', c.entry ?? i, 'date'], { date: c.date, ...holidayArgs(off) });
    });
  },
};
