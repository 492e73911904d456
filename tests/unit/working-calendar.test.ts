/** Working days against the State Council's published calendars, and the dates rules make from them. */
import { describe, expect, it } from 'vitest';
import { deadlineInForce, expandCheckpoints, recurrenceDates } from '../../src/due-dates.js';
import { parseCadence, parseDeadline } from '../../src/importer/deadline.js';
import { nationalDays } from '../../src/load/holiday-data.js';
import { addWorkdays, covers, isWorkday, NO_DAYS, restDay, workdaysBetween, workingCalendar, type DaySet } from '../../src/working-calendar.js';

const national = nationalDays();
const cn = workingCalendar(national.days, NO_DAYS, national.source);
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};

describe('the national calendar (国务院办公厅关于节假日安排的通知)', () => {
  it('2021 National Day: 10-01 to 10-07 off, Sunday 09-26 and Saturday 10-09 working', () => {
    for (const d of days('2021-10-01', '2021-10-07')) expect(restDay(cn, d), d).toMatchObject({ kind: 'holiday', name: { zh: '国庆节' } });
    expect(isWorkday(cn, '2021-09-26')).toBe(true);
    expect(isWorkday(cn, '2021-10-09')).toBe(true);
    expect(isWorkday(cn, '2021-10-08')).toBe(true);
    expect(restDay(cn, '2021-10-10')).toEqual({ date: '2021-10-10', kind: 'weekend' });
  });

  it('Spring Festival weeks: 2021 (02-11..17 off, 02-07 and 02-20 working) and 2024 (02-10..17 off, 02-04 and 02-18 working)', () => {
    for (const d of days('2021-02-11', '2021-02-17')) expect(restDay(cn, d)?.name?.zh, d).toBe('春节');
    expect([isWorkday(cn, '2021-02-07'), isWorkday(cn, '2021-02-20'), isWorkday(cn, '2021-02-18')]).toEqual([true, true, true]);
    for (const d of days('2024-02-10', '2024-02-17')) expect(restDay(cn, d)?.name?.zh, d).toBe('春节');
    // 除夕 02-09 (a Friday) was only recommended as leave in 2024, not a day off.
    expect([isWorkday(cn, '2024-02-04'), isWorkday(cn, '2024-02-18'), isWorkday(cn, '2024-02-09')]).toEqual([true, true, true]);
  });

  it('counts 10个工作日内 from 2021-09-28 to 2021-10-18, the start day not counted', () => {
    expect(addWorkdays(cn, '2021-09-28', 10)).toEqual({ date: '2021-10-18', uncovered: [] });
    expect(addWorkdays(cn, '2021-09-28', 1).date).toBe('2021-09-29');
    // Across the Spring Festival of 2024: the next working day after 除夕 is the make-up Sunday 02-18.
    expect(addWorkdays(cn, '2024-02-09', 1).date).toBe('2024-02-18');
    expect(addWorkdays(cn, '2024-02-09', 2).date).toBe('2024-02-19');
    expect(workdaysBetween(cn, '2021-09-28', '2021-10-18')).toBe(10);
    expect(workdaysBetween(cn, '2021-10-18', '2021-09-28')).toBe(-10);
  });

  it('a year the data does not cover is named, never silently Monday to Friday', () => {
    const year = national.source.last + 1;
    expect(covers(cn, year)).toBe(false);
    expect(covers(cn, 2021)).toBe(true);
    expect(addWorkdays(cn, `${national.source.last}-12-20`, 20).uncovered).toEqual([year]);
    expect(deadlineInForce(`${year}-10-01`, { onHoliday: 'next-workday' }, cn)).toEqual({ date: `${year}-10-01`, due: { counted: `${year}-10-01`, uncovered: [year] } });
  });

  it('a local file adds holidays and make-up days, and wins over the national data', () => {
    const local: DaySet = {
      holidays: new Map([['2022-04-04', { zh: '三月三', en: 'Sanyuesan' }], ['2022-04-05', { zh: '三月三', en: 'Sanyuesan' }]]),
      workdays: new Map([['2022-04-02', { zh: '三月三调休', en: 'Sanyuesan make-up day' }]]),
      years: new Set([2099]),
    };
    const gx = workingCalendar(national.days, local, national.source);
    expect(restDay(gx, '2022-04-04')?.name?.zh).toBe('三月三');
    expect(isWorkday(gx, '2022-04-02')).toBe(true);
    expect(isWorkday(cn, '2022-04-02')).toBe(true); // nationally 清明's make-up day too
    expect(isWorkday(gx, '2022-04-06')).toBe(true);
    expect(addWorkdays(gx, '2022-04-01', 2).date).toBe('2022-04-06');
    expect(addWorkdays(cn, '2022-04-01', 2).date).toBe('2022-04-06');
    expect(addWorkdays(gx, '2022-03-31', 3).date).toBe('2022-04-06');
    expect(covers(gx, 2099)).toBe(true);
  });
});

