/** `plan summary` and `plan report --format docx`: the documents read back, their figures against `plan status`. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/ledger/index.js';
import { buildSummary } from '../../src/ledger/summary.js';
import { listPlanFiles } from '../../src/load/plan-files.js';
import { documentDocx, CHAR_PITCH, CHAR_SPACING, LINE_PITCH } from '../../src/render/documents/official-docx.js';
import { summaryDocument } from '../../src/render/documents/summary.js';
import { validatePlan } from '../../src/validate/index.js';
import { HOSTILE, hostilePlan, LIVE_MARKUP, readDocx, statusFigures } from '../documents.js';
import { copyPlan, edit, plan } from '../helpers.js';

const out = (name: string): string => join(mkdtempSync(join(tmpdir(), 'plan-summary-')), name);

describe('plan summary --format docx', () => {
  it('is an A4 official document in the GB/T 9704 layout', async () => {
    const dir = copyPlan({ progress: true });
    const file = out('summary.docx');
    const r = plan(['summary', '--format', 'docx', '--out', file, '--plan', dir, '--as-of', '2021-09-20', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const doc = await readDocx(file);
    // A4 (210 × 297 mm) with margins 37 / 35 / 28 / 26 mm, in twentieths of a point.
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // 22 lines of 28 characters: a line pitch of 28.95 pt, and 3号 characters set 5 twips closer so 28 fit the 156 mm line and 29 do not.
    expect(LINE_PITCH).toBe(579);
    expect(CHAR_SPACING).toBe(-5);
    const line = 2 * 1440 * (156 / 25.4 / 2);
    expect(28 * CHAR_PITCH).toBeLessThanOrEqual(line);
    expect(29 * CHAR_PITCH).toBeGreaterThan(line);
    expect(doc.xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(doc.styles).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    // Normal carries 仿宋 3号 (32 half-points) and the spacing; the title style 小标宋 2号 (44), centred.
    const style = (id: string): string => doc.styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`))![0];
    expect(style('Normal')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
    expect(style('DocTitle')).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    expect(style('DocTitle')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    // The title in balanced lines of its own breaks.
    const title = doc.xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*关于《林口县2021年政务公开<\/w:t>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/)![0];
    expect(title).toContain('<w:pStyle w:val="DocTitle"/>');
    // Where those fonts are missing, Word and WPS take the named stand-ins.
    expect(doc.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/><w:charset w:val="86"/>');
    expect(doc.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    // Tables: a header row repeated on every page, rows that never split.
    expect(doc.xml).toContain('<w:tblHeader/>');
    expect(doc.xml).toContain('<w:cantSplit/>');
    // No line of the text credits the software; the file's properties may.
    expect(doc.paragraphs.join('\n')).not.toContain('plan-ledger');
    // Page numbers in 4号 (28 half-points) as — 1 —, odd pages right and even pages left.
    expect(doc.xml).toContain('<w:footerReference w:type="default"');
    expect(doc.xml).toContain('<w:footerReference w:type="even"');
    expect(doc.footers.join('')).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> —/);
    expect(style('Footer')).toContain('<w:sz w:val="28"/>');
    expect(doc.footers.some((f) => f.includes('<w:jc w:val="right"/>')) && doc.footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('says what plan status says for the same date', async () => {
    const dir = copyPlan({ progress: true });
    const asOf = '2021-09-20';
    const file = out('s.docx');
    expect(plan(['summary', '--format', 'docx', '--out', file, '--plan', dir, '--as-of', asOf, '--lang', 'zh']).code).toBe(0);
    const f = statusFigures(dir, asOf);
    const doc = await readDocx(file);
    const text = doc.paragraphs.join('\n');
    expect(text).toContain(`方案共${f.tasks}项任务`);
    expect(text).toContain(`共${f.assignments}项（次）`);
    expect(text).toContain(`已完成（含不适用）${f.closed}项（次），完成率${f.percent}%`);
    expect(text).toContain(`逾期未完成${f.overdue}项（次）`);
    expect(text).toContain(`受阻${f.blocked}项（次）`);
    expect([f.closed, f.overdue, f.blocked]).toEqual([4, 45, 1]);
    // 各单位完成情况: one row per unit, each with the status figures.
    const [units, overdue] = doc.tables;
    expect(units![0]).toEqual(['单位', '任务数', '已完成', '完成率', '逾期', '受阻', '报送情况']);
    const row = (name: string): string[] => units!.find((r) => r[0] === name)!;
    for (const [name, id] of [['县财政局', 'finance'], ['林口镇', 'town-linkou'], ['古城镇', 'town-gucheng']] as const) {
      const u = f.units.get(id)!;
      expect(row(name).slice(1, 6)).toEqual([String(u.assigned), String(u.closed), `${Math.round((u.closed / u.assigned) * 100)}%`, String(u.overdue), String(u.blocked)]);
    }
    expect(row('林口镇')[6]).toBe('未报送');
    // 逾期未完成事项: a row a task, its late units named (a group whole, or but for a few), the most days overdue.
    expect(overdue![0]).toEqual(['编号', '任务', '完成时限', '逾期天数', '未完成单位']);
    expect(overdue!.find((r) => r[0] === '3.3')).toEqual(['3.3', '狠抓任务落实', '2021-09-10', '10', '各镇人民政府、县政府各直属单位（县财政局除外）（共23个单位）']);
    const late = new Set(overdue!.slice(1).map((r) => r[0]));
    expect(late).toEqual(new Set(['3.1', '3.3']));
    // 存在的问题 quotes the unit; 下步工作 names the next deadline and checkpoint.
    expect(text).toContain('林口镇 · 3.4 规范考核评估（受阻）：“等待县政府办下发考核办法”');
    expect(text).toContain('林口镇 · 2.3.3 推进基层政务公开标准化规范化（不适用）：“测试用理由”');
    expect(text).toContain('2021年11月30日前应完成1项任务（2.3.1 做好政府信息管理工作）');
    expect(text).toContain(`下一报送节点为2021年12月5日（剩${f.nextCheckpoint!.daysLeft}天）`);
    // Signed in the office's full name, dated in Chinese numerals.
    expect(doc.paragraphs).toContain('林口县人民政府办公室');
    expect(doc.paragraphs).toContain('二〇二一年九月二十日');
  });

  it('refuses a .docx without --out and a date that is not a checkpoint', () => {
    const dir = copyPlan();
    expect(plan(['summary', '--format', 'docx', '--plan', dir]).code).toBe(2);
    const r = plan(['summary', '--checkpoint', '2021-09-06', '--plan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2021-09-06 is not a checkpoint of this plan');
    expect(r.stderr).toContain('2021-09-05, 2021-12-05');
    // A folder where the file should go, or a file where a folder should be: exit 2, no stack trace.
    const folder = mkdtempSync(join(tmpdir(), 'plan-out-'));
    const onFolder = plan(['summary', '--format', 'docx', '--out', folder, '--plan', dir]);
    expect([onFolder.code, onFolder.stderr]).toEqual([2, `plan: cannot write "${folder}" (it is a folder)\n  name a file you may write to (not a folder)\n`]);
    const underFile = plan(['site', '--out', join(dir, 'plan.yaml', 'site'), '--plan', dir]);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toContain('a part of the path is not a folder');
    expect(underFile.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  it('at --checkpoint is as of that day', () => {
    // The test progress holds completions after 2021-09-05: the summary shows the ledger as it stood that day.
    const dir = copyPlan({ progress: true });
    const md = plan(['summary', '--checkpoint', '2021-09-05', '--plan', dir, '--lang', 'zh']).stdout;
    expect(md).toContain('（截至2021年9月5日）');
    const f = statusFigures(dir, '2021-09-05');
    expect(md).toContain(`已完成（含不适用）${f.closed}项（次），完成率${f.percent}%`);
    expect(f.closed).toBe(3);
    // No form came back, but 县财政局 recorded its progress itself (2021-09-03): it reported.
    expect(md).toContain(`2021年9月5日报送节点应报送${f.nextCheckpoint!.reporters}个单位，已报送1个。`);
    expect(md).toContain('| 县财政局 | 16 | 1 | 6% | 0 | 0 | 已报送（2021-09-03） |');
  });
});

describe('the office that signs', () => {
  it('is the full name: plan init --office sets it, and a short issuer is written in full from units.yaml', () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-office-'));
    const init = plan(['init', root, '--office', '清河县人民政府办公室', '--as-of', '2021-09-01', '--lang', 'zh']);
    expect(init.code).toBe(0);
    expect(readFileSync(join(root, 'plan', 'plan.yaml'), 'utf8')).toContain('issuer: "清河县人民政府办公室"');
    const md = plan(['summary', '--plan', join(root, 'plan'), '--as-of', '2021-09-01', '--lang', 'zh']).stdout;
    expect(md).toContain('清河县人民政府办公室  \n二〇二一年九月一日');
    // plan.yaml giving the short name: the signature is still the full one units.yaml records.
    const dir = copyPlan({ progress: true });
    edit(join(dir, 'plan.yaml'), 'issuer: 林口县人民政府办公室', 'issuer: 县政府办');
    const short = plan(['summary', '--plan', dir, '--as-of', '2021-12-06', '--lang', 'zh']).stdout;
    expect(short).toContain('林口县人民政府办公室  \n二〇二一年十二月六日');
    expect(short).not.toMatch(/^县政府办 {2}$/m);
  });
});

describe('plan summary as Markdown and HTML', () => {
  it('has the five sections', () => {
    const dir = copyPlan({ progress: true });
    const md = plan(['summary', '--plan', dir, '--as-of', '2021-09-20', '--lang', 'zh']).stdout;
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## 一、总体情况', '## 二、各单位完成情况', '## 三、逾期未完成事项', '## 四、存在的问题', '## 五、下步工作']);
    expect(md).toContain('| 林口镇 | 22 | 2 | 9% | 1 | 1 | 未报送 |');
  });

  it('escapes hostile text in every format', async () => {
    const dir = hostilePlan();
    const args = ['--plan', dir, '--as-of', '2021-09-20'];
    const md = plan(['summary', ...args]).stdout;
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(md).not.toMatch(LIVE_MARKUP);
    expect(md).not.toContain('\u001b');
    const page = plan(['summary', '--format', 'html', ...args]).stdout;
    expect(page).not.toMatch(LIVE_MARKUP);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('县财政局&lt;b onmouseover=alert(4)&gt;');
    const file = out('h.docx');
    expect(plan(['summary', '--format', 'docx', '--out', file, ...args]).code).toBe(0);
    const doc = await readDocx(file);
    // The text arrives as text: XML-escaped in the part, whole when read back, controls shown escaped.
    expect(doc.paragraphs.join('\n')).toContain(HOSTILE.title.replace('\u001b', '\\x1b'));
    expect(doc.xml).not.toContain('<script');
    expect(doc.xml).not.toContain('\u001b');
  });
});

describe('the summary builder', () => {
  it('shows returned forms for the checkpoint summarised, and the others as not returned', async () => {
    const dir = copyPlan({ progress: true });
    const result = await validatePlan(dir, listPlanFiles(dir), { asOf: '2021-09-20', now: new Date(), details: true });
    const data = { ...result.data!, returns: [{ unit: 'finance', checkpoint: '2021-09-05', received: '2021-09-04', file: '县财政局.xlsx' }, { unit: 'town-linkou', checkpoint: '2021-12-05', received: '2021-12-01' }] };
    const s = buildSummary(buildLedger(data, '2021-09-20'));
    expect(s.checkpoint?.date).toBe('2021-09-05');
    const table = summaryDocument(s, 'zh').blocks.find((b) => b.kind === 'table')!;
    const rows = (table as { rows: string[][] }).rows;
    expect(rows.find((r) => r[0] === '县财政局')![6]).toBe('已报送（2021-09-04）');
    // 林口镇 returned a form for December, not September.
    expect(rows.find((r) => r[0] === '林口镇')![6]).toBe('未报送');
    // 民政局 reports at no checkpoint (it leads nothing and is no town).
    expect(rows.find((r) => r[0] === '民政局')![6]).toBe('—');
    const december = buildSummary(buildLedger(data, '2021-09-20'), { checkpoint: '2021-12-05' });
    expect(december.units.find((u) => u.unit.id === 'town-linkou')!.returned?.received).toBe('2021-12-01');
    const docx = await documentDocx(summaryDocument(s, 'en'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('plan report --format docx', () => {
  it('writes the unit’s report in the same layout, addressed to the recipient', async () => {
    const dir = copyPlan({ progress: true });
    const folder = out('reports');
    const r = plan(['report', '县财政局', '--format', 'docx', '--out', folder, '--plan', dir, '--as-of', '2021-09-20', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const file = join(folder, 'finance-2021-12-05.docx');
    expect(existsSync(file)).toBe(true);
    const doc = await readDocx(file);
    expect(doc.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc.paragraphs[0]).toBe('县财政局关于林口县2021年政务公开工作实施方案任务推进落实情况的报告');
    expect(doc.paragraphs).toContain('林口县人民政府办公室：');
    const md = JSON.parse(plan(['report', 'finance', '--format', 'json', '--plan', dir, '--as-of', '2021-09-20']).stdout);
    const table = doc.tables[0]!;
    expect(table.length - 1).toBe(md.tasks.length);
    expect(table[0]).toEqual(['编号', '任务', '完成时限', '完成情况', '进展情况']);
    expect(table.find((row) => row[0] === '2.1.3')).toEqual(['2.1.3', '做好财政信息公开', '2021-12-31', '推进中，剩102天', '预决算公开范围已扩大到部门所属单位']);
    // A closed task says how it closed, the same words as every other output.
    expect(table.find((row) => row[0] === '3.1')).toEqual(['3.1', '明确领导责任', '2021-09-05', '提前2天完成', '已确定分管负责同志并报县政府办备案；佐证材料1项']);
    expect(doc.paragraphs).toContain('https://example.org/finance/3.1'.replace(/^/, '3.1：'));
    expect(plan(['report', 'finance', '--format', 'docx', '--plan', dir]).code).toBe(2);
    expect(readFileSync(file).length).toBeGreaterThan(5000);
  });
});

describe('the new commands’ help', () => {
  it.each(['summary', 'remind', 'site', 'calendar'])('plan %s --help shows the global options and an example, in both languages', (command) => {
    const en = plan([command, '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Global Options:');
    expect(en.stdout).toMatch(new RegExp(`\\nExample:\\n  \\$ plan ${command} `));
    const zh = plan([command, '--help'], { env: { LANG: 'C.UTF-8' } });
    expect(zh.stdout).toMatch(new RegExp(`\\n示例：\\n  \\$ plan ${command} `));
  });
});

describe('the overall sentence says a count of none as a person would (issue 26)', () => {
  it('no 其中0项, no 逾期未完成0项: none is said as none', () => {
    const dir = copyPlan();
    const r = plan(['summary', '--format', 'md', '--plan', dir, '--as-of', '2021-09-02', '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('尚无已完成事项；无逾期未完成事项。');
    expect(r.stdout).not.toMatch(/[^0-9]0项/);
    const en = plan(['summary', '--format', 'md', '--plan', dir, '--as-of', '2021-09-02', '--lang', 'en']);
    expect(en.stdout).toContain('nothing was done yet; nothing was overdue.');
  });
});

describe('the review and extension tallies say none as none (issue 26)', () => {
  it('a plan under review with nothing claimed or asked: 无报结事项, 无延期申请, no 0项', () => {
    const dir = copyPlan();
    edit(join(dir, 'plan.yaml'), /^lang: zh$/m, 'lang: zh\nreview: required');
    const r = plan(['summary', '--format', 'md', '--plan', dir, '--as-of', '2021-09-02', '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('以上完成数只计经审核销号的事项；目前无待审核事项。');
    expect(r.stdout).toContain('无报结事项。');
    expect(r.stdout).toContain('无延期申请。');
    expect(r.stdout).not.toMatch(/[^0-9]0项/);
    const en = plan(['summary', '--format', 'md', '--plan', dir, '--as-of', '2021-09-02', '--lang', 'en']);
    expect(en.stdout).toContain('No unit has claimed a task done yet.');
    expect(en.stdout).toContain('No unit has asked for more time.');
    expect(en.stdout).not.toMatch(/\b0 (extensions|claims|assignments)/);
  });
});
