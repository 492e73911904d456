import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/importer/deadline.js';
import { decodeDocument } from '../../src/importer/decode.js';
import { importDocument, type Draft } from '../../src/importer/index.js';

/** A small document in the shape real ones have: notice, title, sections, tasks. */
function doc(body: string, opts: { rule?: boolean; closing?: string } = {}): string {
  return [
    '测政办发〔2022〕5号测试县人民政府办公室关于印发测试县2022年重点工作方案的通知',
    '',
    '测试县2022年重点工作方案',
    '',
    '2022年3月1日',
    '',
    ...(opts.rule ? ['各项任务中列第一位者为牵头单位，其他为责任单位。'] : []),
    '一、工作任务',
    body,
    opts.closing ?? '',
  ].join('\n');
}

const run = (text: string): Draft => importDocument(text, { sourceName: 'test.txt' });
const tasks = (d: Draft) => d.parts.flatMap((p) => p.tasks);
const names = (d: Draft, ids: string[]) => ids.map((id) => d.units.find((u) => u.id === id)?.name ?? d.groups.find((g) => g.id === id)?.name ?? id);

describe('plan import: annotations', () => {
  it('ends a list of units at its sentence; a deadline after the 。 is the task\'s, not part of a name', () => {
    const d = run(doc('1.开展抽查。牵头单位：县市场监管局；责任单位：县税务局。长期坚持\n2.做好乙工作。牵头单位：县财政局；责任单位：县审计局。有关情况及时报县政府办。完成时限：2022年6月底前'));
    const [a, b] = tasks(d);
    expect(names(d, a!.responsible)).toEqual(['县税务局']);
    expect(a).toMatchObject({ ongoing: true, deadlineText: '长期坚持' });
    expect(names(d, b!.responsible)).toEqual(['县审计局']);
    expect(b).toMatchObject({ deadline: '2022-06-30' });
    expect(d.units.map((u) => u.name)).not.toContain('县税务局。长期坚持');
  });

  it.each([
    ['〔…〕 with half-width separators', '1.做好甲工作。内容。〔牵头单位:县财政局;责任单位:县审计局,县税务局;完成时限:2022年6月底前〕'],
    ['（…） with full-width separators', '1.做好甲工作。内容。（牵头单位：县财政局；责任单位：县审计局、县税务局；完成时限：2022年6月底前）'],
    ['(…) half-width', '1.做好甲工作。内容。(牵头单位:县财政局;责任单位:县审计局、县税务局;完成时限:2022年6月底前)'],
    ['[…]', '1.做好甲工作。内容。[牵头单位：县财政局，责任单位：县审计局、县税务局，完成时间：2022年6月底前]'],
    ['【…】 with 配合单位 and 时间节点', '1.做好甲工作。内容。【牵头单位：县财政局；配合单位：县审计局、县税务局；时间节点：2022年6月底前】'],
    ['labels on their own lines', '1.做好甲工作。内容。\n牵头单位：县财政局\n责任单位：县审计局、县税务局\n完成时限：2022年6月底前'],
  ])('reads %s', (_name, body) => {
    const d = run(doc(body));
    const [t] = tasks(d);
    expect(t).toMatchObject({ id: '1.1', title: '做好甲工作', deadline: '2022-06-30', deadlineText: '2022年6月底前' });
    expect(names(d, t!.lead)).toEqual(['县财政局']);
    expect(names(d, t!.responsible)).toEqual(['县审计局', '县税务局']);
    expect(d.report.problems).toEqual([]);
  });

  it('reads the short label 时限 and an open list ending in 等有关部门', () => {
    const d = run(doc('1.做好丁工作。【牵头单位：县委网信办等有关部门；责任单位：各镇；时限：2022年8月31日前】'));
    const [t] = tasks(d);
    expect([names(d, t!.lead), t!.leadOpen, t!.deadline]).toEqual([['县委网信办'], true, '2022-08-31']);
  });

  it('takes the first named unit as lead where the document says so', () => {
    const d = run(doc('1.做好乙工作。（县财政局、县审计局负责）', { rule: true }));
    const [t] = tasks(d);
    expect([names(d, t!.lead), names(d, t!.responsible)]).toEqual([['县财政局'], ['县审计局']]);
  });

  it('without that rule takes the first named as lead by the usual convention, and says how sure it is', () => {
    const d = run(doc('1.做好乙工作。（县财政局、县审计局负责）'));
    const [t] = tasks(d);
    expect([names(d, t!.lead), names(d, t!.responsible)]).toEqual([['县财政局'], ['县审计局']]);
    expect(d.report.tasks.map((r) => r.how)).toEqual(['note-convention']);
  });

  it('keeps brackets inside unit names and marks an open list', () => {
    const d = run(doc('1.做好丙工作。（牵头单位：市政府办、市发改委等相关部门；责任单位：各区(县)政府、各有关部门；完成时限：年底前）'));
    const [t] = tasks(d);
    expect(names(d, t!.lead)).toEqual(['市政府办', '市发改委']);
    expect(t!.leadOpen).toBe(true);
    expect(names(d, t!.responsible)).toEqual(['各区(县)政府', '各有关部门']);
    expect(d.report.groupsCreated).toEqual(['各区(县)政府', '各有关部门']);
    expect(t!.deadline).toBe('2022-12-31');
  });

  it('numbers unnumbered paragraphs with their own annotation after the task above', () => {
    const d = run(doc('（一）第一组\n1.任务一。〔责任单位：县财政局；完成时限：2022年6月底前〕\n另一段要求。〔责任单位：县审计局；完成时限：2022年6月底前〕\n再一段要求。〔责任单位：县审计局；完成时限：2022年6月底前〕\n2.任务二。〔责任单位：各乡镇；完成时限：2022年9月底前〕'));
    expect(tasks(d).map((t) => t.id)).toEqual(['1.1.1', '1.1.1b', '1.1.1c', '1.1.2']);
    expect(d.parts.map((p) => [p.name, p.section, p.heading])).toEqual([['1-1', '一(一)', '第一组']]);
  });

  it('reports a paragraph that looks like a task but has no annotation, with its line', () => {
    const d = run(doc('1.有标注的任务。〔责任单位：县财政局；完成时限：2022年6月底前〕\n2.没有标注的任务。'));
    expect(tasks(d).map((t) => t.id)).toEqual(['1.1']);
    expect(d.report.problems).toEqual([{ line: 9, kind: 'no-annotation', text: '没有标注的任务。' }]);
  });

  it('reports an annotation it cannot split', () => {
    const d = run(doc('1.任务。〔由县财政局会同有关方面研究〕'));
    expect(d.report.problems.map((p) => p.kind)).toEqual(['no-tasks', 'no-annotation']);
  });

  it('reports a document cut off inside an annotation, and does not crash', () => {
    const d = run(doc('1.任务一。〔责任单位：县财政局；完成时限：2022年6月底前〕\n2.任务二。〔牵头单位：县审计局；责任单位：县'));
    const cut = tasks(d).find((t) => t.id === '1.2')!;
    expect(cut.annotation).toBe('〔牵头单位：县审计局；责任单位：县');
    expect(d.report.problems.map((p) => [p.line, p.kind])).toContainEqual([9, 'unclosed-annotation']);
  });
});

