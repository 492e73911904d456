/** `plan remind`: 催办 notices read back, the office's list, dry runs, contact data. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE, hostilePlan, LIVE_MARKUP, readDocx, statusFigures } from '../documents.js';
import { copyPlan, edit, plan } from '../helpers.js';

const folder = (): string => join(mkdtempSync(join(tmpdir(), 'plan-remind-')), 'notices');

/** Units with an open assignment overdue or due by `until`, from `plan status --format json`. */
function dueUnits(dir: string, asOf: string, until: string): Map<string, string[]> {
  const s = JSON.parse(plan(['status', '--format', 'json', '--plan', dir, '--as-of', asOf]).stdout);
  const out = new Map<string, string[]>();
  for (const task of s.tasks) {
    if (task.deadline === null || task.deadline > until) continue;
    for (const a of task.assignments) if (a.state !== 'done' && a.state !== 'not_applicable') out.set(a.unit, [...(out.get(a.unit) ?? []), task.id]);
  }
  // The office that receives the reports sends the notices; it does not chase itself.
  out.delete('gov-office');
  return out;
}

describe('plan remind', () => {
  it('writes a notice to each unit with something due, and nothing to the others', () => {
    const dir = copyPlan({ progress: true });
    const out = folder();
    const r = plan(['remind', '--out', out, '--within', '14', '--plan', dir, '--as-of', '2021-09-06', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const due = dueUnits(dir, '2021-09-06', '2021-09-20');
    const files = readdirSync(out).filter((f) => f !== 'reminders-2021-09-06.md').sort();
    expect(files).toEqual([...due.keys()].map((u) => `${u}-2021-09-06.md`).sort());
    // 林口镇 closed 3.1 on time: reminded of 3.3 only.
    const town = readFileSync(join(out, 'town-linkou-2021-09-06.md'), 'utf8');
    expect(town).toContain('林口镇人民政府：');
    expect(town).toContain('| 3.3 狠抓任务落实 | 责任 | 2021-09-10（剩4天） | 未启动 |');
    expect(town).not.toContain('| 3.1 ');
    // 县财政局 closed 3.1 and 3.3: nothing due within 14 days, no notice.
    expect(due.get('finance')).toBeUndefined();
    expect(existsSync(join(out, 'finance-2021-09-06.md'))).toBe(false);
    // The office has 3.1 overdue itself, but it sends the notices: none to itself.
    expect(existsSync(join(out, 'gov-office-2021-09-06.md'))).toBe(false);
    // Sent by the office in its full name, dated in Chinese numerals.
    expect(town).toContain('林口县人民政府办公室  \n二〇二一年九月六日');
    // The office's list: who was reminded of what.
    const list = readFileSync(join(out, 'reminders-2021-09-06.md'), 'utf8');
    expect(list).toContain('| 林口镇 | 0 | 1 | 3.3 |');
    expect(list).toContain(`已向 ${due.size} 个单位催办 ${[...due.values()].flat().length} 项（次）。`);
    expect(r.stdout).toContain(`已向 ${due.size} 个单位催办`);
  });

  it('--within widens the window; --unit keeps one unit or a group', () => {
    const dir = copyPlan({ progress: true });
    const r = plan(['remind', '--unit', '县财政局', '--within', '80', '--plan', dir, '--as-of', '2021-09-20', '--format', 'text', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1. 2.3.1 做好政府信息管理工作，角色：责任，完成时限：2021-11-30（剩71天），进展：未启动');
    expect(r.stdout).not.toMatch(/^#|\|/m);
    const towns = plan(['remind', '--unit', '各镇人民政府', '--dry-run', '--plan', dir, '--as-of', '2021-09-20']);
    expect(towns.stdout).toContain('Would remind 11 units of 21 assignments.');
  });

  it('--dry-run lists what would be written and writes nothing', () => {
    const dir = copyPlan({ progress: true });
    const out = folder();
    const r = plan(['remind', '--dry-run', '--out', out, '--format', 'docx', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(out, 'town-linkou-2021-09-06.docx'));
    expect(r.stdout).toContain(join(out, 'reminders-2021-09-06.md'));
    expect(existsSync(out)).toBe(false);
  });

  it('writes .docx notices that read back with their items', async () => {
    const dir = copyPlan({ progress: true });
    const out = folder();
    expect(plan(['remind', '--format', 'docx', '--out', out, '--plan', dir, '--as-of', '2021-09-06', '--lang', 'zh']).code).toBe(0);
    const doc = await readDocx(join(out, 'town-gucheng-2021-09-06.docx'));
    expect(doc.paragraphs[0]).toBe('催办通知');
    expect(doc.paragraphs).toContain('古城镇人民政府：');
    expect(doc.tables[0]!.slice(1)).toEqual([
      ['3.1 明确领导责任', '责任', '2021-09-05（逾1天）', '未启动'],
      ['3.3 狠抓任务落实', '责任', '2021-09-10（剩4天）', '未启动'],
    ]);
    expect(doc.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(plan(['remind', '--format', 'docx', '--plan', dir]).code).toBe(2);
    // Nothing due at all: no notice, a plain statement.
    const quiet = plan(['remind', '--plan', copyPlan(), '--as-of', '2021-08-31', '--within', '3']);
    expect(quiet.stdout.trim()).toBe('No unit has anything to be reminded of.');
  });

  it('carries the office’s own contact as the plan records it, never a person’s', () => {
    const dir = copyPlan({ progress: true });
    edit(
      join(dir, 'units.yaml'),
      '    note: Receives the progress reports at both checkpoints (报县政府办公室).',
      '    note: Receives the progress reports at both checkpoints (报县政府办公室).\n    contact:\n      leader: { name: 张三, mobile: "13900000000" }\n      office: { name: 政务公开办, phone: "0453-1234567", email: gk@linkou.example }',
    );
    const text = plan(['remind', '--plan', dir, '--as-of', '2021-09-06', '--lang', 'zh', '--unit', '古城镇']).stdout;
    expect(text).toContain('联系方式：电话 0453-1234567，邮箱 gk@linkou.example');
    expect(text).not.toContain('13900000000');
    expect(text).not.toContain('张三');
  });

  it('escapes hostile text in Markdown, text and .docx', async () => {
    const dir = hostilePlan();
    const md = plan(['remind', '--plan', dir, '--as-of', '2021-09-06']).stdout;
    expect(md).not.toMatch(LIVE_MARKUP);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    const text = plan(['remind', '--format', 'text', '--plan', dir, '--as-of', '2021-09-06']).stdout;
    expect(text).not.toContain('\u001b');
    const out = folder();
    expect(plan(['remind', '--format', 'docx', '--out', out, '--plan', dir, '--as-of', '2021-09-06']).code).toBe(0);
    const doc = await readDocx(join(out, 'water-2021-09-06.docx'));
    expect(doc.tables[0]![1]![0]).toContain(HOSTILE.title.replace('\u001b', '\\x1b'));
    // 3.1 is overdue for every unit but the two that closed it.
    expect(statusFigures(dir, '2021-09-06').overdue).toBe(22);
  });
});

describe('a 催办 in English reads as English (issue 26)', () => {
  it('one task is one task, a count of none is left out, and the days stand in ASCII brackets', () => {
    const dir = copyPlan({ progress: true });
    const out = folder();
    expect(plan(['remind', '--out', out, '--within', '14', '--plan', dir, '--as-of', '2021-09-06', '--lang', 'en']).code).toBe(0);
    const town = readFileSync(join(out, 'town-linkou-2021-09-06.md'), 'utf8');
    expect(town).toContain('your unit has 1 task open: 1 due within 14 days. Please complete it and report to');
    expect(town).toContain('2021-09-10 (4d left)');
    expect(town).not.toMatch(/[（）]/);
  });
});
