/**
 * A season of the ledger, September to December 2021, as a county office would
 * keep it: several units record every state with `plan update --as-of`, then
 * every report is read back as of 9/1, 9/6, 12/1 and 2022-01-05. Each picture
 * below is worked out by hand from the updates and the plan (deadlines: 3.1
 * 9/5, 3.3 9/10, 2.3.1 11/30, 2.1.3 2.1.4 2.3.3 12/31, 3.2 none; warnDays 14).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, plan, type Run } from '../helpers.js';

let dir = '';

const run = (args: string[], asOf: string): Run => plan([...args, '--plan', dir, '--as-of', asOf]);
const ok = (args: string[], asOf: string): Run => {
  const r = run(args, asOf);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};
const json = (args: string[], asOf: string): any => JSON.parse(ok([...args, '--format', 'json'], asOf).stdout);

/** The season, in the order it happened. */
const UPDATES: [asOf: string, args: string[]][] = [
  ['2021-09-03', ['finance', '3.1', '--state', 'done', '--evidence', 'https://example.org/finance/3.1']],
  ['2021-09-03', ['town-linkou', '3.1', '--state', 'in_progress', '--progress', '已确定负责同志，待备案']],
  ['2021-09-04', ['health', '2.1.4', '--state', 'blocked', '--reason', '等待市卫健委统一模板']],
  ['2021-09-08', ['town-linkou', '3.1', '--state', 'done', '--evidence', 'https://example.org/linkou/3.1']],
  ['2021-09-09', ['finance', '3.3', '--state', 'done', '--progress', '已完成回头看自查', '--evidence', 'https://example.org/finance/3.3']],
  ['2021-09-20', ['finance', '2.1.3', '--state', 'in_progress', '--progress', '预算公开范围扩大']],
  ['2021-10-10', ['health', '2.1.4', '--state', 'in_progress', '--progress', '模板已下发']],
  ['2021-10-15', ['town-linkou', '2.3.3', '--state', 'not_applicable', '--reason', '本镇无此事项']],
  ['2021-11-20', ['finance', '2.1.3', '--state', 'done', '--evidence', 'https://example.org/finance/2.1.3']],
  // Reopened: a gap was found.
  ['2021-11-25', ['finance', '2.1.3', '--state', 'in_progress', '--progress', '发现遗漏，重新整改']],
  ['2021-12-03', ['gov-office', '3.2', '--state', 'blocked', '--reason', '督导人员抽调']],
  ['2021-12-10', ['finance', '2.1.3', '--state', 'done', '--completed', '2021-12-10', '--progress', '整改完成']],
];

beforeAll(() => {
  dir = copyPlan();
  for (const [asOf, args] of UPDATES) {
    const r = plan(['update', ...args, '--plan', dir, '--as-of', asOf]);
    expect(r.stderr, `update ${args.join(' ')} as of ${asOf}`).toBe('');
    expect(r.code).toBe(0);
  }
}, 60_000);

const task = (out: any, id: string): any => out.tasks.find((t: any) => t.id === id);
const assignment = (out: any, id: string, unit: string): any => task(out, id).assignments.find((a: any) => a.unit === unit);
const row = (table: string, id: string): string => table.split('\n').find((l) => l.startsWith(`${id} `))!;

describe('the season as of 2021-09-01: nothing recorded yet', () => {
  it('status: every assignment not started, the plan before any update', () => {
    const r = ok(['status'], '2021-09-01');
    expect(r.stdout).toContain('22 tasks: due soon 2 · ongoing 1 · on track 19');
    expect(row(r.stdout, '3.1')).toMatch(/2021-09-05 +4d left +-{10} 0\/24 +due soon$/);
    const out = json(['status'], '2021-09-01');
    expect(out.tasks.flatMap((t: any) => t.assignments).filter((a: any) => a.state !== 'not_started')).toEqual([]);
  });

  it('overdue: nothing', () => {
    expect(ok(['overdue', '--fail'], '2021-09-01').stdout).toContain('Nothing is overdue.');
  });

  it('checklist and report: not started, no changes', () => {
    const list = json(['checklist', 'finance'], '2021-09-01');
    expect(new Set(list.tasks.map((t: any) => t.state))).toEqual(new Set(['not_started']));
    const report = json(['report', 'finance'], '2021-09-01');
    expect([report.to, report.changes]).toEqual(['2021-09-05', []]);
  });
});

