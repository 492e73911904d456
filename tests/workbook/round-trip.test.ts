/** Forms out → filled through exceljs → collected → the ledger and its reports show it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyPlan, plan } from '../helpers.js';
import { day, fillForm, setCells, statusSnapshot } from './helpers.js';

const AS_OF = ['--as-of', '2021-09-02'];

describe('the checkpoint routine', () => {
  let dir: string;
  let forms: string;
  beforeAll(() => {
    dir = copyPlan();
    forms = join(dir, '..', 'forms');
  });

  it('writes one form per unit with tasks', () => {
    const r = plan(['--plan', dir, ...AS_OF, 'forms', '--out', forms]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // One per reporter of the checkpoint: 22 (not 县政府办, which receives them, nor 民政局, which reports nowhere).
    expect(r.stdout).toContain('wrote 22 forms');
    expect(existsSync(join(forms, '县政府办.xlsx'))).toBe(false);
    expect(r.stdout).toContain('checkpoint 2021-09-05');
    expect(existsSync(join(forms, '县财政局.xlsx'))).toBe(true);
    expect(existsSync(join(forms, '古城镇.xlsx'))).toBe(true);
  });

  it('collects a filled form: states, dates, evidence, history naming the file, the return', async () => {
    const filled = join(forms, '..', 'back', '县财政局.xlsx');
    await fillForm(join(forms, '县财政局.xlsx'), filled, (s) => {
      expect(s.getCell('A6').value).toBe('3.1');
      setCells(s, {
        E6: '已完成',
        F6: '已明确分管负责同志',
        H6: day('2021-08-30'),
        E7: '推进中',
        G7: 'https://www.linkou.gov.cn/a\nhttps://www.linkou.gov.cn/b',
        // Text dates and serial numbers are dates too.
        E8: 'done',
        H8: '2021/8/31',
      });
    });
    const r = plan(['--plan', dir, ...AS_OF, 'collect', filled]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/县财政局\s+县财政局\.xlsx\s+3\s+13\s+—/);
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    expect(text).toContain('completed: 2021-08-30');
    expect(text).toContain('completed: 2021-08-31');
    expect(text).toMatch(/file: 县财政局\.xlsx\n\s+sha256: [0-9a-f]{64}/);
    expect(text).toMatch(/returns:\n {2}- checkpoint: 2021-09-05\n {4}received: 2021-09-02\n {4}file: "县财政局\.xlsx"/);

    const status = plan(['--plan', dir, ...AS_OF, 'status', '--unit', '县财政局', '--state', 'done']);
    expect(status.stdout).toMatch(/3\.1\s+明确领导责任.*1\/1\s+done/);
    const all = plan(['--plan', dir, ...AS_OF, 'status']);
    // The footer is wrapped to the terminal at spaces: read it as one line.
    expect(all.stdout.replace(/\n(?!\n)/g, ' ')).toMatch(/have not returned their forms for 2021-09-05 \(21 of 22\)/);
    expect(all.stdout).not.toMatch(/县财政局[^\n]*have not returned/);
    const history = plan(['--plan', dir, ...AS_OF, 'history', '县财政局']);
    expect(history.stdout).toMatch(/2021-09-02\s+3\.1 明确领导责任\s+not started → done\s+已明确分管负责同志/);
    const report = plan(['--plan', dir, ...AS_OF, 'report', '县财政局']);
    expect(report.stdout).toContain('Form: returned on 2021-09-02');
    const zh = plan(['--plan', dir, ...AS_OF, '--lang', 'zh', 'status']);
    expect(zh.stdout).toMatch(/尚未报送（2021-09-05）：林口镇、/);
  });

  it('collecting the same form again changes no task and keeps one return per checkpoint', () => {
    const filled = join(forms, '..', 'back', '县财政局.xlsx');
    const r = plan(['--plan', dir, ...AS_OF, 'collect', filled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/县财政局\.xlsx\s+0\s+16\s+—/);
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    expect(text.match(/- checkpoint: 2021-09-05/g)).toHaveLength(1);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const filled = join(forms, '..', 'back', '古城镇.xlsx');
    await fillForm(join(forms, '古城镇.xlsx'), filled, (s) => setCells(s, { E7: '受阻', I7: '等待上级系统开通' }));
    const before = statusSnapshot(dir);
    const r = plan(['--plan', dir, ...AS_OF, 'collect', '--dry-run', filled]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+++ ');
    expect(r.stdout).toContain('+    state: blocked');
    expect(r.stdout).toContain('would apply');
    expect(statusSnapshot(dir)).toEqual(before);
  });

  it('a refused file changes nothing while a valid one in the same run applies; exit 1', async () => {
    const bad = join(forms, '..', 'back', 'bad', '县财政局.xlsx');
    await fillForm(join(forms, '县财政局.xlsx'), bad, (s) => setCells(s, { E7: '完成了', E9: '已完成' }));
    const good = join(forms, '..', 'back', '古城镇.xlsx');
    const before = readFileSync(join(dir, 'status/finance.yaml'));
    const r = plan(['--plan', dir, ...AS_OF, 'collect', bad, good]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('县财政局.xlsx 台账!E7: "完成了" is not a state; choose 未启动/推进中/已完成/受阻/不适用');
    // The word 完成了, 已完成 in row 9 without its completion date, and, the same day, the rows the
    // unit's own return changed since this copy was made: made from the ledger as it was, they would undo it.
    expect(r.stderr).toContain('县财政局.xlsx 台账!E6: task 3.1 changed in the ledger after this form was made on 2021-09-02 (last on 2021-09-02)');
    expect(r.stdout).toMatch(/县财政局\s+县财政局\.xlsx\s+0\s+0\s+4/);
    expect(r.stdout).toMatch(/古城镇\s+古城镇\.xlsx\s+1\s+21\s+—/);
    expect(readFileSync(join(dir, 'status/finance.yaml'))).toEqual(before);
    expect(readFileSync(join(dir, 'status/town-gucheng.yaml'), 'utf8')).toContain('state: blocked');
  });

  it('a folder is collected file by file; the Chinese message names sheet and cell', async () => {
    const zh = plan(['--plan', dir, ...AS_OF, '--lang', 'zh', 'collect', join(forms, '..', 'back', 'bad')]);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('县财政局.xlsx 台账!E7: “完成了” 不是有效状态；请选择 未启动/推进中/已完成/受阻/不适用');
  });
});

describe('evidence cells', () => {
  it('one item a line; a line split only when every piece is a link; an untouched cell changes nothing', async () => {
    const dir = copyPlan();
    const forms = join(dir, '..', 'forms');
    expect(plan(['--plan', dir, ...AS_OF, 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    const filled = join(forms, '..', 'back', '县财政局.xlsx');
    let task = '';
    const items = ['关于做好政务公开、政务服务工作的通知.pdf', 'https://a.cn/x', 'https://a.cn/y', '会议纪要（第3期）'];
    await fillForm(join(forms, '县财政局.xlsx'), filled, (s) => {
      task = String(s.getCell('A7').value);
      setCells(s, { E7: '推进中', G7: '关于做好政务公开、政务服务工作的通知.pdf\nhttps://a.cn/x https://a.cn/y\n  会议纪要（第3期）  ' });
    });
    const r = plan(['--plan', dir, ...AS_OF, 'collect', filled]);
    // The file name with a 、 in it stays whole, and the clerk is told so.
    expect(r.stderr).toBe(`warning: 县财政局.xlsx 台账!G7: the evidence "关于做好政务公开、政务服务工作的通知.pdf" is kept as one item: not every piece of it is a link or a file name. If it is several, write one a line\n`);
    expect(r.code).toBe(0);
    const evidence = (): unknown => (parse(readFileSync(join(dir, 'status/finance.yaml'), 'utf8')) as { tasks: Record<string, { evidence?: string[] }> }).tasks[task]?.evidence;
    expect(evidence()).toEqual(items);
    // The next checkpoint's form is pre-filled with those items; returned untouched it changes nothing and is no return.
    const later = join(dir, '..', 'forms2');
    expect(plan(['--plan', dir, '--as-of', '2021-11-20', 'forms', '--out', later, '--unit', '县财政局']).code).toBe(0);
    const before = readFileSync(join(dir, 'status/finance.yaml'));
    const again = plan(['--plan', dir, '--as-of', '2021-11-20', 'collect', join(later, '县财政局.xlsx')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('县财政局.xlsx: nothing on the form differs from what plan forms wrote on 2021-11-20: it is not recorded as a return');
    expect(readFileSync(join(dir, 'status/finance.yaml'))).toEqual(before);
    expect(evidence()).toEqual(items);
  });

  it('a line split at 、 ； ; when every piece is a link or a file name; kept whole with a warning otherwise', async () => {
    const dir = copyPlan();
    const forms = join(dir, '..', 'forms');
    expect(plan(['--plan', dir, ...AS_OF, 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    const filled = join(forms, '..', 'back', '县财政局.xlsx');
    const tasks: string[] = [];
    await fillForm(join(forms, '县财政局.xlsx'), filled, (s) => {
      tasks.push(String(s.getCell('A6').value), String(s.getCell('A7').value));
      setCells(s, { E6: '推进中', G6: 'https://www.linkou.gov.cn/sf.html、收费目录清单.pdf；会议纪要.docx;通知.PDF', E7: '推进中', G7: 'https://a.cn/x、见附件' });
    });
    const r = plan(['--plan', dir, ...AS_OF, 'collect', filled]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: 县财政局.xlsx 台账!G7: the evidence "https://a.cn/x、见附件" is kept as one item: not every piece of it is a link or a file name. If it is several, write one a line\n');
    const status = parse(readFileSync(join(dir, 'status/finance.yaml'), 'utf8')) as { tasks: Record<string, { evidence?: string[] }> };
    expect(status.tasks[tasks[0]!]?.evidence).toEqual(['https://www.linkou.gov.cn/sf.html', '收费目录清单.pdf', '会议纪要.docx', '通知.PDF']);
    expect(status.tasks[tasks[1]!]?.evidence).toEqual(['https://a.cn/x、见附件']);
  });

  it('a title with a space is refused at its cell, not cut into two items', async () => {
    const dir = copyPlan();
    const forms = join(dir, '..', 'forms');
    expect(plan(['--plan', dir, ...AS_OF, 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    const filled = join(forms, '..', 'back', '县财政局.xlsx');
    await fillForm(join(forms, '县财政局.xlsx'), filled, (s) => setCells(s, { E7: '推进中', G7: '县政府 常务会议纪要' }));
    const before = statusSnapshot(dir);
    const r = plan(['--plan', dir, ...AS_OF, '--lang', 'zh', 'collect', filled]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('县财政局.xlsx 台账!G7: 佐证材料 “县政府 常务会议纪要” 中有空格');
    expect(statusSnapshot(dir)).toEqual(before);
  });
});

describe('usage errors exit 2 and name what to do', () => {
  it('collect: a path that does not exist, a folder without forms', () => {
    const missing = plan(['collect', '/no/such/folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"/no/such/folder" does not exist');
    const empty = plan(['collect', join(copyPlan(), 'tasks')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no returned form (.xlsx) found');
  });

  it('forms: no --out, a date that is not a checkpoint, no checkpoint ahead', () => {
    expect(plan(['forms']).stderr).toContain('--out <dir>');
    const r = plan(['forms', '--out', '/tmp/unused', '--checkpoint', '2021-10-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2021-10-01 is not a checkpoint of this plan');
    expect(r.stderr).toContain('checkpoints: 2021-09-05, 2021-12-05');
    const late = plan(['--as-of', '2022-01-10', 'forms', '--out', '/tmp/unused']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('there is no checkpoint on or after 2022-01-10');
  });
});
