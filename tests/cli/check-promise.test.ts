/**
 * `plan check` keeps its promise (issue 10, section 3): every task has a real
 * unit, every problem is reported in one run, and a unit's name written where
 * its id belongs is named, suggested and fixed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, lineOf, plan } from '../helpers.js';

interface Finding {
  code: string;
  file: string;
  line: number | null;
  col: number | null;
  message: string;
}

function check(dir: string, ...extra: string[]): { code: number | null; findings: Finding[]; stdout: string; stderr: string } {
  const r = plan(['check', '--plan', dir, '--format', 'json', ...extra]);
  return { code: r.code, findings: JSON.parse(r.stdout) as Finding[], stdout: r.stdout, stderr: r.stderr };
}

describe('every task has a real unit', () => {
  it('a group with no members is an error, and so is a task whose owners expand to no unit', () => {
    const dir = copyPlan();
    const units = join(dir, 'units.yaml');
    // 县政府各直属单位 loses its members, and task 2.3.3 is given to it alone.
    const text = readFileSync(units, 'utf8');
    const start = text.indexOf('  - id: departments');
    const members = text.indexOf('    members:', start);
    const end = text.indexOf('\n  - id:', members) < 0 ? text.length : text.indexOf('\n  - id:', members);
    edit(units, text.slice(members, end), '    members: []\n');
    edit(join(dir, 'tasks/2-3.yaml'), 'responsible: [towns]', 'responsible: [departments]');
    const r = check(dir, '--max-warnings', '0');
    expect(r.code).toBe(1);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'group-no-members', file: units, line: lineOf(units, 'members: []') }));
    const noUnit = r.findings.filter((f) => f.code === 'task-no-unit');
    expect(noUnit).toEqual([expect.objectContaining({ file: join(dir, 'tasks/2-3.yaml'), message: 'task 2.3.3: its owners (departments) are groups without members, so no unit is assigned' })]);
  });
});

describe('a schema error hides nothing', () => {
  it('reports every problem of the plan in one run', () => {
    const dir = copyPlan({ progress: true });
    const t3 = join(dir, 'tasks/3.yaml');
    const t21 = join(dir, 'tasks/2-1.yaml');
    const t23 = join(dir, 'tasks/2-3.yaml');
    const status = join(dir, 'status/finance.yaml');
    edit(t3, 'deadline: 2021-09-10', 'deadline: 2021/9/10'); // schema
    edit(t21, 'lead: [finance]', 'lead: [finanse]'); // rule: unknown unit
    edit(t23, '    responsible: [towns]\n    deadline: 2021-12-31\n    deadlineText: "2021年12月底前"\n    source: "二(三)3', '    deadline: 2021-12-31\n    deadlineText: "2021年12月底前"\n    source: "二(三)3'); // rule: no owner
    edit(status, '"2.1.3":', '"2.1.9":'); // rule across files: unknown task
    const r = check(dir, '--as-of', '2021-12-31');
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => [f.code, f.file]).sort()).toEqual(
      [
        ['schema-pattern', t3],
        ['unknown-unit', t21],
        ['task-no-owner', t23],
        ['status-unknown-task', status],
        // town-linkou reports on 2.3.3, which no longer names it.
        ['status-not-assigned', join(dir, 'status/town-linkou.yaml')],
      ].sort(),
    );
  });

  it('a broken item is set aside without echoes: its status entries and its units raise nothing more', () => {
    const dir = copyPlan({ progress: true });
    const units = join(dir, 'units.yaml');
    const status = join(dir, 'status/finance.yaml');
    // finance's unit entry breaks (unknown kind); tasks that name finance must not be "unknown unit".
    edit(units, /(- id: finance\n(?:    .*\n)*?    kind: )county-department/, '$1bureau');
    edit(status, /("2\.1\.3":\n    state: )\w+/, '$1finished'); // a broken status entry
    edit(join(dir, 'tasks/3.yaml'), 'deadline: 2021-09-10', 'deadline: 2021-09-31'); // an unrelated rule
    const r = check(dir, '--as-of', '2021-12-31');
    expect(r.findings.map((f) => [f.code, f.file]).sort()).toEqual(
      [
        ['schema-enum', units],
        ['schema-enum', status],
        ['invalid-date', join(dir, 'tasks/3.yaml')],
      ].sort(),
    );
  });

  it('a syntax error in units.yaml still lets the tasks and statuses be checked', () => {
    const dir = copyPlan({ progress: true });
    edit(join(dir, 'units.yaml'), '  - id: finance\n', '  - id: finance\n   bad: [\n');
    edit(join(dir, 'tasks/3.yaml'), 'deadline: 2021-09-10', 'deadline: 2021-09-31');
    const codes = check(dir, '--as-of', '2021-12-31').findings.map((f) => f.code);
    expect(codes).toContainEqual(expect.stringMatching(/^yaml-/));
    expect(codes).toContain('invalid-date');
    expect(codes).not.toContain('unknown-unit');
  });
});

describe('a unit’s name where its id belongs', () => {
  it('gets "did you mean finance (县财政局)", in both languages, for a name, a short name or an alias', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-1.yaml');
    edit(file, 'lead: [finance]', 'lead: [县财政局]');
    edit(join(dir, 'plan.yaml'), /recipient: gov-office/, 'recipient: 县政府办公室');
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.findings).toContainEqual(
      expect.objectContaining({ code: 'unit-name-not-id', file, line: lineOf(file, 'lead: [县财政局]'), col: 12, message: '"县财政局" is a unit\'s name where its id belongs (did you mean finance (县财政局)?); plan check --fix writes the ids' }),
    );
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'unit-name-not-id', file: join(dir, 'plan.yaml'), message: expect.stringContaining('did you mean gov-office (县政府办)?') }));
    expect(plan(['check', '--plan', dir, '--lang', 'zh']).stdout).toContain('“县财政局” 是单位名称，此处应写单位编号（是否指 finance (县财政局)？）');
  });

  it('a name that is not quite right still gets the closest unit', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/2-1.yaml'), 'lead: [finance]', 'lead: [县财正局]');
    const [finding] = check(dir).findings;
    expect(finding).toMatchObject({ code: 'unknown-unit', message: expect.stringContaining('did you mean finance (县财政局)?') });
  });

  it('plan check --fix rewrites names and aliases to ids, keeps comments and everything else, then checks again', () => {
    const dir = copyPlan();
    const tasks = join(dir, 'tasks/2-1.yaml');
    const units = join(dir, 'units.yaml');
    const planFile = join(dir, 'plan.yaml');
    const before = { tasks: readFileSync(tasks, 'utf8'), units: readFileSync(units, 'utf8'), plan: readFileSync(planFile, 'utf8') };
    edit(tasks, 'lead: [finance]', 'lead: [县财政局]  # 牵头：财政\r');
    edit(tasks, 'responsible: [towns, departments]', 'responsible: ["各镇人民政府", departments]');
    edit(units, '      - gov-office\n', '      - 政府办 # alias of gov-office\n');
    edit(planFile, /recipient: gov-office/, "recipient: '县政府办公室'");
    const fixed = plan(['check', '--plan', dir, '--fix']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe('✓ plan is clean: 22 tasks, 25 units, no problems\n');
    expect(fixed.stderr).toMatch(/^fixed 4 unit names written for ids in /);
    expect(readFileSync(tasks, 'utf8')).toBe(before.tasks.replace('lead: [finance]', 'lead: [finance]  # 牵头：财政\r').replace('responsible: [towns, departments]', 'responsible: [towns, departments]'));
    expect(readFileSync(units, 'utf8')).toBe(before.units.replace('      - gov-office\n', '      - gov-office # alias of gov-office\n'));
    expect(readFileSync(planFile, 'utf8')).toBe(before.plan.replace(/recipient: gov-office/, 'recipient: gov-office'));
  });

  it('plan check --fix keeps a byte order mark and CRLF line ends', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-1.yaml');
    const original = readFileSync(file, 'utf8');
    const crlf = `\ufeff${original.replace(/\n/g, '\r\n')}`;
    writeFileSync(file, crlf.replace('lead: [finance]', 'lead: ["林口县财政局"]'));
    const r = plan(['check', '--plan', dir, '--fix']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(crlf);
  });

  it('plan check --fix leaves what it cannot fix, and says so by the exit code', () => {
    const dir = copyPlan();
    const file = join(dir, 'tasks/2-1.yaml');
    edit(file, 'lead: [finance]', 'lead: [县财正局]');
    const before = readFileSync(file, 'utf8');
    const r = plan(['check', '--plan', dir, '--fix']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
