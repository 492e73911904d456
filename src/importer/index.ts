/**
 * The importer: the plain text of a work-plan document to a draft plan
 * (plan, units, groups, tasks) and a report of everything it could not read
 * with certainty. Pure: text in, data out; commands/import.ts writes files.
 */
import { documentOfText, normalise } from './document.js';
import { FIRST_LEADS_RULE, findAnnotation, labelLine, type Annotation } from './annotation.js';
import { deadlineInText, parseCadence, parseDeadline, type Cadence, type DeadlineContext } from './deadline.js';
import { recurrenceDates } from '../due-dates.js';
import { readCheckpoints } from './checkpoints.js';
import { documentFacts } from './facts.js';
import { NameBook } from './names.js';
import { ownersOf, readClauses, splitUnits, type Owners } from './owners.js';
import { readTable } from './table.js';
import type { Cell, Draft, DraftPart, DraftPlan, DraftTask, ImportOptions, Problem, Seen, SourceDocument, TaskReading } from './types.js';

export type { Block, Cell, Draft, DraftPart, DraftPlan, DraftTask, ImportOptions, ImportReport, Problem, Seen, SourceDocument, TaskReading } from './types.js';

const NUMERALS = '一二三四五六七八九十';
/** 一 … 九十九 as a number. */
function numeral(s: string): number {
  const d = (c: string | undefined): number => NUMERALS.indexOf(c ?? '') + 1;
  if (s.length === 1) return d(s);
  if (s[0] === '十') return 10 + d(s[1]);
  if (s.length === 2) return d(s[0]) * 10;
  return d(s[0]) * 10 + d(s[2]);
}

