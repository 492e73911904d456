/**
 * Hostile and broken returned forms: each gets a clear message naming the
 * file (and sheet and cell where there is one), exit 1, and every status file
 * stays byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyPlan, edit, plan } from '../helpers.js';
import { HOSTILE } from './hostile-forms.js';
import { copyPlanWithKey, day, fillForm, setCells, statusSnapshot, unzip, zip } from './helpers.js';

const AS_OF = ['--as-of', '2021-09-02'];
let dir: string;
let form: string;
let out: string;

beforeAll(() => {
  dir = copyPlan();
  out = join(dir, '..', 'returned');
  mkdirSync(out, { recursive: true });
  const r = plan(['--plan', dir, ...AS_OF, 'forms', '--unit', '县财政局', '--out', join(dir, '..', 'forms')]);
  expect(r.code).toBe(0);
  form = join(dir, '..', 'forms', '县财政局.xlsx');
});

/** Collects `file`; asserts exit 1, nothing written, and returns stderr. */
function refused(file: string): string {
  const before = statusSnapshot(dir);
  const r = plan(['--plan', dir, ...AS_OF, 'collect', file]);
  expect(r.code, r.stderr + r.stdout).toBe(1);
  expect(r.stdout).toMatch(/0 applied, 1 refused/);
  expect(statusSnapshot(dir)).toEqual(before);
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  return r.stderr;
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
const WORKBOOK = Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');

describe('files that are not forms, or not safe to open', () => {
  it('not a workbook', () => {
    const f = join(out, '县财政局.xlsx');
    writeFileSync(f, 'unit,task,state\nfinance,3.1,done\n');
    expect(refused(f)).toContain('县财政局.xlsx: not an Excel workbook (.xlsx)');
  });

  it('a file that cannot be read is said in words, never as a system code', () => {
    const folder = join(out, 'loop');
    mkdirSync(folder, { recursive: true });
    symlinkSync('loop.xlsx', join(folder, 'loop.xlsx'));
    const r = plan(['--plan', dir, ...AS_OF, 'collect', folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('loop.xlsx: the file cannot be read: a symlink is in the way\n');
  });

  it('a zip bomb: 200 MB of zeros declared in the central directory is never inflated', () => {
    const f = join(out, 'bomb.xlsx');
    writeFileSync(f, zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: WORKBOOK }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024) }]));
    expect(readFileSync(f).length).toBeLessThan(1024 * 1024);
    expect(refused(f)).toMatch(/bomb\.xlsx: it would unpack to 200 MB \(limit 24 MB.*zip bomb/);
  });

  it('a zip that understates its sizes is caught while inflating, with a bound', () => {
    const f = join(out, 'liar.xlsx');
    writeFileSync(f, zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: WORKBOOK }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024), claimedSize: 1000 }]));
    expect(refused(f)).toMatch(/liar\.xlsx: it would unpack xl\/worksheets\/sheet1\.xml .*misstates its sizes/);
  });

  it('a million rows', () => {
    const f = join(out, 'rows.xlsx');
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    writeFileSync(f, zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: WORKBOOK }, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) }]));
    expect(refused(f)).toContain('rows.xlsx xl/worksheets/sheet1.xml: it has more than 20000 rows; a form has at most 20000');
  });

  it('macro-enabled: an .xlsm name, or a vbaProject.bin inside', () => {
    const bytes = readFileSync(form);
    const xlsm = join(out, '县财政局.xlsm');
    writeFileSync(xlsm, bytes);
    expect(refused(xlsm)).toContain('县财政局.xlsm: it holds macros');
    const inside = join(out, 'vba.xlsx');
    writeFileSync(inside, zip([...unzip(bytes), { name: 'xl/vbaProject.bin', data: Buffer.from('macro') }]));
    expect(refused(inside)).toContain('vba.xlsx: it holds macros (xl/vbaProject.bin)');
  });

  it('external links', () => {
    const f = join(out, 'links.xlsx');
    writeFileSync(f, zip([...unzip(readFileSync(form)), { name: 'xl/externalLinks/externalLink1.xml', data: Buffer.from('<externalLink/>') }]));
    expect(refused(f)).toContain('links.xlsx: it links to other workbooks (xl/externalLinks/externalLink1.xml)');
  });

  it('a workbook that is not a form of plan-ledger', async () => {
    const f = join(out, 'plain.xlsx');
    await fillForm(form, f, (_s, book) => book.removeWorksheet(book.getWorksheet('plan-ledger')!.id));
    expect(refused(f)).toContain('plain.xlsx: not a form made by plan forms');
  });

  it('a form of another plan (signed with the same key)', () => {
    const other = copyPlanWithKey(dir);
    edit(join(other, 'plan.yaml'), /^id: .*$/m, 'id: another-plan');
    const r = plan(['--plan', other, ...AS_OF, 'collect', form]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/县财政局\.xlsx plan-ledger!B3: this is a form of plan "[^"]+", not of this plan \(another-plan\)/);
  });
});

