/**
 * The YAML test suite's invalid documents (../shared/corpus/yaml-invalid), each
 * placed in a plan as a task file and as a status file: every one must be
 * rejected with a diagnostic naming the file and line, by both readers.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readYamlFull } from '../../src/load/full-yaml.js';
import { readQuickYaml } from '../../src/load/quick-yaml.js';
import { copyPlan, plan, SHARED } from '../helpers.js';
import { checkInProcess, snapshot } from './pipeline.js';

const CORPUS = join(SHARED, 'corpus', 'yaml-invalid');
const present = existsSync(CORPUS);
const cases = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort() : [];

describe('the YAML test suite’s invalid documents', () => {
  // Skipped, with the reason in the run's summary, when the corpus is not there.
  beforeEach((ctx) => {
    if (!present) ctx.skip(`needs the YAML test suite corpus at ${CORPUS} (set PLAN_LEDGER_SHARED to the shared folder)`);
  });

  it('are all there (94)', () => {
    expect(cases).toHaveLength(94);
  });

  it('are rejected by both readers', () => {
    for (const name of cases) {
      const text = readFileSync(join(CORPUS, name), 'utf8');
      expect(readQuickYaml(text), name).toBeUndefined();
      expect(readYamlFull(text).ok, name).toBe(false);
    }
  });

  it.each([
    ['task file', 'tasks/9-corpus.yaml'],
    ['status file', 'status/finance.yaml'],
  ])('each fails plan check as a %s, with file and line', async (_kind, where) => {
    const dir = copyPlan();
    const file = join(dir, where);
    for (const name of cases) {
      writeFileSync(file, readFileSync(join(CORPUS, name)));
      const result = await checkInProcess(dir);
      const mine = result.diagnostics.filter((d) => d.file === file);
      expect(mine.length, name).toBeGreaterThan(0);
      expect(mine[0], name).toMatchObject({ severity: 'error' });
      expect(mine[0]!.line, name).toBeGreaterThanOrEqual(1);
    }
  });

  it('ends every CLI run with exit 1, the file and line, no stack trace, and writes nothing', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/9-corpus.yaml');
    for (const name of cases.filter((_, i) => i % 8 === 0)) {
      writeFileSync(file, readFileSync(join(CORPUS, name)));
      const before = snapshot(dir);
      const started = Date.now();
      const r = plan(['check', '--plan', dir]);
      const elapsed = Date.now() - started;
      expect(r.code, name).toBe(1);
      expect(r.stdout, name).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n +\\d+:\\d+ +error +YAML syntax error`));
      expect(r.stderr, name).toBe('');
      expect(r.stdout + r.stderr, name).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(snapshot(dir)).toEqual(before);
      expect(elapsed, name).toBeLessThan(2000);
    }
  });
});
