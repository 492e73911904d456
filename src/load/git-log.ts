/**
 * The commits of a range and the files each one changes, read from git for
 * `plan check --since`.
 */
import { git } from './git.js';

export interface FileChange {
  /** A, M, D, T, R (rename) or C (copy); for a merge, one letter per parent. */
  status: string;
  path: string;
  /** For a rename or copy: the path it came from. */
  from?: string;
}

export interface Commit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  changes: FileChange[];
}

/** A revision as a full commit id, or undefined when git does not know it. */
export function resolveRevision(top: string, rev: string): string | undefined {
  const r = git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return r.ok ? r.stdout.trim() : undefined;
}

/** Every commit in base..HEAD, oldest first (parents before children). */
export function commitsSince(top: string, base: string): Commit[] {
  const r = git(top, ['log', '-z', '--reverse', '--topo-order', '--format=%H%x00%P%x00%an%x00%ae', `${base}..HEAD`]);
  if (!r.ok) throw new Error(`git log failed: ${r.stderr}`);
  // Names and addresses cannot hold a NUL: four fields per commit.
  const fields = r.stdout.split('\0');
  const commits: Commit[] = [];
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const sha = fields[i]!.trim();
    if (sha === '') break;
    const parents = fields[i + 1]!.split(' ').filter((p) => p !== '');
    commits.push({ sha, parents, authorName: fields[i + 2]!, authorEmail: fields[i + 3]!, changes: [] });
  }
  const changes = changesOf(top, commits.map((c) => c.sha));
  for (const c of commits) c.changes = changes.get(c.sha) ?? [];
  return commits;
}

/**
 * What each commit changes, from one `git diff-tree --stdin` for all of them.
 * A merge is read as a combined diff (-c): only the files that differ from
 * every parent, i.e. what the merge itself changed (a conflict resolution, an
 * "evil" merge). What it brings from the merged branch was changed by that
 * branch's own commits, which are judged on their own.
 */
export function changesOf(top: string, shas: string[]): Map<string, FileChange[]> {
  const byCommit = new Map<string, FileChange[]>();
  if (shas.length === 0) return byCommit;
  const r = git(top, ['diff-tree', '--stdin', '-r', '-z', '-M', '-c', '--name-status', '--root'], {}, `${shas.join('\n')}\n`);
  if (!r.ok) throw new Error(`git diff-tree failed: ${r.stderr}`);
  // Tokens: a commit id starts each commit's list (commits that change nothing
  // print none); a path always follows its status, so a path that looks like
  // a commit id is never taken for one.
  const wanted = new Set(shas);
  const tokens = r.stdout.split('\0');
  let current: FileChange[] | undefined;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i++]!.replace(/^\n/, '');
    if (token === '') continue;
    if (wanted.has(token)) {
      current = [];
      byCommit.set(token, current);
      continue;
    }
    if (!current) throw new Error(`git diff-tree: unexpected output ${JSON.stringify(token.slice(0, 40))}`);
    if (/^[RC]\d*$/.test(token)) {
      const from = tokens[i++]!;
      current.push({ status: token[0]!, path: tokens[i++]!, from });
    } else {
      current.push({ status: token, path: tokens[i++]! });
    }
  }
  return byCommit;
}
