/**
 * Reading the record back in time: what one unit's entry for one task said on
 * a given date. Pure: the entry as it stands now, its history records (from the
 * status file's `history:` list, or any other source of records such as a git
 * log) and a date in; the state in force on that date out.
 *
 * The rule, in order:
 * - nothing recorded after the date: the entry as it stands is the picture;
 * - records exist: the last record on or before the date gives the state (none
 *   yet: the state before the first record, else not started);
 * - no records at all: the entry, except that a completion after the date
 *   counts as open then (nothing says what it was before, so not started).
 *
 * The record is what was written down then, so a report about a past date
 * gives the same picture however late it is run.
 */
import type { HistoryRecord, IsoDate, StatusEntry, TaskState } from '../model.js';

export interface StateInForce {
  state: TaskState;
  /** The completion date in force, for `done` only. */
  completed?: IsoDate;
  /** The progress text known then. */
  progress?: string;
  /** Why it was blocked or not applicable, as known then. */
  reason?: string;
  /** Evidence links; history does not record when links were added, so only while the entry as it stands is in force. */
  evidence?: readonly string[];
  /** True when the entry was read back to an earlier state (something was recorded after the date). */
  replayed: boolean;
}

/** The state of a pair with no entry and no record. */
export const NOT_STARTED: StateInForce = Object.freeze({ state: 'not_started', replayed: false });

/**
 * The entry's texts as they stand (present only when details were loaded).
 * One object shape for every entry: made once per task × unit pair.
 */
function asItStands(entry: StatusEntry): StateInForce {
  const d = entry.details;
  return {
    state: entry.state,
    replayed: false,
    completed: entry.state === 'done' ? entry.completed : undefined,
    progress: d?.progress,
    reason: entry.state === 'blocked' || entry.state === 'not_applicable' ? d?.reason : undefined,
    evidence: d && d.evidence.length > 0 ? d.evidence : undefined,
  };
}

/** The last date anything about the entry was written down. */
export function lastRecorded(entry: StatusEntry | undefined, history: readonly HistoryRecord[]): IsoDate | undefined {
  let last: IsoDate | undefined;
  const see = (d: IsoDate | undefined): void => {
    if (d !== undefined && (last === undefined || d > last)) last = d;
  };
  see(entry?.updated);
  see(entry?.completed);
  for (const h of history) see(h.date);
  return last;
}

export function stateOn(entry: StatusEntry | undefined, history: readonly HistoryRecord[] | undefined, asOf: IsoDate): StateInForce {
  if (!entry && (history === undefined || history.length === 0)) return NOT_STARTED;
  if (entry && (history === undefined || history.length === 0)) {
    // The common case, once per task × unit pair (a million at province size):
    // only a completion after the date reads back (the rule's third case; with
    // nothing after the date, the entry as it stands).
    return entry.state === 'done' && entry.completed !== undefined && entry.completed > asOf ? { state: 'not_started', replayed: true } : asItStands(entry);
  }
  const records = history ?? [];
  const last = lastRecorded(entry, records);
  if (entry && (last === undefined || last <= asOf)) return asItStands(entry);

  if (records.length === 0) {
    // No record of earlier states: only the completion date can be read back.
    if (entry!.state === 'done' && entry!.completed !== undefined && entry!.completed > asOf) return { state: 'not_started', replayed: true };
    return asItStands(entry!);
  }

  // Stable by date: records of one day keep the order they were written in.
  const sorted = records.map((r, i) => ({ r, i })).sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i)).map((x) => x.r);
  let at = -1;
  for (let i = 0; i < sorted.length; i++) if (sorted[i]!.date <= asOf) at = i;
  if (at < 0) return { state: sorted[0]!.from ?? 'not_started', replayed: true };

  const inForce = sorted[at]!;
  const out: StateInForce = { state: inForce.to, replayed: true };
  // The unbroken run of records ending in this state: when the state began.
  let begin = at;
  while (begin > 0 && sorted[begin - 1]!.to === inForce.to) begin--;
  const stillSo = sorted.slice(at + 1).every((r) => r.to === inForce.to) && entry?.state === inForce.to;
  if (inForce.to === 'done') {
    // The entry's own date (it may be back-dated) while this completion still stands; else the day it was recorded.
    out.completed = stillSo && entry?.completed !== undefined && entry.completed <= asOf ? entry.completed : sorted[begin]!.date;
  }
  for (let i = at; i >= 0; i--) {
    const r = sorted[i]!;
    if (r.note === undefined) continue;
    const aboutWhy = r.to === 'blocked' || r.to === 'not_applicable';
    if (aboutWhy && i >= begin && out.reason === undefined && (inForce.to === 'blocked' || inForce.to === 'not_applicable')) out.reason = r.note;
    else if (!aboutWhy && out.progress === undefined) out.progress = r.note;
  }
  return out;
}

/** The records made on or before `asOf`: what had happened by then (`plan history --as-of`). */
export function recordedBy(history: readonly HistoryRecord[], asOf: IsoDate): HistoryRecord[] {
  return history.filter((h) => h.date <= asOf);
}
