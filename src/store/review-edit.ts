/**
 * The office's decisions and the units' requests for more time, written into a
 * unit's status file as records (never a flag overwritten): `plan review`,
 * `plan extend`, `plan update --withdraw` and `plan collect`'s extension
 * column. Pure: text in, text out, through editEntry (comments and every other
 * entry kept). Whether an action may be taken is decided here, on the entry as
 * it stands under the lock, with the rules of ledger/review.ts.
 */
import { isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { UsageError } from '../errors.js';
import { claimDate, deadlineOn, isClaim, reviewOn } from '../ledger/review.js';
import type { ExtensionRecord, HistoryRecord, IsoDate, ReviewRecord, StatusEntry, TaskState } from '../model.js';
import { editEntry } from './status-edit.js';

export type ReviewAction =
  | { kind: 'accept'; by: string; note?: string }
  | { kind: 'return'; by: string; reason: string }
  | { kind: 'reopen'; by: string; reason: string }
  | { kind: 'grant'; by: string; to?: IsoDate; note?: string }
  | { kind: 'deny'; by: string; reason: string }
  | { kind: 'request'; by?: string; to: IsoDate; reason: string; late: boolean }
  | { kind: 'withdraw'; note?: string };

export interface ReviewEdit {
  text: string;
  changed: boolean;
  /** The claim decided, the request answered or made: for the command's message. */
  claim?: IsoDate;
  extension?: ExtensionRecord;
  /** The deadline in force before the action (for a request: the one it asks to move). */
  deadline?: IsoDate | null;
}

interface EntryData {
  state?: TaskState;
  completed?: IsoDate;
  updated?: IsoDate;
  history?: HistoryRecord[];
  review?: ReviewRecord[];
  extensions?: ExtensionRecord[];
}

/** The entry as the ledger would read it on `asOf`: enough for the rules of review.ts. */
function asEntry(unit: string, task: string, d: EntryData): StatusEntry {
  return {
    unit,
    task,
    state: d.state ?? 'not_started',
    completed: d.completed,
    updated: d.updated,
    evidenceCount: 0,
    hasReason: false,
    ...(d.review && { review: d.review }),
    ...(d.extensions && { extensions: d.extensions }),
  };
}

/**
 * Applies `action` on `asOf` to the unit's entry for the task. `taskDeadline`
 * is the task's own deadline (issue 23 may compute it from working days).
 */
export function editReview(original: string | undefined, unit: string, task: string, action: ReviewAction, asOf: IsoDate, taskDeadline: IsoDate | null): ReviewEdit {
  let out: Omit<ReviewEdit, 'text' | 'changed'> = {};
  const edited = editEntry(original, unit, task, (doc, entry) => {
    const data = (entry.items.length > 0 ? entry.toJS(doc) : {}) as EntryData;
    // A unit that asks for more time before it has reported anything: its entry starts as not started.
    if (data.state === undefined) entry.items.unshift(doc.createPair('state', 'not_started'));
    const state = data.state ?? 'not_started';
    const history = data.history ?? [];
    const statusEntry = asEntry(unit, task, data);
    const claimed = claimDate(statusEntry, history, state, asOf);
    const view = reviewOn(data.review, state, claimed, asOf);
    const ids = { unit, task };
    switch (action.kind) {
      case 'accept':
      case 'return': {
        if (view.state !== 'pending') throw new UsageError('review-no-claim', { ...ids, state, review: view.state ?? '' });
        const record: ReviewRecord = { date: asOf, decision: action.kind === 'accept' ? 'accepted' : 'returned', by: action.by, ...(claimed !== undefined && { claim: claimed }) };
        if (action.kind === 'accept' && action.note !== undefined) record.note = action.note;
        if (action.kind === 'return') record.reason = action.reason;
        append(doc, entry, 'review', record);
        // A return sends the claim back: the unit's state is in progress again, with the reason as the record's note.
        if (action.kind === 'return') setState(doc, entry, state, 'in_progress', asOf, action.reason);
        out = { ...(claimed !== undefined && { claim: claimed }) };
        return true;
      }
      case 'reopen': {
        const last = (data.review ?? []).filter((r) => r.date <= asOf).at(-1);
        if (last === undefined || last.decision === 'reopened') throw new UsageError('review-nothing-to-reopen', ids);
        // A return the unit has answered with a new claim: that claim awaits review already.
        if (last.decision === 'returned' && isClaim(state)) throw new UsageError('review-nothing-to-reopen', ids);
        append(doc, entry, 'review', { date: asOf, decision: 'reopened', by: action.by, ...(last.claim !== undefined && { claim: last.claim }), reason: action.reason });
        if (last.decision === 'returned') {
          // The claim returned stands again, awaiting review: its state and completion date come back.
          const claim = [...history].reverse().find((h) => isClaim(h.to) && h.from !== h.to && (last.claim === undefined || h.date === last.claim));
          setState(doc, entry, state, claim?.to ?? 'done', asOf, action.reason, claim?.completed ?? claim?.date ?? last.claim);
        }
        out = { ...(last.claim !== undefined && { claim: last.claim }) };
        return true;
      }
      case 'withdraw': {
        // Only the unit's own claim, before the office has decided it.
        if (view.state !== 'pending') throw new UsageError('withdraw-no-claim', { ...ids, state });
        setState(doc, entry, state, 'in_progress', asOf, action.note === undefined ? '撤回' : `撤回：${action.note}`);
        out = { ...(claimed !== undefined && { claim: claimed }) };
        return true;
      }
      case 'request': {
        const due = deadlineOn(taskDeadline, data.extensions, asOf);
        if (due.deadline === null) throw new UsageError('extension-no-deadline', ids);
        if (isClaim(state) && view.state !== 'returned') throw new UsageError('extension-closed', { ...ids, state });
        if ((data.extensions ?? []).some((x) => x.decision === undefined)) throw new UsageError('extension-waiting', ids);
        if (action.to <= due.deadline) throw new UsageError('extension-not-later', { ...ids, to: action.to, deadline: due.deadline });
        const late = asOf > due.deadline;
        if (late && !action.late) throw new UsageError('extension-late', { ...ids, deadline: due.deadline, asOf });
        const record: ExtensionRecord = { requested: asOf, to: action.to, reason: action.reason, ...(late && { late: true }), ...(action.by !== undefined && { by: action.by }) };
        append(doc, entry, 'extensions', record);
        out = { extension: record, deadline: due.deadline };
        return true;
      }
      case 'grant':
      case 'deny': {
        const list = extensionsNode(entry);
        let waiting = -1;
        list?.items.forEach((x, i) => {
          if (isMap(x) && x.get('decision') === undefined) waiting = i;
        });
        if (list === undefined || waiting < 0) throw new UsageError('extension-no-request', ids);
        const request = (list.items[waiting] as YAMLMap).toJS(doc) as ExtensionRecord;
        if (request.requested > asOf) throw new UsageError('extension-no-request', ids);
        const node = list.items[waiting] as YAMLMap;
        node.set('decision', action.kind === 'grant' ? 'granted' : 'denied');
        node.set('decided', asOf);
        node.set('decidedBy', action.by);
        if (action.kind === 'grant') {
          const due = deadlineOn(taskDeadline, data.extensions, asOf);
          const to = action.to ?? request.to;
          if (due.deadline !== null && to <= due.deadline) throw new UsageError('extension-not-later', { ...ids, to, deadline: due.deadline });
          if (action.to !== undefined && action.to !== request.to) node.set('grantedTo', action.to);
          if (action.note !== undefined) node.set('decisionReason', action.note);
        } else node.set('decisionReason', action.reason);
        out = { extension: node.toJS(doc) as ExtensionRecord, deadline: deadlineOn(taskDeadline, data.extensions, asOf).deadline };
        return true;
      }
    }
  });
  return { text: edited.text, changed: edited.changed, ...out };
}

function extensionsNode(entry: YAMLMap): YAMLSeq | undefined {
  const node: unknown = entry.get('extensions', true);
  return isSeq(node) ? node : undefined;
}

/** Adds a record to the entry's `review` or `extensions` list (made when absent, before the history, which reads best last). */
function append(doc: Document, entry: YAMLMap, key: 'review' | 'extensions', record: object): void {
  let seq: unknown = entry.get(key, true);
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    entry.set(key, seq);
    const at = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'history');
    if (at >= 0) entry.items.push(...entry.items.splice(at, 1));
  }
  const node = doc.createNode(record);
  // One record a line, like the history's.
  (node as YAMLMap).flow = true;
  (seq as YAMLSeq).add(node);
}

/** Moves the entry to `to` with a history record, as plan update would, keeping its progress text. */
function setState(doc: Document, entry: YAMLMap, from: TaskState, to: TaskState, asOf: IsoDate, note: string, completed?: IsoDate): void {
  entry.set('state', to);
  if (to === 'done' && completed !== undefined) entry.set('completed', completed);
  else if (to !== 'done') entry.delete('completed');
  entry.set('updated', asOf);
  const record: Record<string, string> = { date: asOf, from, to };
  if (to === 'done' && completed !== undefined && completed !== asOf) record.completed = completed;
  record.note = note;
  let history: unknown = entry.get('history', true);
  if (!isSeq(history)) {
    history = new YAMLSeq();
    entry.set('history', history);
  }
  const node = doc.createNode(record);
  (node as YAMLMap).flow = true;
  (history as YAMLSeq).add(node);
  const at = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === 'history');
  entry.items.push(...entry.items.splice(at, 1));
}
