/**
 * The commits of a range, the files each one changes, the files of a revision
 * and the signatures, read from git for `plan check --since`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './git.js';

export interface FileChange {
  /** A, M, D or T against the first parent. */
  status: string;
  path: string;
  /** The blob the commit leaves at `path` (all zeros when it deletes it). */
  blob: string;
  /** The mode it leaves (100644, 100755, 120000 a symlink, 160000 a submodule; 000000 deleted). */
  mode: string;
}

export interface Commit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Every path whose content differs from the first parent's (for a root commit: every path). */
  changes: FileChange[];
  /**
   * A merge only: the paths of `changes` it took as another parent has them,
   * written there by that side's own commits since the fork (judged on their
   * own in the range, or accepted before it).
   */
  broughtIn?: Set<string>;
}

/** A revision as a full commit id, or undefined when git does not know it. */
export function resolveRevision(top: string, rev: string): string | undefined {
  const r = git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return r.ok ? r.stdout.trim() : undefined;
}

/** Every commit in base..HEAD, oldest first (parents before children). */
export function commitsSince(top: string, base: string): Commit[] {
  const r = git(top, ['log', '-z', '--reverse', '--topo-order', '--no-show-signature', '--format=%H%x00%P%x00%an%x00%ae', `${base}..HEAD`]);
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
  const single = commits.filter((c) => c.parents.length <= 1);
  const changes = changesOf(top, single.map((c) => c.sha));
  for (const c of single) c.changes = changes.get(c.sha) ?? [];
  for (const merge of commits.filter((c) => c.parents.length > 1)) {
    const [first, ...others] = merge.parents as [string, ...string[]];
    merge.changes = diffTrees(top, first, merge.sha);
    merge.broughtIn = new Set();
    for (const other of others) {
      // A path the merge took unchanged from this parent, where that parent's side had changed it since
      // the fork: the side's own commits wrote it (judged in the range, or accepted before it).
      // A path the side never changed is the fork point's version coming back: a rollback, judged.
      const differs = new Set(diffTrees(top, other, merge.sha).map((c) => c.path));
      const bases = git(top, ['merge-base', '--all', first, other]);
      const forks = bases.ok ? bases.stdout.split('\n').filter((b) => b !== '') : [];
      const sideChanged = forks.map((fork) => new Set(diffTrees(top, fork, other).map((c) => c.path)));
      for (const c of merge.changes) {
        if (!differs.has(c.path) && (forks.length === 0 || sideChanged.every((changed) => changed.has(c.path)))) merge.broughtIn.add(c.path);
      }
    }
  }
  return commits;
}

/**
 * What each commit changes against its parent, from one `git diff-tree
 * --stdin` for all of them, without rename detection (a rename is the two
 * paths it touches, and both are judged).
 */
export function changesOf(top: string, shas: string[]): Map<string, FileChange[]> {
  const byCommit = new Map<string, FileChange[]>();
  if (shas.length === 0) return byCommit;
  const r = git(top, ['diff-tree', '--stdin', '-r', '-z', '--raw', '--no-renames', '--root', '--no-abbrev'], {}, `${shas.join('\n')}\n`);
  if (!r.ok) throw new Error(`git diff-tree failed: ${r.stderr}`);
  const wanted = new Set(shas);
  let current: FileChange[] | undefined;
  for (const item of parseRaw(r.stdout, wanted)) {
    if (typeof item === 'string') {
      current = [];
      byCommit.set(item, current);
    } else if (current) current.push(item);
    else throw new Error('git diff-tree: a change before any commit');
  }
  return byCommit;
}

/** The paths whose content differs between two trees (`to`'s blobs). */
export function diffTrees(top: string, from: string, to: string): FileChange[] {
  const r = git(top, ['diff-tree', '-r', '-z', '--raw', '--no-renames', '--no-abbrev', from, to]);
  if (!r.ok) throw new Error(`git diff-tree failed: ${r.stderr}`);
  return parseRaw(r.stdout, new Set()).filter((x): x is FileChange => typeof x !== 'string');
}

