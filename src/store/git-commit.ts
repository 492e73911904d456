/**
 * Writes to git: `plan update --commit` commits the one status file it changed,
 * and nothing else that may be staged.
 */
import { relative } from 'node:path';
import { realpathSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { git, GitUnavailable, planInRepo, type PlanInRepo } from '../load/git.js';

/** The repository holding the plan folder; a usage error when there is none or git is missing. */
export function requireRepo(planDir: string): PlanInRepo {
  let repo: PlanInRepo | undefined;
  try {
    repo = planInRepo(planDir);
  } catch (e) {
    if (e instanceof GitUnavailable) throw new UsageError('git-unavailable', { reason: e.reason });
    throw e;
  }
  if (!repo) throw new UsageError('not-a-git-repository', { dir: planDir });
  return repo;
}

/** `Name <mail>`, as git's --author takes it; checked before anything is written. */
export function checkAuthor(author: string): string {
  if (!/^[^<>\n]*[^<>\s][^<>\n]* <[^<>\s]+>$/.test(author)) throw new UsageError('bad-author', { author });
  return author;
}

/**
 * Commits exactly `file` (which must lie in the repository) with `message`.
 * Pathspecs are literal, so a file name with `*` or `:` means itself.
 */
export function commitFile(repo: PlanInRepo, file: string, message: string, author?: string): void {
  const path = relative(repo.top, realpathSync(file));
  const add = git(repo.top, ['--literal-pathspecs', 'add', '--', path]);
  if (!add.ok) throw new UsageError('commit-failed', { file, reason: add.stderr });
  const args = ['--literal-pathspecs', 'commit', '--quiet', '-m', message, ...(author ? ['--author', author] : []), '--only', '--', path];
  const commit = git(repo.top, args);
  if (!commit.ok) throw new UsageError('commit-failed', { file, reason: commit.stderr || commit.stdout.trim() });
}
