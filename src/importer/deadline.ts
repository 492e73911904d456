/**
 * Deadlines (完成时限) as documents write them, to ISO dates: the last day
 * meant by the words. Words that name no date (长期坚持, 持续推进, 常态化,
 * 每季度) make an ongoing task; several stages (6月底前完成…，12月底前全面完成)
 * give the last as the deadline and keep the earlier ones as milestones; a
 * period a policy covers (2019年1月1日至12月31日) is no deadline; nothing here
 * invents a date.
 *
 * The date pattern is a single pass of bounded alternatives (no nested
 * quantifiers), so scanning is linear in the length of the text.
 */
import { isRealDate } from '../calendar.js';
import type { IsoDate, Recurrence, WorkdayDeadline } from '../model.js';
import { trimEnd } from './trim.js';

export interface Milestone {
  date: IsoDate;
  text: string;
}

export type ParsedDeadline =
  | { kind: 'date'; date: IsoDate; milestones: Milestone[]; relative?: boolean }
  | { kind: 'workdays'; rule: WorkdayDeadline }
  | { kind: 'ongoing'; note: string }
  | { kind: 'unknown'; needsSigned?: boolean };

/** What a deadline is read against: the document's year and signing date. */
export interface DeadlineContext {
  year: number | undefined;
  signed?: IsoDate | undefined;
}

const ONGOING = /长期坚持|持续推进|常态化|长期|持续开展|持续实施|每季度|每月|每年|每半年|按季度|按月|按年度|定期|动态调整|动态更新|逐年/;

const DATE =
  /(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?|(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]?|(上旬|中旬|下旬|底|末|份))?|(年底|年末|底|末|内|上半年|下半年|第?[一二三四1-4]季度))?|(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]?|(上旬|中旬|下旬|底|末|份))?|(今年|本年|当年|年度|全年|年)(底|末|内)|(上|下)半年|第?([一二三四])季度/g;

