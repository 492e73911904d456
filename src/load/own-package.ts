/**
 * plan-ledger's own package.json. The code runs from dist/, from the bundle's
 * chunks in dist/bundle/ (at two depths) or from an installed copy in
 * node_modules/plan-ledger/, so no fixed relative path fits all: walk up
 * from this module to the first package.json that is ours.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OwnPackage {
  name: string;
  version: string;
}

export function ownPackage(): OwnPackage {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as Partial<OwnPackage>;
      if (pkg.name === 'plan-ledger' && typeof pkg.version === 'string') return { name: pkg.name, version: pkg.version };
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`plan-ledger's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The folder holding plan-ledger's own package.json. */
export function ownPackageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as Partial<OwnPackage>).name === 'plan-ledger') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`plan-ledger's package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** How a new repository can install this same plan-ledger, and where that was learnt. */
export interface InstallSpec {
  spec: string;
  /** registry: the npm registry; git: the repository and commit; file: a tarball or folder on this machine; guess: nothing told. */
  from: 'registry' | 'git' | 'file' | 'guess';
}

/**
 * What `npm install` in a new plan repository needs to get this copy: the
 * registry version when this copy came from the registry, the tarball, folder
 * or git commit it was installed from (npm's lock of the project that holds
 * it says), or, for a checkout of plan-ledger itself, its git remote and
 * commit (a folder when it has no remote).
 */
export function installSpec(gitOf: (cwd: string, args: string[]) => string | undefined): InstallSpec {
  const root = ownPackageDir();
  const { version } = ownPackage();
  if (basename(root) === 'plan-ledger' && basename(dirname(root)) === 'node_modules') {
    const project = dirname(dirname(root));
    for (const lock of [join(project, 'package-lock.json'), join(project, 'node_modules', '.package-lock.json'), join(project, 'npm-shrinkwrap.json')]) {
      const resolved = lockedResolution(lock);
      if (resolved !== undefined) return fromResolved(resolved, project, version);
    }
    return { spec: `^${version}`, from: 'guess' };
  }
  const top = gitOf(root, ['rev-parse', '--show-toplevel']);
  if (top !== undefined && realpathOr(top) === realpathOr(root)) {
    const commit = gitOf(root, ['rev-parse', 'HEAD']);
    const remote = gitOf(root, ['remote', 'get-url', 'origin']);
    if (commit !== undefined && remote !== undefined && !isLocalPath(remote)) return { spec: `${gitUrl(remote)}#${commit}`, from: 'git' };
    return { spec: `file:${root}`, from: 'file' };
  }
  return { spec: `^${version}`, from: 'guess' };
}

function lockedResolution(lockFile: string): { resolved?: string; link?: boolean } | undefined {
  try {
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages?: Record<string, { resolved?: string; link?: boolean }> };
    return lock.packages?.['node_modules/plan-ledger'];
  } catch {
    return undefined;
  }
}

export function fromResolved(entry: { resolved?: string; link?: boolean }, project: string, version: string): InstallSpec {
  const r = entry.resolved;
  if (r === undefined) return { spec: `^${version}`, from: 'guess' };
  if (entry.link === true) return { spec: `file:${resolve(project, r)}`, from: 'file' };
  if (r.startsWith('file:')) return { spec: `file:${resolve(project, r.slice(5))}`, from: 'file' };
  if (/^(git\+|git:|github:|gitlab:)/.test(r)) return { spec: r, from: 'git' };
  if (/^https?:\/\//.test(r)) return { spec: `^${version}`, from: 'registry' };
  return { spec: `^${version}`, from: 'guess' };
}

/** A remote npm can fetch from anywhere: scp-like `git@host:path` becomes `git+ssh://git@host/path`. */
export function gitUrl(remote: string): string {
  const scp = /^([^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(remote);
  if (scp) return `git+ssh://${scp[1] ?? ''}${scp[2]}/${scp[3]}`;
  return remote.startsWith('git+') ? remote : `git+${remote}`;
}

const isLocalPath = (remote: string): boolean => remote.startsWith('/') || remote.startsWith('.') || remote.startsWith('file:') || /^[A-Za-z]:[\\/]/.test(remote);

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
