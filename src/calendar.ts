/**
 * Calendar dates as the county counts them: whole days in the plan's time
 * zone, written YYYY-MM-DD. Nothing here reads the clock; "now" is passed in.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
/** YYYY-MM-DD (model.ts's IsoDate; written out here so that the domain's types may use the calendar's). */
type IsoDate = string;
const ISO_DAY = 'YYYY-MM-DD';

const DAY_MS = 86_400_000;

// Plans repeat the same few hundred dates many thousand times: remember them.
const realDates = new Map<string, boolean>();
const dayNumbers = new Map<string, number>();

export function isRealDate(s: string): boolean {
  let known = realDates.get(s);
  if (known === undefined) {
    known = checkDate(s);
    if (realDates.size < 100_000) realDates.set(s, known);
  }
  return known;
}

/**
 * A real calendar date: month 1–12, day within its month (2021-02-30 is not one), year 100 or later
 * (dayjs, which does the rest of the arithmetic, reads years before 100 as the 1900s). By arithmetic:
 * plans and the holiday data hold thousands of dates, and this runs on each distinct one.
 */
function checkDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01; differences of these are whole days. */
export function dayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    // Date.UTC is the proleptic Gregorian calendar dayjs.utc uses, without building a dayjs object.
    n = Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
    if (dayNumbers.size < 100_000) dayNumbers.set(date, n);
  }
  return n;
}

export function fromDayNumber(n: number): IsoDate {
  return dayjs.utc(n * DAY_MS).format(ISO_DAY);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayjs.utc(date).add(days, 'day').format(ISO_DAY);
}

/** `later - earlier` in days. */
export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return dayNumber(later) - dayNumber(earlier);
}

/**
 * Zones with one fixed UTC offset since 1992, in minutes. Asking ICU about a
 * time zone costs ~25 ms on first use, as much as the rest of a run on a
 * county plan, so these are answered without it.
 */
const FIXED_OFFSETS: Record<string, number> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  PRC: 480,
  UTC: 0,
  'Etc/UTC': 0,
};
const FIXED_SINCE = Date.UTC(1992, 0, 1);

/** The calendar date at `now` in `timeZone`; throws RangeError for an unknown zone. */
export function dateIn(timeZone: string, now: Date): IsoDate {
  const fixed = FIXED_OFFSETS[timeZone];
  if (fixed !== undefined && now.getTime() >= FIXED_SINCE) {
    return dayjs(now).utcOffset(fixed).format(ISO_DAY);
  }
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isKnownTimeZone(timeZone: string): boolean {
  if (Object.prototype.hasOwnProperty.call(FIXED_OFFSETS, timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
