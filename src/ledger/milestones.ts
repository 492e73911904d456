/**
 * Milestones (阶段性节点: 6月底前试点，年底前全面推开): the earlier stages of a
 * task's deadline, as dates the ledger tracks like the deadline. A milestone
 * passed while a unit has not started the task turns its light yellow
 * (ledger/index.ts lightAt); here, which milestones a view lists.
 */
import type { IsoDate, Task, Unit } from '../model.js';
import { isClosed, type Assignment, type Ledger } from './index.js';

export interface MilestoneDue {
  task: Task;
  date: IsoDate;
  text: string;
  /** From the as-of date, in the ledger's day unit: negative once passed. */
  daysLeft: number;
  /** The assignments of the task still open (of one unit, when asked for one). */
  open: Assignment[];
}

/**
 * The milestones whose days left pass `keep`, with the open assignments of
 * their tasks (one unit's, if given); milestones of closed work are left out.
 * A passed milestone is kept only where a unit has not started: that is what
 * it asks of anyone.
 */
export function milestonesDue(ledger: Ledger, keep: (daysLeft: number) => boolean, unit?: Unit): MilestoneDue[] {
  const out: MilestoneDue[] = [];
  for (const row of ledger.rows) {
    const stages = row.task.milestones;
    if (!stages || stages.length === 0) continue;
    let open: Assignment[] | undefined;
    for (const m of stages) {
      const daysLeft = ledger.daysTo(m.date);
      if (!keep(daysLeft)) continue;
      if (open === undefined) {
        if (unit) {
          const a = ledger.assess(row.task, unit);
          open = a && !isClosed(a.state) ? [a] : [];
        } else open = ledger.assignmentsWhere(row, (a) => !isClosed(a.state));
      }
      const owing = m.date < ledger.asOf ? open.filter((a) => a.state === 'not_started') : open;
      if (owing.length > 0) out.push({ task: row.task, date: m.date, text: m.text, daysLeft, open: owing });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A task's milestones as one line's parts, each marked passed or ahead of the as-of date. */
export function stagesOf(task: Task, asOf: IsoDate): { date: IsoDate; text: string; passed: boolean }[] {
  return (task.milestones ?? []).map((m) => ({ date: m.date, text: m.text, passed: m.date < asOf }));
}
