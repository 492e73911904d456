/**
 * The bundle's V8 code cache (scripts/code-cache.mjs): used when it was made
 * from the bundle's exact bytes (it starts with a copy of them), and never in the way otherwise — a cache of
 * other bytes, a damaged one or none at all gives the same output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_PLAN, plan, ROOT } from '../helpers.js';

const SCRIPT = join(ROOT, 'dist/bundle/plan.js');
const ARGS = ['status', '--plan', EMBEDDED_PLAN, '--as-of', '2021-12-01'];

/** bin/ and dist/ copied beside the real node_modules and package.json, to damage freely. */
function installCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-code-cache-'));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  cpSync(join(ROOT, 'dist/bundle'), join(dir, 'dist/bundle'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function runCopy(dir: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(dir, 'bin/plan.js'), ...ARGS], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', LANG: 'en_US.UTF-8' }, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the code cache', () => {
  it('is made by the build for the bundle as built, and V8 takes it', () => {
    const cache = readFileSync(`${SCRIPT}.cache`);
    const probe = spawnSync(
      process.execPath,
      ['-e', `const c = require('fs').readFileSync(process.argv[1] + '.cache'); const s = new (require('vm').Script)(require('fs').readFileSync(process.argv[1], 'utf8'), { filename: process.argv[1], cachedData: c.subarray(require('fs').statSync(process.argv[1]).size) }); process.stdout.write(String(s.cachedDataRejected));`, SCRIPT],
      { encoding: 'utf8' },
    );
    expect(probe.stdout).toBe('false');
    expect(cache.length).toBeGreaterThan(10_000);
  });

  it('of other bytes, damaged, or absent: the bundle is compiled as usual, same output', () => {
    const expected = plan(ARGS);
    expect(expected.code).toBe(0);
    const dir = installCopy();
    const script = join(dir, 'dist/bundle/plan.js');
    const cache = readFileSync(`${script}.cache`);

    // The bundle changed after the cache was made (its length too, which is all V8 itself compares).
    writeFileSync(script, `${readFileSync(script, 'utf8')}// changed\n`);
    expect(runCopy(dir)).toEqual(expected);

    // The bundle's bytes, but V8 data that is not a cache.
    cpSync(SCRIPT, script);
    const damaged = Buffer.from(cache);
    damaged.fill(7, readFileSync(SCRIPT).length);
    writeFileSync(`${script}.cache`, damaged);
    expect(runCopy(dir)).toEqual(expected);

    // Too short to hold the bundle.
    writeFileSync(`${script}.cache`, cache.subarray(0, 10));
    expect(runCopy(dir)).toEqual(expected);

    rmSync(`${script}.cache`);
    expect(existsSync(`${script}.cache`)).toBe(false);
    expect(runCopy(dir)).toEqual(expected);
  });
});