/** After a date in running text: the words that make it a deadline. */
const MARKER = /^\s*(?:前|之前|以前|以内|内|止|为止|完成|建成|实现|出台|印发|制定|上线|基本|全面|建立|报送|提交|上报|形成|到位)/;
const RANGE = /^\s*(?:至|到|—|－|-|~|～)/;
const RELATIVE =
  /(?:自|从)?(?:本(?:方案|通知|意见|文件|办法|计划)|方案|文件|通知)?(?:印发|发布|下发|出台)(?:之日|之后|以后|后)起?\s*(\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(个)?\s*(日|天|月|周|星期|年)(?:内|以内)/;
const CN = '一二三四五六七八九十';
/**
 * 自印发之日起10个工作日内, 自本通知发布之日起3个工作日内, 10个工作日内: a
 * count of working days, from the signing (印发, 下发, 出台) or the publishing
 * (发布) of the document; a count with no start named runs from its issue too.
 */
const WORKDAYS =
  /(?:(?:自|从)?(?:本(?:方案|通知|意见|文件|办法|计划)|方案|文件|通知)?(印发|发布|下发|出台)(?:之日|之后|以后|后)起?)?\s*(\d{1,3}|[一二三四五六七八九十两]{1,3})\s*个?\s*工作日(?:内|以内)/;

function lastDayOfMonth(year: number, month: number): IsoDate {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function iso(year: number, month: number, day: number): IsoDate | undefined {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealDate(date) ? date : undefined;
}

function monthEnd(year: number, month: number, part: string | undefined): IsoDate | undefined {
  if (month < 1 || month > 12) return undefined;
  if (part === '上旬') return iso(year, month, 10);
  if (part === '中旬') return iso(year, month, 20);
  return lastDayOfMonth(year, month);
}

function quarterEnd(year: number, q: string): IsoDate {
  const n = /\d/.test(q) ? Number(q) : CN.indexOf(q) + 1;
  return lastDayOfMonth(year, n * 3);
}

interface DateHit {
  date: IsoDate;
  index: number;
  end: number;
  /** The year the words gave (for the dates after it without a year). */
  year?: number;
}

/** Every date the words name, in order, reading years forward (2021年6月…，12月… is 2021). */
function scanDates(text: string, year: number | undefined): (DateHit | { index: number; end: number; unknownYear: true })[] {
  const out: (DateHit | { index: number; end: number; unknownYear: true })[] = [];
  let y = year;
  for (const m of text.matchAll(DATE)) {
    const index = m.index!;
    const end = index + m[0].length;
    let date: IsoDate | undefined;
    if (m[1]) {
      y = Number(m[1]);
      date = m[3] ? iso(y, Number(m[2]), Number(m[3])) : monthEnd(y, Number(m[2]), undefined);
    } else if (m[4]) {
      y = Number(m[4]);
      if (m[5]) date = m[6] ? iso(y, Number(m[5]), Number(m[6])) : monthEnd(y, Number(m[5]), m[7]);
      else if (m[8]) {
        const w = m[8];
        if (w === '上半年') date = `${y}-06-30`;
        else if (/季度/.test(w)) date = quarterEnd(y, w.replace(/[第季度]/g, ''));
        else date = `${y}-12-31`;
      } else continue; // 2025年 alone: a year named, not a deadline.
    } else if (m[9]) {
      if (y === undefined) {
        out.push({ index, end, unknownYear: true });
        continue;
      }
      date = m[10] ? iso(y, Number(m[9]), Number(m[10])) : monthEnd(y, Number(m[9]), m[11]);
    } else if (m[13]) {
      if (y === undefined) {
        out.push({ index, end, unknownYear: true });
        continue;
      }
      date = `${y}-12-31`;
    } else if (m[14]) {
      if (y === undefined) continue;
      date = m[14] === '上' ? `${y}-06-30` : `${y}-12-31`;
    } else if (m[15]) {
      if (y === undefined) continue;
      date = quarterEnd(y, m[15]);
    }
    if (date) out.push({ date, index, end, ...(y !== undefined && { year: y }) });
  }
  return out;
}

function relativeDate(text: string, ctx: DeadlineContext): ParsedDeadline | undefined {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  if (!ctx.signed) return { kind: 'unknown', needsSigned: true };
  const n = /\d/.test(m[1]!) ? Number(m[1]) : cnNumber(m[1]!);
  const [y, mo, d] = ctx.signed.split('-').map(Number) as [number, number, number];
  const base = new Date(Date.UTC(y, mo - 1, d));
  const unit = m[3]!;
  if (unit === '日' || unit === '天') base.setUTCDate(base.getUTCDate() + n);
  else if (unit === '周' || unit === '星期') base.setUTCDate(base.getUTCDate() + 7 * n);
  else if (unit === '月') base.setUTCMonth(base.getUTCMonth() + n);
  else base.setUTCFullYear(base.getUTCFullYear() + n);
  return { kind: 'date', date: base.toISOString().slice(0, 10), milestones: [], relative: true };
}

/** A count of working days in the words, as a rule for the ledger to count (the day it starts from is not counted). */
function workdaysRule(text: string): { rule: WorkdayDeadline; wording: string } | undefined {
  const m = WORKDAYS.exec(text);
  if (!m) return undefined;
  const n = /\d/.test(m[2]!) ? Number(m[2]) : cnNumber(m[2]!);
  if (!(n > 0)) return undefined;
  return { rule: { workdays: n, from: m[1] === '发布' ? 'published' : 'signed' }, wording: m[0] };
}

function cnNumber(s: string): number {
  const d = (c: string | undefined): number => (c === '两' ? 2 : CN.indexOf(c ?? '') + 1);
  if (s.length === 1) return d(s);
  if (s[0] === '十') return 10 + d(s[1]);
  if (s.length === 2) return d(s[0]) * 10;
  return d(s[0]) * 10 + d(s[2]);
}

function normalise(text: string): string {
  // Full-width digits are common in documents typed on Chinese input methods.
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

/** A 完成时限 value as written; `ctx.year` is the document's year, for 年底前 and 6月底前. */
export function parseDeadline(text: string, ctxOrYear: DeadlineContext | number | undefined): ParsedDeadline {
  const ctx: DeadlineContext = typeof ctxOrYear === 'object' ? ctxOrYear : { year: ctxOrYear };
  const t = trimEnd(normalise(text), '。；;，,');
  // A deadline is a few words; a long passage is not one (and must not cost more than linear time).
  if (t.length > 200) return ONGOING.test(t.slice(0, 200)) ? { kind: 'ongoing', note: t.slice(0, 200) } : { kind: 'unknown' };
  const workdays = workdaysRule(t);
  if (workdays) return { kind: 'workdays', rule: workdays.rule };
  const relative = relativeDate(t, ctx);
  if (relative) return relative;
  const hits = scanDates(t, ctx.year);
  if (hits.some((h) => 'unknownYear' in h)) return { kind: 'unknown' };
  // In a 完成时限 value a range (2021年6月至12月) ends on its last date; every date is a stage.
  // 每年3月底前 recurs: not one deadline.
  const dated = hits.filter((h): h is DateHit => 'date' in h && !/每(?:年|季度?|月|半年)?$/.test(t.slice(Math.max(0, h.index - 3), h.index)));
  if (dated.length > 0) {
    const last = dated[dated.length - 1]!;
    const milestones = stagesBefore(t, dated);
    return { kind: 'date', date: last.date, milestones };
  }
  if (ONGOING.test(t)) return { kind: 'ongoing', note: t };
  // 完成时间：2022年 / 2022年度 / 2021—2022年: by the end of the (last) year named.
  const years = /^(?:(\d{4})\s*年?\s*(?:至|到|—|－|-|~|～)\s*)?(\d{4})\s*年(?:度|内)?(?:前|以前|之前)?(?:完成|全面完成)?$/.exec(t);
  if (years) return { kind: 'date', date: `${years[2]}-12-31`, milestones: [] };
  // 全年 / 本年度 / 年度内: within the document's year.
  if (ctx.year !== undefined && /^(?:全年|本年度?|今年|当年|年度)(?:内|以内)?(?:完成)?$/.test(t)) return { kind: 'date', date: `${ctx.year}-12-31`, milestones: [] };
  return { kind: 'unknown' };
}

/** The earlier stages of a deadline with several, each with the clause it stands in. */
function stagesBefore(text: string, dated: DateHit[]): Milestone[] {
  const out: Milestone[] = [];
  for (const h of dated.slice(0, -1)) {
    // A range start is part of its range, not a stage.
    if (RANGE.test(text.slice(h.end, h.end + 2))) continue;
    const from = Math.max(text.lastIndexOf('，', h.index), text.lastIndexOf('；', h.index), text.lastIndexOf(',', h.index), text.lastIndexOf(';', h.index)) + 1;
    const stops = ['，', '；', ',', ';', '。'].map((s) => text.indexOf(s, h.end)).filter((i) => i >= 0);
    const to = stops.length > 0 ? Math.min(...stops) : text.length;
    if (!out.some((m) => m.date === h.date)) out.push({ date: h.date, text: text.slice(from, to) });
  }
  return out;
}

/**
 * A deadline written inside the task's own sentence ("…于2021年10月底前完成…",
 * "6月底前完成试点，12月底前全面推开", "自本方案印发之日起30日内"), used only when
 * the task has no 完成时限 label. A date counts only with words that make it a
 * deadline (前, 内, 完成…); a range with none (a policy period) does not.
 */
export function deadlineInText(
  text: string,
  ctxOrYear: DeadlineContext | number | undefined,
): { date: IsoDate; wording: string; milestones: Milestone[] } | { rule: WorkdayDeadline; wording: string } | { needsSigned: true; wording: string } | undefined {
  const ctx: DeadlineContext = typeof ctxOrYear === 'object' ? ctxOrYear : { year: ctxOrYear };
  const t = normalise(text);
  const workdays = workdaysRule(t);
  if (workdays) return workdays;
  const rel = RELATIVE.exec(t);
  if (rel) {
    const parsed = relativeDate(rel[0], ctx);
    if (parsed?.kind === 'date') return { date: parsed.date, wording: rel[0], milestones: [] };
    return { needsSigned: true, wording: rel[0] };
  }
  const hits = scanDates(t, ctx.year);
  const deadlines: { hit: DateHit; wording: string }[] = [];
  let afterRange = false;
  for (const h of hits) {
    const wasRangeEnd = afterRange;
    afterRange = RANGE.test(t.slice(h.end, h.end + 2));
    if (!('date' in h) || afterRange) continue;
    const before = t.slice(Math.max(0, h.index - 3), h.index);
    if (/每(?:年|季度?|月|半年)?$/.test(before) || /(?:自|从)$/.test(before)) continue;
    const after = t.slice(h.end, h.end + 8);
    if (/^\s*(?:起|开始|以来)/.test(after)) continue;
    // 今年内, 年内 say "by" themselves; other dates need a word after them.
    const marker = /内$/.test(t.slice(h.index, h.end)) || MARKER.test(after);
    if (!marker) continue;
    if (wasRangeEnd && !/^\s*(?:前|之前|以前)/.test(after)) continue;
    const wording = t.slice(h.index, h.end) + (/^\s*(?:前|之前|以前|以内|内)/.exec(after)?.[0] ?? '');
    deadlines.push({ hit: h, wording });
  }
  if (deadlines.length === 0) return undefined;
  const last = deadlines[deadlines.length - 1]!;
  const milestones: Milestone[] = [];
  for (const d of deadlines.slice(0, -1)) if (d.hit.date !== last.hit.date && !milestones.some((m) => m.date === d.hit.date)) milestones.push({ date: d.hit.date, text: d.wording });
  return { date: last.hit.date, wording: deadlines.map((d) => d.wording).join('，'), milestones };
}

export const ONGOING_WORDS = ONGOING;

/** A reporting cadence: 每月5日前 (day 5 of each month), 每季度末 (the quarter's last day), 每季度结束后10日内 (ten days after it). */
export interface Cadence {
  every: Recurrence;
  day?: number | 'last';
  offset?: number;
}

const CADENCE = /每(个)?(月|季度?)(?:的)?(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号](?:前|之前|以前)?|(末|底)(?:前|之前)?|(?:结束|终了)?后\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:日|天)(?:内|以内)|(?:第一个月|首月)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号](?:前|之前|以前)?)/;

/** The cadence a sentence sets for its reports, if it sets one. */
export function parseCadence(text: string): Cadence | undefined {
  const m = CADENCE.exec(normalise(text));
  if (!m) return undefined;
  const every: Recurrence = m[2] === '月' ? 'month' : 'quarter';
  const num = (s: string): number => (/\d/.test(s) ? Number(s) : cnNumber(s));
  if (m[3]) {
    const day = num(m[3]);
    return day >= 1 && day <= 31 ? { every, day } : undefined;
  }
  if (m[4]) return { every, day: 'last' };
  if (m[5]) return { every, offset: num(m[5]) };
  // 每季度第一个月5日前: five days into the next quarter, reporting on the one just ended.
  if (m[6] && every === 'quarter') return { every, offset: num(m[6]) };
  return undefined;
}
