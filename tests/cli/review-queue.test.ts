/** The office's queue (plan review --pending) as it reads at 80 columns. */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyPlan, plan } from '../helpers.js';
import { displayWidth } from '../../src/render/text.js';

describe('plan review --pending at 80 columns (issue 26)', () => {
  it('keeps the date asked for and the days waited whole, and gives every link and reason in full below the table', () => {
    const dir = copyPlan();
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace(/^lang: zh$/m, 'lang: zh\nreview: required'));
    const a = 'https://www.example.gov.cn/xxgk/czyjs/2021/zfyjsgk-detail-page.html';
    const b = 'https://www.example.gov.cn/xxgk/czyjs/2021/second-long-evidence-link.html';
    expect(plan(['update', 'finance', '2.1.3', '--state', 'done', '--evidence', a, '--evidence', b, '--plan', dir, '--as-of', '2021-09-06']).code).toBe(0);
    expect(plan(['extend', 'finance', '2.3.1', '--to', '2021-12-20', '--reason', '系统改造需等待上级平台升级完成后方可实施', '--plan', dir, '--as-of', '2021-11-20']).code).toBe(0);
    const r = plan(['review', '--pending', '--plan', dir, '--as-of', '2021-11-25', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const rows = lines.filter((l) => /^县财政局 +\d/.test(l));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(80);
    expect(rows.find((l) => l.includes('申请延期至'))).toMatch(/申请延期至 2021-12-20 +2021-11-20 +5天$/);
    expect(rows.find((l) => l.includes('报已完成'))).toMatch(/2021-09-06 +80天$/);
    // Links are never cut: each whole, on its own line.
    expect(lines).toContain(`  ${a}`);
    expect(lines).toContain(`  ${b}`);
    expect(r.stdout).toContain('县财政局 · 2.3.1 延期理由：系统改造需等待上级平台升级完成后方可实施');
  });
});

describe('plan overdue --by task in English at 80 columns (issue 26)', () => {
  it('gives the task its title before the words of role and state, which stay readable', () => {
    const dir = copyPlan({ progress: true });
    const r = plan(['overdue', '--by', 'task', '--plan', dir, '--as-of', '2021-12-06', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\d+(\.\d+)+ /.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(displayWidth(row)).toBeLessThanOrEqual(80);
      // The id and at least four characters of the title (8 columns of CJK), not "2.2.1 …".
      expect(row).toMatch(/^\d+(\.\d+)+ [^ …]{4,}/);
      expect(row).toMatch(/ (lead|responsible) /);
    }
  });
});

describe('plan status --unit with an extension (issue 21, noticed)', () => {
  it('shows the unit’s deadline in force and its days, as its checklist does; other units keep the task’s', () => {
    const dir = copyPlan();
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace(/^lang: zh$/m, 'lang: zh\nreview: required'));
    expect(plan(['extend', 'finance', '2.3.1', '--to', '2021-12-20', '--reason', '系统改造', '--plan', dir, '--as-of', '2021-11-20']).code).toBe(0);
    expect(plan(['review', 'finance', '2.3.1', '--grant-extension', '--plan', dir, '--as-of', '2021-11-22']).code).toBe(0);
    const row = (unit: string) => plan(['status', '--unit', unit, '--plan', dir, '--as-of', '2021-11-25', '--lang', 'zh', '--format', 'md']).stdout.split('\n').find((l) => l.startsWith('| 2.3.1 '));
    expect(row('finance')).toMatch(/\| 2021-12-20（延） \| 剩25天 \|/);
    expect(row('县财政局')).toMatch(/\| 2021-12-20（延） \|/);
    const other = plan(['status', '--plan', dir, '--as-of', '2021-11-25', '--lang', 'zh', '--format', 'md']).stdout.split('\n').find((l) => l.startsWith('| 2.3.1 '));
    expect(other).toMatch(/\| 2021-11-30 \| 剩5天 \|/);
  });
});

describe('plan review --accept-all with a claim withdrawn while it waits for the lock (issue 21, noticed)', () => {
  it('passes over the withdrawn claim, names it, and closes the others', async () => {
    const dir = copyPlan();
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace(/^lang: zh$/m, 'lang: zh\nreview: required'));
    for (const task of ['3.1', '3.3']) expect(plan(['update', 'finance', task, '--state', 'done', '--evidence', `https://example.org/${task}`, '--plan', dir, '--as-of', '2021-09-04']).code).toBe(0);
    const file = join(dir, 'status/finance.yaml');
    const lock = join(dir, 'status/.finance.yaml.lock');
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'live', start: stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] }));
    const child = spawn(process.execPath, [BIN, 'review', '--accept-all', '--unit', 'finance', '--plan', dir, '--as-of', '2021-09-06', '--lang', 'en'], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // The command has read the claims and waits for the lock; meanwhile the unit takes back its claim of 3.3.
    await new Promise((r) => setTimeout(r, 1500));
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"3.3":');
    writeFileSync(file, text.slice(0, at) + text.slice(at).replace('state: done', 'state: in_progress').replace(/\n    completed: [0-9-]+/, ''));
    rmSync(lock);
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('passed over, withdrawn or decided since they were read: 3.3 ');
    expect(stdout).toContain('closed 1 claim of 县财政局 (2021-09-06):\n  3.1 ');
    expect(plan(['check', '--plan', dir]).code).toBe(0);
  }, 30_000);
});