/**
 * `--raw -z` output: `:<mode> <mode> <blob> <blob> <status>` NUL `<path>` NUL,
 * and with --stdin a commit id before each commit's list. A path always
 * follows its record, so a path that looks like a commit id is never taken for one.
 */
function parseRaw(out: string, commits: Set<string>): (string | FileChange)[] {
  const tokens = out.split('\0');
  const items: (string | FileChange)[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i++]!.replace(/^\n/, '');
    if (token === '') continue;
    if (commits.has(token)) {
      items.push(token);
      continue;
    }
    const m = /^:(\d+) (\d+) [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(token);
    if (!m) throw new Error(`git diff-tree: unexpected output ${JSON.stringify(token.slice(0, 60))}`);
    if (m[4] === 'R' || m[4] === 'C') i++; // never asked for; the source path is skipped
    items.push({ status: m[4]!, path: tokens[i++]!, blob: m[3]!, mode: m[2]! });
  }
  return items;
}

/**
 * The text of one file at each of several revisions (`rev:path` for each),
 * in two calls to git whatever their number; undefined where the file is not there.
 */
export function filesAt(top: string, specs: string[]): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  const asked = [...new Set(specs)].filter((s) => !s.includes('\n'));
  if (asked.length === 0) return found;
  const ids = git(top, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], {}, `${asked.join('\n')}\n`);
  if (!ids.ok) throw new Error(`git cat-file failed: ${ids.stderr}`);
  const blobOf = new Map<string, string>();
  ids.stdout.split('\n').forEach((line, i) => {
    const m = /^([0-9a-f]+) blob$/.exec(line);
    if (m && i < asked.length) blobOf.set(asked[i]!, m[1]!);
  });
  const blobs = [...new Set(blobOf.values())];
  const texts = new Map<string, string>();
  for (const blob of blobs) {
    const r = git(top, ['cat-file', 'blob', blob]);
    if (r.ok) texts.set(blob, r.stdout);
  }
  for (const spec of asked) found.set(spec, blobOf.has(spec) ? texts.get(blobOf.get(spec)!) : undefined);
  return found;
}

/** A commit's signature as git verified it. */
export interface Signature {
  /** git's %G?: G good, U good but the key's validity unknown, N none, B bad, E cannot be checked, X/Y expired, R revoked. */
  status: string;
  /** SSH: `SHA256:…` of the key; OpenPGP: the signing key's and its primary key's fingerprints. */
  sshKey?: string;
  fingerprints: string[];
}

/**
 * Verifies the signatures of some commits as `git verify-commit` does, with
 * an allowed-signers file holding `sshKeys` (one `principal key` line each)
 * for SSH signatures and the user's keyring for OpenPGP ones.
 */
export function signaturesOf(top: string, shas: string[], sshKeys: { principal: string; key: string }[]): Map<string, Signature> {
  const found = new Map<string, Signature>();
  if (shas.length === 0) return found;
  const dir = mkdtempSync(join(tmpdir(), 'plan-signers-'));
  try {
    const allowed = join(dir, 'allowed_signers');
    writeFileSync(allowed, sshKeys.map((k) => `${k.principal} namespaces="git" ${k.key}\n`).join(''), { mode: 0o600 });
    const r = git(top, ['-c', `gpg.ssh.allowedSignersFile=${allowed}`, '-c', 'gpg.ssh.revocationFile=', 'log', '--no-walk=unsorted', '--no-show-signature', '-z', '--format=%H%x01%G?%x01%GK%x01%GF%x01%GP', ...shas, '--']);
    if (!r.ok) throw new Error(`git log failed: ${r.stderr}`);
    for (const record of r.stdout.split('\0')) {
      const [sha = '', status = 'E', key = '', fpr = '', primary = ''] = record.replace(/^\n/, '').split('\x01');
      if (sha === '') continue;
      const sig: Signature = { status, fingerprints: [fpr, primary].filter((f) => f !== '').map((f) => f.toUpperCase()) };
      if (key.startsWith('SHA256:')) sig.sshKey = key;
      found.set(sha, sig);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return found;
}
