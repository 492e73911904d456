import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, plan } from '../helpers.js';
import { commitAll, EAST, FINANCE, git, initRepo, ISOLATED, OFFICE, write } from './git.js';

const run = (dir: string, args: string[]) => plan(args, { cwd: dir, env: ISOLATED });

describe('plan update --commit', () => {
  it('commits only the changed status file, as the configured author, with unit, task and states', () => {
    const dir = initRepo();
    // Something else is staged: it must stay out of the commit.
    write(dir, 'notes.txt', 'draft\n');
    git(dir, ['add', 'notes.txt']);
    const r = run(dir, ['update', '县财政局', '1.2', '--state', 'done', '--evidence', 'https://example.org/y', '--commit', '--as-of', '2026-01-10']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(git(dir, ['log', '-1', '--format=%s%n%an <%ae>'])).toBe(`县财政局 1.2：未启动 → 已完成\n${OFFICE.name} <${OFFICE.email}>\n`);
    expect(git(dir, ['show', '--name-only', '--format=', 'HEAD'])).toBe('plan/status/finance.yaml\n');
    expect(git(dir, ['diff', '--cached', '--name-only'])).toBe('notes.txt\n');
  });

  it('takes --author, and the commit passes plan check --since', () => {
    const dir = initRepo();
    const base = git(dir, ['rev-parse', 'HEAD']).trim();
    expect(run(dir, ['update', 'finance', '1.2', '--state', 'in_progress', '--commit', '--author', `${FINANCE.name} <${FINANCE.email}>`, '--as-of', '2026-01-10']).code).toBe(0);
    expect(git(dir, ['log', '-1', '--format=%an <%ae>|%s'])).toBe(`Li Cai <li@finance.example>|县财政局 1.2：未启动 → 推进中\n`);
    expect(run(dir, ['check', '--since', base, '--as-of', '2026-01-10']).code).toBe(0);
    // The east town's clerk recording finance's progress is caught.
    expect(run(dir, ['update', 'finance', '1.2', '--progress', 'x', '--commit', '--author', `${EAST.name} <${EAST.email}>`, '--as-of', '2026-01-11']).code).toBe(0);
    expect(run(dir, ['check', '--since', base, '--as-of', '2026-01-11']).code).toBe(1);
  });

  it('refuses a bad --author or a plan outside git before writing anything (exit 2)', () => {
    const dir = initRepo();
    const bad = run(dir, ['update', 'finance', '1.2', '--state', 'done', '--commit', '--author', 'nobody', '--as-of', '2026-01-10']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Name <mail@example.org>"');
    expect(git(dir, ['status', '--porcelain'])).toBe('');
    const loose = copyPlan();
    const r = plan(['update', 'finance', '3.1', '--state', 'done', '--commit', '--plan', loose, '--as-of', '2021-09-04'], { cwd: '/', env: { ...ISOLATED, GIT_CEILING_DIRECTORIES: join(loose, '..') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not in a git repository');
  });
});

describe('plan history from git', () => {
  it('keeps the record when the file’s history list is deleted', () => {
    const dir = initRepo();
    run(dir, ['update', 'finance', '1.2', '--state', 'in_progress', '--progress', '已启动', '--as-of', '2026-01-10']);
    commitAll(dir, 'start', FINANCE, '2026-01-10T09:00:00+08:00');
    run(dir, ['update', 'finance', '1.2', '--state', 'done', '--evidence', 'https://example.org/z', '--as-of', '2026-02-03']);
    commitAll(dir, 'done', FINANCE, '2026-02-03T09:00:00+08:00');
    const withFile = JSON.parse(run(dir, ['history', 'finance', '--format', 'json', '--as-of', '2026-02-05']).stdout);
    // Someone removes the history list (and the updated dates) from the file.
    const file = join(dir, 'plan/status/finance.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}history:[\s\S]*$/, '\n').replace(/\n {4}updated: .*/g, ''));
    commitAll(dir, 'tidy', FINANCE, '2026-02-04T09:00:00+08:00');
    expect(readFileSync(file, 'utf8')).not.toContain('history');
    const fromGit = JSON.parse(run(dir, ['history', 'finance', '--format', 'json', '--as-of', '2026-02-05']).stdout);
    const pick = (h: any[]) => h.map((r) => [r.date, r.task, r.from, r.to]);
    expect(pick(fromGit.history)).toEqual([
      ['2026-01-10', '1.2', 'not_started', 'in_progress'],
      ['2026-02-03', '1.2', 'in_progress', 'done'],
    ]);
    expect(pick(fromGit.history)).toEqual(pick(withFile.history));
    expect(fromGit.history[0].note).toBe('已启动');
  });

  it('the as-of replay reads the states from git when the file keeps no history', () => {
    const dir = initRepo();
    run(dir, ['update', 'finance', '1.2', '--state', 'in_progress', '--progress', '已启动', '--as-of', '2026-01-10']);
    commitAll(dir, 'start', FINANCE, '2026-01-10T09:00:00+08:00');
    run(dir, ['update', 'finance', '1.2', '--state', 'done', '--evidence', 'https://example.org/z', '--as-of', '2026-02-03']);
    commitAll(dir, 'done', FINANCE, '2026-02-03T09:00:00+08:00');
    const file = join(dir, 'plan/status/finance.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}history:[\s\S]*$/, '\n'));
    commitAll(dir, 'tidy', FINANCE, '2026-02-04T09:00:00+08:00');
    const stateOn = (asOf: string, command: string[]) => {
      const r = run(dir, [...command, '--format', 'json', '--as-of', asOf]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const inStatus = (asOf: string) => stateOn(asOf, ['status']).tasks.find((t: any) => t.id === '1.2').assignments.find((a: any) => a.unit === 'finance').state;
    expect(inStatus('2026-01-05')).toBe('not_started');
    expect(inStatus('2026-01-15')).toBe('in_progress'); // without git: not started (the file alone says only "done on 02-03")
    expect(inStatus('2026-02-05')).toBe('done');
    // Outside git the file alone speaks: done after the date counts as open, not started.
    const loose = join(mkdtempSync(join(tmpdir(), 'loose-')), 'plan');
    cpSync(join(dir, 'plan'), loose, { recursive: true });
    const alone = JSON.parse(plan(['status', '--plan', loose, '--format', 'json', '--as-of', '2026-01-15'], { cwd: '/', env: ISOLATED }).stdout);
    expect(alone.tasks.find((t: any) => t.id === '1.2').assignments.find((a: any) => a.unit === 'finance').state).toBe('not_started');
  });

  it('dates a change by the commit in the plan’s time zone when the entry has no date, and survives a deleted file', () => {
    const dir = initRepo();
    write(dir, 'plan/status/town-east.yaml', 'unit: town-east\ntasks:\n  "1.1":\n    state: in_progress\n');
    // 20:00 UTC on 9 January is 10 January in Asia/Shanghai.
    commitAll(dir, 'by hand', EAST, '2026-01-09T20:00:00+00:00');
    git(dir, ['rm', '--quiet', 'plan/status/town-east.yaml'], EAST);
    git(dir, ['commit', '--quiet', '-m', 'gone'], EAST);
    const r = run(dir, ['history', '东镇', '1.1', '--format', 'json', '--as-of', '2026-02-05']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).history.map((h: any) => [h.date, h.from, h.to])).toEqual([['2026-01-10', 'not_started', 'in_progress']]);
  });
});
