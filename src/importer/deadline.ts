/**
 * Deadlines (完成时限) as documents write them, to ISO dates: the last day
 * meant by the words. Words that name no date (长期坚持, 持续推进, 常态化,
 * 每季度) make an ongoing task; nothing here invents a date.
 */
import { isRealDate } from '../calendar.js';
import type { IsoDate } from '../model.js';

export type ParsedDeadline =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'ongoing'; note: string }
  | { kind: 'unknown' };

const ONGOING = /长期坚持|持续推进|常态化|长期|每季度|每月|每年|按季度|定期/;

function lastDayOfMonth(year: number, month: number): IsoDate {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function iso(year: number, month: number, day: number): IsoDate | undefined {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealDate(date) ? date : undefined;
}

/** `text` as written; `year` is the document's year, for 年底前 and 6月底前. */
export function parseDeadline(text: string, year: number | undefined): ParsedDeadline {
  const t = text.replace(/\s+/g, '').replace(/[。；;，,]+$/, '');
  let m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?(?:前|之前|以前)?(?:完成)?$/.exec(t);
  if (m) {
    const y = m[1] ? Number(m[1]) : year;
    const date = y === undefined ? undefined : iso(y, Number(m[2]), Number(m[3]));
    return date ? { kind: 'date', date } : { kind: 'unknown' };
  }
  m = /^(?:(\d{4})年)?(\d{1,2})月(?:底|末|份)(?:前|之前|以前)?(?:完成)?$/.exec(t);
  if (m) {
    const y = m[1] ? Number(m[1]) : year;
    const month = Number(m[2]);
    return y !== undefined && month >= 1 && month <= 12 ? { kind: 'date', date: lastDayOfMonth(y, month) } : { kind: 'unknown' };
  }
  m = /^(?:(\d{4})年)?(?:年底|年末|年内|全年)(?:前|之前|以前)?(?:完成)?$/.exec(t);
  if (m) {
    const y = m[1] ? Number(m[1]) : year;
    return y !== undefined ? { kind: 'date', date: `${y}-12-31` } : { kind: 'unknown' };
  }
  m = /^(?:(\d{4})年)?(上|下)半年(?:前|之前|以前|内)?(?:完成)?$/.exec(t);
  if (m) {
    const y = m[1] ? Number(m[1]) : year;
    return y !== undefined ? { kind: 'date', date: m[2] === '上' ? `${y}-06-30` : `${y}-12-31` } : { kind: 'unknown' };
  }
  if (ONGOING.test(t)) return { kind: 'ongoing', note: t };
  return { kind: 'unknown' };
}

/**
 * A deadline written inside the task's own sentence ("…于2021年10月底前完成…"),
 * used only when the task has no 完成时限 label.
 */
export function deadlineInText(text: string, year: number | undefined): { date: IsoDate; wording: string } | undefined {
  const m = /((?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末))(?:前|之前|以前)完成/.exec(text);
  if (!m) return undefined;
  const parsed = parseDeadline(`${m[1]}前`, year);
  return parsed.kind === 'date' ? { date: parsed.date, wording: `${m[1]}前` } : undefined;
}