/** Headings, outermost first: 一、 （一） 1. （1） ①. */
const HEADINGS: RegExp[] = [
  /^([一二三四五六七八九十]{1,3})\s*[、,，.．]\s*(.*)$/,
  /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$/,
  /^(\d{1,2})\s*[.．、,，](?!\d)\s*(.*)$/,
  /^[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$/,
  /^([\u2460-\u2473])\s*(.*)$/,
];
const KINDS = ['section', 'group', 'numbered', 'sub', 'circled'] as const;
type HeadingKind = (typeof KINDS)[number];

/** Words of a deadline that recurs (每季度末, 每月5日前, 按季度, 定期): not one date, and not simply ongoing. */
const RECURRING = /每(?:个)?(?:月|季度?|半年|年)|按(?:月|季度?|年度?)|定期/;

/** Marks where a table stands among the lines the rules read. */
const TABLE_MARK = '\u0000TABLE:';

interface Paragraph {
  line: number;
  kind: HeadingKind | 'plain';
  level: number;
  number?: number;
  label?: string;
  text: string;
}

/** `note`: an owner note in a paragraph of its own, （商务部、文化和旅游部负责）, as the State Council lays them out. */
type Block = Paragraph | { line: number; kind: 'labels'; annotation: Annotation; note?: boolean } | { line: number; kind: 'table'; index: number };

/** A heading not yet claimed by a task: labels after it, or after its sub-items, may make it one. */
interface Pending {
  p: Paragraph;
  id: string;
  source: string;
  extra: Paragraph[];
  hasTask: boolean;
}

export function importDocument(input: string | SourceDocument, options: ImportOptions): Draft {
  // Every form is one model: paragraphs and tables. Line n is block n (text lines that lost their breaks
  // are broken again, and then count as lines of their own).
  const tables: Cell[][][] = [];
  const lines = normalise(typeof input === 'string' ? documentOfText(input) : input).map((b) => (b.kind === 'paragraph' ? b.text : `${TABLE_MARK}${tables.push(b.rows) - 1}`));
  const text = lines.join('\n');
  const problems: Problem[] = [];
  const facts = documentFacts(lines, problems);
  const names = new NameBook(options.known);
  const statesRule = FIRST_LEADS_RULE.test(text);
  const dctx: DeadlineContext = { year: facts.year, signed: facts.signed };

  const blocks: Block[] = [];
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (!t) return;
    const line = i + 1;
    if (t.startsWith(TABLE_MARK)) return void blocks.push({ line, kind: 'table', index: Number(t.slice(TABLE_MARK.length)) });
    const labels = labelLine(t);
    if (labels) return void blocks.push({ line, kind: 'labels', annotation: labels });
    const note = ownNote(t);
    if (note) return void blocks.push({ line, kind: 'labels', annotation: note, note: true });
    for (let level = 0; level < HEADINGS.length; level++) {
      const m = HEADINGS[level]!.exec(t);
      if (!m) continue;
      const label = m[1]!;
      const number = level === 0 || level === 1 ? numeral(label) : level === 4 ? label.charCodeAt(0) - 0x2460 + 1 : Number(label);
      return void blocks.push({ line, kind: KINDS[level]!, level: level + 1, number, label, text: m[2]! });
    }
    blocks.push({ line, kind: 'plain', level: 9, text: t });
  });

  const parts: DraftPart[] = [];
  const readings: TaskReading[] = [];
  const readingOf = new Map<string, TaskReading>();
  let section: { number: number; label: string; heading: string } | undefined;
  let group: { number: number; label: string } | undefined;
  /** Numbers of the deeper headings (1. （1） ①) under the current group. */
  const deeper: (number | undefined)[] = [undefined, undefined, undefined];
  let part: DraftPart | undefined;
  let last: DraftTask | undefined;
  let pending: Pending[] = [];
  let groupHeading: string | undefined;
  let inAnnex = false;
  let annexLine: number | undefined;
  const usedIds = new Set<string>();
  const nextSuffix = new Map<string, number>();

  const partFor = (): DraftPart => {
    const name = section ? (group ? `${section.number}-${group.number}` : `${section.number}`) : group ? `0-${group.number}` : '0';
    const label = section ? (group ? `${section.label}(${group.label})` : section.label) : group ? `正文(${group.label})` : '正文';
    if (part?.name !== name) {
      part = parts.find((p) => p.name === name) ?? { name, section: label, heading: groupHeading ?? section?.heading ?? '', tasks: [] };
      if (!parts.includes(part)) parts.push(part);
    }
    return part;
  };
  const prefix = (): string => [section?.number, group?.number].filter((n) => n !== undefined).join('.');
  const idAt = (level: number, number: number): string => {
    const path = [section?.number, group?.number, ...deeper.slice(0, Math.max(0, level - 3))].filter((n) => n !== undefined);
    return [...path, number].join('.');
  };
  const uniqueId = (id: string): string => {
    // The next free suffix per id, so a thousand repeats of one number stay linear.
    let k = nextSuffix.get(id) ?? 1;
    let out = k === 1 ? id : `${id}-${k}`;
    while (usedIds.has(out)) out = `${id}-${++k}`;
    nextSuffix.set(id, k + 1);
    usedIds.add(out);
    return out;
  };
  const sourceLabel = (p: Paragraph | undefined): string => {
    const path = `${section?.label ?? ''}${group ? `(${group.label})` : ''}`;
    if (!p || p.kind === 'plain' || p.kind === 'section' || p.kind === 'group') return path;
    const marks = deeper.map((n, k) => (n === undefined ? '' : k === 0 ? String(n) : k === 1 ? `(${n})` : String.fromCharCode(0x2460 + n - 1)));
    return `${path}${marks.join('')}`;
  };

  const addTask = (line: number, id: string, body: string, annotation: Annotation | undefined, src: string, plain: boolean, how: TaskReading['how']): DraftTask => {
    const task: DraftTask = { id: uniqueId(id), title: titleOf(body, plain), text: body, lead: [], leadOpen: false, responsible: [], source: `${src} · ${options.sourceName}:${line}`, line };
    if (annotation) applyAnnotation(task, annotation, line, how);
    else readings.push({ id: task.id, line, how });
    partFor().tasks.push(task);
    last = task;
    return task;
  };

  const applyAnnotation = (task: DraftTask, a: Annotation, line: number, how: TaskReading['how']): void => {
    if (a.raw) task.annotation = a.raw;
    if (a.unclosed) problems.push({ line, kind: 'unclosed-annotation', text: a.raw });
    const o = a.owners;
    if (o) {
      if (o.lead.length > 0) task.lead = o.lead.map((n) => names.id(n));
      task.leadOpen = o.leadOpen;
      if (o.responsible.length > 0) task.responsible = o.responsible.map((n) => names.id(n));
    }
    if (a.deadline !== undefined) task.deadlineText = a.deadline;
    if (!o && a.deadline === undefined) problems.push({ line, kind: 'unsplit-annotation', text: a.raw });
    const byConvention = !!o && !a.labelled && !o.leadStated && o.lead.length > 0;
    readings.push({ id: task.id, line, how: byConvention ? (statesRule ? 'note-rule' : 'note-convention') : how });
  };

  /** Labels on their own lines: fill what the task above does not say yet. */
  const fillFrom = (task: DraftTask, a: Annotation): void => {
    const o = a.owners;
    if (o && o.lead.length > 0 && task.lead.length === 0) {
      task.lead = o.lead.map((n) => names.id(n));
      task.leadOpen = o.leadOpen;
    }
    if (o && o.responsible.length > 0) task.responsible = [...new Set([...task.responsible, ...o.responsible.map((n) => names.id(n))])];
    if (a.deadline !== undefined && task.deadlineText === undefined) task.deadlineText = a.deadline;
    task.annotation = task.annotation ? `${task.annotation} ${a.raw}` : a.raw;
  };

  const reportUnclaimed = (): void => {
    for (const q of pending) {
      if (q.hasTask) continue;
      // Short 一、/（一） headings are headings; numbered items and long group paragraphs look like tasks.
      if (q.p.level >= 3 || (q.p.level === 2 && q.p.text.length > 40)) problems.push({ line: q.p.line, kind: 'no-annotation', text: excerpt(q.p.text) });
    }
    pending = [];
  };
  const markAncestors = (level: number): void => {
    for (const q of pending) if (q.p.level < level) q.hasTask = true;
  };
  /** A numbered paragraph waiting for its owners, with the paragraphs under it, becomes the task the annotation names. */
  const closeTarget = (target: Pending, a: Annotation, line: number, how: TaskReading['how']): void => {
    const at = pending.indexOf(target);
    const children = pending.slice(at + 1).map((q) => q.p.text);
    markAncestors(target.p.level);
    pending = pending.slice(0, at);
    const body = [target.p.text, ...target.extra.map((x) => x.text), ...children].join('\n');
    const task = addTask(target.p.line, target.id, body, undefined, target.source, target.p.kind === 'plain', how);
    readings.pop();
    applyAnnotation(task, a, line, how);
  };

  // Label lines after a task are read together as one annotation.
  const merged: Block[] = [];
  for (const b of blocks) {
    const prev = merged[merged.length - 1];
    if (b.kind === 'labels' && prev?.kind === 'labels') {
      prev.annotation = mergeAnnotations(prev.annotation, b.annotation);
      continue;
    }
    merged.push(b.kind === 'labels' ? { ...b, annotation: { ...b.annotation } } : b);
  }

  /** The unnumbered paragraphs read since the last heading, note or task that belong to no heading: labels right after them make them a task. */
  let loosePlain: Paragraph[] = [];
  const nextLetterId = (): string => {
    const base = last ? last.id.replace(/[b-z]$/, '') : `${prefix() || '0'}.0`;
    const letter = last && /[b-z]$/.test(last.id) ? String.fromCharCode(last.id.charCodeAt(last.id.length - 1) + 1) : 'b';
    return `${base}${letter}`;
  };
  for (const p of merged) {
    if (inAnnex) continue;
    if (p.kind !== 'labels' && p.kind !== 'plain') loosePlain = [];
    if (p.kind === 'labels' && p.note) {
      // A note in its own paragraph belongs to the paragraph(s) before it, up to the previous note or heading.
      const target = labelTarget(pending);
      const loose = loosePlain;
      loosePlain = [];
      if (target && target.extra.length > 0 && isTitle(target.p)) {
        // （一）提振大宗消费。/ 推动…。/（商务部负责）: the paragraphs are the task; the heading stays a heading.
        const first = target.extra.shift()!;
        const body = [first.text, ...target.extra.map((x) => x.text)].join('\n');
        target.extra = [];
        target.hasTask = true;
        markAncestors(target.p.level);
        const task = addTask(first.line, nextLetterId(), body, undefined, target.source, true, 'annotation');
        readings.pop();
        applyAnnotation(task, p.annotation, p.line, 'annotation');
      } else if (target) {
        closeTarget(target, p.annotation, p.line, 'annotation');
      } else if (loose.length > 0) {
        markAncestors(9);
        const task = addTask(loose[0]!.line, nextLetterId(), loose.map((x) => x.text).join('\n'), undefined, sourceLabel(loose[0]), true, 'annotation');
        readings.pop();
        applyAnnotation(task, p.annotation, p.line, 'annotation');
      } else if (last) fillFrom(last, p.annotation);
      else problems.push({ line: p.line, kind: 'empty-task', text: p.annotation.raw });
      continue;
    }
    if (p.kind === 'labels') {
      const target = labelTarget(pending);
      const loose = loosePlain[loosePlain.length - 1];
      loosePlain = [];
      if (loose) {
        // An unnumbered paragraph followed by its labels: a task of its own.
        markAncestors(9);
        const task = addTask(loose.line, nextLetterId(), loose.text, undefined, sourceLabel(loose), true, 'label-lines');
        readings.pop();
        applyAnnotation(task, p.annotation, p.line, 'label-lines');
      } else if (target) {
        closeTarget(target, p.annotation, p.line, 'label-lines');
      } else if (last) fillFrom(last, p.annotation);
      continue;
    }
    if (p.kind === 'table') {
      reportUnclaimed();
      readTableTasks(p.index, p.line);
      continue;
    }
    if (p.kind === 'plain' && /^附件\s*\d*\s*[:：]?/.test(p.text) && /^附件/.test(p.text)) {
      // The annexes (附件: contact forms and the like) hold no tasks.
      reportUnclaimed();
      inAnnex = true;
      annexLine = p.line;
      continue;
    }
    if (p.kind === 'section') {
      reportUnclaimed();
      section = { number: p.number!, label: p.label!, heading: p.text };
      group = undefined;
      groupHeading = undefined;
      deeper.fill(undefined);
      last = undefined;
      const annotation = findAnnotation(p.text);
      if (annotation && annotation.owners) {
        section.heading = titleOf(annotation.body, false);
        addTask(p.line, `${p.number}`, annotation.body, annotation, section.label, false, 'annotation');
      }
      continue;
    }
    const annotation = findAnnotation(p.text);
    if (p.kind === 'group') {
      reportUnclaimed();
      group = { number: p.number!, label: p.label! };
      deeper.fill(undefined);
      groupHeading = annotation ? titleOf(annotation.body, false) : p.text;
      last = undefined;
      if (annotation) {
        // In parts like 三、保障措施 each (一)… is itself a task.
        group = undefined;
        groupHeading = undefined;
        addTask(p.line, section ? `${section.number}.${p.number}` : `${p.number}`, annotation.body, annotation, `${section?.label ?? ''}(${p.label})`, false, 'annotation');
      } else {
        pending.push({ p, id: section ? `${section.number}.${p.number}` : `${p.number}`, source: `${section?.label ?? ''}(${p.label})`, extra: [], hasTask: false });
        if (p.text.length > 40) group = undefined;
      }
      continue;
    }
    if (p.kind !== 'plain') {
      const k = p.level - 3;
      const id = idAt(p.level, p.number!);
      deeper[k] = p.number;
      for (let j = k + 1; j < deeper.length; j++) deeper[j] = undefined;
      // A heading at this level closes the pending headings below it; those at its own level stay,
      // as siblings: labels after （1）（2） belong to the item above them.
      const keep = pending.filter((q) => q.p.level <= p.level);
      if (keep.length !== pending.length) {
        pending = pending.filter((q) => q.p.level > p.level);
        reportUnclaimed();
        pending = keep;
      }
      if (annotation) {
        markAncestors(p.level);
        addTask(p.line, id, annotation.body, annotation, sourceLabel(p), false, 'annotation');
      } else pending.push({ p, id, source: sourceLabel(p), extra: [], hasTask: false });
      continue;
    }
    if (annotation) {
      // An unnumbered paragraph with its own annotation is a task of its own,
      // named after the task above it: 2.2.3 → 2.2.3b → 2.2.3c.
      loosePlain = [];
      markAncestors(9);
      addTask(p.line, nextLetterId(), annotation.body, annotation, `${sourceLabel(last ? undefined : p)}${last ? ` ${last.id.split('.').pop()!.replace(/[b-z]$/, '')} 之后的段落` : ''}`, true, 'annotation');
      continue;
    }
    // A paragraph without annotation continues the heading above it.
    const open = pending[pending.length - 1];
    if (open && !open.hasTask && open.p.level >= 2) {
      open.extra.push(p);
      loosePlain = [];
    } else loosePlain.push(p);
  }
  reportUnclaimed();

  function readTableTasks(index: number, line: number): void {
    const rows = tables[index];
    if (!rows) return;
    const table = readTable(rows);
    if (table.skipped) {
      if (rows.length >= 2 && rows.some((r) => r.some((c) => /牵头|责任|负责/.test(c.text)))) problems.push({ line, kind: 'unread-table', text: rows[0]!.map((c) => c.text).join(' | ').slice(0, 60), table: { index: index + 1, rows: rows.length } });
      return;
    }
    let sectionNo = 0;
    let rowNo = 0;
    const base = prefix();
    table.rows.forEach((r, k) => {
      const sec = table.sections.filter((s) => s.beforeRow <= k).pop();
      if (sec && table.sections.indexOf(sec) + 1 !== sectionNo) {
        sectionNo = table.sections.indexOf(sec) + 1;
        rowNo = 0;
        const m = HEADINGS[0]!.exec(sec.text) ?? HEADINGS[1]!.exec(sec.text);
        if (!section || m) {
          const num = m ? numeral(m[1]!) : sectionNo;
          if (!section || HEADINGS[0]!.test(sec.text)) {
            section = { number: num, label: m?.[1] ?? String(num), heading: m?.[2] ?? sec.text };
            group = undefined;
          } else group = { number: num, label: m?.[1] ?? String(num) };
          groupHeading = undefined;
        }
      }
      const cellOwners = (cell: string | undefined, kind: 'lead' | 'responsible'): Owners | undefined => {
        if (!cell) return undefined;
        const clauses = readClauses(cell);
        if (clauses) return kind === 'lead' && !clauses.some((c) => c.role === 'lead') ? { lead: clauses.filter((c) => c.role !== 'support').flatMap((c) => c.names), responsible: clauses.filter((c) => c.role === 'support').flatMap((c) => c.names), leadOpen: clauses.some((c) => c.open), leadStated: true } : ownersOf(clauses, false);
        const { names: list, open } = splitUnits(cell);
        return kind === 'lead' ? { lead: list, responsible: [], leadOpen: open, leadStated: true } : { lead: [], responsible: list, leadOpen: false, leadStated: false };
      };
      const lead = cellOwners(r.lead, 'lead');
      const resp = cellOwners(r.responsible, 'responsible');
      const support = r.support ? splitUnits(r.support).names : [];
      const leadNames = lead?.lead.length ? lead.lead : (resp?.lead ?? []);
      const respNames = [...new Set([...(lead?.responsible ?? []), ...(resp?.responsible ?? []), ...support])];
      const body = r.text;
      if (leadNames.length === 0 && respNames.length === 0) {
        // A row with no owner: a heading row (序号 一 / （一）), or a passage to report.
        const cn = /^\s*([一二三四五六七八九十]{1,3})\s*[、.．]?\s*$/.exec(r.seq ?? '') ?? /^\s*[（(]([一二三四五六七八九十]{1,3})[）)]\s*$/.exec(r.seq ?? '');
        if (cn && !r.deadline) {
          if (/^[（(]/.test(r.seq!.trim()) && section) group = { number: numeral(cn[1]!), label: cn[1]! };
          else {
            section = { number: numeral(cn[1]!), label: cn[1]!, heading: body };
            group = undefined;
          }
          groupHeading = undefined;
          rowNo = 0;
        } else problems.push({ line, kind: 'no-annotation', text: `表${index + 1}第${r.row}行: ${excerpt(body)}` });
        return;
      }
      rowNo++;
      const seq = /^\s*(\d{1,3})\s*[.．、]?\s*$/.exec(r.seq ?? '')?.[1];
      const id = [prefix() || base || 'T', seq ?? String(rowNo)].filter(Boolean).join('.');
      const task: DraftTask = { id: uniqueId(id), title: titleOf(r.heading && r.heading.length <= 40 && r.heading !== body ? r.heading : body, false), text: r.heading && r.heading !== body ? `${r.heading}：${body}` : body, lead: [], leadOpen: false, responsible: [], source: `${sourceLabel(undefined)} 表${index + 1}第${r.row}行 · ${options.sourceName}:${line}`, line };
      task.lead = leadNames.map((n) => names.id(n));
      task.leadOpen = lead?.leadOpen ?? false;
      task.responsible = respNames.map((n) => names.id(n));
      if (r.deadline) task.deadlineText = r.deadline;
      task.annotation = [r.lead && `牵头：${r.lead}`, r.responsible && `责任：${r.responsible}`, r.support && `配合：${r.support}`, r.deadline && `时限：${r.deadline}`].filter(Boolean).join('；');
      partFor().tasks.push(task);
      readings.push({ id: task.id, line, how: 'table' });
      last = task;
    });
  }

  // Deadlines: parsed, ongoing by their words, or (no 完成时限 at all) an explicit exception.
  const year = facts.year;
  const deadlines = { dates: 0, ongoing: 0, missing: 0, unknown: 0 };
  const recurring = new Map<DraftTask, Cadence>();
  // A reporting sentence of a task's own text (its line, its labels) belongs to the task.
  const taskLines = new Set([...parts.flatMap((p) => p.tasks.map((t) => t.line)), ...blocks.filter((b) => b.kind === 'labels').map((b) => b.line)]);
  const taskTexts = parts.flatMap((p) => p.tasks.map((t) => `${t.text}\n${t.annotation ?? ''}`));
  const { checkpoints, unread } = readCheckpoints(lines, year, names, (line, sentence) => taskLines.has(line) || taskTexts.some((t) => t.includes(sentence)));
  for (const u of unread) problems.push({ line: u.line, kind: 'unread-checkpoint', text: excerpt(u.text) });
  const reviewOn = checkpoints.flatMap((c) => ('date' in c ? [c.date] : []));
  const reviewDates = reviewOn.length > 0 ? reviewOn : year !== undefined ? [`${year}-06-30`, `${year}-12-31`] : placeholderReviewDates(options.today);
  // A task with an empty title is never written: a note or labels with no task text before them.
  for (const part of parts) {
    part.tasks = part.tasks.filter((t) => {
      if (t.title.trim() && t.text.trim()) return true;
      problems.push({ line: t.line, kind: 'empty-task', text: t.annotation ?? '' });
      return false;
    });
  }
  // A task whose owners the document does not name: a marked placeholder group, a warning until a person names them.
  for (const task of parts.flatMap((p) => p.tasks)) {
    if (task.lead.length > 0 || task.responsible.length > 0) continue;
    task.responsible = [names.placeholder()];
    problems.push({ line: task.line, kind: 'no-owner', text: task.id });
  }
  for (const r of readings) readingOf.set(r.id, r);
  for (const task of parts.flatMap((p) => p.tasks)) {
    const reading = readingOf.get(task.id);
    if (task.deadlineText === undefined) {
      const inText = deadlineInText(task.text, dctx);
      if (inText && 'rule' in inText) {
        task.deadlineRule = inText.rule;
        task.deadlineText = inText.wording;
        if (reading) reading.deadlineFrom = 'sentence';
        deadlines.dates++;
        continue;
      }
      if (inText && 'date' in inText) {
        task.deadline = inText.date;
        task.deadlineText = inText.wording;
        if (inText.milestones.length > 0) task.milestones = inText.milestones;
        if (reading) reading.deadlineFrom = 'sentence';
        deadlines.dates++;
        continue;
      }
      if (inText) {
        task.deadlineText = inText.wording;
        unreadDeadline(task, inText.wording);
        deadlines.unknown++;
        problems.push({ line: task.line, kind: 'relative-no-signed', text: `${task.id}: ${inText.wording}` });
        continue;
      }
      task.ongoing = true;
      task.reviewOn = reviewDates;
      task.deadlineNote = '原文未规定完成时限，在报送节点检查落实情况。';
      deadlines.missing++;
      problems.push({ line: task.line, kind: 'no-deadline', text: task.id });
      continue;
    }
    const parsed = parseDeadline(task.deadlineText, dctx);
    if (parsed.kind === 'date') {
      task.deadline = parsed.date;
      if (parsed.milestones.length > 0) task.milestones = parsed.milestones;
      deadlines.dates++;
    } else if (parsed.kind === 'workdays') {
      task.deadlineRule = parsed.rule;
      deadlines.dates++;
    } else if (parsed.kind === 'ongoing') {
      task.ongoing = true;
      task.reviewOn = reviewDates;
      deadlines.ongoing++;
      if (RECURRING.test(parsed.note)) {
        // 每季度末, 每月5日前: a deadline that recurs is no one date; reviewed at each period's date (below, once the span is known).
        task.deadlineNote = `原文：${parsed.note}（周期性要求，记为持续推进，在各周期的时限检查）。`;
        if (reading) reading.deadlineFrom = 'recurring';
        const cadence = parseCadence(parsed.note);
        if (cadence) recurring.set(task, cadence);
      } else task.deadlineNote = `原文：${parsed.note}（无具体日期）。`;
    } else {
      unreadDeadline(task, task.deadlineText);
      deadlines.unknown++;
      problems.push({ line: task.line, kind: parsed.needsSigned ? 'relative-no-signed' : 'unknown-deadline', text: `${task.id}: ${task.deadlineText}` });
    }
  }

  /**
   * A deadline written in words this tool cannot turn into a date: no date is invented. The task is kept
   * loadable as an explicit exception reviewed at the checkpoints, its note quoting the words, and the
   * report lists it for a person to set the date.
   */
  function unreadDeadline(task: DraftTask, words: string): void {
    task.ongoing = true;
    task.reviewOn = reviewDates;
    task.deadlineNote = `原文时限“${words}”未能换算为日期，请核对后填写 deadline。`;
  }

  const annex = annexLine === undefined ? undefined : readAnnex(annexLine);
  for (const text of annex?.unmatched ?? []) problems.push({ line: annex!.line, kind: 'annex-task', text });

  /**
   * The annexes are not read as tasks (a 任务清单 there repeats the body's tasks); the report says so, and
   * lists a task row the body does not have, for a person to add.
   */
  function readAnnex(line: number): Annex {
    const known = parts.flatMap((p) => p.tasks.map((t) => squeeze(`${t.title}${t.text}`)));
    const out: Annex = { line, tables: 0, rows: 0, repeated: 0, unmatched: [] };
    for (const b of merged) {
      if (b.line < line || b.kind !== 'table') continue;
      const rows = tables[b.index];
      if (!rows) continue;
      const table = readTable(rows);
      if (table.skipped) continue;
      out.tables++;
      for (const r of table.rows) {
        if (!r.lead && !r.responsible) continue;
        out.rows++;
        const text = squeeze(r.heading && r.heading !== r.text ? r.heading : r.text);
        if (text && known.some((k) => k.includes(text))) out.repeated++;
        else out.unmatched.push(`附件表${b.index + 1}第${r.row}行: ${excerpt(r.text)}`);
      }
    }
    return out;
  }

  if (reviewOn.length === 0 && year === undefined && parts.some((p) => p.tasks.some((t) => t.ongoing))) problems.push({ line: 1, kind: 'no-review-dates', text: reviewDates.join(', ') });
  const allTasks = parts.flatMap((p) => p.tasks);
  if (allTasks.length === 0) problems.push({ line: 1, kind: 'no-tasks', text: '', seen: whatWasSeen(lines, tables.length) });

  const allDeadlines = allTasks.map((t) => t.deadline).filter((d): d is string => d !== undefined).sort();
  // A plan counting working days (or reporting on a cadence) needs the working calendar; a Chinese document is on China's.
  const calendar = 'cn' as const;
  const start = facts.signed ?? allDeadlines[0];
  const endOfYear = year !== undefined ? `${year}-12-31` : undefined;
  const latest = allDeadlines[allDeadlines.length - 1];
  const end = endOfYear && (!latest || latest <= endOfYear) ? endOfYear : latest;

  // A recurring deadline is reviewed on each of its dates within the plan's span (每季度末: the quarters' ends).
  for (const [task, cadence] of recurring) {
    const { dates } = recurrenceDates(cadence, { ...(start && { start }), ...(end && { end }) });
    if (dates.length > 0) task.reviewOn = dates;
  }

  const plan: DraftPlan = {
    id: facts.id,
    title: facts.title,
    document: facts.document,
    issuer: options.office ?? facts.issuer,
    ...(facts.signed && { signed: facts.signed }),
    ...(facts.published && { published: facts.published }),
    implements: facts.implements,
    timezone: 'Asia/Shanghai',
    warnDays: 14,
    calendar,
    ...(start && end && start <= end && { span: { start, end } }),
    checkpoints,
  };
  const { units, groups, created, resolved, groupsCreated } = names.result();
  const names_ = new Map<string, string>([...groups.map((g) => [g.id, g.name] as const), ...units.map((u) => [u.id, u.short ?? u.name] as const)]);
  const nameOf = (id: string): string => names_.get(id) ?? id;
  return {
    plan,
    units,
    groups,
    newUnits: created.length + groupsCreated.length > 0,
    parts,
    report: {
      sections: parts.map((p) => ({ section: p.section, heading: p.heading, tasks: p.tasks.length })),
      tasks: allTasks.map((t) => {
        const r = readingOf.get(t.id);
        const deadlineFrom = r?.deadlineFrom ?? (t.deadlineText !== undefined ? 'label' : 'none');
        return { id: t.id, line: t.line, lead: t.lead.map(nameOf), responsible: t.responsible.map(nameOf), deadline: t.deadline ?? (t.ongoing ? 'ongoing' : undefined), ...(t.deadlineRule && { rule: t.deadlineRule }), ...(deadlineFrom === 'recurring' && t.deadlineText !== undefined && { deadlineWords: t.deadlineText }), how: r?.how ?? 'annotation', deadlineFrom };
      }),
      unitsCreated: created,
      unitsResolved: resolved,
      groupsCreated,
      deadlines,
      ...(annex && { annex: { line: annex.line, tables: annex.tables, rows: annex.rows, repeated: annex.repeated } }),
      problems: problems.sort((a, b) => a.line - b.line),
    },
  };
}

