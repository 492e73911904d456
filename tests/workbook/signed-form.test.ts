/**
 * A form speaks only for the unit, plan and checkpoint it was made for: the
 * hidden sheet is signed with the office's key, and every value on it is
 * checked for type, range and consistency before it is used.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyPlan, plan } from '../helpers.js';
import { copyPlanWithKey, day, fillForm, setCells, statusSnapshot } from './helpers.js';

const AS_OF = ['--as-of', '2021-09-02'];
let dir: string;
let form: string;
let back: string;

beforeAll(() => {
  dir = copyPlan();
  back = join(dir, '..', 'back');
  mkdirSync(back, { recursive: true });
  expect(plan(['--plan', dir, ...AS_OF, 'forms', '--unit', '县财政局', '--out', join(dir, '..', 'forms')]).code).toBe(0);
  form = join(dir, '..', 'forms', '县财政局.xlsx');
});

const meta = (book: ExcelJS.Workbook): ExcelJS.Worksheet => book.getWorksheet('plan-ledger')!;
/** The hidden sheet's row holding `key` in column A. */
function metaRow(book: ExcelJS.Workbook, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  meta(book).eachRow((row) => {
    if (row.getCell(1).value === key) found = row;
  });
  if (!found) throw new Error(`no ${key} row`);
  return found;
}
/** A form whose signature row is gone: unsigned, as a form made before forms were signed. */
function unsign(book: ExcelJS.Workbook): void {
  const row = metaRow(book, 'signature');
  row.getCell(1).value = null;
  row.getCell(2).value = null;
}

function collect(file: string, extra: string[] = [], planDir = dir) {
  const before = statusSnapshot(planDir);
  const r = plan(['--plan', planDir, ...AS_OF, 'collect', ...extra, file]);
  return { ...r, unchanged: JSON.stringify(statusSnapshot(planDir)) === JSON.stringify(before) };
}

describe('the office key', () => {
  it('is made by plan forms beside the plan folder: 64 hex digits, mode 0600, ignored by git, never overwritten', () => {
    const file = join(dirname(dir), '.plan-ledger', 'secret');
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dirname(dir), '.plan-ledger', '.gitignore'), 'utf8')).toBe('*\n');
    const key = readFileSync(file, 'utf8');
    const again = plan(['--plan', dir, ...AS_OF, 'forms', '--unit', '县财政局', '--out', join(dir, '..', 'forms-again')]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('form key');
    expect(readFileSync(file, 'utf8')).toBe(key);
  });

  it('two plan forms at once on a new plan end with one key that verifies both runs’ forms', async () => {
    const fresh = copyPlan();
    const run = (out: string): Promise<number | null> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, '--plan', fresh, ...AS_OF, 'forms', '--unit', '县财政局', '--out', out], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' }, stdio: 'ignore' });
        child.on('close', resolve);
      });
    const outs = [join(fresh, '..', 'a'), join(fresh, '..', 'b')];
    expect(await Promise.all(outs.map(run))).toEqual([0, 0]);
    for (const out of outs) {
      const filled = join(out, 'filled.xlsx');
      await fillForm(join(out, '县财政局.xlsx'), filled, (s) => setCells(s, { E6: '推进中' }));
      expect(plan(['--plan', fresh, ...AS_OF, 'collect', filled]).stderr).toBe('');
    }
  });
});

describe('a signed form', () => {
  const edits: [string, (book: ExcelJS.Workbook) => void][] = [
    ['its unit changed to another unit', (b) => (metaRow(b, 'unit').getCell(2).value = 'town-gucheng')],
    ['its checkpoint changed', (b) => (metaRow(b, 'checkpoint').getCell(2).value = '2021-12-05')],
    ['its date changed', (b) => (metaRow(b, 'made').getCell(2).value = '2021-09-01')],
    ['a task row’s digest changed', (b) => (metaRow(b, 'task').getCell(4).value = '0'.repeat(64))],
    ['its signature changed', (b) => (metaRow(b, 'signature').getCell(2).value = 'f'.repeat(64))],
  ];
  for (const [what, change] of edits) {
    it(`is refused at the signature’s cell when ${what}`, async () => {
      const f = join(back, 'edited.xlsx');
      await fillForm(form, f, (s, b) => {
        setCells(s, { E6: '已完成', H6: day('2021-09-01') });
        change(b);
      });
      const r = collect(f);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^edited\.xlsx plan-ledger!B\d+: the signature does not match/);
      expect(r.unchanged).toBe(true);
    });
  }

  it('made with another office’s key is refused', async () => {
    const other = copyPlan();
    expect(plan(['--plan', other, ...AS_OF, 'forms', '--unit', '县财政局', '--out', join(other, '..', 'forms')]).code).toBe(0);
    const f = join(back, 'foreign.xlsx');
    await fillForm(join(other, '..', 'forms', '县财政局.xlsx'), f, (s) => setCells(s, { E6: '推进中' }));
    const r = collect(f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the signature does not match');
  });

  it('on a machine without the key: collect says so and refuses (exit 2) unless --trust-unsigned', async () => {
    const elsewhere = copyPlan();
    const f = join(back, 'elsewhere.xlsx');
    await fillForm(form, f, (s) => setCells(s, { E6: '推进中' }));
    const r = collect(f, [], elsewhere);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the office's form key ${join(dirname(elsewhere), '.plan-ledger', 'secret')} is not here`);
    expect(r.unchanged).toBe(true);
    const trusted = collect(f, ['--trust-unsigned'], elsewhere);
    expect(trusted.code).toBe(0);
    expect(trusted.stderr).toContain("warning: elsewhere.xlsx plan-ledger: the office's key is not here: the form's signature was not checked");
    expect(existsSync(join(dirname(elsewhere), '.plan-ledger'))).toBe(false);
  });
});

