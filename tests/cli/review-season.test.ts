/**
 * A season under review (审核 · 销号 · 退回) with requests for more time: the
 * embedded Linkou plan with `review: required`, every record written by the
 * commands a county office and its units run (`plan update`, `plan review`,
 * `plan extend`, `plan update --withdraw`), then read back as of five dates.
 * Each picture is worked out by hand from the records and the plan
 * (deadlines: 3.1 9/5, 2.3.1 11/30, 2.1.3 2.1.4 2.3.2 12/31; warnDays 14).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, edit, plan, type Run } from '../helpers.js';

let dir = '';

const run = (args: string[], asOf: string): Run => plan([...args, '--plan', dir, '--as-of', asOf]);
const ok = (args: string[], asOf: string): Run => {
  const r = run(args, asOf);
  expect(r.stderr, `${args.join(' ')} as of ${asOf}`).toBe('');
  expect(r.code).toBe(0);
  return r;
};
const json = (args: string[], asOf: string): any => JSON.parse(ok([...args, '--format', 'json'], asOf).stdout);

/** The season, in the order it happened: [as of, the command]. */
const SEASON: [string, string[]][] = [
  ['2021-09-04', ['update', 'town-linkou', '3.1', '--state', 'done', '--evidence', 'https://example.org/linkou/3.1']],
  // Claimed after the deadline (9/5): late, and red while the office has not looked.
  ['2021-09-10', ['update', 'finance', '3.1', '--state', 'done', '--evidence', 'https://example.org/finance/3.1']],
  ['2021-09-12', ['review', 'town-linkou', '3.1', '--accept', '--note', '材料齐全', '--by', 'gov-office']],
  ['2021-11-20', ['update', 'finance', '2.1.3', '--state', 'done', '--evidence', 'https://example.org/finance/2.1.3']],
  ['2021-11-22', ['review', 'finance', '2.1.3', '--return', '--reason', '佐证不足，缺债务信息截图', '--by', 'gov-office']],
  ['2021-11-25', ['extend', 'finance', '2.3.1', '--to', '2021-12-20', '--reason', '系统改造未完成']],
  ['2021-11-27', ['review', 'finance', '2.3.1', '--grant-extension', '--to', '2021-12-15', '--by', 'gov-office']],
  ['2021-11-28', ['update', 'finance', '2.1.3', '--state', 'done', '--evidence', 'https://example.org/finance/2.1.3-b']],
  ['2021-12-01', ['review', 'finance', '2.1.3', '--accept', '--by', 'gov-office']],
  ['2021-12-02', ['update', 'health', '2.1.4', '--state', 'done', '--evidence', 'https://example.org/health/2.1.4']],
  ['2021-12-03', ['review', 'finance', '2.1.3', '--reopen', '--reason', '抽查发现问题', '--by', 'gov-office']],
  ['2021-12-04', ['update', 'health', '2.1.4', '--withdraw', '--progress', '材料需补充']],
  ['2021-12-10', ['extend', 'finance', '2.3.2', '--to', '2022-01-31', '--reason', '平台升级']],
  ['2021-12-12', ['review', 'finance', '2.3.2', '--deny-extension', '--reason', '不予延期，按期完成', '--by', 'gov-office']],
];

beforeAll(() => {
  dir = copyPlan();
  edit(join(dir, 'plan.yaml'), /^warnDays: 14$/m, 'review: required\nwarnDays: 14');
  for (const [asOf, args] of SEASON) ok(args, asOf);
}, 120_000);

const assignment = (out: any, id: string, unit: string): any => out.tasks.find((t: any) => t.id === id).assignments.find((a: any) => a.unit === unit);
/** The fields of an assignment this season is about. */
const picture = (a: any): object => ({
  state: a.state,
  light: a.light,
  review: a.review,
  deadline: a.deadline,
  ...(a.originalDeadline !== undefined && { originalDeadline: a.originalDeadline }),
  ...(a.returnReason !== undefined && { returnReason: a.returnReason }),
});
const overdueOf = (asOf: string, unit: string): string[] =>
  json(['overdue'], asOf)
    .entries.filter((e: any) => e.unit === unit)
    .map((e: any) => `${e.task} ${e.deadline} ${e.daysOverdue}`);
const checklistTask = (asOf: string, unit: string, id: string): any => json(['checklist', unit], asOf).tasks.find((t: any) => t.task === id);