describe('plan import: deadlines', () => {
  it.each([
    ['2021年12月底前', '2021-12-31'],
    ['2021年11月底前', '2021-11-30'],
    ['2021年9月5日前', '2021-09-05'],
    ['2021年9月10前', '2021-09-10'],
    ['2022年2月末前', '2022-02-28'],
    ['年底前', '2022-12-31'],
    ['6月底前', '2022-06-30'],
    ['上半年', '2022-06-30'],
    ['2023年上半年', '2023-06-30'],
    ['下半年', '2022-12-31'],
  ])('%s is %s', (text, date) => {
    expect(parseDeadline(text, 2022)).toEqual({ kind: 'date', date, milestones: [] });
  });

  it.each(['长期坚持', '持续推进', '常态化', '每季度'])('%s is ongoing, never a date', (text) => {
    expect(parseDeadline(text, 2022)).toEqual({ kind: 'ongoing', note: text });
  });

  it.each(['2021年2月30日前', '尽快', '视情况而定'])('%s is not understood', (text) => {
    expect(parseDeadline(text, 2022)).toEqual({ kind: 'unknown' });
  });

  it('makes ongoing tasks explicit, takes a deadline from the sentence, and reports what it cannot read', () => {
    const d = run(
      doc(
        '1.甲。〔责任单位：县财政局；完成时限：长期坚持〕\n2.乙，于2022年10月底前完成。〔责任单位：县财政局〕\n3.丙。〔责任单位：县财政局；完成时限：尽快〕\n4.丁。〔责任单位：县财政局〕',
        { closing: '各单位要于2022年6月30日、12月5日将工作进展情况报县政府办公室。' },
      ),
    );
    const [a, b, c, dd] = tasks(d);
    expect(a).toMatchObject({ ongoing: true, reviewOn: ['2022-06-30', '2022-12-05'] });
    expect(a!.deadline).toBeUndefined();
    expect(b).toMatchObject({ deadline: '2022-10-31', deadlineText: '2022年10月底前' });
    // Words that name no date this tool reads: no date invented; kept loadable, reviewed, and listed.
    expect(c!.deadline).toBeUndefined();
    expect(c).toMatchObject({ ongoing: true, deadlineText: '尽快' });
    expect(c!.deadlineNote).toContain('“尽快”');
    expect(dd).toMatchObject({ ongoing: true });
    expect(d.report.deadlines).toEqual({ dates: 1, ongoing: 1, missing: 1, unknown: 1 });
    expect(d.report.problems.map((p) => [p.kind, p.line])).toEqual([
      ['unknown-deadline', 10],
      ['no-deadline', 11],
    ]);
  });
});

