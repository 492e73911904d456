import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, lineOf, plan } from '../helpers.js';

interface Finding {
  code: string;
  severity: string;
  file: string;
  line: number | null;
  col: number | null;
  message: string;
}

function check(dir: string, ...extra: string[]): { code: number | null; findings: Finding[]; stderr: string } {
  const r = plan(['check', '--plan', dir, '--format', 'json', ...extra]);
  return { code: r.code, findings: JSON.parse(r.stdout) as Finding[], stderr: r.stderr };
}

describe('plan check', () => {
  it('passes the embedded plan', () => {
    const r = plan(['check']);
    expect(r.stdout).toContain('plan is clean: 22 tasks, 25 units');
    expect(r.code).toBe(0);
  });

  it('passes the plan with test statuses', () => {
    const dir = copyPlan({ progress: true });
    expect(check(dir, '--as-of', '2021-12-31')).toMatchObject({ code: 0, findings: [] });
  });

  it('finds a task without a deadline, at the task', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-1.yaml');
    edit(file, /(id: "2.1.4"[\s\S]*?)    deadline: 2021-12-31\n/, '$1');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'task-no-deadline', severity: 'error', file, line: lineOf(file, 'id: "2.1.4"'), col: 5 })]);
  });

  it('finds a task without an owner', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-3.yaml');
    edit(file, '    responsible: [towns]\n    deadline: 2021-12-31\n    deadlineText: "2021年12月底前"\n    source: "二(三)3', '    deadline: 2021-12-31\n    deadlineText: "2021年12月底前"\n    source: "二(三)3');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'task-no-owner', file, line: lineOf(file, 'id: "2.3.3"') })]);
  });

  it('finds an unknown unit and suggests the closest', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-1.yaml');
    edit(file, 'lead: [finance]', 'lead: [finanse]');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'unknown-unit', file, line: lineOf(file, 'lead: [finanse]'), col: 12 });
    expect(r.findings[0]!.message).toContain('did you mean finance (县财政局)?');
  });

  it('finds a duplicated task id in another file', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/3.yaml');
    edit(file, 'id: "3.4"', 'id: "2.1.1"');
    const r = check(dir);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'duplicate-task-id', file, line: lineOf(file, 'id: "2.1.1"'), col: 5 })]);
  });

  it('finds a date that does not exist', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/3.yaml');
    edit(file, 'deadline: 2021-09-10', 'deadline: 2021-02-30');
    const r = check(dir);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'invalid-date', file, line: lineOf(file, '2021-02-30') }));
    expect(r.code).toBe(1);
  });

  it('finds a status for a task that does not exist', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    edit(file, '"2.1.3":', '"2.1.9":');
    const r = check(dir, '--as-of', '2021-12-31');
    expect(r.findings).toEqual([expect.objectContaining({ code: 'status-unknown-task', file, line: lineOf(file, '"2.1.9":'), col: 3 })]);
  });

  it('finds a status for a task the unit is not assigned', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    edit(file, '"2.1.3":', '"2.3.3":');
    expect(check(dir, '--as-of', '2021-12-31').findings).toEqual([expect.objectContaining({ code: 'status-not-assigned', file })]);
  });

  it('refuses done without a completion date, and a completion in the future', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    edit(file, '    completed: 2021-09-03\n', '');
    edit(file, 'completed: 2021-09-06', 'completed: 2999-09-06');
    const r = check(dir);
    const codes = r.findings.map((f) => [f.code, f.line]);
    expect(codes).toEqual([
      ['done-no-completed', lineOf(file, 'state: done')],
      ['completed-in-future', lineOf(file, 'completed: 2999-09-06')],
    ]);
  });

  it('takes a completion after a past as-of date as not yet in force, not as an error', () => {
    // finance completed 3.3 on 2021-09-06: checking the plan as of 2021-09-05 finds nothing wrong.
    const dir = copyPlan({ progress: true });
    expect(check(dir, '--as-of', '2021-09-05')).toMatchObject({ code: 0, findings: [] });
  });

  it('warns on done without evidence; --max-warnings turns it into a failure', () => {
    const dir = copyPlan({ progress: true });
    edit(join(dir, 'status/finance.yaml'), '    evidence: [https://example.org/finance/3.3]\n', '');
    expect(check(dir, '--as-of', '2021-12-31')).toMatchObject({ code: 0, findings: [{ code: 'done-no-evidence', severity: 'warning' }] });
    const strict = check(dir, '--as-of', '2021-12-31', '--max-warnings', '0');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warning exceeds --max-warnings 0');
  });

  it('warns on a deadline outside the plan span', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/3.yaml'), 'deadline: 2021-09-10', 'deadline: 2022-03-01');
    expect(check(dir)).toMatchObject({ code: 0, findings: [{ code: 'deadline-outside-span', severity: 'warning' }] });
  });

  it('finds a status file whose name and unit differ', () => {
    const dir = copyPlan({ progress: true });
    edit(join(dir, 'status/finance.yaml'), 'unit: finance', 'unit: health');
    expect(check(dir, '--as-of', '2021-12-31').findings).toEqual([expect.objectContaining({ code: 'status-file-name', line: 3 })]);
  });

  it('refuses an ongoing task without reviewOn, and a task with a deadline that is also ongoing', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/3.yaml');
    edit(file, '    reviewOn: [2021-09-05, 2021-12-05]\n', '');
    edit(file, 'deadline: 2021-09-10\n', 'deadline: 2021-09-10\n    ongoing: true\n');
    const codes = check(dir).findings.map((f) => f.code).sort();
    expect(codes).toEqual(['task-deadline-and-ongoing', 'task-ongoing-incomplete']);
  });

  it('reports a schema error at the offending key with a readable message', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-2.yaml');
    edit(file, 'lead: [business-environment]', 'lead: business-environment');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'schema-type', file, line: lineOf(file, 'lead: business-environment'), col: 5 })]);
    expect(r.findings[0]!.message).toBe('tasks.1.lead must be a list');
  });

  it('reports a YAML syntax error with the parser position', () => {
    const dir = copyPlan();
    const file = join(dir, 'units.yaml');
    edit(file, '  - id: finance\n', '  - id: finance\n   bad: [\n');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.code).toMatch(/^yaml-/);
    expect(r.findings[0]).toMatchObject({ file });
    expect(r.findings[0]!.line).toBeGreaterThan(0);
  });

  it('writes GitHub annotations and JUnit XML', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-1.yaml');
    edit(file, 'lead: [finance]', 'lead: [finanse]');
    const gh = plan(['check', '--plan', dir, '--format', 'github']);
    expect(gh.stdout).toBe(`::error file=${file},line=${lineOf(file, 'finanse')},col=12,title=unknown-unit::unknown unit or group "finanse" (did you mean finance (县财政局)?); add it to units.yaml\n`);
    const junit = plan(['check', '--plan', dir, '--format', 'junit']);
    expect(junit.stdout).toContain('<testsuites name="plan check" tests="7" failures="1" errors="0" skipped="0" time="0">');
    expect(junit.stdout).toContain('<failure type="unknown-unit"');
  });

  it('speaks Chinese with --lang zh and from a Chinese locale', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/2-1.yaml'), 'lead: [finance]', 'lead: [finanse]');
    expect(plan(['check', '--plan', dir, '--lang', 'zh']).stdout).toContain('未知的单位或分组 “finanse”（是否指 finance (县财政局)？）');
    expect(plan(['check', '--plan', dir], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toContain('共 1 个问题（1 个错误，0 个警告）');
  });

  it('exits 2 with advice when there is no plan folder', () => {
    const r = plan(['check', '--plan', '/nonexistent/plan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no plan folder at "/nonexistent/plan"');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 on a bad option, with usage help', () => {
    const r = plan(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'xml' is invalid");
  });

  it('reads a plan with a status folder that holds a non-YAML file and an empty status', () => {
    const dir = copyPlan();
    mkdirSync(join(dir, 'status'), { recursive: true });
    writeFileSync(join(dir, 'status/README.txt'), 'not read');
    writeFileSync(join(dir, 'status/finance.yaml'), 'unit: finance\n');
    expect(check(dir)).toMatchObject({ code: 0, findings: [] });
  });
});

describe('help', () => {
  it('is in English or Chinese, from --lang or the locale', () => {
    const en = plan(['--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: plan [options] [command]');
    expect(en.stdout).toContain('deadline table: one row per task');
    const zh = plan(['status', '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法： plan status [options]');
    expect(zh.stdout).toContain('任务进度表：每项任务的牵头单位、完成时限、进度和状态灯');
    expect(zh.stdout).toMatch(/（可选："table", "json", "csv",\s+"md", "html"；默认："table"）/);
    expect(plan(['--lang', 'zh', '--help']).stdout).toContain('命令：');
  });
});

describe('usage errors', () => {
  it('are worded in the chosen language, with what to do, and no stack unless --verbose', () => {
    const zh = plan(['checklist', '县财正局', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('plan: 未知的单位 “县财正局”，是否指 “县财政局”？\n  单位可写编号、全称、简称或别名（见 plan/units.yaml）。\n');
    const verbose = plan(['checklist', '县财正局', '--verbose']);
    expect(verbose.stderr).toMatch(/UsageError|Error: unknown-unit\n\s+at /);
  });
});
