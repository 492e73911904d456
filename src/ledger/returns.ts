/**
 * 报送情况: which units have returned their form for a checkpoint. Pure, from
 * the `returns` recorded by `plan collect`; a return received after the as-of
 * date is not yet known as of that date.
 */
import type { Checkpoint, FormReturn, Unit } from '../model.js';
import { reportersOf, type Ledger } from './index.js';

export interface ReturnRow {
  checkpoint: Checkpoint;
  unit: Unit;
  /** The latest return for this checkpoint received on or before the as-of date. */
  received?: FormReturn;
  /** Past the checkpoint with no form. */
  late: boolean;
}

export function returnsFor(ledger: Ledger, checkpoint: Checkpoint): ReturnRow[] {
  const byUnit = new Map<string, FormReturn>();
  for (const r of ledger.data.returns) {
    if (r.checkpoint !== checkpoint.date || r.received > ledger.asOf) continue;
    const had = byUnit.get(r.unit);
    if (!had || had.received <= r.received) byUnit.set(r.unit, r);
  }
  return reportersOf(ledger, checkpoint).map((unit) => {
    const received = byUnit.get(unit.id);
    return { checkpoint, unit, ...(received && { received }), late: !received && checkpoint.date < ledger.asOf };
  });
}

/**
 * The checkpoint whose forms are being collected as of the as-of date: the
 * next one, or the last one passed while forms for it are still missing and
 * the next has not begun to come in. Undefined when the plan has none.
 */
export function collectingCheckpoint(ledger: Ledger): Checkpoint | undefined {
  const dates = [...ledger.data.plan.checkpoints].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const next = dates.find((c) => c.date >= ledger.asOf);
  const last = [...dates].reverse().find((c) => c.date < ledger.asOf);
  const nextStarted = next !== undefined && ledger.data.returns.some((r) => r.checkpoint === next.date && r.received <= ledger.asOf);
  if (last && !nextStarted && returnsFor(ledger, last).some((r) => r.late)) return last;
  return next ?? last;
}
