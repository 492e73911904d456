/**
 * The office's records in a status file (review decisions, requests for more
 * time) read for meaning: each decision is about a claim that was made, each
 * answer about a request, dates in order, a reason where one is required.
 * The shape is the schema's; what the records mean on a date is ledger/review.ts.
 */
import type { IsoDate, StatusEntry, TaskState } from '../model.js';

const isClaim = (state: TaskState): boolean => state === 'done' || state === 'not_applicable';

export type Report = (code: string, path: (string | number)[], args: Record<string, string | number>, severity?: 'error' | 'warning') => void;

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** The dates the entry was claimed done or not applicable: from its history, else (written by hand) its own dates. */
function claimDates(entry: StatusEntry): IsoDate[] {
  const history = entry.details?.history ?? entry.history;
  if (history !== undefined && history.length > 0) return history.filter((h) => isClaim(h.to) && h.from !== h.to).map((h) => h.date);
  const own = entry.completed ?? entry.updated;
  return isClaim(entry.state) && own !== undefined ? [own] : [];
}

export function checkReviewRecords(entry: StatusEntry, taskDeadline: IsoDate | null, reviewRequired: boolean, report: Report): void {
  const at = (list: 'review' | 'extensions', i: number, field?: string): (string | number)[] => ['tasks', entry.task, list, i, ...(field === undefined ? [] : [field])];
  const task = entry.task;
  const review = entry.review ?? [];
  if (review.length > 0 && !reviewRequired) report('review-not-required', at('review', 0), { task }, 'warning');
  const claims = claimDates(entry);
  let decided = false;
  review.forEach((r, i) => {
    const before = review[i - 1];
    if (before !== undefined && r.date < before.date) report('review-out-of-order', at('review', i, 'date'), { task, date: r.date, previous: before.date });
    if (r.decision === 'reopened') {
      if (!decided) report('reopen-without-decision', at('review', i, 'decision'), { task, date: r.date });
    } else {
      // A decision is about a claim made on or before it: the one it names, else any.
      const about = r.claim === undefined ? claims.some((c) => c <= r.date) : claims.includes(r.claim) && r.claim <= r.date;
      if (!about) report('review-without-claim', at('review', i, r.claim === undefined ? 'decision' : 'claim'), { task, decision: r.decision, date: r.date, claim: r.claim ?? '' });
      else if (r.claim !== undefined && r.claim > r.date) report('review-before-claim', at('review', i, 'claim'), { task, date: r.date, claim: r.claim });
      decided = true;
    }
    if ((r.decision === 'returned' || r.decision === 'reopened') && blank(r.reason)) report('review-reason-missing', at('review', i), { task, decision: r.decision });
  });

  const extensions = entry.extensions ?? [];
  extensions.forEach((x, i) => {
    if (blank(x.reason)) report('extension-reason-missing', at('extensions', i, 'reason'), { task });
    if (taskDeadline !== null && x.to <= taskDeadline) report('extension-not-later', at('extensions', i, 'to'), { task, to: x.to, deadline: taskDeadline });
    const answered = x.decided !== undefined || x.decidedBy !== undefined || x.grantedTo !== undefined || x.decisionReason !== undefined;
    if (x.decision === undefined) {
      // An answer written without saying what it was: a grant without a decision, or a date of nothing.
      if (answered) report('extension-answer-without-decision', at('extensions', i), { task, requested: x.requested });
      return;
    }
    if (x.decided === undefined) report('extension-decision-undated', at('extensions', i, 'decision'), { task, decision: x.decision });
    else if (x.decided < x.requested) report('extension-decided-before-request', at('extensions', i, 'decided'), { task, decided: x.decided, requested: x.requested });
    if (x.decision === 'denied' && blank(x.decisionReason)) report('extension-reason-missing', at('extensions', i, 'decision'), { task });
    if (x.decision === 'denied' && x.grantedTo !== undefined) report('extension-denied-with-date', at('extensions', i, 'grantedTo'), { task });
    if (x.grantedTo !== undefined && taskDeadline !== null && x.grantedTo <= taskDeadline) report('extension-not-later', at('extensions', i, 'grantedTo'), { task, to: x.grantedTo, deadline: taskDeadline });
    const previous = extensions[i - 1];
    if (previous !== undefined && x.requested < previous.requested) report('extension-out-of-order', at('extensions', i, 'requested'), { task, date: x.requested, previous: previous.requested });
  });
  // A grant answers a request: a second request while one waits has nothing to answer it (checked here so a hand edit is caught too).
  const waiting = extensions.filter((x) => x.decision === undefined);
  if (waiting.length > 1) report('extension-two-waiting', at('extensions', extensions.lastIndexOf(waiting.at(-1)!)), { task });
}
