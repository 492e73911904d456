/**
 * Numbers that must not mislead, and output that fits where it goes: how a
 * closed assignment closed, the checkpoints the plan really has, who reports,
 * CSV for a spreadsheet in one language, Markdown that reads as it is written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text.js';
import { copyPlan, edit, plan } from '../helpers.js';

const withProgress = (): string => copyPlan({ progress: true });
const rows = (csv: string): string[][] =>
  csv
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

describe('a closed assignment says when it closed', () => {
  it('in the status table, CSV and JSON of one unit: never days late', () => {
    const dir = withProgress();
    // finance closed 3.1 on 9/3 (deadline 9/5) and 3.3 on 9/6 (deadline 9/10).
    const table = plan(['status', '--plan', dir, '--unit', 'finance', '--as-of', '2021-12-01']).stdout;
    expect(table).toMatch(/^3\.1 .* 2021-09-05 +done 2d early +#{10} 1\/1 +done$/m);
    expect(table).toMatch(/^3\.3 .* 2021-09-10 +done 4d early +#{10} 1\/1 +done$/m);
    const csv = rows(plan(['status', '--plan', dir, '--unit', 'finance', '--as-of', '2021-12-01', '--format', 'csv', '--lang', 'zh']).stdout);
    expect(csv[0]).toEqual(['编号', '任务', '牵头单位', '责任单位', '完成时限', '剩余天数', '完成情况', '完成日期', '已完成', '总数', '状态灯']);
    expect(csv.find((r) => r[0] === '3.1')).toEqual(['3.1', '明确领导责任', '县政府办', '各镇人民政府、县政府各直属单位', '2021-09-05', '', '提前2天完成', '2021-09-03', '1', '1', '已完成']);
    const json = JSON.parse(plan(['status', '--plan', dir, '--unit', 'finance', '--as-of', '2021-12-01', '--format', 'json']).stdout);
    expect(json.tasks.find((t: any) => t.id === '3.1')).toMatchObject({ completed: '2021-09-03', completionDays: -2 });
  });

  it('done late reads so, in Chinese too', () => {
    const dir = withProgress();
    edit(join(dir, 'status/finance.yaml'), 'completed: 2021-09-06', 'completed: 2021-09-13');
    const zh = plan(['checklist', 'finance', '--plan', dir, '--as-of', '2021-12-01', '--lang', 'zh']).stdout;
    expect(zh).toMatch(/^3\.3 .* 2021-09-10 +逾期3天完成 +已完成 +逾期完成$/m);
    const md = plan(['checklist', 'finance', '--plan', dir, '--as-of', '2021-12-01', '--format', 'md']).stdout;
    expect(md).toContain('- [x] **3.3 狠抓任务落实** — responsible · Deadline 2021-09-10 · done 3d late');
  });
});

describe('blocked is visible', () => {
  it('as its own light in the table, the footer and the filter, until the deadline passes', () => {
    const dir = withProgress();
    // town-linkou: 3.4 blocked, deadline 2021-12-31.
    const r = plan(['status', '--plan', dir, '--unit', '林口镇', '--as-of', '2021-09-06']);
    expect(r.stdout).toMatch(/^3\.4 .* 2021-12-31 +116d left +-{10} 0\/1 +blocked$/m);
    expect(r.stdout).toMatch(/22 tasks: .*blocked 1/);
    const only = JSON.parse(plan(['status', '--plan', dir, '--light', 'blocked', '--as-of', '2021-09-06', '--format', 'json']).stdout);
    expect(only.tasks.map((t: any) => t.id)).toEqual(['3.4']);
    expect(only.counts.blocked).toBe(1);
    const late = JSON.parse(plan(['status', '--plan', dir, '--unit', '林口镇', '--as-of', '2022-01-01', '--format', 'json']).stdout);
    expect(late.tasks.find((t: any) => t.id === '3.4')).toMatchObject({ light: 'red' });
    const zh = plan(['status', '--plan', dir, '--unit', '林口镇', '--as-of', '2021-09-06', '--lang', 'zh', '--format', 'html']).stdout;
    expect(zh).toContain('>受阻</td>');
  });

  it('with its reason in the report, the checklist and their JSON and CSV', () => {
    const dir = withProgress();
    const report = JSON.parse(plan(['report', '林口镇', '--plan', dir, '--as-of', '2021-11-30', '--format', 'json']).stdout);
    expect(report.tasks.find((t: any) => t.task === '3.4')).toMatchObject({ state: 'blocked', light: 'blocked', reason: '等待县政府办下发考核办法' });
    expect(report.tasks.find((t: any) => t.task === '2.3.3')).toMatchObject({ state: 'not_applicable', reason: '测试用理由' });
    const md = plan(['report', '林口镇', '--plan', dir, '--as-of', '2021-11-30', '--lang', 'zh']).stdout;
    expect(md).toContain('| 3.4 | 规范考核评估 | 牵头 | 2021-12-31 | 受阻 | 受阻 | 说明：等待县政府办下发考核办法 |');
    const csv = rows(plan(['checklist', '林口镇', '--plan', dir, '--as-of', '2021-11-30', '--format', 'csv', '--lang', 'zh']).stdout);
    const header = csv[0]!;
    const r34 = csv.find((r) => r[1] === '3.4')!;
    expect(r34[header.indexOf('说明')]).toBe('等待县政府办下发考核办法');
    expect(r34[header.indexOf('状态灯')]).toBe('受阻');
  });
});

describe('checkpoints are the plan’s own', () => {
  it('an unknown --checkpoint exits 2 and lists the real ones', () => {
    const r = plan(['report', 'finance', '--checkpoint', '2021-09-06', '--as-of', '2021-09-06']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2021-09-06 is not a checkpoint of the plan; its checkpoints are 2021-09-05, 2021-12-05');
    expect(r.stdout).toBe('');
  });

  it('another date needs an explicit period, and then says it is not a checkpoint', () => {
    const r = plan(['report', 'finance', '--from', '2021-10-01', '--to', '2021-10-31', '--as-of', '2021-12-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.from, out.to, out.asOf, out.checkpoint]).toEqual(['2021-10-01', '2021-10-31', '2021-10-31', null]);
    expect(plan(['report', 'finance', '--from', '2021-10-01', '--to', '2021-10-31']).stdout).toContain('Report for a period (not a checkpoint)');
    expect(plan(['report', 'finance', '--to', '2021-10-31']).code).toBe(2);
    expect(plan(['report', 'finance', '--from', '2021-11-01', '--to', '2021-10-31']).code).toBe(2);
  });

  it('a unit that reports at no checkpoint is told so: the recipient, and a unit that leads nothing', () => {
    const office = plan(['report', '县政府办', '--as-of', '2021-09-01']);
    expect(office.code).toBe(2);
    expect(office.stderr).toContain('县政府办 reports at no checkpoint of the plan');
    const zh = plan(['report', '民政局', '--as-of', '2021-09-01', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('民政局 不在本计划的任何报送节点报送');
    // A group's members that do not report are left out, with a note.
    const dept = plan(['report', '县政府各直属单位', '--as-of', '2021-09-01', '--format', 'json']);
    expect(dept.code).toBe(0);
    expect(JSON.parse(dept.stdout).map((r: any) => r.unit)).not.toContain('gov-office');
    expect(dept.stderr).toContain('县政府办、民政局');
  });

  it('the reporters follow the document: 各镇人民政府 and 县直各牵头单位, never the recipient', () => {
    const out = JSON.parse(plan(['status', '--as-of', '2021-09-01', '--format', 'json']).stdout);
    expect(out.nextCheckpoint.reporters).toHaveLength(22);
    expect(out.nextCheckpoint.reporters.filter((id: string) => id.startsWith('town-'))).toHaveLength(11);
    expect(out.nextCheckpoint.reporters).not.toContain('gov-office');
    const checklist = plan(['checklist', '县政府办', '--as-of', '2021-09-01']).stdout;
    expect(checklist).toContain('Reporting checkpoints: —');
  });

  it('plan upcoming lists the checkpoints in its window with who owes a report', () => {
    const r = plan(['upcoming', '--as-of', '2021-09-01'], { env: { COLUMNS: '80' } });
    expect(r.stdout).toContain('Checkpoints in this period:\n  2021-09-05 (4d left) → 县政府办: 22 units report: 林口镇、古城镇');
    for (const line of r.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const json = JSON.parse(plan(['upcoming', '--as-of', '2021-09-01', '--format', 'json']).stdout);
    expect(json.checkpoints).toEqual([{ date: '2021-09-05', daysLeft: 4, recipient: 'gov-office', reporters: expect.arrayContaining(['finance', 'town-linkou']) }]);
    expect(json.checkpoints[0].reporters).toHaveLength(22);
    expect(JSON.parse(plan(['upcoming', '--as-of', '2021-09-01', '--within', '3', '--format', 'json']).stdout).checkpoints).toEqual([]);
    const md = plan(['upcoming', '--as-of', '2021-09-01', '--format', 'md', '--lang', 'zh']).stdout;
    expect(md).toContain('### 期内报送节点\n\n- 2021-09-05（剩4天）→ 县政府办：22 个单位报送：林口镇、');
  });
});

describe('CSV for a spreadsheet', () => {
  it('is one language per file, with unit names and the columns a clerk needs', () => {
    const dir = withProgress();
    const zh = rows(plan(['overdue', '--plan', dir, '--as-of', '2021-09-11', '--unit', '林口镇', '--format', 'csv', '--lang', 'zh']).stdout);
    expect(zh[0]).toEqual(['单位', '编号', '任务', '牵头单位', '责任单位', '角色', '完成时限', '剩余天数', '逾期天数', '进展', '进展情况', '佐证材料', '完成日期', '完成情况', '说明', '状态灯']);
    expect(zh[1]).toEqual(['林口镇', '3.3', '狠抓任务落实', '县政府办', '各镇人民政府、县政府各直属单位', '责任', '2021-09-10', '-1', '1', '未启动', '', '', '', '', '', '逾期']);
    const en = rows(plan(['checklist', 'finance', '--plan', dir, '--as-of', '2021-09-11', '--format', 'csv', '--lang', 'en']).stdout);
    expect(en[0]).toEqual(['Unit', 'ID', 'Task', 'Lead', 'Responsible', 'Role', 'Deadline', 'Days left', 'State', 'Progress', 'Evidence', 'Completed', 'Closed', 'Reason', 'Light']);
    expect(en.find((r) => r[1] === '3.1')).toEqual(['县财政局', '3.1', '明确领导责任', '县政府办', '各镇人民政府、县政府各直属单位', 'responsible', '2021-09-05', '', 'done', '已确定分管负责同志并报县政府办备案', 'https://example.org/finance/3.1', '2021-09-03', 'done 2d early', '', 'done']);
    // No id where a name belongs, and no English in a Chinese file's header.
    for (const r of zh.slice(1)) expect(r[0]).not.toMatch(/^[a-z-]+$/);
    const upcoming = rows(plan(['upcoming', '--as-of', '2021-09-01', '--format', 'csv', '--lang', 'zh']).stdout);
    expect(upcoming[0]!.join('')).not.toMatch(/[A-Za-z]/);
    expect(upcoming.find((r) => r[0] === '县财政局' && r[8] === '报送节点')).toEqual(['县财政局', '', '报送节点 → 县政府办', '', '', '', '2021-09-05', '4', '报送节点', '', '', '', '', '', '', '']);
  });
});

describe('Markdown', () => {
  it('overdue and upcoming start with a title, as status does', () => {
    for (const cmd of ['overdue', 'upcoming']) {
      const md = plan([cmd, '--as-of', '2021-09-06', '--format', 'md']).stdout;
      expect(md.startsWith('# 林口县2021年政务公开工作实施方案（林政办发〔2021〕17号）\n\n## ')).toBe(true);
    }
    expect(plan(['overdue', '--as-of', '2021-09-01', '--format', 'md']).stdout).toContain('## Overdue\n\nAs of: 2021-09-01\n\nNothing is overdue.');
  });

  it('escapes only what Markdown would act on: no visible \\(', () => {
    const dir = copyPlan();
    edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "明确(一)领导_责任 *重点* [1]"');
    const md = plan(['status', '--plan', dir, '--as-of', '2021-09-01', '--format', 'md']).stdout;
    expect(md).toContain('| 3.1 | 明确(一)领导\\_责任 \\*重点\\* \\[1\\] | 县政府办 |');
    expect(md).not.toContain('\\(');
  });
});