describe('deadlines in force', () => {
  const plan = { signed: '2021-09-28' };
  it('a working-day rule counts from the signing date; without a calendar it cannot be counted', () => {
    expect(deadlineInForce({ workdays: 10, from: 'signed' }, plan, cn)).toEqual({ date: '2021-10-18', due: { counted: '2021-10-18', start: '2021-09-28', uncovered: [] } });
    expect(deadlineInForce({ workdays: 10, from: 'signed' }, plan, undefined)).toEqual({ date: null, problem: 'no-calendar' });
    expect(deadlineInForce({ workdays: 10, from: 'published' }, plan, cn)).toEqual({ date: null, problem: 'no-start' });
  });

  it('a deadline on a holiday is kept (named) or moved to the next working day', () => {
    expect(deadlineInForce('2021-10-03', { ...plan, onHoliday: 'keep' }, cn).due).toMatchObject({ counted: '2021-10-03', dayOff: { kind: 'holiday', name: { zh: '国庆节' } } });
    expect(deadlineInForce('2021-10-03', { ...plan, onHoliday: 'next-workday' }, cn)).toMatchObject({ date: '2021-10-08', due: { counted: '2021-10-03', moved: true } });
    // A Sunday before a make-up Saturday: Monday is the next working day; the make-up Sunday 09-26 is itself one.
    expect(deadlineInForce('2021-09-25', { onHoliday: 'next-workday' }, cn).date).toBe('2021-09-26');
    expect(deadlineInForce('2021-10-18', { onHoliday: 'next-workday' }, cn)).toEqual({ date: '2021-10-18' });
  });
});

describe('recurring checkpoints', () => {
  const span = { start: '2021-08-30', end: '2021-12-31' };
  it('每月5日前 within the span, 每季度末, ten days after each quarter, day 31 in a short month', () => {
    expect(recurrenceDates({ every: 'month', day: 5 }, span).dates).toEqual(['2021-09-05', '2021-10-05', '2021-11-05', '2021-12-05']);
    expect(recurrenceDates({ every: 'quarter', day: 'last' }, span).dates).toEqual(['2021-09-30', '2021-12-31']);
    expect(recurrenceDates({ every: 'quarter', offset: 10 }, span).dates).toEqual(['2021-10-10', '2022-01-10']);
    expect(recurrenceDates({ every: 'month', day: 31 }, span).dates).toEqual(['2021-08-31', '2021-09-30', '2021-10-31', '2021-11-30', '2021-12-31']);
    expect(recurrenceDates({ every: 'month', offset: -2 }, { start: '2021-01-01', end: '2021-03-31' }).dates).toEqual(['2021-01-29', '2021-02-26', '2021-03-29']);
    expect(recurrenceDates({ every: 'month', day: 5, from: '2021-10-01', until: '2021-11-30' }, span).dates).toEqual(['2021-10-05', '2021-11-05']);
    expect(recurrenceDates({ every: 'month', day: 5 }, { start: '2021-08-30' }).problem).toBe('no-end');
  });

  it('expands among the fixed ones, each knowing its entry in plan.yaml', () => {
    const { checkpoints, problems } = expandCheckpoints(
      [
        { date: '2021-09-05', reporters: ['towns'], recipient: 'gov-office' },
        { every: 'quarter', day: 'last', reporters: ['leads'], recipient: 'gov-office' },
      ],
      { signed: '2021-08-30', span },
    );
    expect(problems).toEqual([]);
    expect(checkpoints.map((c) => [c.date, c.entry, c.every])).toEqual([
      ['2021-09-05', 0, undefined],
      ['2021-09-30', 1, 'quarter'],
      ['2021-12-31', 1, 'quarter'],
    ]);
  });
});

