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
  const assignments = ledger.rows.flatMap((r) => r.assignments.filter((a) => a.unit.id === unit.id)).sort(byDeadline);
  const checkpoints = ledger.data.plan.checkpoints.filter((c) => reportersOf(ledger, c).some((u) => u.id === unit.id));
  return { unit, assignments, checkpoints };
}
