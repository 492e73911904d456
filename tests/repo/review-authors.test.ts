/** plan check --since: the office's decisions, even in a unit's own status file, are the office's to write. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../helpers.js';
import { commitAll, FINANCE, git, initRepo, ISOLATED, OFFICE } from './git.js';

const since = (dir: string, rev: string) => plan(['check', '--since', rev, '--format', 'json', '--as-of', '2026-01-20'], { cwd: dir, env: ISOLATED });
const run = (dir: string, args: string[], asOf: string) => {
  const r = plan([...args, '--as-of', asOf], { cwd: dir, env: ISOLATED });
  expect(r.code, r.stderr).toBe(0);
};

/** plan init writes review: required. */
function reviewed(): string {
  const dir = initRepo();
  expect(readFileSync(join(dir, 'plan/plan.yaml'), 'utf8')).toMatch(/^review: required$/m);
  return dir;
}

describe('review decisions and answers to requests, by author', () => {
  it('a unit writing its own acceptance is an error naming the commit and the entry; the office’s own is not', () => {
    const dir = reviewed();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    run(dir, ['update', 'finance', '1.2', '--state', 'done', '--evidence', 'https://example.org/f'], '2026-01-10');
    commitAll(dir, 'finance: 1.2 done', FINANCE);
    // The unit closes its own claim.
    run(dir, ['review', 'finance', '1.2', '--accept', '--by', 'finance'], '2026-01-11');
    const forged = commitAll(dir, 'finance: accepted', FINANCE);
    const r = since(dir, base);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).filter((f: { code: string }) => f.code === 'decision-not-by-office');
    expect(found).toHaveLength(1);
    expect(found[0].file).toBe('plan/status/finance.yaml');
    expect(found[0].message).toContain(forged.slice(0, 10));
    expect(found[0].message).toContain('review: accepted');
    expect(found[0].line).toBeGreaterThan(0);
    // The office reopens and accepts again: its records pass.
    run(dir, ['review', 'finance', '1.2', '--reopen', '--reason', '由办公室审核'], '2026-01-12');
    run(dir, ['review', 'finance', '1.2', '--accept'], '2026-01-12');
    const office = commitAll(dir, 'office: review', OFFICE);
    expect(since(dir, forged).code).toBe(0);
    expect(office).toMatch(/^[0-9a-f]+$/);
  });

  it('a unit may ask for more time in its file, but not grant it', () => {
    const dir = reviewed();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    run(dir, ['extend', 'finance', '1.2', '--to', '2026-12-31', '--reason', '资金未到位'], '2026-01-10');
    const asked = commitAll(dir, 'finance asks', FINANCE);
    expect(since(dir, base).code).toBe(0);
    run(dir, ['review', 'finance', '1.2', '--grant-extension'], '2026-01-11');
    commitAll(dir, 'finance grants itself', FINANCE);
    const found = JSON.parse(since(dir, asked).stdout).filter((f: { code: string }) => f.code === 'decision-not-by-office');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('extension: granted');
  });
});
