/**
 * What `plan import` makes of a document's reporting sentences (报送节点), its
 * recurring deadlines and its annexes, and that its Chinese report is Chinese
 * (issue 26, the second clerk trial).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan, ROOT } from '../helpers.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'plan-import-reporting-'));

/** A made-up county plan: notice, title, signing date, tasks, then the closing paragraph(s) and annexes. */
function document(opts: { tasks?: string; closing?: string; annex?: string; year?: number } = {}): string {
  const y = opts.year ?? 2027;
  return [
    `松溪县人民政府办公室文件`,
    '',
    `松政办发〔${y}〕8号`,
    '',
    '松溪县人民政府办公室',
    `关于印发《松溪县${y}年城乡环境综合整治实施方案》的通知`,
    '',
    `松溪县${y}年城乡环境综合整治实施方案`,
    '',
    '一、重点任务',
    opts.tasks ??
      [
        `1．开展沿街立面整治。（牵头单位：县住建局；责任单位：各街道办事处；完成时限：${y}年9月30日前）`,
        `2．整治农贸市场周边秩序。（牵头单位：县市场监管局；责任单位：各乡镇人民政府；完成时限：${y}年10月31日前）`,
      ].join('\n'),
    '',
    opts.closing ?? '',
    '',
    '松溪县人民政府办公室',
    `${y}年4月2日`,
    ...(opts.annex ? ['', opts.annex] : []),
  ].join('\n');
}

interface Imported {
  code: number | null;
  stdout: string;
  dir: string;
  data: any;
}

function importText(text: string, lang = 'en'): Imported {
  const dir = scratch();
  const file = join(dir, '松政办发.txt');
  writeFileSync(file, text);
  const r = plan(['import', file, '--out', join(dir, 'plan'), '--lang', lang]);
  const data = JSON.parse(plan(['export', '--plan', join(dir, 'plan'), '--as-of', '2027-05-01']).stdout);
  return { code: r.code, stdout: r.stdout, dir: join(dir, 'plan'), data };
}

