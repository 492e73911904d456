/**
 * Time as the county counts it, end to end: working-day deadlines on the
 * national calendar with 调休, days off kept or moved, years the data does not
 * cover, a local holidays file, milestones, and dates that never lie.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, lineOf, plan } from '../helpers.js';

/** A copy of the embedded plan on the national calendar. */
function cnPlan(): string {
  const dir = copyPlan();
  edit(join(dir, 'plan.yaml'), 'warnDays: 14\n', 'warnDays: 14\ncalendar: cn\n');
  return dir;
}
/** Task 3.3's written deadline (2021-09-10) replaced. */
const setDeadline = (dir: string, yaml: string): void => edit(join(dir, 'tasks/3.yaml'), '    deadline: 2021-09-10\n', `    deadline: ${yaml}\n`);
const check = (dir: string, ...args: string[]): { code: number | null; findings: any[] } => {
  const r = plan(['check', '--plan', dir, '--format', 'json', ...args]);
  return { code: r.code, findings: JSON.parse(r.stdout) };
};
const task33 = (dir: string, asOf: string, ...args: string[]): any => JSON.parse(plan(['status', '--plan', dir, '--as-of', asOf, '--format', 'json', ...args]).stdout).tasks.find((t: any) => t.id === '3.3');

describe('a deadline in working days', () => {
  it('10个工作日内 from 2021-09-28 is 2021-10-18, across the National Day week and its make-up Saturday', () => {
    const dir = cnPlan();
    setDeadline(dir, '{ workdays: 10, from: 2021-09-28 }');
    expect(check(dir, '--as-of', '2021-10-01')).toEqual({ code: 0, findings: [] });
    expect(task33(dir, '2021-10-01').deadline).toBe('2021-10-18');
    const md = plan(['checklist', 'finance', '--plan', dir, '--as-of', '2021-10-01', '--format', 'md', '--lang', 'zh']);
    expect(md.stdout).toContain('完成时限 自2021-09-28起10个工作日内（2021-10-18）');
    // From the signing date (2021-08-30): 9/13 is the tenth working day.
    const signed = cnPlan();
    setDeadline(signed, '{ workdays: 10, from: signed }');
    expect(task33(signed, '2021-09-01').deadline).toBe('2021-09-13');
  });

  it('cannot be counted without a calendar: an error at the deadline, with what to do', () => {
    const dir = copyPlan();
    setDeadline(dir, '{ workdays: 10, from: signed }');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([
      { code: 'deadline-workdays-no-calendar', severity: 'error', file: expect.stringMatching(/tasks\/3\.yaml$/), line: lineOf(join(dir, 'tasks/3.yaml'), 'workdays'), col: 5, message: expect.stringMatching(/names no working calendar; add calendar: cn/) },
    ]);
    edit(join(dir, 'plan.yaml'), 'warnDays: 14\n', 'warnDays: 14\nwarnWorkdays: 5\n');
    expect(check(dir).findings.map((f) => f.code)).toContain('setting-needs-calendar');
  });

  it('on a public holiday: kept with a warning naming it, or moved to the next working day and shown so', () => {
    const dir = cnPlan();
    setDeadline(dir, '2021-10-03');
    const kept = check(dir, '--as-of', '2021-09-01');
    expect(kept.code).toBe(0);
    expect(kept.findings).toMatchObject([{ code: 'deadline-on-day-off', severity: 'warning', file: expect.stringContaining('tasks/3.yaml'), line: lineOf(join(dir, 'tasks/3.yaml'), '2021-10-03'), message: expect.stringContaining('National Day') }]);
    expect(task33(dir, '2021-09-01').deadline).toBe('2021-10-03');
    edit(join(dir, 'plan.yaml'), 'calendar: cn\n', 'calendar: cn\nonHoliday: next-workday\n');
    expect(check(dir, '--as-of', '2021-09-01')).toEqual({ code: 0, findings: [] });
    expect(task33(dir, '2021-09-01').deadline).toBe('2021-10-08');
    const md = plan(['report', 'finance', '--plan', dir, '--as-of', '2021-09-01', '--lang', 'zh']);
    expect(md.stdout).toContain('2021-10-08（原定2021-10-03（国庆节），顺延至下一个工作日）');
  });

  it('days left and the warning window in working days, where the plan asks', () => {
    const dir = cnPlan();
    setDeadline(dir, '2021-10-11');
    // 9/28 to 10/11: 13 calendar days, 5 working days (9/29, 9/30, 10/8, Saturday 10/9, 10/11).
    expect(task33(dir, '2021-09-28').daysLeft).toBe(13);
    edit(join(dir, 'plan.yaml'), 'calendar: cn\n', 'calendar: cn\ncountWorkdays: true\nwarnWorkdays: 3\n');
    const row = task33(dir, '2021-09-28');
    expect([row.daysLeft, row.light]).toEqual([5, 'green']);
    // On the last day of the holiday three working days are left (10/8, 10/9, 10/11): inside warnWorkdays.
    expect(task33(dir, '2021-10-07').light).toBe('yellow');
    // From 9/30, too, only three are left: the National Day week is no working time; from 9/29 four.
    expect(task33(dir, '2021-09-30').light).toBe('yellow');
    expect(task33(dir, '2021-09-29').light).toBe('green');
    const table = plan(['status', '--plan', dir, '--as-of', '2021-09-28']).stdout;
    expect(table.split('\n').find((l) => l.startsWith('3.3 '))).toMatch(/2021-10-11 +5 workdays left/);
  });
});