describe('as of 2021-09-08: one claim in time, one unit not yet claimed', () => {
  const asOf = '2021-09-08';
  it('a claim made in time awaits review, past its deadline all the same, and is not counted done', () => {
    const out = json(['status'], asOf);
    expect(picture(assignment(out, '3.1', 'town-linkou'))).toEqual({ state: 'done', light: 'awaiting', review: 'pending', deadline: '2021-09-05' });
    expect(picture(assignment(out, '3.1', 'finance'))).toEqual({ state: 'not_started', light: 'red', review: null, deadline: '2021-09-05' });
    expect(out.tasks.find((t: any) => t.id === '3.1').done).toBe(0);
    expect(overdueOf(asOf, 'town-linkou')).toEqual([]);
    expect(overdueOf(asOf, 'finance')).toContain('3.1 2021-09-05 3');
  });
  it('the queue lists the claim with its evidence and days waiting', () => {
    const q = json(['review', '--pending'], asOf);
    expect(q.items.map((i: any) => `${i.kind} ${i.unit} ${i.task} ${i.since} ${i.waiting}`)).toEqual(['claim town-linkou 3.1 2021-09-04 4']);
    expect(q.items[0].evidence).toEqual(['https://example.org/linkou/3.1']);
  });
});

describe('days of a claim awaiting review: the claim made in time, not the office’s wait as lateness', () => {
  it('status shows the claim for a task whose open parts were all claimed in time; a late claim keeps its days', () => {
    const table = ok(['status', '--unit', 'town-linkou'], '2021-09-08').stdout;
    expect(table).toMatch(/3\.1 .* 2021-09-05 +claimed 09-04 +.*awaiting review/);
    expect(table).not.toMatch(/3\.1 .*3d late/);
    const zh = plan(['status', '--unit', 'town-linkou', '--plan', dir, '--as-of', '2021-09-08', '--lang', 'zh']).stdout;
    expect(zh).toMatch(/3\.1 .* 2021-09-05 +09-04报结 /);
    const late = ok(['status', '--unit', 'finance'], '2021-09-15').stdout;
    expect(late).toMatch(/3\.1 .* 2021-09-05 +10d late /);
  });
  it('the same in JSON, md, csv, html and the checklist', () => {
    const row = json(['status', '--unit', 'town-linkou'], '2021-09-08').tasks.find((t: any) => t.id === '3.1');
    expect(row).toMatchObject({ light: 'awaiting', claimed: '2021-09-04' });
    expect(row.assignments[0]).toMatchObject({ review: 'pending', daysOverdue: 0, claimed: '2021-09-04' });
    expect(json(['status', '--unit', 'finance'], '2021-09-15').tasks.find((t: any) => t.id === '3.1')).toMatchObject({ light: 'red', claimed: null });
    expect(ok(['status', '--unit', 'town-linkou', '--format', 'md'], '2021-09-08').stdout).toContain('| 2021-09-05 | claimed 09-04 |');
    const csv = ok(['status', '--unit', 'town-linkou', '--format', 'csv'], '2021-09-08').stdout.split('\n').find((l) => l.startsWith('3.1,'))!;
    expect(csv).toContain(',2021-09-05,,claimed 2021-09-04,');
    expect(ok(['status', '--unit', 'town-linkou', '--format', 'html'], '2021-09-08').stdout).toContain('<td class="num">claimed 09-04</td>');
    expect(ok(['checklist', 'town-linkou'], '2021-09-08').stdout).toMatch(/3\.1 .*2021-09-05 +claimed 09-04 /);
  });
});

describe('the ledger workbook’s days column says what status says', () => {
  const daysOf = async (asOf: string, unit: string, lang: string): Promise<Record<string, unknown>> => {
    const file = join(dir, '..', `ledger-${unit}-${asOf}-${lang}.xlsx`);
    ok(['export', '--format', 'xlsx', '--unit', unit, '--out', file, '--lang', lang], asOf);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const out: Record<string, unknown> = { header: sheet.getRow(1).getCell(6).value };
    sheet.eachRow((row, n) => {
      if (n > 1) out[String(row.getCell(1).value)] = row.getCell(6).value;
    });
    return out;
  };
  it('done early, awaiting review, late and days left, in both languages', async () => {
    // town-linkou: 3.1 claimed 9/4 (deadline 9/5), accepted 9/12; 3.3 (9/10) never started.
    expect(await daysOf('2021-09-15', 'town-linkou', 'zh')).toMatchObject({ header: '剩余', '3.1': '提前1天完成', '3.3': '逾5天', '2.3.1': '剩76天' });
    expect(await daysOf('2021-09-15', 'town-linkou', 'en')).toMatchObject({ header: 'Days', '3.1': 'done 1d early', '3.3': '5d late' });
    expect(await daysOf('2021-09-08', 'town-linkou', 'zh')).toMatchObject({ '3.1': '09-04报结' });
  });
});

