/**
 * A unit's progress report for a checkpoint (任务推进落实情况): its tasks as
 * they stand and what changed since the previous checkpoint.
 */
import type { Checkpoint, HistoryRecord, IsoDate, Unit } from '../model.js';
import { checklistFor, type Checklist } from './checklist.js';
import type { Assignment, Ledger } from './index.js';

export interface Change extends HistoryRecord {
  task: string;
  title: string;
}

export interface ProgressReport extends Checklist {
  /** The checkpoint reported at, if the plan has one for this unit. */
  checkpoint?: Checkpoint;
  /** The period the changes cover: after `from`, up to and including `to`. */
  from: IsoDate;
  to: IsoDate;
  changes: Change[];
}

/**
 * `at`: a checkpoint date, or an explicit period; by default the unit's next
 * checkpoint on or after the as-of date. Which dates are allowed is the
 * command's to say; the ledger should be built as of the end of the period
 * (or earlier) for the states to be those of that date.
 */
export function progressReport(ledger: Ledger, unit: Unit, at?: IsoDate | { from: IsoDate; to: IsoDate }): ProgressReport {
  const list = checklistFor(ledger, unit);
  const dates = list.checkpoints.map((c) => c.date).sort();
  const to = typeof at === 'object' ? at.to : (at ?? dates.find((d) => d >= ledger.asOf) ?? ledger.asOf);
  const checkpoint = list.checkpoints.find((c) => c.date === to);
  const from = typeof at === 'object' ? at.from : ([...dates].reverse().find((d) => d < to) ?? ledger.data.plan.signed);
  // An interim report (as of a date before the period ends) knows nothing recorded after it.
  const until = ledger.asOf < to ? ledger.asOf : to;
  const historyOf = ledger.historyOf ?? ((_u: string, _t: string, e: Assignment['entry']) => e?.details?.history ?? e?.history);
  const changes = list.assignments
    .flatMap((a) => (historyOf(a.unit.id, a.task.id, a.entry) ?? []).map((h) => ({ ...h, task: a.task.id, title: a.task.title })))
    .filter((c) => c.date > from && c.date <= until)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...list, ...(checkpoint && { checkpoint }), from, to, changes };
}