/**
 * Review dates when the document gives neither checkpoints nor a year: the end of the current half-year
 * and of the year of the import, as placeholders the report names for a person to replace.
 */
function placeholderReviewDates(today: string | undefined): string[] {
  if (!today) return [];
  const y = today.slice(0, 4);
  return today <= `${y}-06-30` ? [`${y}-06-30`, `${y}-12-31`] : [`${y}-12-31`];
}

/** A heading that names a part (一、…, a short （一）…), not a task written as a heading. */
function isTitle(p: Paragraph): boolean {
  return p.level <= 2 && p.text.length <= 40;
}

/** A paragraph that is only an owner note: （商务部、文化和旅游部负责）, 〔县财政局牵头；2024年底前〕. */
function ownNote(text: string): Annotation | undefined {
  if (!/^[（(〔【\[]/.test(text) || !/[）)〕】\]][。；;\s]*$/.test(text)) return undefined;
  const a = findAnnotation(text);
  return a && a.body === '' && (a.owners || a.deadline !== undefined) ? a : undefined;
}

/** Where labels on their own lines belong: the heading just above, or the parent of its sub-items. */
function labelTarget(pending: Pending[]): Pending | undefined {
  const open = pending.filter((q) => !q.hasTask);
  const deepest = open[open.length - 1];
  if (!deepest) return undefined;
  // 1.… （1）… （2）… 牵头单位：… — the labels close item 1, not its last sub-item.
  let siblings = 0;
  let parent: Pending | undefined;
  for (let k = open.length - 1; k >= 0; k--) {
    const q = open[k]!;
    if (q.p.level === deepest.p.level) siblings++;
    else if (q.p.level < deepest.p.level) {
      parent = q;
      break;
    }
  }
  if (siblings >= 2 && parent && parent.p.level >= 2) return parent;
  return deepest;
}