describe('the calendar marks a claim as the office sees it', () => {
  /** Each event's summary and whether it carries reminders, by task, from the unfolded .ics. */
  const eventsOf = (unit: string, asOf: string, lang: string): Record<string, { summary: string; alarms: boolean }> => {
    const text = plan(['calendar', '--unit', unit, '--plan', dir, '--as-of', asOf, '--lang', lang]).stdout.replace(/\r\n[ \t]/g, '');
    const out: Record<string, { summary: string; alarms: boolean }> = {};
    for (const v of text.split('BEGIN:VEVENT').slice(1)) {
      const uid = /UID:.*\.task\.([^@]+)@/.exec(v)?.[1];
      if (uid) out[uid] = { summary: /SUMMARY:(.*)/.exec(v)![1]!.replace(/\\,/g, ','), alarms: v.includes('BEGIN:VALARM') };
    }
    return out;
  };
  it('awaiting review, not done, until the office accepts; returned as returned, with its reminders back', () => {
    expect(eventsOf('town-linkou', '2021-09-08', 'zh')['3.1']!.summary).toMatch(/^【待审核】3\.1 /);
    expect(eventsOf('town-linkou', '2021-09-08', 'en')['3.1']!.summary).toMatch(/^\[awaiting review\] 3\.1 /);
    expect(eventsOf('town-linkou', '2021-09-15', 'zh')['3.1']!.summary).toMatch(/^【已完成】3\.1 /);
    const returned = eventsOf('finance', '2021-11-23', 'zh')['2.1.3']!;
    expect(returned.summary).toMatch(/^【已退回】2\.1\.3 /);
    expect(returned.alarms).toBe(true);
    expect(eventsOf('finance', '2021-11-23', 'en')['2.1.3']!.summary).toMatch(/^\[returned\] 2\.1\.3 /);
  });
});

describe('as of 2021-09-15: accepted, and a late claim', () => {
  const asOf = '2021-09-15';
  it('accepted counts done; a claim made after the deadline is red until the office decides', () => {
    const out = json(['status'], asOf);
    expect(picture(assignment(out, '3.1', 'town-linkou'))).toEqual({ state: 'done', light: 'green', review: 'accepted', deadline: '2021-09-05' });
    expect(picture(assignment(out, '3.1', 'finance'))).toEqual({ state: 'done', light: 'red', review: 'pending', deadline: '2021-09-05' });
    expect(out.tasks.find((t: any) => t.id === '3.1').done).toBe(1);
    expect(overdueOf(asOf, 'finance')).toContain('3.1 2021-09-05 10');
    const table = ok(['overdue', '--unit', 'finance'], asOf).stdout;
    expect(table).toMatch(/3\.1 .*2021-09-05 +10d late +done \(awaiting review\)/);
  });
  it('the summary counts only what the office closed and says how many await review', () => {
    const md = ok(['summary'], asOf).stdout;
    expect(md).toContain('Review and extensions');
    expect(md).toContain('1 closed after review, 1 awaiting review; none returned.');
    expect(md).toContain('县财政局 · 3.1 明确领导责任 (claimed 2021-09-10)');
  });
});

describe('remind says which overdue claims it does not chase', () => {
  const asOf = '2021-09-15';
  it('a late claim awaiting review: counted overdue, not chased, and the list says so in both languages', () => {
    expect(overdueOf(asOf, 'finance')).toContain('3.1 2021-09-05 10');
    const en = ok(['remind', '--dry-run'], asOf).stdout;
    expect(en).toContain('Not chased: 1 overdue assignment claimed done and awaiting review (县财政局 3.1).');
    const zh = plan(['remind', '--dry-run', '--plan', dir, '--as-of', asOf, '--lang', 'zh']).stdout;
    expect(zh).toContain('另有1项（次）逾期事项已报结、待审核，未列入催办：县财政局 3.1。');
    // Only the units asked for.
    expect(ok(['remind', '--dry-run', '--unit', 'town-linkou'], asOf).stdout).not.toContain('Not chased');
    const out = join(dir, '..', 'remind-0915');
    plan(['remind', '--out', out, '--plan', dir, '--as-of', asOf, '--lang', 'zh']);
    expect(readFileSync(join(out, `reminders-${asOf}.md`), 'utf8')).toContain('另有1项（次）逾期事项已报结、待审核，未列入催办：县财政局 3.1。');
  });
});