describe('plan import: the document’s own facts', () => {
  it('reads number, issuer, title, signing date and checkpoints', () => {
    const d = run(doc('1.甲。〔牵头单位：县财政局；责任单位：各乡镇；完成时限：年底前〕', { closing: '各乡镇及县直各牵头单位要于2022年6月30日、12月5日两个时间节点，将任务推进落实情况报县政府办公室。' }));
    expect(d.plan).toMatchObject({ id: 'plan-2022-5', document: '测政办发〔2022〕5号', issuer: '测试县人民政府办公室', title: '测试县2022年重点工作方案', signed: '2022-03-01', span: { start: '2022-03-01', end: '2022-12-31' } });
    const office = d.units.find((u) => u.name === '县政府办公室')!.id;
    const towns = d.groups.find((g) => g.name === '各乡镇')!.id;
    expect(d.plan.checkpoints.map((c) => ['date' in c ? c.date : c.every, c.reporters, c.recipient])).toEqual([
      ['2022-06-30', [towns, 'leads'], office],
      ['2022-12-05', [towns, 'leads'], office],
    ]);
    expect(d.plan.calendar).toBe('cn');
  });

  it('reads a cadence (每月5日前, 每季度末) as a recurring checkpoint, and N个工作日内 as a working-day deadline', () => {
    const monthly = run(doc('1.甲。〔牵头单位：县财政局；责任单位：各乡镇；完成时限：自印发之日起10个工作日内〕', { closing: '各乡镇及县直各牵头单位每月5日前将工作推进落实情况报送县政府办公室。' }));
    const office = monthly.units.find((u) => u.name === '县政府办公室')!.id;
    expect(monthly.plan.checkpoints).toEqual([{ every: 'month', day: 5, reporters: [monthly.groups.find((g) => g.name === '各乡镇')!.id, 'leads'], recipient: office, source: '各乡镇及县直各牵头单位每月5日前将工作推进落实情况报送县政府办公室。' }]);
    expect(monthly.parts[0]!.tasks[0]).toMatchObject({ deadlineRule: { workdays: 10, from: 'signed' }, deadlineText: '自印发之日起10个工作日内' });
    expect(monthly.parts[0]!.tasks[0]!.deadline).toBeUndefined();
    const quarterly = run(doc('1.甲。〔牵头单位：县财政局；完成时限：3个工作日内〕', { closing: '各乡镇要于每季度末将落实情况报县政府办公室。' }));
    expect(quarterly.plan.checkpoints).toMatchObject([{ every: 'quarter', day: 'last' }]);
    expect(quarterly.parts[0]!.tasks[0]).toMatchObject({ deadlineRule: { workdays: 3, from: 'signed' } });
  });

  it('resolves names against known units, aliases too', () => {
    const d = importDocument(doc('1.甲。〔牵头单位：财政局；责任单位：各镇；完成时限：年底前〕'), {
      sourceName: 't',
      known: { units: [{ id: 'finance', name: '测试县财政局', short: '县财政局', aliases: ['财政局'], kind: 'county-department' }], groups: [{ id: 'towns', name: '各镇人民政府', aliases: ['各镇'], members: [] }] },
    });
    expect(tasks(d)[0]).toMatchObject({ lead: ['finance'], responsible: ['towns'] });
    expect(d.newUnits).toBe(false);
  });
});

