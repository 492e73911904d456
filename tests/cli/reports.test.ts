import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text.js';
import { copyPlan, edit, plan } from '../helpers.js';

const json = <T = any>(args: string[]): T => {
  const r = plan(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
};

describe('plan status on the embedded plan', () => {
  it('lists all 22 tasks by deadline with the next checkpoint, as of 2021-09-01', () => {
    const r = plan(['status', '--as-of', '2021-09-01']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('林口县2021年政务公开工作实施方案（林政办发〔2021〕17号）');
    expect(lines[1]).toBe('As of: 2021-09-01');
    // 各镇人民政府 (11) and 县直各牵头单位 (11): the recipient does not report to itself, and
    // 牡丹江市林口生态环境局 is not 县直.
    expect(lines[2]).toBe('Next checkpoint: 2021-09-05 (4d left): 22 units report to 县政府办');
    const rows = lines.slice(6, 28);
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(['3.1', '3.3', '2.3.1', '2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.1.5', '2.2.1', '2.2.2', '2.2.3', '2.2.3b', '2.3.2', '2.3.2b', '2.3.2c', '2.3.3', '2.4.1', '2.4.2', '2.4.3', '2.4.4', '3.4', '3.2']);
    expect(rows[0]).toMatch(/^3\.1 +明确领导责任 +县政府办 +2021-09-05 +4d left +-{10} 0\/24 +due soon$/);
    expect(rows[21]).toMatch(/^3\.2 +强化工作指导 +县政府办 +none +— +-{10} 0\/24 +ongoing$/);
    expect(r.stdout).toContain('22 tasks: due soon 2 · ongoing 1 · on track 19');
  });

  it('keeps every line within the width and the columns aligned, in Chinese too', () => {
    for (const columns of ['100', '72']) {
      const r = plan(['status', '--as-of', '2021-09-01', '--lang', 'zh'], { env: { COLUMNS: columns } });
      const table = r.stdout.split('\n').slice(4, 28);
      for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(Number(columns));
      // The deadline column starts at one display column on every row.
      const starts = table.slice(2).map((l) => displayWidth(l.slice(0, l.search(/20\d\d-\d\d-\d\d|无时限/))));
      expect(new Set(starts).size).toBe(1);
    }
  });

  it('gives the JSON contract', () => {
    const out = json(['status', '--as-of', '2021-09-01', '--format', 'json']);
    expect(out.asOf).toBe('2021-09-01');
    expect(out.nextCheckpoint).toMatchObject({ date: '2021-09-05', daysLeft: 4, recipient: 'gov-office' });
    expect(out.nextCheckpoint.reporters).toHaveLength(22);
    expect(out.nextCheckpoint.reporters).not.toContain('gov-office');
    expect(out.nextCheckpoint.reporters).not.toContain('ecology-environment');
    const t31 = out.tasks[0];
    expect(t31).toMatchObject({ id: '3.1', title: '明确领导责任', lead: ['gov-office'], responsible: ['towns', 'departments'], deadline: '2021-09-05', ongoing: false, light: 'yellow', daysLeft: 4, done: 0, total: 24 });
    // Each assignment's deadline in force and review state (issue 21): the task's, and null where the plan asks no review.
    expect(t31.assignments[0]).toEqual({ unit: 'gov-office', role: 'lead', deadline: '2021-09-05', review: null, state: 'not_started', light: 'yellow', daysOverdue: 0, completed: null, completionDays: null });
    expect(out.tasks.find((t: any) => t.id === '3.2')).toMatchObject({ deadline: null, ongoing: true, light: 'ongoing', daysLeft: null });
  });

  it('filters by unit, with the unit’s own roll-up', () => {
    const dir = copyPlan({ progress: true });
    const out = json(['status', '--plan', dir, '--as-of', '2021-09-06', '--unit', '县财政局', '--format', 'json']);
    expect(out.tasks).toHaveLength(16);
    expect(out.tasks[0]).toMatchObject({ id: '3.1', done: 1, total: 1, light: 'green' });
    const byLight = json(['status', '--plan', dir, '--as-of', '2021-09-06', '--light', 'red', '--format', 'json']);
    expect(byLight.tasks.map((t: any) => t.id)).toEqual(['3.1']);
    const bySection = json(['status', '--section', '二（四）', '--as-of', '2021-09-01', '--format', 'json']);
    expect(bySection.tasks.map((t: any) => t.id)).toEqual(['2.4.1', '2.4.2', '2.4.3', '2.4.4']);
    expect(json(['status', '--section', '3', '--as-of', '2021-09-01', '--format', 'json']).tasks).toHaveLength(4);
  });

  it('writes CSV safe for spreadsheets and Markdown', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "=HYPERLINK(\\"http://x\\")"');
    const csv = plan(['status', '--plan', dir, '--as-of', '2021-09-01', '--format', 'csv']).stdout;
    expect(csv.startsWith('\ufeffID,Task,Lead,Responsible,Deadline,Days left,Closed,Completed,Done,Total,Light\r\n')).toBe(true);
    expect(csv).toContain(`3.1,"'=HYPERLINK(""http://x"")",县政府办,各镇人民政府、县政府各直属单位,2021-09-05,4,,,0,24,due soon\r\n`);
    const md = plan(['status', '--as-of', '2021-09-01', '--format', 'md']).stdout;
    expect(md).toContain('| 3.1 | 明确领导责任 | 县政府办 | 2021-09-05 | 4d left | 0/24 | due soon |');
  });
});

describe('plan status --format html', () => {
  it('is one page with a row per task, lights as words, in the chosen language', () => {
    const page = plan(['status', '--as-of', '2021-09-01', '--format', 'html', '--lang', 'zh']).stdout;
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page.match(/<tr class="light-/g)).toHaveLength(22);
    expect(page).toContain('<tr class="light-yellow">\n<td>3.1</td>\n<td>明确领导责任</td>\n<td>县政府办</td>\n<td class="date">2021-09-05</td>\n<td class="num">剩4天</td>');
    expect(page).toContain('<td class="light" style="color:#546e7a">持续推进</td>');
    expect(page).not.toMatch(/<script|<link|src="http/);
  });
});

describe('plan overdue', () => {
  it('lists every assignment of 3.1 as one day overdue on 2021-09-06, by unit', () => {
    const out = json(['overdue', '--as-of', '2021-09-06', '--format', 'json']);
    expect(out.count).toBe(24);
    expect(out.entries[0]).toEqual({ unit: 'gov-office', unitName: '县政府办', task: '3.1', title: '明确领导责任', role: 'lead', deadline: '2021-09-05', review: null, daysOverdue: 1, state: 'not_started', progress: null, reason: null });
    expect(new Set(out.entries.map((e: any) => e.task))).toEqual(new Set(['3.1']));
  });

  it('leaves out what is done, and exits 1 with --fail when anything is overdue', () => {
    const dir = copyPlan({ progress: true });
    const r = plan(['overdue', '--plan', dir, '--as-of', '2021-09-11', '--by', 'task', '--fail']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('45 overdue assignments across 23 units.');
    expect(r.stdout).not.toMatch(/县财政局 .*3\.1/);
    expect(plan(['overdue', '--as-of', '2021-09-01', '--fail'])).toMatchObject({ code: 0 });
    const towns = JSON.parse(plan(['overdue', '--plan', dir, '--as-of', '2021-09-11', '--unit', '各镇人民政府', '--format', 'json']).stdout);
    expect(towns.count).toBe(21);
    expect(new Set(towns.entries.map((e: any) => e.unit)).size).toBe(11);
    expect(plan(['overdue', '--as-of', '2021-09-01']).stdout).toContain('Nothing is overdue.');
  });
});

describe('plan upcoming', () => {
  it('groups what falls due by date', () => {
    const out = json(['upcoming', '--as-of', '2021-09-01', '--within', '10', '--format', 'json']);
    expect(out.entries.map((e: any) => [e.date, e.task, e.openUnits.length])).toEqual([
      ['2021-09-05', '3.1', 24],
      ['2021-09-10', '3.3', 24],
    ]);
  });
});

describe('plan checklist', () => {
  it('gives 县财政局 its lead task and every task of 县政府各直属单位', () => {
    const out = json(['checklist', '县财政局', '--as-of', '2021-09-01', '--format', 'json']);
    expect(out.unit).toBe('finance');
    const ids = out.tasks.map((t: any) => t.task);
    expect(ids).toHaveLength(16);
    expect(out.tasks.filter((t: any) => t.role === 'lead').map((t: any) => t.task)).toEqual(['2.1.3']);
    // Tasks for 各镇人民政府 only are not the department's.
    for (const townOnly of ['2.1.2', '2.1.4', '2.3.3', '2.4.2', '2.4.3', '3.4']) expect(ids).not.toContain(townOnly);
    expect(out.checkpoints).toEqual([{ date: '2021-09-05', recipient: 'gov-office' }, { date: '2021-12-05', recipient: 'gov-office' }]);
  });

  it('gives a town every task naming it or its group, and both checkpoints', () => {
    const out = json(['checklist', '建堂乡', '--as-of', '2021-09-01', '--format', 'json']);
    expect(out.unit).toBe('town-jiantang');
    expect(out.tasks).toHaveLength(22);
    expect(out.tasks.find((t: any) => t.task === '3.4').role).toBe('lead');
  });

  it('suggests a name for an unknown unit and exits 2', () => {
    const r = plan(['checklist', '县财正局']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown unit "县财正局"; did you mean "县财政局"?');
  });

  it('writes one Markdown file per unit with --all --out', () => {
    const dir = copyPlan({ progress: true });
    const out = join(dir, '..', 'reports/checklists');
    const r = plan(['checklist', '--plan', dir, '--all', '--out', out, '--as-of', '2021-09-06']);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(25);
    const finance = readFileSync(join(out, 'finance.md'), 'utf8');
    expect(finance).toContain('# 县财政局 · Checklist');
    expect(finance).toContain('- [x] **3.1 明确领导责任** — responsible · Deadline 2021-09-05 · done 2d early');
    expect(finance).toContain('- [ ] **2.1.3 做好财政信息公开** — lead');
    expect(existsSync(join(out, 'town-linkou.md'))).toBe(true);
  });
});

describe('plan export', () => {
  it('dumps the resolved plan', () => {
    const dir = copyPlan({ progress: true });
    const out = json(['export', '--plan', dir, '--as-of', '2021-12-31']);
    expect(out.plan).toMatchObject({ id: 'linkou-2021-zwgk', document: '林政办发〔2021〕17号', timezone: 'Asia/Shanghai', warnDays: 14 });
    expect(out.plan.checkpoints).toEqual([{ date: '2021-09-05', reporters: ['towns', 'leads:departments'], recipient: 'gov-office' }, { date: '2021-12-05', reporters: ['towns', 'leads:departments'], recipient: 'gov-office' }]);
    expect(out.units).toHaveLength(25);
    expect(out.groups.map((g: any) => [g.id, g.members.length])).toEqual([['towns', 11], ['departments', 13]]);
    expect(out.tasks).toHaveLength(22);
    expect(out.tasks.find((t: any) => t.id === '3.2')).toMatchObject({ deadline: null, deadlineText: null, ongoing: true });
    expect(out.statuses).toContainEqual({ unit: 'finance', task: '2.1.3', state: 'in_progress', completed: null, evidence: [], note: '预决算公开范围已扩大到部门所属单位', reason: null, updated: '2021-09-20' });
  });
});

describe('reports refuse a broken plan', () => {
  it('prints the errors and exits 1', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/2-1.yaml'), 'lead: [finance]', 'lead: [finanse]');
    const r = plan(['status', '--plan', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown unit or group "finanse"');
  });
});