describe('as of 2021-11-23: returned with a reason', () => {
  const asOf = '2021-11-23';
  it('the return puts the unit back in progress, with the reason in status JSON and the checklist', () => {
    const out = json(['status'], asOf);
    expect(picture(assignment(out, '2.1.3', 'finance'))).toEqual({ state: 'in_progress', light: 'green', review: 'returned', deadline: '2021-12-31', returnReason: '佐证不足，缺债务信息截图' });
    const c = checklistTask(asOf, 'finance', '2.1.3');
    expect(c.review).toBe('returned');
    expect(c.returnReason).toBe('佐证不足，缺债务信息截图');
    const table = ok(['checklist', 'finance'], asOf).stdout;
    expect(table).toMatch(/2\.1\.3 +做好财政信息公开 +lead +2021-12-31 +38d left +in progress \(returned\)/);
    expect(table).toContain('Returned because: 佐证不足，缺债务信息截图 (returned 2021-11-22)');
  });
  it('remind names the return and its reason though nothing is due', () => {
    const r = ok(['remind', '--unit', 'finance'], asOf).stdout;
    expect(r).toContain('2.1.3 做好财政信息公开: 佐证不足，缺债务信息截图');
  });
});

describe('as of 2021-11-28: a return claimed again, and an extension granted', () => {
  const asOf = '2021-11-28';
  it('the summary counts the return decided and marks the claim made since, in both languages', () => {
    const zh = plan(['summary', '--plan', dir, '--as-of', asOf, '--lang', 'zh']).stdout;
    expect(zh).toContain('退回1项（次），待审核2项（次）');
    expect(zh).not.toContain('无退回事项');
    expect(zh).toContain('县财政局 · 2.1.3 做好财政信息公开：佐证不足，缺债务信息截图（2021-11-22退回，2021-11-28已重新报结）');
    const en = ok(['summary'], asOf).stdout;
    expect(en).toContain('1 returned, 2 awaiting review');
    expect(en).toContain('佐证不足，缺债务信息截图 (returned 2021-11-22; claimed again 2021-11-28)');
  });
  it('a return not yet claimed again is listed without the mark', () => {
    const zh = plan(['summary', '--plan', dir, '--as-of', '2021-11-25', '--lang', 'zh']).stdout;
    expect(zh).toContain('县财政局 · 2.1.3 做好财政信息公开：佐证不足，缺债务信息截图（2021-11-22退回）');
  });
  it('the site shows the same count of returns as the summary', () => {
    const out = join(dir, '..', 'site-1128');
    ok(['site', '--out', out], asOf);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('returned 1 · extended 1');
  });
  it('下步工作 puts the extended unit’s part under the date it was moved to', () => {
    const zh = plan(['summary', '--plan', dir, '--as-of', asOf, '--lang', 'zh']).stdout;
    const next = zh.slice(zh.indexOf('下步工作'));
    expect(next).toMatch(/2021年11月30日前应完成1项任务（2\.3\.1 做好政府信息管理工作），尚有23项（次）未完成/);
    expect(next).toMatch(/2021年12月15日前应完成1项任务（2\.3\.1 做好政府信息管理工作（县财政局，延期）），尚有1项（次）未完成/);
    const en = ok(['summary'], asOf).stdout;
    expect(en).toContain('By 2021-12-15, 1 task falls due (2.3.1 做好政府信息管理工作 (县财政局, extended)); 1 assignment is still open.');
  });
});

describe('as of 2021-12-02: extension granted, resubmission accepted, a new claim', () => {
  const asOf = '2021-12-02';
  it('the granted extension moves this unit’s deadline only, with the original kept', () => {
    const out = json(['status'], asOf);
    expect(picture(assignment(out, '2.3.1', 'finance'))).toEqual({ state: 'not_started', light: 'yellow', review: null, deadline: '2021-12-15', originalDeadline: '2021-11-30' });
    expect(picture(assignment(out, '2.3.1', 'health'))).toEqual({ state: 'not_started', light: 'red', review: null, deadline: '2021-11-30' });
    expect(overdueOf(asOf, 'finance')).not.toContain('2.3.1 2021-11-30 2');
    expect(overdueOf(asOf, 'health')).toContain('2.3.1 2021-11-30 2');
    const md = ok(['checklist', 'finance', '--format', 'md'], asOf).stdout;
    expect(md).toContain('Extension: due 2021-12-15, extended from 2021-11-30');
    const up = json(['upcoming', '--within', '14'], asOf);
    expect(up.entries.find((e: any) => e.task === '2.3.1')).toMatchObject({ date: '2021-12-15', openUnits: ['finance'], originalDeadline: '2021-11-30' });
  });
  it('the claim made again and accepted is done; health’s new claim awaits review', () => {
    const out = json(['status'], asOf);
    expect(picture(assignment(out, '2.1.3', 'finance'))).toEqual({ state: 'done', light: 'green', review: 'accepted', deadline: '2021-12-31' });
    expect(picture(assignment(out, '2.1.4', 'health'))).toEqual({ state: 'done', light: 'awaiting', review: 'pending', deadline: '2021-12-31' });
  });
});

