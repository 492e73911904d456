/**
 * Every hostile file ends quickly: `plan check` answers within the bound with
 * exit 1 or 2 and a message naming the file, and `plan update` on a plan
 * holding it writes nothing. The measured times are printed (and appended to
 * $PLAN_HOSTILE_TIMES when set) for the record; the bound in the test is
 * generous (10 s) so that a busy machine does not fail it, the promise is 2 s.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyPlan } from '../helpers.js';
import { HOSTILE } from './hostile.js';

const BOUND_MS = 10_000;
const MEMORY_MB = 1024;

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs the CLI; with /usr/bin/time also its CPU seconds and peak memory (the wall clock of a busy machine says little). */
function run(args: string[]): { code: number | null; out: string; ms: number; cpuMs?: number; rssMb?: number } {
  const t = process.hrtime.bigint();
  const cmd = TIME ? [TIME, '-f', 'RUSAGE %U %S %M', process.execPath] : [process.execPath];
  const r = spawnSync(cmd[0]!, [...cmd.slice(1), BIN, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 30, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /RUSAGE ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  const stderr = m ? r.stderr.slice(0, m.index) : r.stderr;
  // /usr/bin/time reports a signal as "Command terminated by signal" and passes the code on.
  return { code: r.status, out: r.stdout + stderr, ms, ...(m && { cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rssMb: Number(m[3]) / 1024 }) };
}

/** Every file of the folder with its size and modification time: to see that nothing was written. */
function snapshot(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort().join('\n');
}

describe('hostile plan files end in time, with a message and nothing written', () => {
  it.each(HOSTILE.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = copyPlan();
    const text = c.text();
    writeFileSync(join(dir, c.file), text);
    const before = snapshot(dir);
    const check = run(['check', '--plan', dir, '--as-of', '2021-10-01']);
    const update = run(['update', 'finance', '2.1.3', '--progress', 'x', '--plan', dir, '--as-of', '2021-10-01']);
    const cpu = (r: ReturnType<typeof run>): string => (r.cpuMs === undefined ? '' : ` (cpu ${r.cpuMs.toFixed(0)} ms, ${r.rssMb!.toFixed(0)} MB)`);
    const record = `check ${check.ms.toFixed(0)} ms${cpu(check)}, update ${update.ms.toFixed(0)} ms${cpu(update)}: ${c.name} (${(text.length / 1e6).toFixed(1)} M chars)`;
    console.log(record);
    if (process.env.PLAN_HOSTILE_TIMES) appendFileSync(process.env.PLAN_HOSTILE_TIMES, `${record}\n`);
    expect([1, 2]).toContain(check.code);
    expect(check.out).toContain(join(dir, c.file));
    expect(check.out).not.toMatch(/internal error|This is a bug|at .*\.js:\d+/);
    expect([1, 2]).toContain(update.code);
    expect(update.out).not.toMatch(/internal error|This is a bug/);
    expect(check.ms).toBeLessThan(BOUND_MS);
    expect(update.ms).toBeLessThan(BOUND_MS);
    // Memory: far below what a quadratic or unbounded reader takes (gigabytes).
    for (const r of [check, update]) if (r.rssMb !== undefined) expect(r.rssMb).toBeLessThan(MEMORY_MB);
    expect(snapshot(dir)).toBe(before);
    expect(readFileSync(join(dir, c.file), 'utf8') === text).toBe(true);
  }, 60_000);
});
