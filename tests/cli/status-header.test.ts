import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, plan } from '../helpers.js';
import { initRepo, ISOLATED } from '../repo/git.js';

const schemaOf = (text: string): string | undefined => /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];

describe('a new status file’s header', () => {
  it('points its $schema where plan.yaml’s points, seen from plan/status/, and speaks the plan’s language (a plan init repository)', () => {
    const dir = initRepo();
    const r = plan(['update', '县财政局', '1.1', '--state', 'in_progress', '--as-of', '2026-01-06'], { cwd: dir, env: ISOLATED });
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, 'plan/status/finance.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['# yaml-language-server: $schema=../../node_modules/plan-ledger/src/validate/schemas/status.schema.json', '# finance 的进展情况，用 `plan update` 填报。']);
    // The same folder as the plan's own files: it resolves once npm install has run, like theirs.
    const planSchema = schemaOf(readFileSync(join(dir, 'plan/plan.yaml'), 'utf8'))!;
    expect(dirname(resolve(dirname(file), schemaOf(text)!))).toBe(dirname(resolve(join(dir, 'plan'), planSchema)));
  });

  it('leaves the $schema comment out when nothing says where the schemas are, and is English in an English plan', () => {
    const dir = copyPlan();
    edit(join(dir, 'plan.yaml'), /^# yaml-language-server: .*\n/m, '');
    edit(join(dir, 'plan.yaml'), /^lang: zh$/m, 'lang: en');
    const r = plan(['update', '县财政局', '2.1.3', '--state', 'in_progress', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    expect(text).not.toContain('yaml-language-server');
    expect(text.split('\n')[0]).toBe('# Progress of finance (进展情况), kept with `plan update`.');
    expect(plan(['check', '--plan', dir, '--as-of', '2021-09-06']).code).toBe(0);
  });
});