describe('an unsigned form (made before forms were signed)', () => {
  it('is refused where the key is, unless --trust-unsigned', async () => {
    const copy = copyPlanWithKey(dir);
    const f = join(back, 'unsigned.xlsx');
    await fillForm(form, f, (s, b) => {
      setCells(s, { E6: '推进中' });
      unsign(b);
    });
    const r = collect(f, [], copy);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^unsigned\.xlsx plan-ledger!B1: the form is not signed/);
    const trusted = collect(f, ['--trust-unsigned'], copy);
    expect(trusted.code).toBe(0);
    expect(trusted.stderr).toContain('warning: unsigned.xlsx plan-ledger: the form is not signed; collected unverified (--trust-unsigned)');
  });

  it('of version 1 (no row digests) is read by dates, as before', async () => {
    const copy = copyPlanWithKey(dir);
    const f = join(back, 'v1.xlsx');
    await fillForm(form, f, (s, b) => {
      setCells(s, { E6: '推进中' });
      unsign(b);
      metaRow(b, 'version').getCell(2).value = 1;
      meta(b).eachRow((row) => {
        if (row.getCell(1).value === 'task') row.getCell(4).value = null;
      });
    });
    const r = collect(f, ['--trust-unsigned'], copy);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(copy, 'status/finance.yaml'), 'utf8')).toMatch(/"3\.1":\n\s+state: in_progress/);
  });
});

describe('every value on the hidden sheet is checked (unsigned, collected with --trust-unsigned)', () => {
  const cases: [string, string, ExcelJS.CellValue, RegExp][] = [
    ['a blank date', 'made', null, /plan-ledger!B9: the hidden sheet's made "" is not valid/],
    ['a date that is no date', 'made', '2021-02-30', /plan-ledger!B9: the hidden sheet's made "2021-02-30" is not valid/],
    ['a date as text', 'made', '九月', /plan-ledger!B9: the hidden sheet's made "九月" is not valid/],
    ['a date in the future', 'made', '2030-01-01', /plan-ledger!B9: the form says it was made on 2030-01-01, after the as-of date 2021-09-02/],
    ['a negative header row', 'headerRow', -1, /plan-ledger!B8: the hidden sheet's headerRow "-1" is not valid/],
    ['a header row of 0', 'headerRow', 0, /plan-ledger!B8: the hidden sheet's headerRow "0" is not valid/],
    ['a huge header row', 'headerRow', 999999, /plan-ledger!B8: the hidden sheet's headerRow "999999" is not valid/],
    ['a header row as words', 'headerRow', 'five', /plan-ledger!B8: the hidden sheet's headerRow "five" is not valid/],
    ['a header row that is not the header', 'headerRow', 3, /台账!A3: row 3 should be the table's header \(编号 \/ ID\)/],
    ['a header row below the header', 'headerRow', 6, /台账!A6: row 6 should be the table's header/],
    ['a version from the future', 'version', 9, /plan-ledger!B2: (form version 9 is not known|the hidden sheet's version "9" is not valid)/],
    ['a sheet that is the hidden one', 'sheet', 'plan-ledger', /plan-ledger!B7: sheet "plan-ledger" is missing/],
    ['a checkpoint that is no date', 'checkpoint', 'soon', /plan-ledger!B5: the hidden sheet's checkpoint "soon" is not valid/],
  ];
  for (const [what, key, value, says] of cases) {
    it(what, async () => {
      const copy = copyPlanWithKey(dir);
      const f = join(back, 'meta.xlsx');
      await fillForm(form, f, (s, b) => {
        setCells(s, { E6: '推进中' });
        unsign(b);
        metaRow(b, key).getCell(2).value = value;
      });
      const r = collect(f, ['--trust-unsigned'], copy);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(says);
      expect(r.unchanged).toBe(true);
    });
  }

  it('a value given twice, or a row it should not have', async () => {
    const copy = copyPlanWithKey(dir);
    const f = join(back, 'meta.xlsx');
    await fillForm(form, f, (s, b) => {
      setCells(s, { E6: '推进中' });
      unsign(b);
      meta(b).addRow(['unit', 'town-gucheng']);
      meta(b).addRow(['owner', 'me']);
    });
    const r = collect(f, ['--trust-unsigned'], copy);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan-ledger!B\d+: the hidden sheet gives unit "town-gucheng" twice/);
    expect(r.stderr).toMatch(/plan-ledger!A\d+: the hidden sheet has a row it should not: "owner"/);
  });
});

// Kept last: it removes the key.
describe('a key that is not one', () => {
  it('is refused with what to do', () => {
    const copy = copyPlanWithKey(dir);
    const file = join(dirname(copy), '.plan-ledger', 'secret');
    rmSync(file);
    mkdirSync(file);
    const r = plan(['--plan', copy, ...AS_OF, 'collect', form]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the form key ${file} cannot be used (it is not a regular file)`);
  });
});
