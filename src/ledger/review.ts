/**
 * Supervision (督查督办) read from the record: what the office had decided about
 * a unit's claim, and which deadline was in force for one assignment, on a
 * date. Pure: a status entry, its history and a date in; the picture then out.
 *
 * - A claim is a record that made the entry `done` or `not_applicable` (or, for
 *   an entry with no history, the entry itself, dated by its completion or
 *   update). Under `review: required` it awaits the office until a decision
 *   dated on or after the claim says otherwise.
 * - accepted closes it (销号); returned sends it back (退回: the unit's state is
 *   in progress again, by a history record written with the decision);
 *   reopened takes the last decision back: the claim awaits review again.
 *   Leaving done or not applicable before any decision withdraws the claim.
 * - A granted extension moves the deadline of this assignment only, from the
 *   day it was decided; the task's own deadline never changes. The latest
 *   grant decided on or before the date is in force.
 */
import type { ExtensionRecord, HistoryRecord, IsoDate, ReviewRecord, StatusEntry, TaskState } from '../model.js';

export type ReviewState = 'pending' | 'accepted' | 'returned';

export interface ClaimReview {
  /** pending: awaiting the office (待审核); accepted: closed (已销号); returned: sent back (已退回), null when there is no claim and no return to show. */
  state: ReviewState | null;
  /** The date of the claim in force (pending or accepted), or of the claim returned. */
  claimed?: IsoDate;
  /** The decision that gives the state (absent while pending without one). */
  decision?: ReviewRecord;
}

const CLAIMS: ReadonlySet<TaskState> = new Set(['done', 'not_applicable']);
export const isClaim = (state: TaskState): boolean => CLAIMS.has(state);

/** The date of the claim behind `state` in force on `asOf`: the last record on or before it that made the entry a claim. */
export function claimDate(entry: StatusEntry | undefined, history: readonly HistoryRecord[] | undefined, state: TaskState, asOf: IsoDate): IsoDate | undefined {
  if (!isClaim(state)) return undefined;
  let last: IsoDate | undefined;
  for (const h of history ?? []) if (h.date <= asOf && isClaim(h.to) && h.from !== h.to) last = h.date;
  if (last !== undefined) return last;
  // An entry written by hand, without history: it claims from its own dates.
  return entry?.completed ?? entry?.updated;
}

/**
 * The office's view of the assignment on `asOf`, given the state in force then
 * (from ledger/replay.ts). `state` is null where the plan does not ask for review.
 */
export function reviewOn(
  review: readonly ReviewRecord[] | undefined,
  state: TaskState,
  claimed: IsoDate | undefined,
  asOf: IsoDate,
): ClaimReview {
  let last: ReviewRecord | undefined;
  for (const r of review ?? []) if (r.date <= asOf) last = r;
  if (isClaim(state)) {
    // Only a decision made on or after the claim is about it; an older one was about an earlier claim.
    if (last === undefined || (claimed !== undefined && last.date < claimed) || last.decision === 'reopened') {
      return { state: 'pending', ...(claimed !== undefined && { claimed }), ...(last?.decision === 'reopened' && { decision: last }) };
    }
    if (last.decision === 'accepted') return { state: 'accepted', ...(claimed !== undefined && { claimed }), decision: last };
    // A return recorded while the entry still says done: the state written with it was undone by hand; the claim is new.
    return { state: 'pending', ...(claimed !== undefined && { claimed }) };
  }
  // Open again: show the return that sent it back, until the unit claims again.
  if (last?.decision === 'returned') return { state: 'returned', ...(last.claim !== undefined && { claimed: last.claim }), decision: last };
  return { state: null };
}

export interface DeadlineInForce {
  /** The deadline for this assignment on the date: the task's, or the latest extension granted by then. */
  deadline: IsoDate | null;
  /** The task's own deadline, present only when an extension moved it. */
  original?: IsoDate | null;
  /** The grant in force. */
  grant?: ExtensionRecord;
}

/** The date an extension grants: the office's own date, else the one asked for. */
export const grantedDate = (x: ExtensionRecord): IsoDate => x.grantedTo ?? x.to;

export function deadlineOn(taskDeadline: IsoDate | null, extensions: readonly ExtensionRecord[] | undefined, asOf: IsoDate): DeadlineInForce {
  let grant: ExtensionRecord | undefined;
  for (const x of extensions ?? []) {
    if (x.decision === 'granted' && x.decided !== undefined && x.decided <= asOf && (grant === undefined || x.decided >= grant.decided!)) grant = x;
  }
  if (grant === undefined) return { deadline: taskDeadline };
  return { deadline: grantedDate(grant), original: taskDeadline, grant };
}

/** Requests the office had not answered on `asOf` (made on or before it). */
export function pendingExtensions(extensions: readonly ExtensionRecord[] | undefined, asOf: IsoDate): ExtensionRecord[] {
  return (extensions ?? []).filter((x) => x.requested <= asOf && (x.decision === undefined || x.decided === undefined || x.decided > asOf));
}
