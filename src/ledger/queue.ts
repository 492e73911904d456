/**
 * The office's queue (待审核事项): the claims awaiting its decision and the
 * requests for more time awaiting its answer on the as-of date, oldest first.
 * Pure: the ledger in, the queue out; `plan review --pending` and the internal
 * site word it.
 */
import { daysBetween } from '../calendar.js';
import type { ExtensionRecord, IsoDate } from '../model.js';
import { compareIds, type Assignment, type Ledger } from './index.js';

export interface QueueItem {
  kind: 'claim' | 'extension';
  assignment: Assignment;
  /** When it came in: the claim's date, or the request's. */
  since: IsoDate | undefined;
  /** Days it has waited on the as-of date (0 when the claim has no date). */
  waiting: number;
  /** The request, for kind extension. */
  extension?: ExtensionRecord;
}

export function reviewQueue(ledger: Ledger, units?: ReadonlySet<string>): QueueItem[] {
  const required = ledger.data.plan.review === 'required';
  const items: QueueItem[] = [];
  for (const row of ledger.rows) {
    if (!required && !ledger.hasExtensions(row.task)) continue;
    const wanted = ledger.assignmentsWhere(row, (a) => (a.review === 'pending' || a.extensionsPending !== undefined) && (!units || units.has(a.unit.id)));
    for (const a of wanted) {
      if (a.review === 'pending') items.push({ kind: 'claim', assignment: a, since: a.claimed, waiting: a.claimed === undefined ? 0 : Math.max(0, daysBetween(a.claimed, ledger.asOf)) });
      for (const x of a.extensionsPending ?? []) items.push({ kind: 'extension', assignment: a, since: x.requested, waiting: Math.max(0, daysBetween(x.requested, ledger.asOf)), extension: x });
    }
  }
  const unitOrder = new Map(ledger.data.units.map((u, i) => [u.id, i]));
  // Longest waiting first; then as the county lists its units, then by task.
  return items.sort((a, b) => b.waiting - a.waiting || unitOrder.get(a.assignment.unit.id)! - unitOrder.get(b.assignment.unit.id)! || compareIds(a.assignment.task.id, b.assignment.task.id) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}
