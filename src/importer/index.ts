/**
 * The importer: the plain text of a work-plan document to a draft plan
 * (plan, units, groups, tasks) and a report of everything it could not read
 * with certainty. Pure: text in, data out; commands/import.ts writes files.
 */
import type { IsoDate, Plan, Unit, UnitGroup } from '../model.js';
import { findAnnotation, labelLine, splitUnits, type Annotation } from './annotation.js';
import { deadlineInText, parseDeadline } from './deadline.js';
import { documentFacts, findCheckpoints } from './facts.js';
import { NameBook } from './names.js';

export interface DraftTask {
  id: string;
  title: string;
  text: string;
  lead: string[];
  leadOpen: boolean;
  responsible: string[];
  deadline?: IsoDate;
  deadlineText?: string;
  ongoing?: boolean;
  reviewOn?: IsoDate[];
  deadlineNote?: string;
  source: string;
  annotation?: string;
  line: number;
}

export interface DraftPart {
  /** File name stem: 2-1 for 二(一). */
  name: string;
  section: string;
  heading: string;
  tasks: DraftTask[];
}

/** A plan as far as the document gives it: the signing date may be missing. */
export type DraftPlan = Omit<Plan, 'signed'> & { signed?: IsoDate };

export interface Problem {
  line: number;
  kind: 'no-annotation' | 'unsplit-annotation' | 'unknown-deadline' | 'unclosed-annotation' | 'no-deadline' | 'missing-fact' | 'first-named-lead';
  text: string;
}

export interface ImportReport {
  sections: { section: string; heading: string; tasks: number }[];
  unitsCreated: string[];
  unitsResolved: string[];
  groupsCreated: string[];
  deadlines: { dates: number; ongoing: number; missing: number; unknown: number };
  problems: Problem[];
}

export interface Draft {
  plan: DraftPlan;
  units: Unit[];
  groups: UnitGroup[];
  /** True when units or groups were created beyond those given. */
  newUnits: boolean;
  parts: DraftPart[];
  report: ImportReport;
}

export interface ImportOptions {
  /** Units and groups to resolve names against (`--units`). */
  known?: { units: Unit[]; groups: UnitGroup[] };
  /** Where the text came from, for `source` references. */
  sourceName: string;
}

const NUMERALS = '一二三四五六七八九十';
/** 一 … 九十九 as a number. */
function numeral(s: string): number {
  const d = (c: string | undefined): number => NUMERALS.indexOf(c ?? '') + 1;
  if (s.length === 1) return d(s);
  if (s[0] === '十') return 10 + d(s[1]);
  if (s.length === 2) return d(s[0]) * 10;
  return d(s[0]) * 10 + d(s[2]);
}

const SECTION = /^([一二三四五六七八九十]{1,3})、\s*(.*)$/;
const GROUP = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.*)$/;
const NUMBERED = /^(\d{1,2})\s*[.．、]\s*(.*)$/;

interface Paragraph {
  line: number;
  kind: 'section' | 'group' | 'numbered' | 'plain';
  number?: number;
  label?: string;
  text: string;
}