describe('a year the data does not cover', () => {
  it('is named for every deadline, milestone and checkpoint that falls in it, never counted as Monday to Friday in silence', () => {
    const dir = cnPlan();
    setDeadline(dir, '2099-03-31');
    edit(join(dir, 'tasks/3.yaml'), '    deadline: 2099-03-31\n', '    deadline: 2099-03-31\n    milestones:\n      - date: 2098-12-31\n        text: 完成试点\n');
    edit(join(dir, 'plan.yaml'), '  - date: 2021-12-05', '  - date: 2099-01-05');
    const { code, findings } = check(dir, '--as-of', '2021-09-01');
    expect(code).toBe(0);
    const uncovered = findings.filter((f) => f.code === 'calendar-year-uncovered');
    expect(uncovered.map((f) => [f.file.replace(/.*plan\//, ''), f.line])).toEqual([
      ['plan.yaml', lineOf(join(dir, 'plan.yaml'), '2099-01-05')],
      ['tasks/3.yaml', lineOf(join(dir, 'tasks/3.yaml'), '2099-03-31')],
      ['tasks/3.yaml', lineOf(join(dir, 'tasks/3.yaml'), '2098-12-31')],
    ]);
    expect(uncovered[1].message).toMatch(/no holiday and make-up day data for 2099 \(chinese-days 1\.\d+\.\d+/);
    // A working-day count running into such a year names it too.
    const count = cnPlan();
    setDeadline(count, '{ workdays: 2000, from: signed }');
    expect(check(count, '--as-of', '2021-09-01').findings.filter((f) => f.code === 'calendar-year-uncovered').map((f) => f.message)).toEqual([expect.stringMatching(/^3\.3: .*20\d\d/)]);
  });
});

describe('plan/holidays.yaml', () => {
  it('adds a local holiday and a make-up day that the counts follow, and covers a year entered by hand', () => {
    const dir = cnPlan();
    setDeadline(dir, '{ workdays: 3, from: 2021-10-11 }');
    expect(task33(dir, '2021-10-01').deadline).toBe('2021-10-14');
    writeFileSync(join(dir, 'holidays.yaml'), 'source: 县政府办通知\nyears: [2099]\nholidays:\n  - from: 2021-10-12\n    to: 2021-10-13\n    name: 县庆\nworkdays:\n  - date: 2021-10-16\n    name: 县庆调休\n');
    // 10/12 and 10/13 off, Saturday 10/16 worked: the third working day after 10/11 is that Saturday.
    expect(task33(dir, '2021-10-01').deadline).toBe('2021-10-16');
    edit(join(dir, 'tasks/3.yaml'), '{ workdays: 3, from: 2021-10-11 }', '2099-06-30');
    expect(check(dir, '--as-of', '2021-10-01').findings.map((f) => f.code)).toEqual(['deadline-outside-span']);
  });

  it('is checked by its schema, with file, line and column', () => {
    const dir = cnPlan();
    writeFileSync(join(dir, 'holidays.yaml'), 'holidays:\n  - date: 2021-10-12\n    nmae: 县庆\n  - from: 2021-10-20\n    to: 2021-10-18\n    name: 倒序\n');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => [f.file.replace(/.*plan\//, ''), f.line, f.col, f.code])).toEqual([
      ['holidays.yaml', 2, 5, 'schema-required'],
      ['holidays.yaml', 3, 5, 'schema-unknown-property'],
    ]);
    const backwards = cnPlan();
    writeFileSync(join(backwards, 'holidays.yaml'), 'holidays:\n  - from: 2021-10-20\n    to: 2021-10-18\n    name: 倒序\n');
    expect(check(backwards).findings).toMatchObject([{ code: 'holiday-range-backwards', line: 3, col: 5, message: expect.stringContaining('2021-10-20 is after 2021-10-18') }]);
  });
});

describe('milestones', () => {
  const staged = (): string => {
    const dir = cnPlan();
    edit(join(dir, 'tasks/2-1.yaml'), /(  - id: "2\.1\.3"[\s\S]*?    deadline: 2021-12-31\n)/, '$1    milestones:\n      - date: 2021-10-29\n        text: 完成部门预算公开自查\n');
    return dir;
  };

  it('upcoming --as-of a date before a milestone lists it; after it, not', () => {
    const dir = staged();
    const before = plan(['upcoming', '--plan', dir, '--as-of', '2021-10-20', '--format', 'json']);
    expect(JSON.parse(before.stdout).milestones).toEqual([{ date: '2021-10-29', daysLeft: 9, task: '2.1.3', title: '做好财政信息公开', milestone: '完成部门预算公开自查', openUnits: expect.arrayContaining(['finance', 'town-linkou']) }]);
    expect(plan(['upcoming', '--plan', dir, '--as-of', '2021-10-20']).stdout).toContain('2021-10-29 (9d left) 2.1.3 做好财政信息公开: 完成部门预算公开自查');
    expect(JSON.parse(plan(['upcoming', '--plan', dir, '--as-of', '2021-10-30', '--format', 'json']).stdout).milestones).toEqual([]);
  });

  it('passed without progress turns the light yellow; a unit that started stays green', () => {
    const dir = staged();
    const light = (asOf: string, unit: string): string => JSON.parse(plan(['status', '--plan', dir, '--as-of', asOf, '--format', 'json']).stdout).tasks.find((t: any) => t.id === '2.1.3').assignments.find((a: any) => a.unit === unit).light;
    expect(light('2021-10-29', 'finance')).toBe('green');
    expect(light('2021-10-30', 'finance')).toBe('yellow');
    expect(plan(['update', 'finance', '2.1.3', '--state', 'in_progress', '--progress', '自查中', '--plan', dir, '--as-of', '2021-10-20']).code).toBe(0);
    expect(light('2021-10-30', 'finance')).toBe('green');
    expect(light('2021-10-30', 'town-linkou')).toBe('yellow');
  });

  it('in the checklist, the unit’s report, remind, the site and the calendar', () => {
    const dir = staged();
    const asOf = ['--plan', dir, '--as-of', '2021-10-30', '--lang', 'zh'];
    expect(plan(['checklist', 'town-linkou', '--format', 'md', ...asOf]).stdout).toContain('阶段性节点：2021-10-29 完成部门预算公开自查（已过）');
    expect(plan(['report', 'finance', ...asOf]).stdout).toMatch(/## 阶段性节点\n\n- 2021-10-29 \*\*2\.1\.3 做好财政信息公开\*\*：完成部门预算公开自查（已过）/);
    const remind = plan(['remind', '--unit', 'town-linkou', ...asOf]);
    expect(remind.stdout).toContain('阶段性节点中有1个已过而任务尚未启动');
    expect(remind.stdout).toContain('| 2.1.3 | 做好财政信息公开 | 完成部门预算公开自查 | 2021-10-29 | 逾1天 | 未启动 |');
    const site = join(dir, '..', 'site');
    expect(plan(['site', '--out', site, ...asOf]).code).toBe(0);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('阶段性节点：2.1.3 完成部门预算公开自查');
    const ics = plan(['calendar', '--unit', 'finance', '--plan', dir, '--as-of', '2021-10-20']).stdout;
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes('.milestone.2.1.3.2021-10-29'))!;
    expect(event).toContain('DTSTART;VALUE=DATE:20211029');
    expect(event).toContain('BEGIN:VALARM');
  });
});

describe('dates that never lie', () => {
  it('--as-of before the plan was signed: every report warns; the 通报 and the report refuse it without --force', () => {
    const dir = copyPlan();
    const status = plan(['status', '--plan', dir, '--as-of', '2021-08-01']);
    expect(status.code).toBe(0);
    expect(status.stderr).toBe('warning: the as-of date 2021-08-01 is before the plan was signed on 2021-08-30; nothing was due before it\n');
    for (const args of [['summary'], ['report', 'finance']]) {
      const r = plan([...args, '--plan', dir, '--as-of', '2021-08-01']);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain('before the plan was signed on 2021-08-30');
      expect(r.stdout).toBe('');
      const forced = plan([...args, '--plan', dir, '--as-of', '2021-08-01', '--force']);
      expect(forced.code).toBe(0);
      expect(forced.stderr).toContain('warning: the as-of date 2021-08-01');
    }
    expect(plan(['status', '--plan', dir, '--as-of', '2021-08-30']).stderr).toBe('');
  });

  it('plan history --as-of lists only what happened on or before that day', () => {
    const dir = copyPlan();
    expect(plan(['update', 'finance', '3.1', '--state', 'in_progress', '--progress', '起草中', '--plan', dir, '--as-of', '2021-09-02']).code).toBe(0);
    expect(plan(['update', 'finance', '3.1', '--state', 'done', '--evidence', 'https://example.org/a', '--plan', dir, '--as-of', '2021-09-04']).code).toBe(0);
    const dates = (asOf: string): string[] => JSON.parse(plan(['history', 'finance', '--plan', dir, '--as-of', asOf, '--format', 'json']).stdout).history.map((h: any) => h.date);
    expect(dates('2021-09-03')).toEqual(['2021-09-02']);
    expect(dates('2021-09-04')).toEqual(['2021-09-02', '2021-09-04']);
    expect(dates('2021-09-01')).toEqual([]);
  });

  it('the update confirmation gives the --completed date, not the as-of date', () => {
    const dir = copyPlan();
    const r = plan(['update', 'finance', '3.1', '--state', 'done', '--completed', '2021-09-03', '--evidence', 'https://example.org/a', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.stdout).toBe('updated 县财政局 · 3.1 明确领导责任: not started → done (completed 2021-09-03)\n');
  });

  it('calendar files: past events carry no reminder; --all writes one per unit', () => {
    const dir = copyPlan();
    const ics = plan(['calendar', '--unit', 'finance', '--plan', dir, '--as-of', '2021-09-08']).stdout;
    const events = ics.split('BEGIN:VEVENT').slice(1);
    const alarmed = (e: string): boolean => e.includes('BEGIN:VALARM');
    const start = (e: string): string => /DTSTART;VALUE=DATE:(\d+)/.exec(e)![1]!;
    expect(events.filter((e) => start(e) < '20210908').length).toBeGreaterThan(0);
    expect(events.filter((e) => start(e) < '20210908').some(alarmed)).toBe(false);
    expect(events.filter((e) => start(e) >= '20210908').every(alarmed)).toBe(true);
    const out = join(dir, '..', 'calendars');
    const all = plan(['calendar', '--all', '--out', out, '--plan', dir, '--as-of', '2021-09-08']);
    expect(all.code).toBe(0);
    const files = readdirSync(out).sort();
    // Every unit with a task or a report to make: all 25 of the embedded plan.
    expect(files).toHaveLength(25);
    expect(files).toContain('finance.ics');
    expect(readFileSync(join(out, 'finance.ics'), 'utf8')).toBe(ics.replace(/\n$/, ''));
    expect(plan(['calendar', '--all', '--plan', dir]).code).toBe(2);
    expect(existsSync(join(out, 'gov-office.ics'))).toBe(true);
  });
});
