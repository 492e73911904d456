/**
 * Reporting duties (报送节点) in a document's own sentences: who reports, when,
 * to whom. A sentence may hold several clauses joined by ；or ，("…每月25日前
 * 将进展情况报…办公室（设在…），同时抄送…；6月30日、12月20日前分别报送半年、
 * 全年工作总结"): each clause with a time is one duty, and a clause that names
 * no reporters or no recipient takes those of the clause before it. A sentence
 * that reads like a duty and yields none is returned as unread, never dropped.
 */
import { isRealDate } from '../calendar.js';
import type { Checkpoint, RecurringCheckpoint } from '../model.js';
import { parseCadence } from './deadline.js';
import { isGroupPhrase, type NameBook } from './names.js';

export interface CheckpointReading {
  checkpoints: (Checkpoint | RecurringCheckpoint)[];
  /** Sentences that read like a reporting duty but gave no checkpoint: line and sentence. */
  unread: { line: number; text: string }[];
}

/** A verb of reporting: 报送, 上报, 报县政府办 — not 报告/报表/月报制度 as nouns. */
const VERB = /报送|上报|呈报|(?<!通|简|快|情|公|申|举|预|画|海|电|警|捷|回|剪)报(?!告|表|道|名|刊|纸|销|批|备|送|考|建|账|件|价|酬|关|社)/;
/** A date or a cadence: what makes a sentence about reporting a duty with a time. */
const TIME = /\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]|底|末)|年\s*(?:底|末)|每(?:个)?(?:月|季度?|半年|年)/;
/** One date (6月30日, 2026年12月20日, 11月底, 年底) and a list of them (6月30日、12月20日前). */
const ONE_DATE = '(?:\\d{4}\\s*年\\s*)?\\d{1,2}\\s*月\\s*(?:\\d{1,2}\\s*[日号]|底|末)|(?:\\d{4}\\s*)?年\\s*(?:底|末)';
const DATES = new RegExp(`(?:${ONE_DATE})(?:\\s*(?:前|之前)?\\s*[、和及至与]\\s*(?:${ONE_DATE}))*`);
const DATE_PARTS = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|底|末)|(?:(\d{4})\s*)?年\s*(?:底|末)/g;
const CADENCE_AT = /每(?:个)?(?:月|季度?)/;
/** What a report is about: progress, not a one-off document to file. */
const CONTENT = /进展|进度|落实|情况|总结|成效|报告|台账|数据/;
/** How a unit's or group's name ends. */
const NAME_END = /(?:人民政府|政府|办公室|办公厅|委员会|管委会|领导小组|指挥部|中心|单位|部门|乡镇|街道|公司|局|委|办|部|厅|院|署|会|所|站|队|镇|乡|社|行|室|处|科|组)$/;
/** Words before the time that are no part of the reporters' names. */
const BEFORE_TIME = /(?:要|须|需|应|应当|务必|必须|请)?(?:于|在|在每|于每)?$/;

function looksLikeOwner(s: string): boolean {
  return s.length >= 2 && s.length <= 40 && /^[\u4e00-\u9fa5]+$/.test(s) && (NAME_END.test(s) || isGroupPhrase(s));
}

/** The names a clause opens with (各乡镇、各部门；县直各牵头单位), the last run of names before `end`. */
function reportersIn(text: string): string[] {
  const parts = text.replace(BEFORE_TIME, '').split(/[及和、,，与：:]/).map((s) => s.trim().replace(/^(?:请|同时|并|另|其中|由)/, ''));
  const out: string[] = [];
  for (const p of parts) {
    if (!p) continue;
    if (looksLikeOwner(p)) out.push(p);
    else out.length = 0;
  }
  return out;
}

/**
 * The recipient after a verb of reporting (报县政府办公室, 报送至…, 向…报送): the longest name there.
 * Several run together (报县委、县政府督查室) are no one recipient: `several`.
 */
function recipientIn(text: string): { name: string; several: boolean } | undefined {
  const first = (run: string, rest: string): { name: string; several: boolean } | undefined => {
    for (let n = run.length; n >= 2; n--) {
      const name = run.slice(0, n);
      if (looksLikeOwner(name)) return { name, several: /^[、和及与]/.test(rest.slice(n)) };
    }
    return undefined;
  };
  const toward = /向([\u4e00-\u9fa5、和及与]{2,40}?)(?:报送|报告|上报|呈报|报)/.exec(text);
  if (toward) {
    const names = toward[1]!.split(/[、和及与]/);
    if (names.every(looksLikeOwner)) return { name: names[0]!, several: names.length > 1 };
  }
  for (const m of text.matchAll(new RegExp(VERB.source, 'g'))) {
    const rest = text.slice(m.index! + m[0].length).replace(/^(?:至|给|到)/, '');
    const run = /^[\u4e00-\u9fa5]{2,40}/.exec(rest)?.[0];
    const found = run && first(run, rest);
    if (found) return found;
  }
  // 报送工作进展情况至县农业农村局: the recipient after what is reported.
  const to = /(?:报送|上报|呈报|报)[^，,；;]{0,30}?(?:至|到|给)([\u4e00-\u9fa5]{2,40})/.exec(text);
  return to ? first(to[1]!, text.slice(to.index + to[0].length - to[1]!.length)) : undefined;
}

interface Clause {
  cadence?: NonNullable<ReturnType<typeof parseCadence>>;
  dates: string[];
  timeAt: number;
  timeEnd: number;
  text: string;
}

