/**
 * Who may write the office's decisions (`plan check --since`): a review
 * decision, or the answer to a request for more time, is the office's, even in
 * a unit's own status file, which the unit may otherwise change. Judged commit
 * by commit from the file before and after: a record of the office's added or
 * changed by anyone who is not an office maintainer is an error naming the
 * commit and the entry. Kept apart from authorship.ts's ownership of files.
 */
import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import type { Commit } from '../load/git-log.js';

/** A file's text at a commit, undefined when it did not exist there. */
export type TextAt = (sha: string, path: string) => string | undefined;

interface Entry {
  review?: unknown[];
  extensions?: Record<string, unknown>[];
}

const ANSWER = ['decision', 'decided', 'decidedBy', 'grantedTo', 'decisionReason'] as const;

function entriesOf(text: string | undefined): Map<string, Entry> {
  if (text === undefined) return new Map();
  try {
    const data = parse(text, { uniqueKeys: false, maxAliasCount: 100 }) as { tasks?: Record<string, Entry> } | null;
    const tasks = data && typeof data === 'object' && data.tasks && typeof data.tasks === 'object' ? data.tasks : {};
    return new Map(Object.entries(tasks).filter(([, e]) => e !== null && typeof e === 'object'));
  } catch {
    // A file git holds that does not parse: its shape is plan check's to report, not this rule's.
    return new Map();
  }
}

const key = (x: unknown): string => JSON.stringify(x);
const answerOf = (x: Record<string, unknown> | undefined): string => key(ANSWER.map((k) => x?.[k] ?? null));

/** `isOffice`: the same judgement of who made a commit as the ownership of files (authorship.ts officeActs: the owners in its parent, the signer in signed mode). */
export function judgeDecisions(commits: readonly Commit[], isOffice: (commit: Commit) => boolean, planPath: string, shownAs: string, textAt: TextAt): Diagnostic[] {
  const prefix = planPath === '' ? '' : `${planPath}/`;
  const diagnostics: Diagnostic[] = [];
  for (const commit of commits) {
    if (isOffice(commit)) continue;
    for (const change of commit.changes) {
      if (!change.path.startsWith(prefix) || change.status.startsWith('D')) continue;
      const inPlan = change.path.slice(prefix.length);
      if (!/^status\/[^/]+\.yaml$/.test(inPlan)) continue;
      const parent = commit.parents[0];
      const before = entriesOf(parent === undefined ? undefined : textAt(parent, change.path));
      const after = entriesOf(textAt(commit.sha, change.path));
      const file = shownAs === '' || shownAs === '.' ? inPlan : `${shownAs.replace(/\/+$/, '')}/${inPlan}`;
      const report = (task: string, path: (string | number)[], what: string, date: unknown): void => {
        diagnostics.push({
          code: 'decision-not-by-office',
          severity: 'error',
          file,
          path: ['tasks', task, ...path],
          args: { commit: commit.sha.slice(0, 10), author: `${commit.authorName} <${commit.authorEmail}>`, task, what, date: typeof date === 'string' ? date : '' },
        });
      };
      for (const [task, entry] of after) {
        const was = before.get(task);
        // Review decisions: every record not there before (as many times as it was added).
        const had = new Map<string, number>();
        for (const r of Array.isArray(was?.review) ? was.review : []) had.set(key(r), (had.get(key(r)) ?? 0) + 1);
        (Array.isArray(entry.review) ? entry.review : []).forEach((r, i) => {
          const n = had.get(key(r)) ?? 0;
          if (n > 0) return had.set(key(r), n - 1);
          const record = r as { decision?: unknown; date?: unknown };
          report(task, ['review', i], `review: ${String(record.decision ?? '?')}`, record.date);
        });
        // Answers to requests: a request the unit writes is its own; the decision and its fields are the office's.
        const previous = Array.isArray(was?.extensions) ? was.extensions : [];
        (Array.isArray(entry.extensions) ? entry.extensions : []).forEach((x, i) => {
          if (x === null || typeof x !== 'object') return;
          const earlier = previous.find((p) => p && typeof p === 'object' && p.requested === x.requested && p.to === x.to);
          if (answerOf(x) !== answerOf(earlier) && ANSWER.some((k) => x[k] !== undefined || earlier?.[k] !== undefined)) {
            report(task, ['extensions', i], `extension: ${String(x.decision ?? 'answer')}`, x.decided ?? x.requested);
          }
        });
      }
    }
  }
  return diagnostics;
}
