/** `plan check --since <rev>`: every commit of rev..HEAD against the owners of the files it changes. */
import type { Diagnostic } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import { commitsSince, resolveRevision } from '../load/git-log.js';
import { git, GitUnavailable, planInRepo } from '../load/git.js';
import type { PlanData } from '../model.js';
import { judgeCommits } from '../validate/authorship.js';
import { judgeDecisions } from '../validate/decision-authors.js';
import type { Context } from './context.js';

export function authorshipDiagnostics(ctx: Context, data: PlanData, since: string): Diagnostic[] {
  try {
    const repo = planInRepo(ctx.planDir);
    if (!repo) throw new UsageError('not-a-git-repository', { dir: ctx.planDir });
    const base = resolveRevision(repo.top, since);
    if (base === undefined) throw new UsageError('unknown-revision', { rev: since });
    const commits = commitsSince(repo.top, base);
    // The office's decisions are judged on the records each commit adds, even in a file the author may change.
    const textAt = (sha: string, path: string): string | undefined => {
      const r = git(repo.top, ['show', `${sha}:${path}`]);
      return r.ok ? r.stdout : undefined;
    };
    return [...judgeCommits(commits, data, repo.planPath, ctx.planDir), ...judgeDecisions(commits, data, repo.planPath, ctx.planDir, textAt)];
  } catch (e) {
    if (e instanceof GitUnavailable) throw new UsageError('git-unavailable', { reason: e.reason });
    throw e;
  }
}