describe('the season as of 2021-09-06', () => {
  it('status: 3.1 one day overdue with finance done; 2.1.4 blocked (not on track); 3.3 due soon', () => {
    const r = ok(['status'], '2021-09-06');
    expect(row(r.stdout, '3.1')).toMatch(/2021-09-05 +1d late +-{10} 1\/24 +overdue$/);
    expect(row(r.stdout, '3.3')).toMatch(/2021-09-10 +4d left +-{10} 0\/24 +due soon$/);
    expect(row(r.stdout, '2.1.4')).toMatch(/2021-12-31 +116d left +-{10} 0\/12 +blocked$/);
    expect(r.stdout).toContain('22 tasks: overdue 1 · blocked 1 · due soon 1 · ongoing 1 · on track 18');
    const out = json(['status'], '2021-09-06');
    // Linkou finished 3.1 on 9/8: on 9/6 it was in progress, and overdue.
    expect(assignment(out, '3.1', 'town-linkou')).toMatchObject({ state: 'in_progress', light: 'red', daysOverdue: 1 });
    expect(assignment(out, '3.1', 'finance')).toMatchObject({ state: 'done', light: 'green', completed: '2021-09-03', completionDays: -2 });
    expect(assignment(out, '2.1.4', 'health')).toMatchObject({ state: 'blocked', light: 'blocked' });
    // The rest of the season is not yet in force.
    expect(assignment(out, '3.3', 'finance')).toMatchObject({ state: 'not_started', completed: null });
    expect(assignment(out, '2.1.3', 'finance').state).toBe('not_started');
    expect(ok(['status', '--light', 'blocked', '--format', 'json'], '2021-09-06').stdout).toContain('"id": "2.1.4"');
  });

  it('overdue: 23 assignments of 3.1 (all but finance), Linkou among them, in progress', () => {
    const out = json(['overdue'], '2021-09-06');
    expect(out.count).toBe(23);
    expect(out.entries.find((e: any) => e.unit === 'finance')).toBeUndefined();
    expect(out.entries.find((e: any) => e.unit === 'town-linkou')).toMatchObject({ task: '3.1', daysOverdue: 1, state: 'in_progress', progress: '已确定负责同志，待备案' });
  });

  it('checklist: Linkou’s 3.1 in progress and late with the progress text known then; health’s 2.1.4 blocked with its reason', () => {
    const linkou = ok(['checklist', '林口镇'], '2021-09-06').stdout;
    expect(row(linkou, '3.1')).toMatch(/responsible +2021-09-05 +1d late +in progress +overdue$/);
    expect(linkou).toContain('Progress: 已确定负责同志，待备案');
    const health = json(['checklist', 'health'], '2021-09-06');
    expect(health.tasks.find((t: any) => t.task === '2.1.4')).toMatchObject({ state: 'blocked', light: 'blocked', reason: '等待市卫健委统一模板' });
    expect(ok(['checklist', 'health'], '2021-09-06').stdout).toContain('Reason: 等待市卫健委统一模板');
  });

  it('report at the 9/5 checkpoint: 3.1 done 2 days early, the one change of the period', () => {
    const out = json(['report', 'finance', '--checkpoint', '2021-09-05'], '2021-09-06');
    expect([out.asOf, out.from, out.to]).toEqual(['2021-09-05', '2021-08-30', '2021-09-05']);
    expect(out.tasks.find((t: any) => t.task === '3.1')).toMatchObject({ state: 'done', completed: '2021-09-03', completionDays: -2, light: 'green' });
    expect(out.changes.map((c: any) => [c.date, c.task, c.to])).toEqual([['2021-09-03', '3.1', 'done']]);
  });
});

