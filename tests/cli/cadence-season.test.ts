/**
 * A plan that reports every month (每月5日前报送) run through a season: the
 * recurring checkpoint is expanded once, and forms, returns, remind and the
 * summary at three months all see its dates as ordinary checkpoints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, edit, plan } from '../helpers.js';
import { day, fillForm, setCells } from '../workbook/helpers.js';

let dir = '';
const at = (asOf: string, ...args: string[]): ReturnType<typeof plan> => plan(['--plan', dir, '--as-of', asOf, ...args]);

beforeAll(() => {
  dir = copyPlan();
  edit(join(dir, 'plan.yaml'), 'warnDays: 14\n', 'warnDays: 14\ncalendar: cn\n');
  // The plan's two dates become one monthly cadence: 9/5, 10/5, 11/5, 12/5 within the span (2021-08-30 to 12-31).
  edit(
    join(dir, 'plan.yaml'),
    /checkpoints:\n[\s\S]*$/,
    'checkpoints:\n  - every: month\n    day: 5\n    reporters: [towns, "leads:departments"]\n    recipient: gov-office\n    source: 各镇人民政府及县直各牵头单位每月5日前将任务推进落实情况报县政府办公室。\n',
  );
});

describe('a monthly cadence through a season', () => {
  it('is a clean plan whose checkpoints are the fifth of each month', () => {
    const r = at('2021-09-01', 'check');
    expect(r.stdout).toContain('plan is clean');
    const next = (asOf: string): string => /Next checkpoint: (\S+)/.exec(at(asOf, 'status').stdout)![1]!;
    expect([next('2021-09-01'), next('2021-09-06'), next('2021-10-05'), next('2021-11-20'), next('2021-12-06')]).toEqual(['2021-09-05', '2021-10-05', '2021-10-05', '2021-12-05', 'no']);
  });

  it('forms for the October checkpoint, one returned and collected', async () => {
    const forms = join(dir, '..', 'forms-oct');
    const r = at('2021-10-01', 'forms', '--out', forms);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('checkpoint 2021-10-05');
    expect(r.stdout).toContain('wrote 22 forms');
    const back = join(dir, '..', 'back', '县财政局.xlsx');
    await fillForm(join(forms, '县财政局.xlsx'), back, (s) => {
      expect(s.getCell('A6').value).toBe('3.1');
      setCells(s, { E6: '已完成', F6: '已明确分管负责同志', G6: 'https://example.org/finance/3.1', H6: day('2021-09-20') });
    });
    const collected = at('2021-10-04', 'collect', back);
    expect(collected.stderr).toBe('');
    expect(collected.code).toBe(0);
    expect(readFileSync(join(dir, 'status/finance.yaml'), 'utf8')).toMatch(/returns:\n {2}- checkpoint: 2021-10-05\n {4}received: 2021-10-04/);
    expect(at('2021-10-04', 'status').stdout.replace(/\n(?!\n)/g, ' ')).toMatch(/have not returned their forms for 2021-10-05 \(21 of 22\)/);
  });

  it('remind at three months: who is late, and the next monthly checkpoint in each notice', () => {
    const r = at('2021-11-29', 'remind', '--unit', 'town-linkou', '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('请于2021年12月5日前将任务推进落实情况报林口县人民政府办公室。');
    // The notice's table (the documents' layout): the id with the title, the deadline with how late it is.
    expect(r.stdout).toMatch(/\| 3\.1 明确领导责任 \| 责任 \| 2021-09-05（逾85天） \| 未启动 \|/);
    const all = at('2021-11-29', 'remind', '--dry-run');
    // Finance closed 3.1 through its form and owes 3.3 alone; the towns owe both.
    expect(all.stdout).toMatch(/县财政局\s+1\s+1\s+3\.3, 2\.3\.1/);
    expect(all.stdout).toMatch(/林口镇\s+2\s+1\s/);
  });

  it('summary at three months: the November checkpoint just passed, December next, returns per checkpoint', () => {
    const md = at('2021-11-30', 'summary', '--lang', 'zh').stdout;
    expect(md).toContain('2021年11月5日报送节点应报送22个单位，已报送0个。');
    expect(md).toContain('下一报送节点为2021年12月5日');
    const oct = at('2021-11-30', 'summary', '--checkpoint', '2021-10-05', '--lang', 'zh').stdout;
    expect(oct).toContain('2021年10月5日报送节点应报送22个单位，已报送1个。');
    expect(oct).toMatch(/\| 县财政局 \|[^\n]*已报送（2021-10-04）/);
    // A date that is not one of the cadence's is no checkpoint.
    expect(at('2021-11-30', 'summary', '--checkpoint', '2021-10-06').code).toBe(2);
  });
});
