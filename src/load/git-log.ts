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
  const fields = r.stdout.split('\0');
  const commits: Commit[] = [];
  for (let i = 0; i + 3 < fields.length; i += 4) {
    const sha = fields[i]!.trim();
    if (sha === '') break;
    const parents = fields[i + 1]!.split(' ').filter((p) => p !== '');
    commits.push({ sha, parents, authorName: fields[i + 2]!, authorEmail: fields[i + 3]!, changes: changesOf(top, sha, parents.length) });
  }
  return commits;
}

/**
 * What a commit changes. A merge is read as a combined diff: only the files
 * that differ from every parent, i.e. what the merge itself changed (a
 * conflict resolution, an "evil" merge). What it brings from the merged branch
 * was changed by that branch's own commits, which are judged on their own.
 */
export function changesOf(top: string, sha: string, parentCount: number): FileChange[] {
  const args = parentCount > 1 ? ['diff-tree', '-r', '-z', '-c', '--name-status', '--no-commit-id', sha] : ['diff-tree', '-r', '-z', '-M', '--name-status', '--no-commit-id', '--root', sha];
  const r = git(top, args);
  if (!r.ok) throw new Error(`git diff-tree failed: ${r.stderr}`);
  return parseNameStatus(r.stdout);
}

/** `--name-status -z`: status NUL path NUL, and a second path for renames and copies. */
export function parseNameStatus(out: string): FileChange[] {
  const tokens = out.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < tokens.length; ) {
    const status = tokens[i++]!;
    if (status === '') continue;
    if (/^[RC]/.test(status)) {
      const from = tokens[i++]!;
      const path = tokens[i++]!;
      changes.push({ status: status[0]!, path, from });
    } else {
      changes.push({ status: status.replace(/\d+$/, ''), path: tokens[i++]! });
    }
  }
  return changes;
}
