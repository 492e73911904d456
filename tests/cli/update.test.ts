import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyPlan, plan } from '../helpers.js';

describe('plan update', () => {
  it('creates the status file, records history, and the plan stays clean', () => {
    const dir = copyPlan();
    const r = plan(['update', '县财政局', '2.1.3', '--state', 'in_progress', '--progress', '已扩大预决算公开范围', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('updated 县财政局 · 2.1.3 做好财政信息公开: not started → in progress (2021-09-06)\n');
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    expect(text).toContain('unit: finance\ntasks:\n  "2.1.3":\n    state: in_progress\n    progress: 已扩大预决算公开范围\n    updated: 2021-09-06\n    history:\n      - date: 2021-09-06\n        from: not_started\n        to: in_progress\n        note: 已扩大预决算公开范围\n');
    expect(plan(['check', '--plan', dir, '--as-of', '2021-09-06']).code).toBe(0);
    const status = JSON.parse(plan(['status', '--unit', 'finance', '--plan', dir, '--as-of', '2021-09-06', '--format', 'json']).stdout);
    expect(status.tasks.find((t: any) => t.id === '2.1.3').assignments[0].state).toBe('in_progress');
  });

  it('marks done with the as-of date when no --completed is given, and adds evidence', () => {
    const dir = copyPlan();
    expect(plan(['update', 'finance', '3.1', '--state', 'done', '--evidence', 'https://example.org/a', '--evidence', 'https://example.org/b', '--plan', dir, '--as-of', '2021-09-04']).code).toBe(0);
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    expect(text).toContain('    completed: 2021-09-04\n');
    expect(text).toContain('    evidence: [https://example.org/a, https://example.org/b]\n');
    const overdue = JSON.parse(plan(['overdue', '--plan', dir, '--as-of', '2021-09-06', '--format', 'json']).stdout);
    expect(overdue.entries.some((e: any) => e.unit === 'finance')).toBe(false);
  });

  it('keeps comments, key order and other entries byte for byte', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file, 'utf8').replace('  "2.1.3":\n', '  # 预算公开由预算股负责\n  "2.1.3": # 重点任务\n');
    writeFileSync(file, before);
    expect(plan(['update', 'finance', '2.1.3', '--progress', '已公开到项级科目', '--plan', dir, '--as-of', '2021-10-01']).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const [head, rest] = before.split('  "2.1.3": # 重点任务\n');
    expect(after.startsWith(`${head}  "2.1.3": # 重点任务\n    state: in_progress\n    progress: 已公开到项级科目\n    updated: 2021-10-01\n`)).toBe(true);
    // Everything after the entry is untouched.
    const tail = rest!.slice(rest!.indexOf('  "3.3":'));
    expect(after.endsWith(tail)).toBe(true);
  });

  it.each([
    ['a completion date after the as-of date', ['finance', '2.1.3', '--state', 'done', '--completed', '2021-10-02'], 1, 'completion date 2021-10-02 is after the as-of date 2021-10-01'],
    ['not applicable without a reason', ['finance', '2.1.3', '--state', 'not_applicable'], 1, 'is not applicable; give a reason'],
    ['an unknown state', ['finance', '2.1.3', '--state', 'finished'], 2, "argument 'finished' is invalid"],
    ['a bad date', ['finance', '2.1.3', '--completed', '2021-02-30'], 2, 'expected a real date'],
    ['an unknown unit', ['县财正局', '2.1.3', '--state', 'done'], 2, 'did you mean "县财政局"?'],
    ['an unknown task', ['finance', '2.1.9', '--state', 'done'], 2, 'did you mean'],
    ['a task not assigned to the unit', ['finance', '2.3.3', '--state', 'done'], 2, 'task 2.3.3 is not assigned to 县财政局'],
    ['a group instead of a unit', ['各镇人民政府', '2.3.3', '--state', 'done'], 2, 'is a group'],
    ['nothing to change', ['finance', '2.1.3'], 2, 'nothing to change'],
  ])('refuses %s and leaves the file byte-identical', (_name, args, exit, message) => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file);
    const r = plan(['update', ...args, '--plan', dir, '--as-of', '2021-10-01']);
    expect(r.code).toBe(exit);
    expect(r.stderr).toContain(message);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'status')).sort()).toEqual(['.gitkeep', 'finance.yaml', 'town-linkou.yaml']);
  });

  it('shows a diff with --dry-run and writes nothing', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file, 'utf8');
    const r = plan(['update', 'finance', '2.1.3', '--state', 'done', '--evidence', 'https://example.org/x', '--dry-run', '--plan', dir, '--as-of', '2021-10-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--- ${file}\n`);
    expect(r.stdout).toContain('-    state: in_progress\n+    state: done\n');
    expect(r.stdout).toContain('+    completed: 2021-10-01\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('lands every one of many updates run at once on the same unit', async () => {
    const dir = copyPlan();
    const tasks = ['2.1.1', '2.1.3', '2.1.5', '2.2.1', '2.2.2', '2.2.3', '2.2.3b', '2.3.1', '2.3.2', '2.3.2b', '2.3.2c', '2.4.1', '2.4.4', '3.1', '3.2', '3.3'];
    const runs = tasks.map(
      (task) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, [BIN, 'update', 'finance', task, '--state', 'in_progress', '--progress', `进展 ${task}`, '--plan', dir, '--as-of', '2021-09-06'], {
            env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C' },
            stdio: 'ignore',
          });
          child.on('close', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual(tasks.map(() => 0));
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    for (const task of tasks) expect(text).toContain(`  "${task}":\n    state: in_progress\n    progress: 进展 ${task}\n`);
    expect(readdirSync(join(dir, 'status')).sort()).toEqual(['.gitkeep', 'finance.yaml']);
    expect(plan(['check', '--plan', dir, '--as-of', '2021-09-06']).code).toBe(0);
  }, 60_000);

  it('prints the history of a unit', () => {
    const dir = copyPlan();
    plan(['update', 'finance', '2.1.3', '--state', 'in_progress', '--progress', '启动', '--plan', dir, '--as-of', '2021-09-06']);
    plan(['update', 'finance', '2.1.3', '--state', 'done', '--evidence', 'https://example.org/x', '--progress', '完成', '--plan', dir, '--as-of', '2021-11-20']);
    const out = JSON.parse(plan(['history', 'finance', '2.1.3', '--plan', dir, '--as-of', '2021-11-20', '--format', 'json']).stdout);
    expect(out.history).toEqual([
      { task: '2.1.3', title: '做好财政信息公开', date: '2021-09-06', from: 'not_started', to: 'in_progress', note: '启动' },
      { task: '2.1.3', title: '做好财政信息公开', date: '2021-11-20', from: 'in_progress', to: 'done', note: '完成' },
    ]);
    const table = plan(['history', '县财政局', '--plan', dir, '--as-of', '2021-11-20', '--lang', 'zh']).stdout;
    expect(table).toContain('2021-11-20  2.1.3 做好财政信息公开  推进中 → 已完成  完成');
  });
});