const nameOf = (data: any, id: string): string => data.units.find((u: any) => u.id === id)?.name ?? data.groups.find((g: any) => g.id === id)?.name ?? id;
/** The dated checkpoints, by their names: date, reporters, recipient. */
const readable = (data: any): [string, string[], string][] =>
  data.plan.checkpoints.map((c: any) => [c.date, c.reporters.map((r: string) => nameOf(data, r)), nameOf(data, c.recipient)]).sort((a: any, b: any) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe('plan import reads reporting sentences of every usual shape', () => {
  it('a recipient with a note in brackets, 同时抄送, a monthly report and two fixed dates in one sentence joined by ；', () => {
    const got = importText(document({ closing: '各街道、各单位于每月20日前将工作推进情况报县文明创建工作指挥部办公室（设在县委宣传部），同时抄送县委办、县政府办；7月5日、12月25日前分别报送半年、全年工作总结。' }));
    expect(got.stdout).not.toContain('reads like a reporting duty');
    const office = '县文明创建工作指挥部办公室';
    // 各街道 is the tasks' 各街道办事处: one group, not two.
    const who = ['各街道办事处', '各单位'];
    expect(readable(got.data)).toEqual([
      ['2027-04-20', who, office],
      ['2027-05-20', who, office],
      ['2027-06-20', who, office],
      ['2027-07-05', who, office],
      ['2027-07-20', who, office],
      ['2027-08-20', who, office],
      ['2027-09-20', who, office],
      ['2027-10-20', who, office],
      ['2027-11-20', who, office],
      ['2027-12-20', who, office],
      ['2027-12-25', who, office],
    ]);
    // The recipient the document names is made a unit as the import makes the others; the copy to 县委办 is no recipient.
    expect(got.data.units.map((u: any) => u.name)).toContain(office);
    expect(got.data.units.map((u: any) => u.name)).not.toContain('县委办');
    expect(got.data.groups.map((g: any) => g.name)).toEqual(['各街道办事处', '各乡镇人民政府', '各单位']);
  });

  it('the time first and the reporters after it: 每季度结束后10日内，各镇、县直有关部门将…报送…', () => {
    const got = importText(document({ closing: '每季度结束后10日内，各镇、县直有关部门将落实情况书面报送县发展改革局。' }));
    expect(got.code).toBe(0);
    expect(readable(got.data)).toEqual(['2027-07-10', '2027-10-10', '2028-01-10'].map((d) => [d, ['各镇', '县直有关部门'], '县发展改革局']));
  });

  it('向…报送 with dates of another year, and 县直各牵头单位 as the lead units', () => {
    const got = importText(document({ closing: '县直各牵头单位要在2027年6月25日、11月25日前向县政府督查室报送阶段性工作进展。' }));
    expect(got.code).toBe(0);
    expect(got.data.plan.checkpoints.map((c: any) => [c.date, c.reporters, nameOf(got.data, c.recipient)])).toEqual([
      ['2027-06-25', ['leads'], '县政府督查室'],
      ['2027-11-25', ['leads'], '县政府督查室'],
    ]);
  });

  it('two times in one clause cut at the comma: 每季度末…报…，年底前报送全年工作总结', () => {
    const got = importText(document({ closing: '各成员单位每季度末将工作开展情况报领导小组办公室，年底前报送全年工作总结。' }));
    expect(got.code).toBe(0);
    expect(readable(got.data)).toEqual(['2027-06-30', '2027-09-30', '2027-12-31', '2027-12-31'].map((d) => [d, ['各成员单位'], '领导小组办公室']));
  });

  it('words before the reporters, 号 for 日, and words after the recipient: 为及时掌握进度，各乡镇每月10号前将上月进展报县住建局备案', () => {
    const got = importText(document({ closing: '为及时掌握进度，各乡镇每月10号前将上月进展报县住建局备案。' }));
    expect(got.code).toBe(0);
    const towns = got.data.plan.checkpoints.map((c: any) => c.reporters);
    // 各乡镇 is the tasks' 各乡镇人民政府.
    expect(new Set(towns.flat().map((r: string) => nameOf(got.data, r)))).toEqual(new Set(['各乡镇人民政府']));
    expect(got.data.plan.checkpoints.map((c: any) => c.date)).toEqual(['2027-04-10', '2027-05-10', '2027-06-10', '2027-07-10', '2027-08-10', '2027-09-10', '2027-10-10', '2027-11-10', '2027-12-10']);
    expect(new Set(got.data.plan.checkpoints.map((c: any) => nameOf(got.data, c.recipient)))).toEqual(new Set(['县住建局']));
  });

  it.each([
    ['a cadence plan.yaml cannot hold', '各单位每半年报送一次工作进展情况。'],
    ['no recipient', '各乡镇要于6月底前将整治情况上报。'],
    ['每季度 with no day', '各乡镇每季度报送工作进展情况至县农业农村局。'],
    ['two recipients run together', '各乡镇于每月5日前将进展情况报县委、县政府督查室。'],
  ])('a sentence that reads like a reporting duty and gives no checkpoint is listed, exit 1 (%s)', (_what, sentence) => {
    const got = importText(document({ closing: sentence }));
    expect(got.code).toBe(1);
    const line = document({ closing: sentence }).split('\n').findIndex((l) => l === sentence) + 1;
    expect(got.stdout).toContain(`line ${line}: reads like a reporting duty (when, who reports, to whom) but could not be read whole; a checkpoint may be missing: check checkpoints in plan.yaml — ${sentence.slice(0, 16)}`);
    expect(got.data.plan.checkpoints).toEqual([]);
    // The plan has no checkpoint: plan check says so, where checkpoints stands, and how to add one.
    const checked = JSON.parse(plan(['check', '--plan', got.dir, '--format', 'json']).stdout);
    const found = checked.find((d: any) => d.code === 'no-checkpoints');
    expect(found).toMatchObject({ severity: 'warning', line: readFileSync(join(got.dir, 'plan.yaml'), 'utf8').split('\n').indexOf('checkpoints: []') + 1, col: 1 });
    expect(found.message).toContain('every: month');
  });

  it('a reporting sentence in a task’s own text stays the task’s: not listed, no unit made of its words', () => {
    const got = importText(
      document({
        tasks: '1．建立月报制度，各乡镇每月5日前报送整治进展。（牵头单位：县住建局；责任单位：各乡镇人民政府；完成时限：2027年5月31日前）',
        closing: '各乡镇人民政府于2027年6月30日、12月20日前将工作进展情况报县住建局。',
      }),
    );
    expect(got.code).toBe(0);
    expect(got.data.plan.checkpoints.map((c: any) => c.date)).toEqual(['2027-06-30', '2027-12-20']);
    expect(got.data.units.map((u: any) => u.name)).toEqual(['县住建局']);
  });
});

describe('plan check: a plan with no checkpoint', () => {
  it('warns at plan.yaml’s checkpoints, in Chinese for a Chinese plan; the embedded plan checks clean', () => {
    const got = importText(document(), 'zh');
    const r = plan(['check', '--plan', got.dir, '--lang', 'zh']);
    expect(r.code).toBe(0);
    const line = readFileSync(join(got.dir, 'plan.yaml'), 'utf8').split('\n').indexOf('checkpoints: []') + 1;
    expect(r.stdout).toContain(`${line}:1  警告     计划没有任何报送节点（checkpoints 为空）：不会要求任何单位报送进展。`);
    expect(r.stdout).toContain('按月报送写作 - { every: month, day: 5, reporters: [leads], recipient: <接收单位 id> }');
    expect(plan(['check', '--plan', join(ROOT, 'plan')]).stdout).not.toContain('no-checkpoints');
  });
});

describe('plan import: a recurring deadline is not read as certain', () => {
  it.each([
    ['每季度末', ['2027-06-30', '2027-09-30', '2027-12-31']],
    ['每季度末报送整治进展', ['2027-06-30', '2027-09-30', '2027-12-31']],
    ['每月5日前', ['2027-04-05', '2027-05-05', '2027-06-05', '2027-07-05', '2027-08-05', '2027-09-05', '2027-10-05', '2027-11-05', '2027-12-05']],
  ])('完成时限：%s → ongoing, reviewed on each of its dates in the span, the words kept', (words, reviewOn) => {
    const got = importText(document({ tasks: `1．开展村庄清洁行动。（牵头单位：县农业农村局；责任单位：各乡镇人民政府；完成时限：${words}）`, closing: '各乡镇人民政府于2027年6月30日、12月20日前将工作进展情况报县农业农村局。' }), 'zh');
    const task = got.data.tasks[0];
    expect(task).toMatchObject({ ongoing: true, deadline: null, reviewOn, deadlineText: words });
    expect(readFileSync(join(got.dir, 'tasks/1.yaml'), 'utf8')).toContain(`deadlineNote: "原文：${words}（周期性要求，记为持续推进，在各周期的时限检查）。"`);
    const row = got.stdout.split('\n').find((l) => l.startsWith('  1.1 '))!;
    expect(row).toContain(`时限“${words}”为周期性要求，已记为持续推进并在各周期的时限检查，请核对`);
    expect(row).not.toContain('确定');
  });
});

describe('plan import: the Chinese report is Chinese', () => {
  /** Field and file names stay as typed; no other Latin word. */
  const english = (report: string): string[] =>
    report
      .split('\n')
      .filter((l) => !/^(?:已写入|已在|package\.json)/.test(l))
      .flatMap((l) => l.replace(/[\w./-]+\.(?:ya?ml|txt|docx?)|\.docx|plan check --plan \S+|checkpoints|reviewOn|deadline|members|utf-8|gb18030/g, '').match(/[A-Za-z]{2,}/g) ?? []);

  it('a working-day deadline, a recurring one, the annexes and every passage to check, in Chinese', () => {
    const got = importText(
      document({
        tasks: [
          '1．编制专项规划。（牵头单位：市生态环境局松溪分局；责任单位：县水利局；完成时限：自本方案印发之日起15个工作日内）',
          '2．开展村庄清洁行动。（牵头单位：县农业农村局；完成时限：每季度末）',
          '3．整治沿街立面。（牵头单位：县住建局；完成时限：尽快）',
          '4．清理积存垃圾。',
        ].join('\n'),
        closing: '各单位每半年报送一次工作进展情况。',
        annex: ['附件', '', '重点任务清单', '', '序号\t工作任务\t牵头单位\t完成时限', '1\t编制专项规划\t市生态环境局松溪分局\t15个工作日内', '2\t新建公厕10座\t县城管局\t2027年10月底前'].join('\n'),
      }),
      'zh',
    );
    expect(got.code).toBe(1);
    expect(got.stdout.split('\n')[0]).toBe('导入报告（编码 utf-8）');
    expect(got.stdout).toContain('时限 自印发之日起15个工作日内');
    expect(got.stdout).toMatch(/附件（第\d+行起）未作为任务导入：任务表 1 个、共 2 行，1 行与正文任务相同，1 行在正文中未找到（见需要核对的段落）。/);
    expect(got.stdout).toContain('附件任务表中的一行在正文中未找到，未导入：如是正文以外的任务，请补入任务文件 — 附件表1第3行: 新建公厕10座');
    expect(english(got.stdout)).toEqual([]);
    // A branch of a city's bureau is no county department; 县市场监管局 and its like are.
    const kinds = Object.fromEntries(got.data.units.map((u: any) => [u.name, u.kind]));
    expect(kinds).toMatchObject({ 市生态环境局松溪分局: 'outside-body', 县水利局: 'county-department', 县农业农村局: 'county-department' });
  });

  it('a .docx is named by its type, not an encoding', () => {
    const r = plan(['import', join(ROOT, 'tests/fixtures/import/genre/county-table-word.docx'), '--dry-run', '--lang', 'zh']);
    expect(r.stdout.split('\n')[0]).toBe('导入报告（文件类型 .docx）');
    const en = plan(['import', join(ROOT, 'tests/fixtures/import/genre/county-table-word.docx'), '--dry-run']);
    expect(en.stdout.split('\n')[0]).toBe('Import report (file type .docx)');
  });

  it('annexes that only repeat the body’s tasks are said to, and are no finding', () => {
    const got = importText(
      document({ closing: '各乡镇人民政府于2027年6月30日、12月20日前将工作进展情况报县住建局。', annex: ['附件：重点任务清单', '', '序号\t工作任务\t牵头单位\t责任单位\t完成时限', '1\t开展沿街立面整治\t县住建局\t各街道办事处\t2027年9月30日前', '2\t整治农贸市场周边秩序\t县市场监管局\t各乡镇人民政府\t2027年10月31日前'].join('\n') }),
    );
    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(/Annexes \(from line \d+\) not read as tasks: 1 table of 2 rows, all repeating tasks of the body\./);
    expect(got.data.tasks).toHaveLength(2);
  });
});