describe('plan import reads working days and cadences', () => {
  it('自印发之日起N个工作日内 / N个工作日内 / 自发布之日起', () => {
    expect(parseDeadline('自印发之日起10个工作日内', 2021)).toEqual({ kind: 'workdays', rule: { workdays: 10, from: 'signed' } });
    expect(parseDeadline('3个工作日内', 2021)).toEqual({ kind: 'workdays', rule: { workdays: 3, from: 'signed' } });
    expect(parseDeadline('自本通知发布之日起十五个工作日内完成', 2021)).toEqual({ kind: 'workdays', rule: { workdays: 15, from: 'published' } });
    expect(parseDeadline('自本方案印发之日起30日内', { year: 2021, signed: '2021-09-28' })).toMatchObject({ kind: 'date', date: '2021-10-28' });
  });

  it('每月X日前报送 / 每季度末 / 每季度结束后N日内 / 每季度第一个月X日前', () => {
    expect(parseCadence('各镇每月5日前报送工作进展情况')).toEqual({ every: 'month', day: 5 });
    expect(parseCadence('每月10号前将落实情况报县政府办')).toEqual({ every: 'month', day: 10 });
    expect(parseCadence('每季度末报送进展情况')).toEqual({ every: 'quarter', day: 'last' });
    expect(parseCadence('每季度结束后10日内报送')).toEqual({ every: 'quarter', offset: 10 });
    expect(parseCadence('每季度第一个月5日前报送上季度情况')).toEqual({ every: 'quarter', offset: 5 });
    expect(parseCadence('每月底前报送')).toEqual({ every: 'month', day: 'last' });
    expect(parseCadence('于2021年9月5日前报送')).toBeUndefined();
  });
});

describe('counts made fast agree with the day-by-day rule (issue 27)', () => {
  it('workdaysBetween over day numbers equals counting restDay day by day, both ways, with a local file that overrides the national data', () => {
    const local: DaySet = {
      holidays: new Map([['2021-10-08', { zh: '本地假日', en: 'local holiday' }], ['2022-04-05', { zh: '三月三', en: 'Sanyuesan' }]]),
      workdays: new Map([['2021-10-03', { zh: '本地调休', en: 'local make-up day' }], ['2021-10-16', { zh: '本地调休', en: 'local make-up day' }]]),
      years: new Set(),
    };
    const withLocal = workingCalendar(national.days, local, national.source);
    const byHand = (cal: typeof cn, from: string, to: string): number => {
      const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      return sign * days(a, b).slice(1).filter((d) => restDay(cal, d) === undefined).length;
    };
    const all = days('2021-09-20', '2022-04-20');
    let seed = 7;
    const pick = (): string => all[(seed = (seed * 48271) % 2147483647) % all.length]!;
    for (let i = 0; i < 300; i++) {
      const [from, to] = [pick(), pick()];
      for (const cal of [cn, withLocal]) expect(workdaysBetween(cal, from, to), `${from} → ${to}`).toBe(byHand(cal, from, to));
    }
    // Asked again: the same answer (kept per calendar and pair).
    expect(workdaysBetween(withLocal, '2021-09-30', '2021-10-18')).toBe(byHand(withLocal, '2021-09-30', '2021-10-18'));
  });

  it('a real date by arithmetic: month lengths and leap years, as dayjs read them back', async () => {
    const { isRealDate } = await import('../../src/calendar.js');
    const yes = ['2020-02-29', '2000-02-29', '2021-04-30', '2021-12-31', '2021-01-31', '0100-01-01', '9999-12-31'];
    const no = ['2021-02-29', '1900-02-29', '2100-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '2021-01-00', '2021-1-01', '0099-12-31', '2021-02-30', ' 2021-01-01', '2021-01-01T00'];
    for (const d of yes) expect(isRealDate(d), d).toBe(true);
    for (const d of no) expect(isRealDate(d), d).toBe(false);
  });
});
