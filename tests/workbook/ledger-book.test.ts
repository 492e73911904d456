/** `plan export --format xlsx`: the ledger workbook read back cell by cell. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, edit, plan } from '../helpers.js';
import { hasSoffice } from './helpers.js';

const AS_OF = ['--as-of', '2021-09-06'];

async function open(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('the ledger workbook', () => {
  let dir: string;
  let file: string;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    dir = copyPlan({ progress: true });
    // Data that would act in a spreadsheet must stay text.
    edit(join(dir, 'status/finance.yaml'), 'progress: 预决算公开范围已扩大到部门所属单位', 'progress: "=HYPERLINK(\\"http://evil.example\\",\\"点击\\")"');
    file = join(dir, '..', '台账.xlsx');
    const r = plan(['--plan', dir, ...AS_OF, '--lang', 'zh', 'export', '--format', 'xlsx', '--out', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已写入');
    book = await open(file);
  });

  it('has the four sheets with frozen headers, autofilters and A4 landscape print set-up', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['任务总表', '单位台账', '逾期清单', '报送情况']);
    for (const s of book.worksheets) {
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(s.autoFilter).toBeTruthy();
      expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(s.headerFooter.oddHeader).toContain('林口县2021年政务公开工作实施方案');
      expect(s.headerFooter.oddHeader).toContain('统计日期：2021-09-06');
    }
  });

  it('任务总表: one row per task; dates are dates, counts are numbers, the light a word with a fill', () => {
    const s = book.getWorksheet('任务总表')!;
    expect(s.getRow(1).values).toEqual([undefined, '编号', '任务', '牵头单位', '责任单位', '完成时限', '剩余', '已完成', '单位数', '完成率', '状态灯']);
    expect(s.rowCount).toBe(23);
    const first = s.getRow(2);
    expect(first.getCell(1).value).toBe('3.1');
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2021, 8, 5)));
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd');
    // Days in the terminal's words: a bare −1 under 剩余天数 would read as days left.
    expect(first.getCell(6).value).toBe('逾1天');
    expect(typeof first.getCell(7).value).toBe('number');
    expect(first.getCell(8).value).toBe(24);
    expect(first.getCell(10).value).toBe('逾期');
    expect((first.getCell(10).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF4C7C3');
    // The ongoing task has no deadline: the words say so.
    const last = s.getRow(23);
    expect(last.getCell(1).value).toBe('3.2');
    expect(last.getCell(5).value).toBe('无时限');
    expect(last.getCell(10).value).toBe('持续推进');
  });

  it('单位台账: one row per task × unit with the progress text; formula-like text stays text', () => {
    const s = book.getWorksheet('单位台账')!;
    const status = JSON.parse(plan(['--plan', dir, ...AS_OF, 'status', '--format', 'json']).stdout) as { tasks: { total: number }[] };
    expect(s.rowCount - 1).toBe(status.tasks.reduce((n, t) => n + t.total, 0));
    let found = false;
    s.eachRow((row) => {
      if (row.getCell(1).value === '县财政局' && row.getCell(2).value === '2.1.3') {
        found = true;
        expect(row.getCell(6).value).toBe('推进中');
        expect(row.getCell(8).value).toBe('=HYPERLINK("http://evil.example","点击")');
        expect(row.getCell(8).type).toBe(ExcelJS.ValueType.String);
      }
      if (row.getCell(1).value === '县财政局' && row.getCell(2).value === '3.1') {
        expect(row.getCell(10).value).toEqual(new Date(Date.UTC(2021, 8, 3)));
      }
    });
    expect(found).toBe(true);
    // No cell of the workbook is a formula.
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(readFileSync(file).includes(Buffer.from('<f>'))).toBe(false);
  });

  it('逾期清单 holds every overdue assignment with its days as a number', () => {
    const s = book.getWorksheet('逾期清单')!;
    const overdue = JSON.parse(plan(['--plan', dir, ...AS_OF, 'overdue', '--format', 'json']).stdout) as { count: number };
    expect(overdue.count).toBeGreaterThan(0);
    expect(s.rowCount - 1).toBe(overdue.count);
    expect(s.getRow(2).getCell(6).value).toBe(1);
    expect(s.getRow(2).getCell(5).value).toEqual(new Date(Date.UTC(2021, 8, 5)));
  });

  it('报送情况 lists every reporter of every checkpoint: returned or not', () => {
    const s = book.getWorksheet('报送情况')!;
    expect(s.getRow(2).getCell(1).value).toEqual(new Date(Date.UTC(2021, 8, 5)));
    // As of 2021-09-06 the 9/5 checkpoint has passed with no form returned.
    expect(s.getRow(2).getCell(4).value).toBe('逾期未报送');
    // 22 reporters a checkpoint: the 11 towns and the 11 县直 units that lead a task (the recipient is not its own reporter).
    expect(s.rowCount).toBe(1 + 22 + 22);
  });

  it('--unit narrows every sheet to one unit; English labels with --lang en', async () => {
    const one = join(dir, '..', 'finance.xlsx');
    const r = plan(['--plan', dir, ...AS_OF, '--lang', 'en', 'export', '--format', 'xlsx', '--unit', '县财政局', '--out', one]);
    expect(r.code).toBe(0);
    const b = await open(one);
    expect(b.worksheets.map((s) => s.name)).toEqual(['Tasks', 'Unit ledger', 'Overdue', 'Form returns']);
    const units = new Set<unknown>();
    b.getWorksheet('Unit ledger')!.eachRow((row, i) => i > 1 && units.add(row.getCell(1).value));
    expect([...units]).toEqual(['县财政局']);
    expect(b.getWorksheet('Tasks')!.rowCount).toBe(17);
  });

  it('without --out it is a usage error (a workbook never goes to the terminal)', () => {
    const r = plan(['--plan', dir, 'export', '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });

  it.skipIf(!hasSoffice)('opens in LibreOffice Calc without repair: converting it to PDF succeeds (skipped without soffice)', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'plan-ledger-pdf-'));
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${outDir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(outDir, '台账.pdf'))).toBe(true);
    expect(readFileSync(join(outDir, '台账.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 150_000);
});
