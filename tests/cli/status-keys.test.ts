/** Task ids in a status file are the text the file holds: a key YAML reads as a number is an error, two spellings of one id a duplicate. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, plan } from '../helpers.js';

const at = (dir: string) => ['--plan', dir, '--as-of', '2021-10-01'];
const status = (tasks: string) => `unit: finance\ntasks:\n${tasks}`;

describe('status keys are strings', () => {
  it('an unquoted 3.10 is an error with a hint to quote it, and plan update 3.1 does not touch it', () => {
    const dir = copyPlan();
    const file = join(dir, 'status/finance.yaml');
    writeFileSync(file, status('  "3.1":\n    state: in_progress\n  3.10:\n    state: in_progress\n'));
    const r = plan(['check', ...at(dir)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ 5:3 +error +the key 3\.10 is read by YAML as a number .*quote it: "3\.10":/);
    const before = readFileSync(file, 'utf8');
    const u = plan(['update', 'finance', '3.1', '--state', 'done', ...at(dir)]);
    expect(u.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.each([
    ['3.1: and "3.1":', '  3.1:\n    state: done\n  "3.1":\n    state: in_progress\n', /yaml-key-not-string/],
    ['"3.1": and \'3.1\':', '  "3.1":\n    state: in_progress\n  \'3.1\':\n    state: in_progress\n', / 5:3 +error +YAML syntax error: Map keys must be unique/],
    ['"3.1": and "3\\x2e1":', '  "3.1":\n    state: in_progress\n  "3\\x2e1":\n    state: in_progress\n', /Map keys must be unique/],
    ['true: as a key', '  true:\n    state: in_progress\n', /the key true is read by YAML as a number or another non-text value/],
  ])('%s is refused', (_name, tasks, message) => {
    const dir = copyPlan();
    writeFileSync(join(dir, 'status/finance.yaml'), status(tasks));
    const r = plan(['check', ...at(dir)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(message);
  });

  it('a quoted "3.10" is task 3.10, and updating 3.1 leaves it alone', () => {
    const dir = copyPlan();
    const file = join(dir, 'status/finance.yaml');
    writeFileSync(file, status('  "3.1":\n    state: in_progress\n'));
    expect(plan(['update', 'finance', '3.1', '--progress', '只改3.1', ...at(dir)]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('  "3.1":\n    state: in_progress\n    progress: 只改3.1\n');
  });
});
