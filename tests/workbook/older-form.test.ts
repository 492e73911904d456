/** A returned form never undoes what the ledger learned after the form was made; done needs its date. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, plan } from '../helpers.js';
import { day, fillForm, setCells, statusSnapshot } from './helpers.js';

describe('forms older than the ledger entry', () => {
  let dir: string;
  let forms: string;
  let filled: string;
  beforeAll(async () => {
    dir = copyPlan();
    forms = join(dir, '..', 'forms');
    // Made on 2021-09-02: every row pre-filled as not started.
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    filled = join(dir, '..', 'back', '县财政局.xlsx');
    await fillForm(join(forms, '县财政局.xlsx'), filled, (s) => setCells(s, { E6: '已完成', H6: day('2021-09-01') }));
    expect(plan(['--plan', dir, '--as-of', '2021-09-03', 'collect', filled]).code).toBe(0);
  });

  it('the blank form collected after the unit returned its filled one is refused at the changed row', () => {
    const before = statusSnapshot(dir);
    const r = plan(['--plan', dir, '--as-of', '2021-09-04', 'collect', join(forms, '县财政局.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/台账!E6: task 3\.1 changed in the ledger after this form was made on 2021-09-02 \(last on 2021-09-03\)/);
    expect(statusSnapshot(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'status/finance.yaml'), 'utf8')).toContain('completed: 2021-09-01');
  });

  it('a back-dated form shows each row as it stood on its date: no completion recorded later', async () => {
    const old = join(dir, '..', 'forms-old');
    expect(plan(['--plan', dir, '--as-of', '2021-08-31', 'forms', '--out', old, '--unit', '县财政局']).code).toBe(0);
    let row: unknown[] = [];
    await fillForm(join(old, '县财政局.xlsx'), join(dir, '..', 'unused.xlsx'), (s) => {
      row = ['A6', 'E6', 'H6'].map((c) => s.getCell(c).value);
    });
    expect(row).toEqual(['3.1', 'not started', null]);
    // Returned as it is, it would undo the completion recorded since: refused for that reason, not for a date.
    const r = plan(['--plan', dir, '--as-of', '2021-09-04', 'collect', join(old, '县财政局.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('台账!E6: task 3.1 changed in the ledger after this form was made on 2021-08-31 (last on 2021-09-03)');
    expect(r.stdout + r.stderr).not.toContain('is after the as-of date');
  });

  it('an old copy sent back after a later update is refused; the same form again, with nothing newer, is not', () => {
    expect(plan(['--plan', dir, '--as-of', '2021-09-05', 'collect', filled]).code).toBe(0);
    expect(plan(['--plan', dir, '--as-of', '2021-09-10', 'update', 'finance', '3.1', '--state', 'in_progress', '--progress', '发现遗漏，重新整改']).code).toBe(0);
    const before = statusSnapshot(dir);
    const r = plan(['--plan', dir, '--as-of', '2021-09-11', 'collect', filled]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('(last on 2021-09-10)');
    expect(statusSnapshot(dir)).toEqual(before);
  });
});

describe('the same day: what a form was made from, not dates', () => {
  it('the office’s blank copy, then an old copy, collected right after the unit’s filled form change nothing and name the stale rows', async () => {
    const dir = copyPlan();
    const forms = join(dir, '..', 'forms');
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    const blank = join(forms, '县财政局.xlsx');
    const filled = join(dir, '..', 'back', 'filled.xlsx');
    const old = join(dir, '..', 'back', 'old.xlsx');
    await fillForm(blank, filled, (s) => setCells(s, { E6: '已完成', H6: day('2021-09-01'), E7: '推进中', F7: '已起草' }));
    // Another copy of the same blank form, filled otherwise (a second clerk, an earlier draft).
    await fillForm(blank, old, (s) => setCells(s, { E7: '受阻', I7: '等待批复', E8: '推进中' }));
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'collect', filled]).code).toBe(0);
    const after = statusSnapshot(dir);
    for (const file of [blank, old]) {
      const r = plan(['--plan', dir, '--as-of', '2021-09-02', 'collect', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('台账!E7: task 3.3 changed in the ledger after this form was made on 2021-09-02');
      expect(statusSnapshot(dir)).toEqual(after);
    }
    const r = plan(['--plan', dir, '--as-of', '2021-09-02', 'collect', blank]);
    expect(r.stderr).toContain('台账!E6: task 3.1 changed in the ledger after this form was made on 2021-09-02');
    // Row 8 was not touched by the filled form: the old copy's change to it is not what is refused.
    const o = plan(['--plan', dir, '--as-of', '2021-09-02', 'collect', old]);
    expect(o.stderr).not.toContain('台账!E8');
  });

  it('a form as plan forms made it is not a return: nothing is recorded, not even the return', () => {
    const dir = copyPlan();
    const forms = join(dir, '..', 'forms');
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    const before = statusSnapshot(dir);
    const r = plan(['--plan', dir, '--as-of', '2021-09-03', 'collect', join(forms, '县财政局.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('县财政局.xlsx: nothing on the form differs from what plan forms wrote on 2021-09-02: it is not recorded as a return\n');
    expect(statusSnapshot(dir)).toEqual(before);
  });
});

describe('a unit renamed after its form was sent', () => {
  it('the form still collects, into the unit under its new id', async () => {
    const dir = copyPlan();
    const forms = join(dir, '..', 'forms');
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'unit', 'rename', '县财政局', 'fgj']).code).toBe(0);
    const filled = join(dir, '..', 'back', '县财政局.xlsx');
    await fillForm(join(forms, '县财政局.xlsx'), filled, (s) => setCells(s, { E6: '推进中', F6: '已部署' }));
    const r = plan(['--plan', dir, '--as-of', '2021-09-03', 'collect', filled]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: 县财政局.xlsx plan-ledger!B4: the form\'s unit "finance" has been renamed fgj: recorded for fgj');
    expect(readFileSync(join(dir, 'status/fgj.yaml'), 'utf8')).toMatch(/"3\.1":\n\s+state: in_progress\n\s+progress: 已部署/);
  });
});

describe('done on a form', () => {
  it('needs its completion date: the collection date is not taken for it', async () => {
    const dir = copyPlan();
    const forms = join(dir, '..', 'forms');
    expect(plan(['--plan', dir, '--as-of', '2021-09-02', 'forms', '--out', forms, '--unit', '县财政局']).code).toBe(0);
    const filled = join(dir, '..', 'back', '县财政局.xlsx');
    await fillForm(join(forms, '县财政局.xlsx'), filled, (s) => setCells(s, { E7: '已完成' }));
    const before = statusSnapshot(dir);
    const r = plan(['--plan', dir, '--as-of', '2021-09-03', 'collect', filled]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('台账!H7: done needs its completion date');
    expect(statusSnapshot(dir)).toEqual(before);
  });
});