function mergeAnnotations(a: Annotation, b: Annotation): Annotation {
  const owners: Owners | undefined =
    a.owners || b.owners
      ? {
          lead: a.owners?.lead.length ? a.owners.lead : (b.owners?.lead ?? []),
          responsible: [...new Set([...(a.owners?.responsible ?? []), ...(b.owners?.responsible ?? [])])],
          leadOpen: (a.owners?.leadOpen ?? false) || (!a.owners?.lead.length && (b.owners?.leadOpen ?? false)),
          leadStated: (a.owners?.leadStated ?? false) || (b.owners?.leadStated ?? false),
        }
      : undefined;
  const deadline = a.deadline ?? b.deadline;
  return { raw: `${a.raw} ${b.raw}`, body: '', labelled: a.labelled || b.labelled, ...(owners && { owners }), ...(deadline !== undefined && { deadline }) };
}

/** What the document looked like when no task was found, to say so instead of staying silent. */
function whatWasSeen(lines: string[], tables: number): Seen {
  const all = lines.join('\n');
  return {
    lines: lines.filter((l) => l.trim()).length,
    html: /<\s*(?:html|body|div|p|table|td)\b/i.test(all),
    headings: lines.filter((l) => HEADINGS.some((h) => h.test(l.trim()))).length,
    roleWords: /牵头|责任单位|负责/.test(all),
    tables,
  };
}


interface Annex {
  line: number;
  tables: number;
  rows: number;
  repeated: number;
  unmatched: string[];
}

/** Text without spaces and punctuation, to tell the same task in two places. */
function squeeze(s: string): string {
  return s.replace(/[\s\p{P}]/gu, '');
}

function excerpt(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The first sentence, as the document's own short title of the task. */
function titleOf(body: string, unnumbered: boolean): string {
  const first = body.split(/[。；;]/)[0]!.trim();
  const clause = unnumbered ? first.split(/[，,]/)[0]!.trim() : first;
  const t = clause.length > 60 ? `${clause.slice(0, 59)}…` : clause;
  return t || body.slice(0, 30);
}
