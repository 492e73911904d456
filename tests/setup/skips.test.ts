/** A test that cannot run here says so, with the reason, in the run's summary. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

it('tests that need ../shared print why they are skipped when it is absent', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/robustness/corpus.test.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PLAN_LEDGER_SHARED: '/nonexistent-shared', NO_COLOR: '1', CI: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/skipped 5 tests: needs the YAML test suite corpus at \/nonexistent-shared\/corpus\/yaml-invalid/);
  expect(r.stdout).toMatch(/tests: 0 passed, 0 failed, 5 skipped/);
});
