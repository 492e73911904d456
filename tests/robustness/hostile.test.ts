/**
 * Every hostile file ends quickly: `plan check` answers within the bound with
 * exit 1 or 2 and a message naming the file, and `plan update` on a plan
 * holding it writes nothing. The measured times are printed (and appended to
 * $PLAN_HOSTILE_TIMES when set) for the record; the bound in the test is
 * generous (10 s) so that a busy machine does not fail it, the promise is 2 s.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyPlan } from '../helpers.js';
import { HOSTILE } from './hostile.js';

const BOUND_MS = 10_000;

function run(args: string[]): { code: number | null; out: string; ms: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 30, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout + r.stderr, ms: Number(process.hrtime.bigint() - t) / 1e6 };
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
    const record = `${check.ms.toFixed(0)} ms check, ${update.ms.toFixed(0)} ms update: ${c.name} (${(text.length / 1e6).toFixed(1)} M chars)`;
    console.log(record);
    if (process.env.PLAN_HOSTILE_TIMES) appendFileSync(process.env.PLAN_HOSTILE_TIMES, `${record}\n`);
    expect([1, 2]).toContain(check.code);
    expect(check.out).toContain(join(dir, c.file));
    expect(check.out).not.toMatch(/internal error|This is a bug|at .*\.js:\d+/);
    expect([1, 2]).toContain(update.code);
    expect(update.out).not.toMatch(/internal error|This is a bug/);
    expect(check.ms).toBeLessThan(BOUND_MS);
    expect(update.ms).toBeLessThan(BOUND_MS);
    expect(snapshot(dir)).toBe(before);
    expect(readFileSync(join(dir, c.file), 'utf8') === text).toBe(true);
  }, 60_000);
});