function clauseOf(text: string, year: number | undefined): Clause | undefined {
  const cadenceAt = CADENCE_AT.exec(text);
  if (cadenceAt) {
    const cadence = parseCadence(text.slice(cadenceAt.index));
    return { ...(cadence && { cadence }), dates: [], timeAt: cadenceAt.index, timeEnd: cadenceAt.index + cadenceAt[0].length, text };
  }
  const d = DATES.exec(text);
  // 每年, 每半年: a cadence plan.yaml cannot hold (nor is 每年12月底前 one date): not read.
  if (!d || /每(?:个)?(?:年|半年)/.test(text)) return d ? { dates: [], timeAt: d.index, timeEnd: d.index + d[0].length, text } : undefined;
  const dates: string[] = [];
  let y = year;
  for (const m of d[0].matchAll(DATE_PARTS)) {
    if (m[1] ?? m[4]) y = Number(m[1] ?? m[4]);
    if (y === undefined) return { dates: [], timeAt: d.index, timeEnd: d.index + d[0].length, text };
    const month = m[2] ? Number(m[2]) : 12;
    const day = m[3] ? Number(m[3]) : new Date(Date.UTC(y, month, 0)).getUTCDate();
    const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (!isRealDate(date)) return { dates: [], timeAt: d.index, timeEnd: d.index + d[0].length, text };
    dates.push(date);
  }
  return { dates, timeAt: d.index, timeEnd: d.index + d[0].length, text };
}

/** A clause with two times (每季度末报…，年底前报送全年总结) is two duties: cut at the comma before the second. */
function clausesOf(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let timed = false;
  for (const piece of text.split(/(?<=[，,])/)) {
    const t = TIME.test(piece);
    if (t && timed) {
      out.push(current);
      current = '';
      timed = false;
    }
    current += piece;
    timed ||= t;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Every reporting duty of the document's sentences. `inTask` tells a sentence
 * that is part of a task's own text: read when it is whole, never reported as
 * unread (the task holds it).
 */
export function readCheckpoints(lines: string[], year: number | undefined, names: NameBook, inTask: (line: number, sentence: string) => boolean): CheckpointReading {
  const checkpoints: (Checkpoint | RecurringCheckpoint)[] = [];
  const unread: CheckpointReading['unread'] = [];
  // Names are resolved (and units created) only for a duty that is kept.
  const reportersOf = (words: string[]): string[] =>
    words.map((who) => {
      if (/牵头单位/.test(who)) {
        // 县直各牵头单位: the lead units among 县直各单位, when the plan knows that group.
        const scope = names.knownGroup(who.replace('牵头', ''));
        return scope === undefined ? 'leads' : `leads:${scope}`;
      }
      return names.sameGroup(who) ?? names.id(who);
    });
  lines.forEach((raw, i) => {
    if (raw.startsWith('\u0000')) return;
    const line = i + 1;
    let context: { reporters?: string[]; recipient?: string } = {};
    for (const piece of raw.trim().split('。')) {
      const sentence = piece.trim();
      // Reporting sentences are short; a long run of text is not one.
      if (!sentence || sentence.length > 400) continue;
      if (!VERB.test(sentence) || !TIME.test(sentence)) continue;
      const task = inTask(line, sentence);
      const found: { clause: Clause; reporters: string[]; recipient: string }[] = [];
      let whole = true;
      // A copy (同时抄送…) and a note on the recipient （设在县农业农村局） are no part of the duty's names.
      const plain = sentence.replace(/[（(][^（()）]*[）)]/g, '').replace(/[，,]?\s*(?:同时|并)?(?:抄送|抄报)[^，,；;]*/g, '');
      for (const text of plain.split(/[；;]/).flatMap(clausesOf)) {
        const clause = clauseOf(text, year);
        if (!clause) continue;
          if (!VERB.test(text) && !/报告/.test(text)) continue;
        const before = text.slice(0, clause.timeAt);
        // 每月5日前，各乡镇将…: the reporters may follow the time.
        const after = /^[^将把向报]*/.exec(text.slice(clause.timeEnd).replace(/^[^，,]*?(?:前|内|底|末)[，,]?/, ''))?.[0] ?? '';
        const named = reportersIn(before.split(/[，,]/).pop() ?? before);
        const reporters = named.length > 0 ? named : reportersIn(after).length > 0 ? reportersIn(after) : context.reporters;
        const to = recipientIn(text.slice(clause.timeAt));
        const recipient = to ? (to.several ? undefined : to.name) : context.recipient;
        context = { ...(reporters && { reporters }), ...(recipient !== undefined && { recipient }) };
        const content = CONTENT.test(text) || CONTENT.test(sentence);
        if (!reporters || reporters.length === 0 || recipient === undefined || !content || (!clause.cadence && clause.dates.length === 0)) {
          whole = false;
          continue;
        }
        found.push({ clause, reporters, recipient });
      }
      // A sentence of a task's own text is the task's: a duty only when read whole, never listed.
      if (task && !whole) continue;
      const source = `${sentence}。`;
      for (const { clause, reporters, recipient } of found) {
        const who = reportersOf(reporters);
        const to = names.id(recipient);
        const c = clause.cadence;
        if (c) checkpoints.push({ every: c.every, ...(c.day !== undefined && { day: c.day }), ...(c.offset !== undefined && { offset: c.offset }), reporters: who, recipient: to, source });
        else for (const date of clause.dates) checkpoints.push({ date, reporters: who, recipient: to, source });
      }
      // Part read or none: what was read is kept, and the sentence listed for a person.
      if (!task && (!whole || found.length === 0)) unread.push({ line, text: sentence });
    }
  });
  return { checkpoints, unread };
}