describe('the season as of 2021-12-01', () => {
  it('status: 3.1 with Linkou done late; 2.1.3 reopened and in progress; 2.1.4 unblocked', () => {
    const out = json(['status'], '2021-12-01');
    expect(assignment(out, '3.1', 'town-linkou')).toMatchObject({ state: 'done', light: 'done-late', completed: '2021-09-08', completionDays: 3, daysOverdue: 0 });
    expect(task(out, '3.1')).toMatchObject({ done: 2, total: 24, light: 'red', daysLeft: -87 });
    expect(assignment(out, '2.1.3', 'finance')).toMatchObject({ state: 'in_progress', light: 'green', completed: null });
    expect(assignment(out, '2.1.4', 'health')).toMatchObject({ state: 'in_progress', light: 'green' });
    expect(assignment(out, '2.3.3', 'town-linkou')).toMatchObject({ state: 'not_applicable', light: 'green' });
    expect(out.counts).toMatchObject({ red: 3, blocked: 0 });
  });

  it('status of one unit: a closed task says when it closed, never "87d late"', () => {
    const r = ok(['status', '--unit', '县财政局'], '2021-12-01');
    expect(row(r.stdout, '3.1')).toMatch(/2021-09-05 +done 2d early +#{10} 1\/1 +done$/);
    expect(row(r.stdout, '3.3')).toMatch(/2021-09-10 +done 1d early +#{10} 1\/1 +done$/);
    expect(r.stdout).not.toMatch(/^3\.1 .*late/m);
    const zh = ok(['status', '--unit', '林口镇', '--lang', 'zh'], '2021-12-01');
    expect(row(zh.stdout, '3.1')).toMatch(/逾期3天完成 +#{10} 1\/1 +逾期完成$/);
    expect(row(zh.stdout, '2.3.3')).toMatch(/不适用 +#{10} 1\/1 +已完成$/);
  });

  it('overdue: 3.1 (22), 3.3 (23) and 2.3.1 (24) across 24 units; finance owes only 2.3.1', () => {
    const out = json(['overdue'], '2021-12-01');
    expect(out.count).toBe(22 + 23 + 24);
    const byTask = (id: string): number => out.entries.filter((e: any) => e.task === id).length;
    expect([byTask('3.1'), byTask('3.3'), byTask('2.3.1')]).toEqual([22, 23, 24]);
    expect(ok(['overdue'], '2021-12-01').stdout).toContain('69 overdue assignments across 24 units.');
    expect(json(['overdue', '--unit', 'finance'], '2021-12-01').entries.map((e: any) => e.task)).toEqual(['2.3.1']);
  });

  it('checklist: finance’s 2.1.3 in progress again with the reopening note; closed ones say how they closed', () => {
    const r = ok(['checklist', 'finance'], '2021-12-01');
    expect(row(r.stdout, '2.1.3')).toMatch(/lead +2021-12-31 +30d left +in progress +on track$/);
    expect(row(r.stdout, '3.1')).toMatch(/responsible +2021-09-05 +done 2d early +done +done$/);
    expect(r.stdout).toContain('Progress: 发现遗漏，重新整改');
    const linkou = json(['checklist', 'town-linkou'], '2021-12-01');
    expect(linkou.tasks.find((t: any) => t.task === '2.3.3')).toMatchObject({ state: 'not_applicable', reason: '本镇无此事项' });
  });

  it('report at the coming 12/5 checkpoint: the changes since 9/5, reopening included', () => {
    const out = json(['report', 'finance'], '2021-12-01');
    expect([out.from, out.to]).toEqual(['2021-09-05', '2021-12-05']);
    expect(out.changes.map((c: any) => [c.date, c.task, c.from, c.to])).toEqual([
      ['2021-09-09', '3.3', 'not_started', 'done'],
      ['2021-09-20', '2.1.3', 'not_started', 'in_progress'],
      ['2021-11-20', '2.1.3', 'in_progress', 'done'],
      ['2021-11-25', '2.1.3', 'done', 'in_progress'],
    ]);
    expect(out.tasks.find((t: any) => t.task === '2.1.3')).toMatchObject({ state: 'in_progress', progress: '发现遗漏，重新整改', completed: null });
  });
});

describe('the season as of 2022-01-05', () => {
  it('status: 2.1.3 done 21 days early for finance; 3.2 blocked, never overdue', () => {
    const out = json(['status'], '2022-01-05');
    expect(assignment(out, '2.1.3', 'finance')).toMatchObject({ state: 'done', completed: '2021-12-10', completionDays: -21, light: 'green' });
    expect(task(out, '3.2')).toMatchObject({ light: 'blocked', daysLeft: null });
    expect(assignment(out, '3.2', 'gov-office')).toMatchObject({ state: 'blocked', light: 'blocked', daysOverdue: 0 });
    const r = ok(['status', '--unit', 'finance'], '2022-01-05');
    expect(row(r.stdout, '2.1.3')).toMatch(/2021-12-31 +done 21d early +#{10} 1\/1 +done$/);
  });

  it('overdue: finance owes 12 of its 16 (3 done, 3.2 has no deadline); Linkou 19 of 22', () => {
    expect(json(['overdue', '--unit', 'finance'], '2022-01-05').count).toBe(12);
    expect(json(['overdue', '--unit', '林口镇'], '2022-01-05').count).toBe(19);
  });

  it('checklist: the office’s 3.2 is blocked with its reason', () => {
    const r = ok(['checklist', '县政府办', '--lang', 'zh'], '2022-01-05');
    expect(row(r.stdout, '3.2')).toMatch(/无时限 +— +受阻 +受阻$/);
    expect(r.stdout).toContain('说明：督导人员抽调');
  });

  it('report: past the last checkpoint, the default is refused; each checkpoint reproduces its own picture', () => {
    const late = run(['report', 'finance'], '2022-01-05');
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('has no checkpoint on or after 2022-01-05');
    const dec = json(['report', 'finance', '--checkpoint', '2021-12-05'], '2022-01-05');
    expect(dec.asOf).toBe('2021-12-05');
    expect(dec.tasks.find((t: any) => t.task === '2.1.3')).toMatchObject({ state: 'in_progress', progress: '发现遗漏，重新整改' });
    expect(dec.changes.map((c: any) => c.date)).toEqual(['2021-09-09', '2021-09-20', '2021-11-20', '2021-11-25']);
    const sep = json(['report', 'finance', '--checkpoint', '2021-09-05'], '2022-01-05');
    expect(sep).toEqual(json(['report', 'finance', '--checkpoint', '2021-09-05'], '2021-09-06'));
    expect(sep.tasks.filter((t: any) => t.state !== 'not_started').map((t: any) => t.task)).toEqual(['3.1']);
  });
});

describe('checking and updating in a season', () => {
  it('plan check is clean as of any date of the season, and today', () => {
    for (const asOf of ['2021-09-01', '2021-09-06', '2021-12-01', '2022-01-05']) expect(run(['check'], asOf).code).toBe(0);
    expect(plan(['check', '--plan', dir]).code).toBe(0);
  });

  it('a back-dated update of one unit is not stopped by other units’ later completions', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'plan-season-')), 'plan');
    cpSync(dir, copy, { recursive: true });
    const r = plan(['update', 'justice', '3.1', '--state', 'in_progress', '--plan', copy, '--as-of', '2021-09-02']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    // Its own completion after its as-of date is still refused.
    const own = plan(['update', 'justice', '3.1', '--state', 'done', '--completed', '2021-09-04', '--plan', copy, '--as-of', '2021-09-02']);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('completion date 2021-09-04 is after the as-of date 2021-09-02');
  });
});