describe('a task that moves on from 受阻 or 不适用 drops its reason (issue 26)', () => {
  it('the entry keeps no stale reason, the history keeps it, and the checklist shows none', () => {
    const dir = copyPlan();
    const at = (asOf: string, ...args: string[]) => plan(['update', 'finance', '2.1.3', ...args, '--plan', dir, '--as-of', asOf, '--lang', 'zh']);
    expect(at('2021-09-06', '--state', 'blocked', '--reason', '资金未到位', '--progress', '已停工').code).toBe(0);
    expect(at('2021-09-20', '--state', 'in_progress', '--progress', '资金已到位').code).toBe(0);
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    const entry = text.slice(text.indexOf('"2.1.3":'), text.indexOf('history:'));
    expect(entry).not.toContain('reason:');
    expect(text).toContain('        to: blocked\n        note: 已停工；资金未到位\n');
    expect(text).toContain('        to: in_progress\n        note: 资金已到位\n');
    expect(plan(['check', '--plan', dir]).code).toBe(0);
    const item = JSON.parse(plan(['checklist', 'finance', '--plan', dir, '--as-of', '2021-09-21', '--format', 'json']).stdout);
    expect(JSON.stringify(item)).not.toContain('资金未到位');
    // A reason given with the move is kept: the new state says why.
    expect(at('2021-09-25', '--state', 'not_applicable', '--reason', '职能已划转').code).toBe(0);
    expect(readFileSync(join(dir, 'status/finance.yaml'), 'utf8')).toContain('    reason: 职能已划转\n');
  });
});

describe('a claim under review is said to await review (issue 26)', () => {
  it('plan update to done in a plan with review: required says 待审核销号, not just 已完成', () => {
    const dir = copyPlan();
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace(/^lang: zh$/m, 'lang: zh\nreview: required'));
    const r = plan(['update', 'finance', '2.1.3', '--state', 'done', '--evidence', 'https://example.org/a', '--plan', dir, '--as-of', '2021-09-06', '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('已更新 县财政局 · 2.1.3 做好财政信息公开：未启动 → 已完成（2021-09-06，待审核销号）\n');
    const en = plan(['update', 'finance', '3.1', '--state', 'not_applicable', '--reason', '无此职能', '--plan', dir, '--as-of', '2021-09-06', '--lang', 'en']);
    expect(en.stdout).toContain('not started → not applicable (2021-09-06, awaiting the office’s review)');
    // Progress on a claim is no new claim.
    expect(plan(['update', 'finance', '2.1.3', '--progress', '补充材料', '--plan', dir, '--as-of', '2021-09-07', '--lang', 'zh']).stdout).not.toContain('待审核');
  });
});

describe('plan update and a lock it cannot get', () => {
  it('gives up after a few seconds with exit 2, says who holds the lock, and changes nothing', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file);
    // This test process is alive and started when its /proc entry says, so its lock is not stale.
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    writeFileSync(join(dir, 'status/.finance.yaml.lock'), JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', start }));
    const r = plan(['update', 'finance', '2.1.3', '--progress', 'x', '--plan', dir, '--as-of', '2021-10-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`could not lock ${file}: another plan update (process ${process.pid}) is writing it`);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 30_000);
});

describe('plan update when killed mid-way', () => {
  it('leaves the old file or the new one, never half, and the next update takes over the lock', async () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    const original = readFileSync(file, 'utf8');
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 12; attempt++) {
      const before = readFileSync(file, 'utf8');
      const child = spawn(process.execPath, [BIN, 'update', 'finance', '2.1.3', '--progress', `第${attempt}次`, '--plan', dir, '--as-of', '2021-10-01'], { stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, 60 + attempt * 25));
      child.kill('SIGKILL');
      await closed;
      const after = readFileSync(file, 'utf8');
      // Either nothing happened, or the whole update did.
      if (after !== before) expect(after).toContain(`    progress: 第${attempt}次\n`);
      seen.add(after === before ? 'old' : 'new');
      expect(plan(['check', '--plan', dir, '--as-of', '2021-10-01']).code).toBe(0);
    }
    // A lock left by a killed process does not block the next update.
    const r = plan(['update', 'finance', '2.1.3', '--progress', '最后一次', '--plan', dir, '--as-of', '2021-10-01']);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('    progress: 最后一次\n');
    expect(readFileSync(file, 'utf8').startsWith(original.slice(0, original.indexOf('  "2.1.3":')))).toBe(true);
  }, 60_000);
});
