/**
 * The startup snapshot (scripts/snapshot.mjs, bin/plan): the same output as
 * bin/plan.js whatever the environment was when the blob was built and is when
 * it runs, and bin/plan.js's way whenever the blob is missing, of another
 * bundle, made for another Node, or would be refused for V8 flags.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyPlan, ROOT } from '../helpers.js';

/** `node` on PATH is the Node running the tests, as it is for the build. */
const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;
const UNIT = 'finance';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string[], args: string[], env: Record<string, string>, cwd = tmpdir()): Ran {
  const r = spawnSync(command[0]!, [...command.slice(1), ...args], { cwd, env: { PATH, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const viaSnapshot = (dir: string): string[] => [join(dir, 'bin/plan')];
const viaScript = (dir: string): string[] => [process.execPath, join(dir, 'bin/plan.js')];

/** Whether bin/plan (reached by `command`) starts Node from the snapshot, read from the shell's trace. */
function startsFromSnapshot(command: string, env: Record<string, string> = {}): boolean {
  const r = spawnSync('sh', ['-x', command, '--version'], { env: { PATH, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return /exec \S+ --snapshot-blob /.test(r.stderr);
}

/** bin/ and dist/ copied beside the real node_modules and package.json, to change freely. */
function installCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-snapshot-'));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  cpSync(join(ROOT, 'dist/bundle'), join(dir, 'dist/bundle'), { recursive: true, verbatimSymlinks: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Builds the copy's blob (warmed up on the embedded plan) under `env`. */
function buildIn(dir: string, env: Record<string, string>): void {
  const script = join(dir, 'dist/bundle/plan.js');
  const code = `import(${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/snapshot.mjs')).href)}).then((m) => m.buildSnapshot({ script: ${JSON.stringify(script)}, warmUp: ${JSON.stringify(join(ROOT, 'plan'))} }))`;
  const r = spawnSync(process.execPath, ['-e', code], { env: { PATH, ...env }, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

/** The everyday commands, and some that load packages outside the bundle, on a plan that is not the one the build warmed up on. */
function commands(plan: string): string[][] {
  const at = ['--plan', plan];
  return [
    ['status', ...at, '--as-of', '2021-09-20'],
    ['status', ...at],
    ['check', ...at],
    ['check', ...at, '--format', 'json'],
    ['overdue', ...at, '--as-of', '2021-12-01'],
    ['upcoming', ...at, '--as-of', '2021-09-01', '--within', '60'],
    ['checklist', UNIT, ...at, '--as-of', '2021-09-20'],
    ['report', UNIT, ...at, '--as-of', '2021-09-20'],
    ['status', ...at, '--format', 'json', '--as-of', '2021-09-20'],
    ['history', UNIT, ...at],
    ['--help'],
    ['nonsense'],
  ];
}

/** Environments that differ in everything a build could have caught: language, zone, width, colour. */
const ENVIRONMENTS: Record<string, string>[] = [
  { NO_COLOR: '1', LANG: 'en_US.UTF-8', TZ: 'UTC', COLUMNS: '80' },
  { LANG: 'zh_CN.UTF-8', TZ: 'Pacific/Kiritimati', COLUMNS: '50' },
  { FORCE_COLOR: '1', LANG: 'C', TZ: 'America/Los_Angeles', COLUMNS: '132' },
];

function expectSameOutput(dir: string, plan: string): void {
  for (const env of ENVIRONMENTS) {
    for (const args of commands(plan)) {
      const expected = run(viaScript(dir), args, env);
      // Clean or with findings; a usage error only where one is asked for.
      expect(expected.code, `${args.join(' ')}: ${expected.stderr}`).toBe(args[0] === 'nonsense' ? 2 : expected.code === 1 ? 1 : 0);
      expect(run(viaSnapshot(dir), args, env), `plan ${args.join(' ')} with ${JSON.stringify(env)}`).toEqual(expected);
    }
  }
}

describe('the startup snapshot', () => {
  it('is made by the build, and bin/plan starts from it with the output of bin/plan.js in every environment', () => {
    expect(existsSync(join(ROOT, 'dist/bundle/plan.blob'))).toBe(true);
    expect(startsFromSnapshot(join(ROOT, 'bin/plan'))).toBe(true);
    const plan = copyPlan({ progress: true });
    expectSameOutput(ROOT, plan);
    // Found from the working folder, no --plan: the folder is the run's, not the build's.
    const env = ENVIRONMENTS[0]!;
    expect(run(viaSnapshot(ROOT), ['status'], env, plan)).toEqual(run(viaScript(ROOT), ['status'], env, plan));
    expect(run(viaSnapshot(ROOT), ['status'], env, plan).stdout).toContain('Deadline');
  }, 240_000);

  it('built in one environment, reads the one it runs in', () => {
    const dir = installCopy();
    buildIn(dir, { LANG: 'zh_CN.UTF-8', TZ: 'Pacific/Kiritimati', COLUMNS: '40', FORCE_COLOR: '1' });
    expect(startsFromSnapshot(join(dir, 'bin/plan'))).toBe(true);
    expectSameOutput(dir, copyPlan({ progress: true }));
  }, 240_000);

  it('is passed over when it is missing, made for another Node, refused for V8 flags or asked not to be used; of another bundle it runs that bundle', () => {
    const dir = installCopy();
    const plan = copyPlan({ progress: true });
    const args = ['status', '--plan', plan, '--as-of', '2021-09-20'];
    const env = ENVIRONMENTS[0]!;
    const expected = run(viaScript(ROOT), args, env);
    const bin = join(dir, 'bin/plan');
    const blob = join(dir, 'dist/bundle/plan.blob');
    expect(startsFromSnapshot(bin)).toBe(true);

    // V8 flags in NODE_OPTIONS would make Node refuse the blob (after printing why); options of Node's own do not.
    expect(startsFromSnapshot(bin, { NODE_OPTIONS: '--max-old-space-size=512' })).toBe(false);
    expect(run(viaSnapshot(dir), args, { ...env, NODE_OPTIONS: '--max-old-space-size=512' })).toEqual(expected);
    expect(startsFromSnapshot(bin, { NODE_OPTIONS: '--no-warnings' })).toBe(true);
    expect(startsFromSnapshot(bin, { PLAN_LEDGER_NO_SNAPSHOT: '1' })).toBe(false);

    // Another Node binary than the one the blob was made with: not used until bin/plan.js, run by a
    // Node of the blob's version, links that Node again (as in a package built elsewhere).
    rmSync(`${blob}.node`);
    symlinkSync('/bin/sh', `${blob}.node`);
    expect(startsFromSnapshot(bin)).toBe(false);
    expect(run(viaSnapshot(dir), args, env)).toEqual(expected);
    expect(readlinkSync(`${blob}.node`)).toBe(process.execPath);
    expect(startsFromSnapshot(bin)).toBe(true);

    // Made by another Node version: bin/plan.js does not vouch for it.
    rmSync(`${blob}.node`);
    const made = JSON.parse(readFileSync(`${blob}.json`, 'utf8'));
    writeFileSync(`${blob}.json`, JSON.stringify({ ...made, node: 'v19.0.0' }));
    expect(run(viaSnapshot(dir), args, env)).toEqual(expected);
    expect(existsSync(`${blob}.node`)).toBe(false);
    expect(startsFromSnapshot(bin)).toBe(false);
    writeFileSync(`${blob}.json`, JSON.stringify(made));
    expect(run(viaSnapshot(dir), args, env)).toEqual(expected);
    expect(startsFromSnapshot(bin)).toBe(true);

    // Another bundle beside the blob (another build): the snapshot runs that bundle, not its own copy.
    const script = join(dir, 'dist/bundle/plan.js');
    const original = readFileSync(script, 'utf8');
    const changed = original.replace(/^(.*sha256:)\w+/, '$1another').replaceAll('"Deadline"', '"DEADLINE"');
    expect(changed).not.toBe(original);
    writeFileSync(script, changed);
    const other = run(viaScript(dir), args, env);
    expect(other.stdout, other.stderr).toContain('DEADLINE');
    expect(run(viaSnapshot(dir), args, env)).toEqual(other);
    writeFileSync(script, original);

    // No blob.
    rmSync(blob);
    expect(startsFromSnapshot(bin)).toBe(false);
    expect(run(viaSnapshot(dir), args, env)).toEqual(expected);
  }, 120_000);

  it('is found from the real place of bin/plan, through links (npm links node_modules/.bin/plan to it) and PATH', () => {
    const dir = installCopy();
    const elsewhere = mkdtempSync(join(tmpdir(), 'plan-linked-'));
    mkdirSync(join(elsewhere, '.bin'));
    symlinkSync(join(dir, 'bin/plan'), join(elsewhere, 'plan-real'));
    symlinkSync('../plan-real', join(elsewhere, '.bin/plan'));
    const linked = join(elsewhere, '.bin/plan');
    expect(startsFromSnapshot(linked)).toBe(true);
    const plan = copyPlan({ progress: true });
    const env = ENVIRONMENTS[1]!;
    const expected = run(viaScript(ROOT), ['overdue', '--plan', plan, '--as-of', '2021-12-01'], env);
    expect(run([linked], ['overdue', '--plan', plan, '--as-of', '2021-12-01'], env)).toEqual(expected);
    const byName = spawnSync('plan', ['overdue', '--plan', plan, '--as-of', '2021-12-01'], { env: { ...env, PATH: `${join(elsewhere, '.bin')}:${PATH}` }, encoding: 'utf8' });
    expect({ code: byName.status, stdout: byName.stdout, stderr: byName.stderr }).toEqual(expected);
  }, 60_000);
});