describe('plan import: encodings', () => {
  const text = '林口县人民政府办公室\r\n2021年12月底前\r\n';
  it('reads UTF-8, UTF-8 with BOM and CRLF', () => {
    expect(decodeDocument(Buffer.from(text))).toEqual({ ok: true, text: text.replace(/\r\n/g, '\n'), encoding: 'utf-8' });
    expect(decodeDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({ ok: true, encoding: 'utf-8', text: text.replace(/\r\n/g, '\n') });
  });

  it('reads GB18030 (GBK) and UTF-16 with a BOM', () => {
    // 林口县 in GB18030.
    expect(decodeDocument(Buffer.from([0xc1, 0xd6, 0xbf, 0xda, 0xcf, 0xd8]))).toEqual({ ok: true, text: '林口县', encoding: 'gb18030' });
    expect(decodeDocument(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('林口县', 'utf16le')]))).toEqual({ ok: true, text: '林口县', encoding: 'utf-16le' });
  });

  it('refuses binary and bytes in no known encoding', () => {
    expect(decodeDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeDocument(Buffer.from([0x81, 0x30, 0xff, 0xff]))).toEqual({ ok: false, reason: 'unknown-encoding' });
    expect(decodeDocument(Buffer.from('林口县'), 'gb18030')).toMatchObject({ ok: false, reason: 'not-this-encoding' });
  });
});

