/**
 * The figures the progress site shows, from the ledger: pure, so the site's
 * numbers are the ledger's (and `plan status`'s) numbers.
 */
import { dayNumber } from '../calendar.js';
import { isClosed, isDone, LIGHT_ORDER, type Assignment, type Ledger, type Light, type TaskRow } from '../ledger/index.js';
import { percentOf, returnsDecided } from '../ledger/summary.js';
import type { IsoDate, Unit } from '../model.js';

export interface KeyFigures {
  tasks: number;
  assignments: number;
  closed: number;
  percent: number;
  /** Open assignments past their deadline, and the tasks they belong to. */
  overdue: number;
  overdueTasks: number;
  blocked: number;
  /** Tasks by light, in LIGHT_ORDER; lights with no task left out. */
  lights: { light: Light; count: number }[];
  /**
   * Under review: required: claims awaiting the office; returns decided to date (the 通报's and the score's count:
   * a return claimed again since stays counted, so the site never reads 退回 0 beside a 通报 that lists one);
   * with any extension: those in force. Absent otherwise.
   */
  review?: { awaiting: number; returned: number; extended: number };
}

export function keyFigures(ledger: Ledger): KeyFigures {
  const all = ledger.rows.flatMap((r) => r.assignments);
  const closed = all.filter(isDone).length;
  return {
    tasks: ledger.rows.length,
    assignments: all.length,
    closed,
    percent: percentOf(closed, all.length),
    overdue: all.filter((a) => a.daysOverdue > 0).length,
    overdueTasks: ledger.rows.filter((r) => r.assignments.some((a) => a.daysOverdue > 0)).length,
    blocked: all.filter((a) => a.state === 'blocked').length,
    lights: LIGHT_ORDER.map((light) => ({ light, count: ledger.rows.filter((r) => r.light === light).length })).filter((l) => l.count > 0),
    ...((ledger.data.plan.review === 'required' || all.some((a) => a.entry?.extensions !== undefined)) && {
      review: { awaiting: all.filter((a) => a.review === 'pending').length, returned: returnsDecided(ledger, all).length, extended: all.filter((a) => a.originalDeadline !== undefined).length },
    }),
  };
}

export interface UnitProgress {
  unit: Unit;
  assigned: number;
  closed: number;
  overdue: number;
  percent: number;
}

/** Units with assignments, most complete first (then fewest overdue, then the file's order). */
export function unitProgress(ledger: Ledger): UnitProgress[] {
  const byUnit = new Map<string, Assignment[]>();
  for (const r of ledger.rows) {
    for (const a of r.assignments) {
      const list = byUnit.get(a.unit.id);
      if (list) list.push(a);
      else byUnit.set(a.unit.id, [a]);
    }
  }
  const order = new Map(ledger.data.units.map((u, i) => [u.id, i]));
  return ledger.data.units
    .filter((u) => byUnit.has(u.id))
    .map((unit) => {
      const items = byUnit.get(unit.id)!;
      const closed = items.filter(isDone).length;
      return { unit, assigned: items.length, closed, overdue: items.filter((a) => a.daysOverdue > 0).length, percent: percentOf(closed, items.length) };
    })
    .sort((a, b) => b.closed / b.assigned - a.closed / a.assigned || a.overdue - b.overdue || order.get(a.unit.id)! - order.get(b.unit.id)!);
}

export interface SectionProgress {
  section: string;
  rows: TaskRow[];
  closed: number;
  total: number;
}

/** Sections in the document's order. */
export function sectionProgress(ledger: Ledger): SectionProgress[] {
  const sections = new Map<string, SectionProgress>();
  const rows = new Map(ledger.rows.map((r) => [r.task.id, r]));
  for (const task of ledger.data.tasks) {
    const row = rows.get(task.id)!;
    let s = sections.get(task.section);
    if (!s) sections.set(task.section, (s = { section: task.section, rows: [], closed: 0, total: 0 }));
    s.rows.push(row);
    s.closed += row.done;
    s.total += row.total;
  }
  return [...sections.values()];
}

/**
 * When each closed assignment closed: its completion date, else the date the
 * history records it closing, else its last update. Those with none of these
 * are counted apart (the chart says how many), never given a made-up date.
 */
export function completionTrend(ledger: Ledger): { points: { date: IsoDate; day: number; value: number }[]; undated: number } {
  const dates: IsoDate[] = [];
  let undated = 0;
  for (const r of ledger.rows) {
    for (const a of r.assignments) {
      if (!isDone(a)) continue;
      const e = a.entry;
      const fromHistory = e?.details?.history.filter((h) => isClosed(h.to)).map((h) => h.date).sort().pop();
      const date = e?.completed ?? fromHistory ?? e?.updated;
      if (date === undefined || date > ledger.asOf) undated++;
      else dates.push(date);
    }
  }
  dates.sort();
  const points: { date: IsoDate; day: number; value: number }[] = [];
  dates.forEach((date, i) => {
    const last = points[points.length - 1];
    if (last && last.date === date) last.value = i + 1;
    else points.push({ date, day: dayNumber(date), value: i + 1 });
  });
  return { points, undated };
}

export interface DatedEvent {
  date: IsoDate;
  kind: 'deadline' | 'checkpoint' | 'milestone';
  rows: TaskRow[];
  /** For a milestone: what the stage asks (完成试点). */
  texts?: string[];
}

/** Deadlines and milestones (tasks grouped by date) and checkpoints, by date. */
export function timeline(ledger: Ledger): DatedEvent[] {
  const out = new Map<string, DatedEvent>();
  for (const r of ledger.rows) {
    if (r.task.deadline === null) continue;
    const key = `${r.task.deadline}d`;
    const e = out.get(key);
    if (e) e.rows.push(r);
    else out.set(key, { date: r.task.deadline, kind: 'deadline', rows: [r] });
  }
  for (const r of ledger.rows) {
    for (const m of r.task.milestones ?? []) {
      const key = `${m.date}m`;
      const e = out.get(key);
      if (e) {
        e.rows.push(r);
        e.texts!.push(m.text);
      } else out.set(key, { date: m.date, kind: 'milestone', rows: [r], texts: [m.text] });
    }
  }
  for (const c of ledger.data.plan.checkpoints) out.set(`${c.date}c`, { date: c.date, kind: 'checkpoint', rows: [] });
  // On one day: units report, stages are reached, then the day's tasks fall due.
  const order = { checkpoint: 0, milestone: 1, deadline: 2 } as const;
  return [...out.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.kind] - order[b.kind]));
}