export function importDocument(input: string, options: ImportOptions): Draft {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const problems: Problem[] = [];
  const facts = documentFacts(lines, problems);
  const names = new NameBook(options.known);
  const firstNamedLeads = /列?(?:第一位|首位)(?:的|者)?(?:单位)?为牵头单位/.test(text);

  // Paragraphs with their kind; label lines are kept as their own kind of paragraph.
  const paragraphs: (Paragraph | { line: number; kind: 'labels'; fields: Annotation['fields'] })[] = [];
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (!t) return;
    const line = i + 1;
    const labels = labelLine(t);
    if (labels) return void paragraphs.push({ line, kind: 'labels', fields: labels });
    let m = SECTION.exec(t);
    if (m) return void paragraphs.push({ line, kind: 'section', number: numeral(m[1]!), label: m[1]!, text: m[2]! });
    m = GROUP.exec(t);
    if (m) return void paragraphs.push({ line, kind: 'group', number: numeral(m[1]!), label: m[1]!, text: m[2]! });
    m = NUMBERED.exec(t);
    if (m) return void paragraphs.push({ line, kind: 'numbered', number: Number(m[1]), text: m[2]! });
    paragraphs.push({ line, kind: 'plain', text: t });
  });

  const parts: DraftPart[] = [];
  let section: { number: number; label: string; heading: string } | undefined;
  let group: { number: number; label: string } | undefined;
  let part: DraftPart | undefined;
  let last: DraftTask | undefined;
  let pendingNumbered: { p: Paragraph; id: string } | undefined;
  const partFor = (): DraftPart => {
    const name = group ? `${section!.number}-${group.number}` : `${section!.number}`;
    if (part?.name !== name) {
      part = parts.find((p) => p.name === name) ?? { name, section: group ? `${section!.label}(${group.label})` : section!.label, heading: groupHeading ?? section!.heading, tasks: [] };
      if (!parts.includes(part)) parts.push(part);
    }
    return part;
  };
  let groupHeading: string | undefined;

  const addTask = (p: Paragraph, id: string, body: string, annotation: Annotation | undefined, source: string): DraftTask => {
    const task: DraftTask = { id, title: titleOf(body, p.kind === 'plain'), text: body, lead: [], leadOpen: false, responsible: [], source: `${source} · ${options.sourceName}:${p.line}`, line: p.line };
    if (annotation) applyFields(task, annotation, p.line);
    partFor().tasks.push(task);
    last = task;
    return task;
  };

  const applyFields = (task: DraftTask, a: Pick<Annotation, 'fields' | 'unitsOnly' | 'raw' | 'unclosed'>, line: number): void => {
    if (a.raw) task.annotation = a.raw;
    if (a.unclosed) problems.push({ line, kind: 'unclosed-annotation', text: a.raw });
    if (a.unitsOnly !== undefined) {
      const { names: list, open } = splitUnits(a.unitsOnly);
      const ids = list.map((n) => names.id(n));
      if (firstNamedLeads) {
        task.lead = ids.slice(0, 1);
        task.responsible = ids.slice(1);
      } else {
        task.responsible = ids;
        problems.push({ line, kind: 'first-named-lead', text: a.raw });
      }
      task.leadOpen = open && firstNamedLeads && ids.length === 1;
    }
    if (a.fields.lead !== undefined) {
      const { names: list, open } = splitUnits(a.fields.lead);
      task.lead = list.map((n) => names.id(n));
      task.leadOpen = open;
    }
    if (a.fields.responsible !== undefined) task.responsible = splitUnits(a.fields.responsible).names.map((n) => names.id(n));
    if (a.fields.deadline !== undefined) task.deadlineText = a.fields.deadline;
    if (a.unitsOnly === undefined && a.fields.lead === undefined && a.fields.responsible === undefined && a.fields.deadline === undefined) {
      problems.push({ line, kind: 'unsplit-annotation', text: a.raw });
    }
  };

  for (const p of paragraphs) {
    if (p.kind === 'labels') {
      // Labels on their own line belong to the task just above.
      if (pendingNumbered) {
        const { p: q, id } = pendingNumbered;
        pendingNumbered = undefined;
        applyFields(addTask(q, id, q.text, undefined, sourceOf(section, group, q)), { fields: p.fields, raw: '' }, p.line);
      } else if (last) applyFields(last, { fields: p.fields, raw: last.annotation ?? '' }, p.line);
      continue;
    }
    if (pendingNumbered) {
      problems.push({ line: pendingNumbered.p.line, kind: 'no-annotation', text: excerpt(pendingNumbered.p.text) });
      pendingNumbered = undefined;
    }
    if (p.kind === 'plain' && /^附件/.test(p.text)) {
      // The annexes (附件: contact forms and the like) hold no tasks.
      section = undefined;
      continue;
    }
    if (p.kind === 'section') {
      section = { number: p.number!, label: p.label!, heading: p.text };
      group = undefined;
      groupHeading = undefined;
      last = undefined;
      continue;
    }
    if (!section) continue;
    const annotation = findAnnotation(p.text);
    if (p.kind === 'group') {
      group = { number: p.number!, label: p.label! };
      groupHeading = annotation ? titleOf(annotation.body, false) : p.text;
      last = undefined;
      if (annotation) {
        // In parts like 三、保障措施 each (一)… is itself a task.
        group = undefined;
        groupHeading = undefined;
        addTask(p, `${section.number}.${p.number}`, annotation.body, annotation, `${section.label}(${p.label})`);
      } else if (p.text.length > 40) {
        pendingNumbered = { p, id: `${section.number}.${p.number}` };
        group = undefined;
      }
      continue;
    }
    const prefix = group ? `${section.number}.${group.number}` : `${section.number}`;
    if (p.kind === 'numbered') {
      const id = `${prefix}.${p.number}`;
      if (annotation) addTask(p, id, annotation.body, annotation, sourceOf(section, group, p));
      else pendingNumbered = { p, id };
      continue;
    }
    if (annotation) {
      // An unnumbered paragraph with its own annotation is a task of its own,
      // named after the task above it: 2.2.3 → 2.2.3b → 2.2.3c.
      const base = last ? last.id.replace(/[b-z]$/, '') : `${prefix}.0`;
      const letter = last && /[b-z]$/.test(last.id) ? String.fromCharCode(last.id.charCodeAt(last.id.length - 1) + 1) : 'b';
      addTask(p, `${base}${letter}`, annotation.body, annotation, `${sourceOf(section, group, last ? undefined : p)}${last ? ` ${last.id.split('.').pop()!.replace(/[b-z]$/, '')} 之后的段落` : ''}`);
    }
  }
  if (pendingNumbered) problems.push({ line: pendingNumbered.p.line, kind: 'no-annotation', text: excerpt(pendingNumbered.p.text) });

  // Deadlines: parsed, ongoing by their words, or (no 完成时限 at all) an explicit exception.
  const year = facts.year;
  const deadlines = { dates: 0, ongoing: 0, missing: 0, unknown: 0 };
  const checkpoints = findCheckpoints(lines, year, names);
  const reviewOn = checkpoints.map((c) => c.date);
  for (const task of parts.flatMap((p) => p.tasks)) {
    if (task.deadlineText === undefined) {
      const inText = deadlineInText(task.text, year);
      if (inText) {
        task.deadline = inText.date;
        task.deadlineText = inText.wording;
        deadlines.dates++;
        continue;
      }
      task.ongoing = true;
      task.reviewOn = reviewOn;
      task.deadlineNote = '原文未规定完成时限，在报送节点检查落实情况。 The source sets no deadline; progress is reviewed at the reporting checkpoints.';
      deadlines.missing++;
      problems.push({ line: task.line, kind: 'no-deadline', text: task.id });
      continue;
    }
    const parsed = parseDeadline(task.deadlineText, year);
    if (parsed.kind === 'date') {
      task.deadline = parsed.date;
      deadlines.dates++;
    } else if (parsed.kind === 'ongoing') {
      task.ongoing = true;
      task.reviewOn = reviewOn;
      task.deadlineNote = `原文：${parsed.note}（无具体日期）。 The source says “${parsed.note}”: no date.`;
      deadlines.ongoing++;
    } else {
      deadlines.unknown++;
      problems.push({ line: task.line, kind: 'unknown-deadline', text: `${task.id}: ${task.deadlineText}` });
    }
  }

  const allDeadlines = parts.flatMap((p) => p.tasks.map((t) => t.deadline)).filter((d): d is string => d !== undefined).sort();
  const start = facts.signed ?? allDeadlines[0];
  const endOfYear = year !== undefined ? `${year}-12-31` : undefined;
  const latest = allDeadlines[allDeadlines.length - 1];
  const end = endOfYear && (!latest || latest <= endOfYear) ? endOfYear : latest;

  const plan: DraftPlan = {
    id: facts.id,
    title: facts.title,
    document: facts.document,
    issuer: facts.issuer,
    ...(facts.signed && { signed: facts.signed }),
    ...(facts.published && { published: facts.published }),
    implements: facts.implements,
    timezone: 'Asia/Shanghai',
    warnDays: 14,
    ...(start && end && { span: { start, end } }),
    checkpoints,
  };
  const { units, groups, created, resolved, groupsCreated } = names.result();
  return {
    plan,
    units,
    groups,
    newUnits: created.length + groupsCreated.length > 0,
    parts,
    report: {
      sections: parts.map((p) => ({ section: p.section, heading: p.heading, tasks: p.tasks.length })),
      unitsCreated: created,
      unitsResolved: resolved,
      groupsCreated,
      deadlines,
      problems: problems.sort((a, b) => a.line - b.line),
    },
  };
}

function sourceOf(section: { label: string } | undefined, group: { label: string } | undefined, p: Paragraph | undefined): string {
  return `${section?.label ?? ''}${group ? `(${group.label})` : ''}${p?.kind === 'numbered' ? p.number : ''}`;
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
