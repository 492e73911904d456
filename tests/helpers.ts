/** Test helpers: run the built CLI as a user would, and make plan folders to run it on. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin/plan.js');
export const EMBEDDED_PLAN = join(ROOT, 'plan');
/** Test data kept outside the repository (the corpus); tests that need it skip with a reason when it is absent. */
export const SHARED = process.env.PLAN_LEDGER_SHARED ?? join(ROOT, '..', 'shared');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `plan` with no colour, a fixed zone for the machine clock, and English
 * unless told: the locale names English, which wins over the embedded plan's
 * own `lang: zh`. A test of the language default sets LANG itself.
 */
export function plan(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the embedded plan in a temporary folder, optionally with the test statuses. */
export function copyPlan(options: { progress?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-'));
  cpSync(EMBEDDED_PLAN, join(dir, 'plan'), { recursive: true });
  if (options.progress) cpSync(join(ROOT, 'tests/fixtures/progress'), join(dir, 'plan'), { recursive: true });
  return join(dir, 'plan');
}

/** Replaces text in a file of a plan copy; fails the test if the text is not there. */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}

/** 1-based line of the first occurrence of `needle` in a file. */
export function lineOf(file: string, needle: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`lineOf: ${needle} not in ${file}`);
  return i + 1;
}