describe('plan import, round three: the rules of the document model', () => {
  it('a note in its own paragraph belongs to the paragraphs before it; the heading above stays a heading', () => {
    const d = run(doc('（一）提振消费。\n推动甲。\n推动乙。\n（县商务局、县公安局负责）\n促进丙。\n（县财政局负责）'));
    expect(tasks(d).map((t) => [t.text, names(d, t.lead), names(d, t.responsible)])).toEqual([
      ['推动甲。\n推动乙。', ['县商务局'], ['县公安局']],
      ['促进丙。', ['县财政局'], []],
    ]);
    expect(tasks(d).every((t) => t.title !== '')).toBe(true);
  });

  it('never writes a task with an empty title: a note with nothing before it is reported', () => {
    const d = run(doc('（县财政局负责）'));
    expect(tasks(d)).toEqual([]);
    expect(d.report.problems.map((p) => p.kind)).toContain('empty-task');
  });

  it('keeps 各有关部门和单位 whole, and a shared prefix as written', async () => {
    const { splitUnits } = await import('../../src/importer/owners.js');
    expect(splitUnits('各有关部门和单位').names).toEqual(['各有关部门和单位']);
    expect(splitUnits('区发改局、财政局、教育局').names).toEqual(['区发改局', '财政局', '教育局']);
  });

  it('ends a unit list at a heading run into it', async () => {
    const { headingsOutOfLists } = await import('../../src/importer/unflatten.js');
    expect(headingsOutOfLists('责任单位：区住建局三、优化营商环境')).toEqual(['责任单位：区住建局', '三、优化营商环境']);
    expect(headingsOutOfLists('完成时限：2024年6月底前（二）推行')).toEqual(['完成时限：2024年6月底前', '（二）推行']);
    expect(headingsOutOfLists('责任单位：县住房和城乡建设局、县财政局')).toEqual(['责任单位：县住房和城乡建设局、县财政局']);
  });

  it.each([
    ['tabs', '序号\t重点任务\t工作措施\t责任股室\t完成时间\n1\t甲任务\t做甲\t综合股\t2024年5月底前\n2\t\t做乙\t财务股\t2024年6月底前'],
    ['|', '| 序号 | 重点任务 | 工作措施 | 责任股室 | 完成时间 |\n|---|---|---|---|---|\n| 1 | 甲任务 | 做甲 | 综合股 | 2024年5月底前 |\n| 2 |  | 做乙 | 财务股 | 2024年6月底前 |'],
    ['spaces', '序号  重点任务  工作措施  责任股室  完成时间\n1     甲任务    做甲      综合股    2024年5月底前\n2               做乙      财务股    2024年6月底前'],
  ])('reads a table written with %s, an empty merged cell taking the value above', (_name, table) => {
    const d = run(doc(table));
    expect(tasks(d).map((t) => [t.text, names(d, t.responsible), t.deadline])).toEqual([
      ['甲任务：做甲', ['综合股'], '2024-05-31'],
      ['甲任务：做乙', ['财务股'], '2024-06-30'],
    ]);
  });

  it('names columns by the words documents use', async () => {
    const { columnOf } = await import('../../src/importer/table.js');
    expect(['责任股室', '承办单位', '主办单位', '协办单位', '时间节点', '进度安排', '具体要求', '主要任务', '牵头领导'].map(columnOf)).toEqual(['responsible', 'responsible', 'lead', 'support', 'deadline', 'deadline', 'measure', 'task', undefined]);
  });

  it('takes the office’s full name from the letterhead, not the short signature; --office wins', () => {
    const text = '石门县人民政府办公室文件\n石政办发〔2024〕15号\n关于印发石门县2024年防汛工作方案的通知\n石门县2024年防汛工作方案\n一、任务\n1.修订预案。（县应急局负责，2024年4月底前完成）\n县政府办公室\n2024年3月20日';
    expect(importDocument(text, { sourceName: 'x' }).plan.issuer).toBe('石门县人民政府办公室');
    expect(importDocument(text, { sourceName: 'x', office: '石门县人民政府' }).plan.issuer).toBe('石门县人民政府');
  });

  it('gives an ongoing task placeholder review dates when the document has no checkpoint and no year, and says so', () => {
    const d = importDocument('一、任务\n1.巡河。（各镇人民政府负责）\n2.建台账。（完成时限：另行通知）', { sourceName: 'x', today: '2024-08-01' });
    expect(tasks(d).map((t) => t.reviewOn)).toEqual([['2024-12-31'], ['2024-12-31']]);
    expect(names(d, tasks(d)[1]!.responsible)).toEqual(['（原文未写明责任单位）']);
    expect(d.report.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['no-review-dates', 'no-owner']));
  });
});
