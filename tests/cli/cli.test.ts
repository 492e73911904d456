/** The command line itself (issue 10, section 4): language, plan folder, version, help, parser errors, filter words. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, plan, ROOT } from '../helpers.js';

const C = { LANG: 'C.UTF-8' };

describe('the language', () => {
  it('follows --lang, then a locale that names zh or en, then the plan’s own lang (zh for the embedded plan)', () => {
    const args = ['status', '--as-of', '2021-09-01'];
    expect(plan(args, { env: C }).stdout).toContain('统计日期：2021-09-01');
    expect(plan(args, { env: { LANG: 'C', LC_ALL: '' } }).stdout).toContain('统计日期：2021-09-01');
    expect(plan(args, { env: { LANG: 'en_GB.UTF-8' } }).stdout).toContain('As of: 2021-09-01');
    expect(plan(args, { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' } }).stdout).toContain('As of: 2021-09-01');
    expect(plan([...args, '--lang', 'en'], { env: C }).stdout).toContain('As of: 2021-09-01');
    expect(plan([...args, '--lang=zh'], { env: { LANG: 'en_US.UTF-8' } }).stdout).toContain('统计日期：2021-09-01');
  });

  it('reaches the diff of plan update --dry-run', () => {
    const dir = copyPlan();
    const args = ['update', '县财政局', '2.1.3', '--state', '推进中', '--dry-run', '--plan', dir, '--as-of', '2021-09-20'];
    expect(plan(args, { env: C }).stdout).toContain(`+++ ${join(dir, 'status/finance.yaml')} （修改后）\n`);
    expect(plan(args).stdout).toContain(`+++ ${join(dir, 'status/finance.yaml')} (after the update)\n`);
  });

  it('is English for a plan that says lang: en, or says nothing, on a C locale', () => {
    const dir = copyPlan();
    const args = ['status', '--plan', dir, '--as-of', '2021-09-01'];
    edit(join(dir, 'plan.yaml'), 'lang: zh', 'lang: en');
    expect(plan(args, { env: C }).stdout).toContain('As of: 2021-09-01');
    edit(join(dir, 'plan.yaml'), 'lang: en\n', '');
    expect(plan(args, { env: C }).stdout).toContain('As of: 2021-09-01');
  });

  it('a plan.yaml with a bad lang is a schema error', () => {
    const dir = copyPlan();
    edit(join(dir, 'plan.yaml'), 'lang: zh', 'lang: fr');
    const r = plan(['check', '--plan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ code: 'schema-enum', message: 'lang must be one of: zh, en' })]);
  });
});

describe('the plan folder', () => {
  it('is found from any folder inside the plan repository, as git finds .git', () => {
    const dir = copyPlan();
    const deep = join(dir, 'tasks');
    const r = plan(['status', '--as-of', '2021-09-01', '--format', 'json'], { cwd: deep });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows ?? JSON.parse(r.stdout).tasks).toHaveLength(22);
    const repo = join(dir, '..');
    mkdirSync(join(repo, 'reports', 'sub'), { recursive: true });
    const check = plan(['check', '--format', 'json'], { cwd: join(repo, 'reports', 'sub') });
    expect(check).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('when there is none, the error says where it looked, in the chosen language', () => {
    const r = plan(['status'], { cwd: '/' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: no plan folder: looked for plan/plan.yaml in / and every folder above it\n  run this inside a plan repository, or name the folder with --plan <dir>\n');
    expect(plan(['status', '--lang', 'zh'], { cwd: '/' }).stderr).toContain('找不到计划目录：/ 及其上级各目录中都没有 plan/plan.yaml。');
  });
});

describe('version and help', () => {
  it('plan --version prints package.json’s version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(plan(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(plan(['-V'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each(['check', 'status', 'overdue', 'upcoming', 'checklist', 'report', 'update', 'history', 'import', 'export'])('plan %s --help shows the global options and an example, in both languages', (command) => {
    const en = plan([command, '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Global Options:');
    expect(en.stdout).toMatch(/--plan <dir>[\s\S]*--as-of <date>[\s\S]*--lang <lang>/);
    expect(en.stdout).toMatch(new RegExp(`\\nExample:\\n  \\$ plan ${command} `));
    const zh = plan([command, '--help'], { env: C });
    expect(zh.stdout).toContain('全局选项：');
    expect(zh.stdout).toMatch(new RegExp(`\\n示例：\\n  \\$ plan ${command} `));
    expect(zh.stdout).not.toMatch(/\((choices|default):/);
  });
});

describe('the parser’s own errors are in the chosen language', () => {
  it.each([
    [['status', '--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, json, csv, md, html.", '错误：选项 --format <format> 的值 “xml” 无效。可选值：table, json, csv, md, html。'],
    [['status', '--frob'], "error: unknown option '--frob'", '错误：未知选项 “--frob”'],
    [['update', 'finance'], "error: missing required argument 'task'", '错误：缺少参数 <task>'],
    [['statu'], "error: unknown command 'statu'\n(Did you mean status?)", '错误：未知命令 “statu”\n（是否指 status？）'],
    [['status', '--as-of', '2021-02-30'], "error: option '--as-of <date>' argument '2021-02-30' is invalid. expected a real date", '错误：选项 --as-of <date> 的值 “2021-02-30” 无效。应为真实存在的日期'],
    [['update', 'finance', '2.1.3', 'extra'], "error: too many arguments for 'update'. Expected 2 arguments but got 3.", '错误：命令 update 的参数过多（应为 2 个，实际 3 个）。'],
  ])('plan %j', (args, en, zh) => {
    const e = plan(args);
    expect(e.code).toBe(2);
    expect(e.stderr.startsWith(en)).toBe(true);
    const z = plan(args, { env: C });
    expect(z.code).toBe(2);
    expect(z.stderr.startsWith(zh), z.stderr).toBe(true);
    expect(z.stderr).toContain('（运行 plan --help 查看用法）');
    expect(z.stderr).not.toMatch(/error:|Allowed|Did you/);
  });
});

describe('--light and --state take the words the tables show', () => {
  const ids = (args: string[]): string[] => JSON.parse(plan(['status', '--as-of', '2021-09-06', '--format', 'json', ...args]).stdout).tasks.map((t: { id: string }) => t.id);

  it('in both languages, and the ids', () => {
    const red = ids(['--light', 'red']);
    expect(red.length).toBeGreaterThan(0);
    expect(ids(['--light', 'overdue'])).toEqual(red);
    expect(ids(['--light', '逾期'])).toEqual(red);
    expect(ids(['--light', 'due soon'])).toEqual(ids(['--light', 'yellow']));
    expect(ids(['--light', '持续推进'])).toEqual(['3.2']);
  });

  it('--state, and done / 已完成 as a light', () => {
    const dir = copyPlan({ progress: true });
    // Task 3.3 given to finance alone, which has done it: the table shows it as done (已完成).
    edit(join(dir, 'tasks/3.yaml'), /(id: "3.3"[\s\S]*?)lead: \[[^\]]*\]\n    responsible: \[[^\]]*\]/, '$1lead: [finance]');
    const at = (args: string[]): string[] => JSON.parse(plan(['status', '--plan', dir, '--as-of', '2021-12-31', '--format', 'json', ...args]).stdout).tasks.map((t: { id: string }) => t.id);
    const done = at(['--state', 'done']);
    expect(done.length).toBeGreaterThan(0);
    expect(at(['--state', '已完成'])).toEqual(done);
    expect(at(['--state', 'in progress'])).toEqual(at(['--state', '推进中']));
    const closed = at(['--light', 'done']);
    expect(closed.length).toBeGreaterThan(0);
    expect(at(['--light', '已完成'])).toEqual(closed);
  });

  it('another word is refused with the list, exit 2', () => {
    const r = plan(['status', '--light', 'purple']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('overdue (red, 逾期), blocked (受阻), due soon (yellow, 临期)');
    const u = plan(['update', 'finance', '2.1.3', '--state', 'finished', '--dry-run']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('in progress (in_progress, 推进中)');
  });
});

describe('mistakes in what is asked for exit 2', () => {
  it('an unknown --section lists the sections', () => {
    const r = plan(['status', '--section', '九']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('plan: the plan has no section "九"\n  its sections: 二(一) (2.1), 二(二) (2.2), 二(三) (2.3), 二(四) (2.4), 三 (3)\n');
    expect(plan(['status', '--section', '9'], { env: C }).stderr).toContain('可选的部分：二(一) (2.1)');
    expect(plan(['status', '--section', '二（一）', '--as-of', '2021-09-01']).code).toBe(0);
  });

  it('plan history for a task not assigned to the unit, as plan update does', () => {
    const r = plan(['history', '县财政局', '2.3.3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('plan: task 2.3.3 is not assigned to 县财政局\n  plan checklist finance lists its tasks\n');
    expect(plan(['update', '县财政局', '2.3.3', '--state', 'done', '--dry-run']).stderr).toBe(r.stderr);
    expect(plan(['history', '县财政局', '2.1.3']).code).toBe(0);
  });
});

describe('the import report is in the chosen language', () => {
  it('has no English in Chinese, and no Chinese prose in English', () => {
    const seed = join(ROOT, 'seeds/000_5ec73ae414d12c57.txt');
    const zh = plan(['import', seed, '--dry-run', '--lang', 'zh']).stdout.split('# -----')[0]!;
    expect(zh).toContain('需要核对的段落（1）');
    // File and field names (utf-8, units.yaml, members) are what the user types, not prose.
    expect(zh.replace(/utf-8|units\.yaml|members/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    const en = plan(['import', seed, '--dry-run', '--lang', 'en']).stdout.split('# -----')[0]!;
    expect(en).toContain('line 75: no deadline in the source: kept as ongoing, reviewed at the checkpoints — 3.2\n');
  });

  it('an imported plan says lang: zh, so a C.UTF-8 machine reads it in Chinese', () => {
    const out = join(copyPlan(), '..', 'imported');
    plan(['import', join(ROOT, 'seeds/000_5ec73ae414d12c57.txt'), '--out', out, '--units', 'plan/units.yaml']);
    expect(plan(['check', '--plan', out], { env: C }).stdout).toBe('✓ 检查通过：22 项任务，25 个单位，无问题。\n');
  });
});
