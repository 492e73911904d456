/**
 * Where the plan is, and which language it speaks, found before the command
 * line is parsed: help and the parser's own errors are already worded in the
 * plan's language. So this is cheap — a few `stat`s and one short read.
 *
 * A plan folder is a folder named in `--plan`, or else the folder `plan/`
 * holding `plan.yaml`, found in the working folder or the nearest folder above
 * it (as git finds `.git`): run from `repo/plan/status/`, it finds `repo/plan`.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** What marks a plan folder: `<repository>/plan/plan.yaml`. */
export const PLAN_FOLDER = 'plan';
export const PLAN_FILE = 'plan.yaml';

export interface PlanLocation {
  /** The folder to read, as the user would write it (relative to the working folder when found). */
  dir: string;
  /** True when --plan named it. */
  given: boolean;
  /** False when no plan folder was found; `searched` then says where we looked. */
  found: boolean;
  searched: string[];
  /** The folder the search started from. */
  from: string;
}

/** `--plan <dir>` or `--plan=<dir>` from the raw arguments (the last one wins, as in commander). */
export function planOption(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--plan' && i + 1 < argv.length) value = argv[++i];
    else if (a.startsWith('--plan=')) value = a.slice('--plan='.length);
  }
  return value;
}

export function locatePlanFolder(argv: readonly string[], cwd: string): PlanLocation {
  const given = planOption(argv);
  if (given !== undefined) return { dir: given, given: true, found: isFile(join(resolve(cwd, given), PLAN_FILE)), searched: [resolve(cwd, given)], from: resolve(cwd) };
  const searched: string[] = [];
  let here = resolve(cwd);
  for (;;) {
    const candidate = join(here, PLAN_FOLDER);
    searched.push(candidate);
    if (isFile(join(candidate, PLAN_FILE))) {
      const rel = relative(cwd, candidate);
      return { dir: rel === '' ? '.' : rel, given: false, found: true, searched, from: resolve(cwd) };
    }
    const up = dirname(here);
    if (up === here) break;
    here = up;
  }
  return { dir: PLAN_FOLDER, given: false, found: false, searched, from: resolve(cwd) };
}

/**
 * The plan's own language (`lang:` in plan.yaml), read from the file's first
 * 16 KiB with a line match rather than a YAML parse: this runs on every start.
 * The full read validates the value later.
 */
export function planLanguage(dir: string): 'zh' | 'en' | undefined {
  let fd: number | undefined;
  try {
    // Non-blocking, and only a regular file: a FIFO named plan.yaml must not hang the start.
    fd = openSync(join(dir, PLAN_FILE), constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(16 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const m = /^lang:[ \t]*(["']?)(zh|en)\1[ \t]*(?:#.*)?$/m.exec(buffer.subarray(0, n).toString('utf8').replace(/\r/g, ''));
    return m ? (m[2] as 'zh' | 'en') : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The dates of the plan's checkpoints (`- date: YYYY-MM-DD` under
 * `checkpoints:`), read like the language above: for the examples in help,
 * which use the plan's own dates. Empty when none can be read.
 */
export function checkpointDates(dir: string): string[] {
  let fd: number | undefined;
  try {
    fd = openSync(join(dir, PLAN_FILE), constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return [];
    const buffer = Buffer.alloc(64 * 1024);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8').replace(/\r/g, '');
    const section = /^checkpoints:[^\n]*\n((?:[ \t#-][^\n]*\n?|\n)*)/m.exec(text)?.[1] ?? '';
    return [...section.matchAll(/^[ \t]*-?[ \t]*date:[ \t]*["']?(\d{4}-\d{2}-\d{2})/gm)].map((m) => m[1]!);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
