/** A unit's checklist: its assignments (through its groups too) and its checkpoints. */
import type { Checkpoint, Unit } from '../model.js';
import { byDeadline, reportersOf, type Assignment, type Ledger } from './index.js';

export interface Checklist {
  unit: Unit;
  assignments: Assignment[];
  /** Checkpoints at which this unit reports. */
  checkpoints: Checkpoint[];
}

export function checklistFor(ledger: Ledger, unit: Unit): Checklist {
  // The unit's own assignments only: the other units' pairs are never made.
  const assignments: Assignment[] = [];
  for (const row of ledger.rows) {
    const a = ledger.assess(row.task, unit);
    if (a) assignments.push(a);
  }
  assignments.sort(byDeadline);
  // In date order: a cadence's dates and the written ones are kept apart in the plan, not in the unit's list.
  const checkpoints = ledger.data.plan.checkpoints.filter((c) => reportersOf(ledger, c).some((u) => u.id === unit.id)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { unit, assignments, checkpoints };
}
