/**
 * A unit's progress report for a checkpoint (任务推进落实情况): its tasks as
 * they stand and what changed since the previous checkpoint.
 */
import type { Checkpoint, HistoryRecord, IsoDate, Unit } from '../model.js';
import { checklistFor, type Checklist } from './checklist.js';
import type { Ledger } from './index.js';

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

/** `at`: a checkpoint date; by default the unit's next checkpoint on or after the as-of date. */
export function progressReport(ledger: Ledger, unit: Unit, at?: IsoDate): ProgressReport {
  const list = checklistFor(ledger, unit);
  const dates = list.checkpoints.map((c) => c.date).sort();
  const to = at ?? dates.find((d) => d >= ledger.asOf) ?? ledger.asOf;
  const checkpoint = list.checkpoints.find((c) => c.date === to);
  const from = [...dates].reverse().find((d) => d < to) ?? ledger.data.plan.signed ?? ledger.data.plan.span?.start ?? '0000-01-01';
  const changes = list.assignments
    .flatMap((a) => (a.entry?.details?.history ?? []).map((h) => ({ ...h, task: a.task.id, title: a.task.title })))
    .filter((c) => c.date > from && c.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...list, ...(checkpoint && { checkpoint }), from, to, changes };
}
