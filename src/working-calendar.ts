/**
 * Working days (工作日) as the county counts them: Monday to Friday, less the
 * State Council's holidays, plus its make-up working days (调休), plus a
 * province's or county's own (plan/holidays.yaml). Pure: the data is passed in
 * (load/holiday-data.ts reads it), and nothing here reads the clock.
 *
 * A year the data does not cover is unknown, not Monday to Friday: every count
 * that passes through one says so (`uncovered`), and `plan check` warns.
 */
import { addDays, dayNumber } from './calendar.js';
import type { CalendarSource, DayName, DaySet, IsoDate, WorkingCalendar } from './model.js';

export type { CalendarSource, DayName, DaySet, WorkingCalendar };

/** A day nobody works: a holiday (named) or a weekend day not made a working day. */
export interface RestDay {
  date: IsoDate;
  kind: 'holiday' | 'weekend';
  name?: DayName;
}

export function workingCalendar(national: DaySet, local: DaySet, source: CalendarSource): WorkingCalendar {
  return { national, local, source };
}

/** Whether the data gives the year's holidays and make-up days. */
export function covers(calendar: WorkingCalendar, year: number): boolean {
  return calendar.national.years.has(year) || calendar.local.years.has(year);
}

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/** 0 Sunday … 6 Saturday. 1970-01-01 was a Thursday. */
const weekday = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

/** The day off on `date`, or undefined for a working day. The plan's own file wins over the national data. */
export function restDay(calendar: WorkingCalendar, date: IsoDate): RestDay | undefined {
  const { local, national } = calendar;
  if (local.workdays.has(date)) return undefined;
  const localHoliday = local.holidays.get(date);
  if (localHoliday) return { date, kind: 'holiday', name: localHoliday };
  if (national.workdays.has(date)) return undefined;
  const holiday = national.holidays.get(date);
  if (holiday) return { date, kind: 'holiday', name: holiday };
  const day = weekday(date);
  return day === 0 || day === 6 ? { date, kind: 'weekend' } : undefined;
}

export const isWorkday = (calendar: WorkingCalendar, date: IsoDate): boolean => restDay(calendar, date) === undefined;

/** A date and the years it was counted through that the data does not cover (sorted). */
export interface Counted {
  date: IsoDate;
  uncovered: number[];
}

/** The years from `first` to `last` (inclusive) that the data does not cover. */
export function uncoveredBetween(calendar: WorkingCalendar, first: IsoDate, last: IsoDate): number[] {
  const [a, b] = first <= last ? [first, last] : [last, first];
  const out: number[] = [];
  for (let y = yearOf(a); y <= yearOf(b); y++) if (!covers(calendar, y)) out.push(y);
  return out;
}

/**
 * The `n`-th working day after `start`: the start day is not counted, as
 * Chinese law counts periods (自印发之日起10个工作日内 from 2021-09-28 is 2021-10-18).
 */
export function addWorkdays(calendar: WorkingCalendar, start: IsoDate, n: number): Counted {
  let date = start;
  let left = n;
  // Ten years of days: a count that runs longer is a mistake in the plan, not a deadline.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    date = addDays(date, 1);
    if (isWorkday(calendar, date)) left--;
  }
  return { date, uncovered: uncoveredBetween(calendar, start, date) };
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkday(calendar: WorkingCalendar, date: IsoDate): Counted {
  let day = date;
  for (let guard = 0; !isWorkday(calendar, day) && guard < 366; guard++) day = addDays(day, 1);
  return { date: day, uncovered: uncoveredBetween(calendar, date, day) };
}

/**
 * Working days from `from` to `to`, as days left are counted: the working days
 * after `from` up to and including `to`; negative (the working days after `to`
 * up to and including `from`) when `to` has passed. Every assignment asks this
 * of the as-of date and its deadline, so a count is kept per calendar and pair,
 * and made over day numbers, not date strings.
 */
export function workdaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  if (from === to) return 0;
  let counts = countsOf.get(calendar);
  if (!counts) countsOf.set(calendar, (counts = new Map()));
  const key = `${from}|${to}`;
  let count = counts.get(key);
  if (count === undefined) {
    const sign = from < to ? 1 : -1;
    const [a, b] = sign > 0 ? [dayNumber(from), dayNumber(to)] : [dayNumber(to), dayNumber(from)];
    const isWorkdayNumber = dayTest(calendar);
    let n = 0;
    for (let d = a + 1; d <= b; d++) if (isWorkdayNumber(d)) n++;
    count = sign * n;
    if (counts.size < 100_000) counts.set(key, count);
  }
  return count;
}

/** Saturday or Sunday; 1970-01-01 (day 0) was a Thursday. */
const weekend = (day: number): boolean => {
  const w = (((day + 4) % 7) + 7) % 7;
  return w === 0 || w === 6;
};

const countsOf = new WeakMap<WorkingCalendar, Map<string, number>>();
const dayTests = new WeakMap<WorkingCalendar, (day: number) => boolean>();

/** isWorkday over day numbers (days since 1970-01-01), with the calendar's dates turned into numbers once. */
function dayTest(calendar: WorkingCalendar): (day: number) => boolean {
  let test = dayTests.get(calendar);
  if (!test) {
    const numbers = (dates: Iterable<IsoDate>): Set<number> => new Set([...dates].map(dayNumber));
    const { local, national } = calendar;
    const [localWork, localRest, nationalWork, nationalRest] = [numbers(local.workdays.keys()), numbers(local.holidays.keys()), numbers(national.workdays.keys()), numbers(national.holidays.keys())];
    // The order of restDay: the plan's own file first, then the national data, then the weekend.
    test = (day) => localWork.has(day) || (!localRest.has(day) && (nationalWork.has(day) || (!nationalRest.has(day) && !weekend(day))));
    dayTests.set(calendar, test);
  }
  return test;
}

/** An empty set: a plan without plan/holidays.yaml. */
export const NO_DAYS: DaySet = { holidays: new Map(), workdays: new Map(), years: new Set() };