describe('as of 2021-12-20: reopened, withdrawn, refused, and an extension run out', () => {
  const asOf = '2021-12-20';
  it('status JSON at the end of the season', () => {
    const out = json(['status'], asOf);
    // Reopened: the claim (made in time) awaits review again and is not counted done.
    expect(picture(assignment(out, '2.1.3', 'finance'))).toEqual({ state: 'done', light: 'awaiting', review: 'pending', deadline: '2021-12-31' });
    expect(out.tasks.find((t: any) => t.id === '2.1.3').done).toBe(0);
    // Withdrawn before any decision: in progress again, no review to show.
    expect(picture(assignment(out, '2.1.4', 'health'))).toEqual({ state: 'in_progress', light: 'yellow', review: null, deadline: '2021-12-31' });
    // The extension granted ran out on 12/15.
    expect(picture(assignment(out, '2.3.1', 'finance'))).toEqual({ state: 'not_started', light: 'red', review: null, deadline: '2021-12-15', originalDeadline: '2021-11-30' });
    // Refused: the task's deadline stands.
    expect(picture(assignment(out, '2.3.2', 'finance'))).toEqual({ state: 'not_started', light: 'yellow', review: null, deadline: '2021-12-31' });
  });
  it('overdue counts days from the deadline in force', () => {
    expect(overdueOf(asOf, 'finance')).toContain('2.3.1 2021-12-15 5');
  });
  it('the checklist says what the office did', () => {
    const table = ok(['checklist', 'finance'], asOf).stdout;
    expect(table).toMatch(/2\.3\.1 .*2021-12-15 \(ext\.\) +5d late/);
    expect(table).toContain('Review: awaiting review (claimed 2021-11-28); reopened: 抽查发现问题');
    expect(table).toContain('Extension asked: asked until 2022-01-31, refused on 2021-12-12 (不予延期，按期完成)');
    expect(checklistTask(asOf, 'finance', '2.3.2').extensionDenied).toEqual({ requested: '2021-12-10', to: '2022-01-31', decided: '2021-12-12', reason: '不予延期，按期完成' });
  });
  it('the summary’s 审核与延期 section: closed, awaiting, granted and refused', () => {
    const md = plan(['summary', '--plan', dir, '--as-of', asOf, '--lang', 'zh']).stdout;
    expect(md).toContain('审核与延期');
    // The return of 11/22 stays counted (the score deducts for it) though the unit claimed again on 11/28.
    expect(md).toContain('经审核销号1项（次），退回1项（次），待审核2项（次）。');
    expect(md).toContain('县财政局 · 2.1.3 做好财政信息公开：佐证不足，缺债务信息截图（2021-11-22退回，2021-11-28已重新报结）');
    expect(md).toContain('县财政局 · 2.3.1 做好政府信息管理工作：原定 2021-11-30，延期至 2021-12-15（2021-11-27批准；理由：系统改造未完成）');
    expect(md).toContain('县财政局 · 2.3.2 完善政务公开平台：申请延期至 2022-01-31，不予延期（2021-12-12；不予延期，按期完成）');
  });
  it('nothing is deleted: the status files keep every record', () => {
    const text = readFileSync(join(dir, 'status/finance.yaml'), 'utf8');
    for (const d of ['returned', 'accepted', 'reopened', 'granted', 'denied']) expect(text).toContain(d);
  });
});

describe('the commands refuse what the records do not allow', () => {
  it('no second decision on a closed claim; no extension after the deadline without --late', () => {
    const again = run(['review', 'town-linkou', '3.1', '--accept'], '2021-12-20');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('has no claim awaiting review');
    const late = run(['extend', 'health', '2.3.1', '--to', '2022-01-10', '--reason', '人手不足', '--dry-run'], '2021-12-20');
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('add --late');
    const marked = ok(['extend', 'health', '2.3.1', '--to', '2022-01-10', '--reason', '人手不足', '--late', '--dry-run'], '2021-12-20');
    expect(marked.stdout).toContain('late: true');
  });
});
