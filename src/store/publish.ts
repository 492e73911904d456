/**
 * `plan site --out <dir>`: a folder the site owns. What it wrote is kept in
 * a manifest beside the pages, so that
 *
 * - a folder holding files the site did not write is refused (unless
 *   --force, which writes beside them and leaves them alone);
 * - pages an earlier run wrote and this one did not are removed (only files
 *   the manifest names, of the kinds a site writes, inside the folder);
 * - no symlink is followed: the folder itself or any folder or file inside it
 *   that is a link is refused, so nothing is written through one;
 * - the file system's root, the home folder, and the current folder or the
 *   plan folder or any folder above them are refused outright.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from './write.js';

export const MANIFEST = '.plan-site.json';
/** What a site is made of: a manifest naming anything else is not trusted for removal. */
const SITE_FILE = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.(?:html|css|svg|js|json|txt|xml)$/;

export interface Published {
  written: number;
  removed: string[];
}

export function publishSite(out: string, files: { path: string; text: string | Uint8Array }[], options: { force?: boolean; planDir: string }): Published {
  refuseUnsafeFolder(out, options.planDir);
  try {
    return publish(out, files, options);
  } catch (e) {
    // As writeOutput says it: a place the user may not write is theirs to fix (exit 2 with the reason).
    const code = (e as NodeJS.ErrnoException | null)?.code;
    if (code && ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EISDIR', 'ENOSPC', 'EEXIST', 'ENAMETOOLONG'].includes(code)) throw new UsageError('cannot-write', { file: out, reason: code });
    throw e;
  }
}

function publish(out: string, files: { path: string; text: string | Uint8Array }[], options: { force?: boolean }): Published {
  let existing: string[] = [];
  let before: Set<string> = new Set();
  if (exists(out)) {
    const st = lstatSync(out);
    if (st.isSymbolicLink()) throw new UsageError('site-out-symlink', { dir: out, link: out });
    if (!st.isDirectory()) throw new UsageError('cannot-write', { file: out, reason: 'ENOTDIR' });
    existing = listFiles(out, '');
    before = readManifest(out);
    const foreign = existing.filter((f) => f !== MANIFEST && !before.has(f));
    if (foreign.length > 0 && !options.force) throw new UsageError('site-out-foreign', { dir: out, files: foreign.slice(0, 5).join(', '), count: foreign.length });
  }
  const now = new Set(files.map((f) => f.path));
  for (const f of files) {
    if (!SITE_FILE.test(f.path)) throw new Error(`site file name ${JSON.stringify(f.path)}`);
    const target = join(out, ...f.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    // Checked again just before each write: a folder swapped for a link since the listing is refused.
    for (let d = dirname(f.path); d !== '.'; d = dirname(d)) if (lstatSync(join(out, d)).isSymbolicLink()) throw new UsageError('site-out-symlink', { dir: out, link: join(out, d) });
    writeFileAtomic(target, f.text);
  }
  const removed: string[] = [];
  for (const old of before) {
    if (now.has(old) || !existing.includes(old)) continue;
    const file = join(out, ...old.split('/'));
    if (!lstatSync(file).isFile()) continue;
    unlinkSync(file);
    removed.push(old);
    // A folder left empty by the removal goes too (never the out folder itself).
    for (let d = dirname(old); d !== '.'; d = dirname(d)) {
      try {
        rmdirSync(join(out, d));
      } catch {
        break;
      }
    }
  }
  writeFileAtomic(join(out, MANIFEST), `${JSON.stringify({ tool: 'plan-ledger site', files: [...now].sort() }, null, 1)}\n`);
  return { written: files.length, removed };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Every file under `dir`, relative with `/`; a symlink anywhere is refused. */
function listFiles(root: string, rel: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isSymbolicLink()) throw new UsageError('site-out-symlink', { dir: root, link: join(root, path) });
    if (entry.isDirectory()) files.push(...listFiles(root, path));
    else files.push(path);
  }
  return files;
}

function readManifest(out: string): Set<string> {
  try {
    const m = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files?: unknown };
    return new Set(Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === 'string' && SITE_FILE.test(f) && !f.split('/').includes('..')) : []);
  } catch {
    return new Set();
  }
}

/** The root, the home folder, and the folders holding the current folder or the plan: never a site's folder. */
function refuseUnsafeFolder(out: string, planDir: string): void {
  const real = (p: string): string => {
    // The deepest existing part, resolved, with the rest appended: `--out` may not exist yet.
    let head = resolve(p);
    const tail: string[] = [];
    for (;;) {
      try {
        return join(realpathSync(head), ...tail.reverse());
      } catch {
        const up = dirname(head);
        if (up === head) return resolve(p);
        tail.push(head.slice(up.length).replace(/^[\\/]+/, ''));
        head = up;
      }
    }
  };
  const target = real(out);
  const within = (inner: string): boolean => {
    const r = relative(target, inner);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const unsafe = target === parse(target).root || target === real(homedir()) || within(real(process.cwd())) || within(real(planDir)) || target.split(sep).filter((s) => s !== '').length < 2;
  if (unsafe) throw new UsageError('site-out-unsafe', { dir: out });
}