/** Collects `file` under /usr/bin/time: exit code, stderr, CPU seconds and peak RSS (where time is installed). */
function timed(file: string): { code: number | null; stderr: string; cpu?: number; rssMb?: number } {
  const args = [BIN, '--plan', dir, ...AS_OF, 'collect', file];
  const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', LANG: 'en_US.UTF-8' };
  if (!existsSync('/usr/bin/time')) {
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 30_000 });
    return { code: r.status, stderr: r.stderr };
  }
  const r = spawnSync('/usr/bin/time', ['-f', 'plan-ledger-time %U %S %M', process.execPath, ...args], { env, encoding: 'utf8', timeout: 30_000 });
  const m = /plan-ledger-time (\S+) (\S+) (\d+)\s*$/.exec(r.stderr);
  const stderr = r.stderr.replace(/(Command exited with non-zero status \d+\n)?plan-ledger-time .*\s*$/, '');
  return m ? { code: r.status, stderr, cpu: Number(m[1]) + Number(m[2]), rssMb: Number(m[3]) / 1024 } : { code: r.status, stderr };
}

describe('hostile forms end in 2 s of CPU and 300 MB, exit 1, naming the part or cell', () => {
  for (const [name, h] of Object.entries(HOSTILE)) {
    it(`${name}: ${h.what}`, () => {
      const f = join(out, `${name}.xlsx`);
      writeFileSync(f, h.build(readFileSync(form)));
      const before = statusSnapshot(dir);
      const r = timed(f);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^${name}\\.xlsx`));
      expect(r.stderr).toMatch(h.says);
      expect(statusSnapshot(dir)).toEqual(before);
      if (r.cpu !== undefined) expect(r.cpu, `${r.cpu} s of CPU`).toBeLessThanOrEqual(2);
      if (r.rssMb !== undefined) expect(r.rssMb, `${r.rssMb} MB`).toBeLessThanOrEqual(300);
    }, 60_000);
  }

  it('a form LibreOffice, Excel or exceljs wrote passes the layout checks: the real form is collected', () => {
    // The same guard that refuses the layouts above accepts the form as plan forms made it (untouched: not a return, but read).
    const r = plan(['--plan', dir, ...AS_OF, 'collect', form]);
    expect(r.stderr).toContain('nothing on the form differs from what plan forms wrote');
  });
});

describe('cells a unit must not return', () => {
  const cases: [string, (s: import('exceljs').Worksheet, b: import('exceljs').Workbook) => void, string][] = [
    ['a state that is not one', (s) => setCells(s, { E7: '完成了' }), 'bad.xlsx 台账!E7: "完成了" is not a state; choose 未启动/推进中/已完成/受阻/不适用'],
    ['an empty state', (s) => setCells(s, { E6: null }), 'bad.xlsx 台账!E6: the state is empty'],
    ['a formula in an editable cell', (s) => setCells(s, { E6: { formula: 'IF(1,"已完成")', result: '已完成' } }), 'bad.xlsx 台账!E6: holds a formula (=IF(1,"已完成")); type the value itself'],
    ['a formula in a task cell', (s) => setCells(s, { B8: { formula: 'A1', result: 'x' } }), 'bad.xlsx 台账!B8: holds a formula (=A1)'],
    ['a date that is no date', (s) => setCells(s, { E6: '已完成', H6: '9月3日' }), 'bad.xlsx 台账!H6: "9月3日" is not a date; write it YYYY-MM-DD'],
    ['February 30th typed as text', (s) => setCells(s, { E6: '已完成', H6: '2021-02-30' }), 'bad.xlsx 台账!H6: "2021-02-30" is not a date'],
    ['a completion date after the as-of date', (s) => setCells(s, { E6: '已完成', H6: day('2021-09-20') }), 'bad.xlsx 台账!H6: completion date 2021-09-20 is after the as-of date 2021-09-02'],
    ['merged cells', (s) => s.mergeCells('F6:F7'), 'bad.xlsx 台账!F6:F7: cells are merged'],
    ['a hidden row', (s) => (s.getRow(7).hidden = true), 'bad.xlsx 台账!A7: row 7 is hidden'],
    ['an extra sheet', (_s, b) => b.addWorksheet('我的备注').getCell('A1').value = 'x', 'bad.xlsx 我的备注: sheet "我的备注" is not part of the form'],
    ['a bidirectional override', (s) => setCells(s, { F6: 'abc\u202edef' }), 'bad.xlsx 台账!F6: holds a control character (\\u202e)'],
    ['a formula prefix in text', (s) => setCells(s, { F6: '=HYPERLINK("http://evil.example","点击")' }), 'bad.xlsx 台账!F6: begins with "="'],
    ['a formula prefix in evidence', (s) => setCells(s, { G6: '@SUM(1)' }), 'bad.xlsx 台账!G6: begins with "@"'],
    ['a task of another unit', (s) => setCells(s, { A30: '9.9', E30: '已完成' }), 'bad.xlsx 台账!A30: "9.9" is not one of 县财政局\'s tasks'],
    ['a row without a task id', (s) => setCells(s, { F40: '多写了一行' }), 'bad.xlsx 台账!A40: this row has content but no task id'],
    ['a cell outside the table', (s) => setCells(s, { M6: 'x' }), 'bad.xlsx 台账!M6: a cell outside the table has content'],
    ['not applicable without a reason', (s) => setCells(s, { E6: '不适用' }), 'bad.xlsx 台账!I6: not applicable needs a reason'],
    ['a cell with an error value', (s) => setCells(s, { F6: { error: '#N/A' } }), 'bad.xlsx 台账!F6: the cell holds the error #N/A'],
  ];
  for (const [what, change, message] of cases) {
    it(what, async () => {
      const f = join(out, 'bad.xlsx');
      await fillForm(form, f, change);
      expect(refused(f)).toContain(message);
    });
  }

  it('a control character (exceljs drops them on writing; the file says _x001B_, as Excel writes it)', async () => {
    const f = join(out, 'bad.xlsx');
    await fillForm(form, f, (s) => setCells(s, { F6: 'CTRLMARK red' }));
    const parts = unzip(readFileSync(f)).map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: Buffer.from(p.data.toString('utf8').replace('CTRLMARK', 'ok_x001B_[31m')) } : p));
    writeFileSync(f, zip(parts));
    expect(refused(f)).toContain('bad.xlsx 台账!F6: holds a control character (\\x1b)');
  });

  it('every problem of a row: a bad state does not hide a bad date, and a bad date is not also "no date"', async () => {
    const f = join(out, 'bad.xlsx');
    await fillForm(form, f, (s) => setCells(s, { E6: '完成了', H6: 'soon', F6: '=1', E7: '已完成', H7: '9月3日' }));
    const err = refused(f);
    expect(err).toContain('bad.xlsx 台账!E6: "完成了" is not a state');
    expect(err).toContain('bad.xlsx 台账!H6: "soon" is not a date');
    expect(err).toContain('bad.xlsx 台账!F6: begins with "="');
    expect(err).toContain('bad.xlsx 台账!H7: "9月3日" is not a date');
    expect(err).not.toContain('台账!H7: done needs its completion date');
  });

  it('every problem of a file is listed, not just the first', async () => {
    const f = join(out, 'bad.xlsx');
    await fillForm(form, f, (s) => setCells(s, { E6: '完成了', H7: 'soon', F8: '+1' }));
    const err = refused(f);
    expect(err).toContain('台账!E6');
    expect(err).toContain('台账!H7');
    expect(err).toContain('台账!F8');
  });
});

describe('dates as units type them', () => {
  const cases: [string, (s: import('exceljs').Worksheet, b: import('exceljs').Workbook) => void][] = [
    ['text with slashes', (s) => setCells(s, { H6: '2021/8/30' })],
    ['text in Chinese', (s) => setCells(s, { H6: '2021年8月30日' })],
    ['a 1900-calendar serial number', (s) => setCells(s, { H6: 44438 })],
    [
      'a 1904-calendar serial number',
      (s, b) => {
        (b.properties as { date1904?: boolean }).date1904 = true;
        setCells(s, { H6: 42976 });
      },
    ],
    ['a date cell', (s) => setCells(s, { H6: day('2021-08-30') })],
  ];
  for (const [what, change] of cases) {
    it(what, async () => {
      const copy = copyPlanWithKey(dir);
      const f = join(out, 'dates.xlsx');
      await fillForm(form, f, (s, b) => {
        setCells(s, { E6: '已完成' });
        change(s, b);
      });
      const r = plan(['--plan', copy, ...AS_OF, 'collect', f]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(join(copy, 'status/finance.yaml'), 'utf8')).toMatch(/"3\.1":\n\s+state: done[\s\S]*?completed: 2021-08-30/);
    });
  }
});

describe('a form made before the plan changed', () => {
  it('is refused, naming the changed task, when one of the unit’s tasks changed', () => {
    const copy = copyPlanWithKey(dir);
    edit(join(copy, 'tasks/3.yaml'), 'title: "明确领导责任"', 'title: "明确领导责任（修订）"');
    const before = statusSnapshot(copy);
    const r = plan(['--plan', copy, ...AS_OF, 'collect', form]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('these tasks have changed since: 3.1; make a new form with plan forms');
    const zh = plan(['--plan', copy, ...AS_OF, '--lang', 'zh', 'collect', form]);
    expect(zh.stderr).toContain('此后本单位的任务已变更（修改：3.1）；请用 plan forms 重新生成并填写');
    expect(statusSnapshot(copy)).toEqual(before);
  });

  it('is applied by task id, with a warning, when only other units’ tasks changed', async () => {
    const copy = copyPlanWithKey(dir);
    // 2.1.2 names neither 县财政局 nor a group it belongs to.
    const r0 = plan(['--plan', copy, ...AS_OF, 'checklist', '县财政局', '--format', 'json']);
    const own = new Set((JSON.parse(r0.stdout) as { tasks: { id: string }[] }).tasks.map((t) => t.id));
    expect(own.has('2.1.2')).toBe(false);
    edit(join(copy, 'tasks/2-1.yaml'), 'title: "做好市场规则标准和监管执法信息公开"', 'title: "做好市场规则标准和监管执法信息公开（修订）"');
    const f = join(out, 'stale.xlsx');
    await fillForm(form, f, (s) => setCells(s, { E6: '推进中' }));
    const r = plan(['--plan', copy, ...AS_OF, 'collect', f]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: stale.xlsx plan-ledger!B6: the form was made on 2021-09-02; the plan changed since, but none of this unit's tasks did: applied by task id");
    expect(readFileSync(join(copy, 'status/finance.yaml'), 'utf8')).toMatch(/"3\.1":\n\s+state: in_progress/);
  });
});
