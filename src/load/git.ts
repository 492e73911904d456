/**
 * Git as a reader: runs `git` with argument arrays (never a shell), so odd
 * file names, revisions and messages cannot turn into commands. Paths are read
 * with -z wherever git offers it.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export class GitUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): GitResult {
  const r = spawnSync('git', args, {
    cwd,
    ...(input !== undefined && { input }),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    // Git's own pager, colours and locale must not change what is parsed.
    env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C', ...env },
  });
  if (r.error) throw new GitUnavailable((r.error as NodeJS.ErrnoException).code ?? r.error.message);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** Where a plan folder sits in its repository, or undefined when it is not in one. */
export interface PlanInRepo {
  /** The repository's top folder. */
  top: string;
  /** The plan folder relative to the top, with `/`, no trailing slash ('' for the top itself). */
  planPath: string;
}

export function planInRepo(planDir: string): PlanInRepo | undefined {
  let real: string;
  try {
    real = realpathSync(planDir);
  } catch {
    return undefined;
  }
  let r: GitResult;
  try {
    r = git(real, ['rev-parse', '--show-toplevel']);
  } catch {
    return undefined;
  }
  if (!r.ok) return undefined;
  const top = realpathSync(r.stdout.replace(/\n$/, ''));
  return { top, planPath: relative(top, real).split(sep).join('/') };
}

/** The path of a file of the plan folder as git names it (relative to the top, `/`). */
export function repoPath(repo: PlanInRepo, inPlan: string): string {
  return repo.planPath === '' ? inPlan : `${repo.planPath}/${inPlan}`;
}
