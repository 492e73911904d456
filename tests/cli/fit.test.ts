/**
 * What the reports print fits where it goes (issue 10, section 4): every line
 * of every table, header and footer within 80 columns at COLUMNS=80 in both
 * languages (a CJK character is two columns), English counts in the right
 * number, and a unit named once when its short and full names are the same.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text.js';
import { copyPlan, edit, plan } from '../helpers.js';

const REPORTS = [
  ['status'],
  ['status', '--unit', '县财政局'],
  ['status', '--light', 'overdue'],
  ['overdue'],
  ['overdue', '--by', 'task'],
  ['upcoming'],
  ['upcoming', '--within', '200'],
  ['checklist', '县财政局'],
  ['checklist', '林口镇'],
  ['checklist', 'gov-office'],
  ['history', '县财政局'],
  ['history', '林口镇'],
];

describe('at COLUMNS=80', () => {
  // A long plan title and a long unit name, as other documents have them.
  const dir = copyPlan({ progress: true });
  edit(join(dir, 'plan.yaml'), 'title: 林口县2021年政务公开工作实施方案', 'title: 林口县人民政府办公室关于印发林口县2021年政务公开工作实施方案暨政务服务标准化规范化便利化工作要点的通知');
  edit(join(dir, 'units.yaml'), 'name: 林口县财政局', 'name: 林口县财政局（林口县国有资产管理办公室、林口县地方金融服务中心）');

  it.each(['en', 'zh'])('every line of every report table, header and footer fits, in %s', (lang) => {
    for (const asOf of ['2021-09-20', '2021-12-31']) {
      for (const args of REPORTS) {
        const r = plan([...args, '--plan', dir, '--lang', lang, '--as-of', asOf], { env: { COLUMNS: '80' } });
        expect(r.code, args.join(' ')).toBe(0);
        for (const line of r.stdout.split('\n')) expect(displayWidth(line), `${args.join(' ')} ${asOf}: ${line}`).toBeLessThanOrEqual(80);
      }
    }
  });

  it('the tables still hold every row, with titles cut rather than dropped', () => {
    const r = plan(['checklist', '林口镇', '--plan', dir, '--lang', 'en', '--as-of', '2021-12-31'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^3\.1 +\S/m);
    expect(r.stdout.split('\n').filter((l) => /^\d+\.\d/.test(l)).length).toBeGreaterThanOrEqual(22);
  });
});

describe('English counts', () => {
  it('say "1 task", "1 unit reports", "1 overdue assignment across 1 unit", "1 warning exceeds"', () => {
    const dir = copyPlan();
    edit(join(dir, 'plan.yaml'), /reporters: \[towns, [^\]]*\]/, 'reporters: [finance]');
    const status = plan(['status', '--plan', dir, '--section', '3.2', '--as-of', '2021-09-01']);
    expect(status.stdout).toContain('Next checkpoint: 2021-09-05 (4d left): 1 unit reports to 县政府办');
    expect(status.stdout).toMatch(/\n1 task: ongoing 1\n$/);
    expect(plan(['status', '--plan', dir, '--section', '3', '--as-of', '2021-09-01']).stdout).toMatch(/\n4 tasks: /);
    expect(plan(['overdue', '--plan', dir, '--unit', '县财政局', '--as-of', '2021-09-06']).stdout).toContain('\n1 overdue assignment across 1 unit.\n');
  });
});

describe('a unit whose short name is its full name', () => {
  it('is named once', () => {
    const dir = copyPlan();
    edit(join(dir, 'units.yaml'), 'short: 林口镇', 'short: 林口镇人民政府');
    const r = plan(['checklist', '林口镇人民政府', '--plan', dir, '--as-of', '2021-09-01']);
    expect(r.stdout.split('\n')[0]).toBe('林口镇人民政府 · Checklist');
    const noShort = copyPlan();
    edit(join(noShort, 'units.yaml'), /\n    short: 林口镇\n/, '\n');
    expect(plan(['checklist', '林口镇人民政府', '--plan', noShort, '--as-of', '2021-09-01']).stdout.split('\n')[0]).toBe('林口镇人民政府 · Checklist');
    expect(plan(['checklist', '县财政局', '--as-of', '2021-09-01']).stdout.split('\n')[0]).toBe('县财政局（林口县财政局）· Checklist');
  });
});

describe('the status footer of forms not returned', () => {
  it.each(['en', 'zh'])('wraps to 80 columns in %s', (lang) => {
    const dir = copyPlan();
    mkdirSync(join(dir, 'status'), { recursive: true });
    writeFileSync(join(dir, 'status/finance.yaml'), 'unit: finance\ntasks: {}\nreturns:\n  - checkpoint: 2021-09-05\n    received: 2021-09-01\n');
    const r = plan(['status', '--plan', dir, '--lang', lang, '--as-of', '2021-09-02'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(lang === 'zh' ? /尚未报送（2021-09-05）：林口镇/ : /林口镇, 古城镇/);
    for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });
});
