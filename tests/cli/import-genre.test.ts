/**
 * The genre, not the seed: one test document per form and annotation pattern
 * (tests/fixtures/import/genre, each with its answer NAME.expected.json), read
 * by the built CLI and compared task by task through scripts/import-eval.mjs —
 * the same script that prints the recall and exact-match rates.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

interface Result {
  input: string;
  expected: number;
  found: number;
  lead: number;
  responsible: number;
  deadline: number;
  extra: number;
  badNames: string[];
  checkErrors: number;
  silentEmpty: boolean;
  exit: number | null;
  mismatches: string[];
}

const run = spawnSync(process.execPath, [join(ROOT, 'scripts/import-eval.mjs'), '--json'], { encoding: 'utf8', timeout: 240_000 });
const report = JSON.parse(run.stdout) as { totals: Record<string, unknown>; results: Result[] };

describe('plan import reads every form and annotation pattern of the genre', () => {
  it('has a test document in every form', () => {
    const forms = new Set(report.results.map((r) => r.input.split('.').pop()));
    expect([...forms].sort()).toEqual(['csv', 'docx', 'html', 'pdf', 'txt', 'xlsx']);
  });

  it.each(report.results.map((r) => [r.input, r] as const))('%s: every task, lead, responsible list and deadline exactly', (_name, r) => {
    expect(r.mismatches).toEqual([]);
    expect([r.found, r.lead, r.responsible, r.deadline, r.extra]).toEqual([r.expected, r.expected, r.expected, r.expected, 0]);
    // Imported plans load: plan check finds no error; names carry no role words; nothing silent.
    expect(r.checkErrors).toBe(0);
    expect(r.badNames).toEqual([]);
    expect(r.silentEmpty).toBe(false);
    expect([0, 1]).toContain(r.exit);
  });
});
