/**
 * The importer's data: the document model every form is read into, the draft
 * plan it becomes, and the report. Shared by the importer's modules, which
 * import these from here and never from each other's entry point.
 */
import type { IsoDate, Plan, RecurringCheckpoint, Unit, UnitGroup, WorkdayDeadline } from '../model.js';
import type { Milestone } from './deadline.js';

/** A table cell; `from` marks a cell covered by a merged cell, holding its master's text. */
export interface Cell {
  text: string;
  from?: 'above' | 'left';
}

/** One block of a document: a paragraph, or a table of rows of cells (merged cells spread). */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: Cell[][] };

/** Any form of a document (text, HTML, .docx, PDF, workbook) as the importer reads it. */
export interface SourceDocument {
  blocks: Block[];
}

export interface DraftTask {
  id: string;
  title: string;
  text: string;
  lead: string[];
  leadOpen: boolean;
  responsible: string[];
  deadline?: IsoDate;
  /** A count of working days (自印发之日起10个工作日内), counted by the ledger's calendar. */
  deadlineRule?: WorkdayDeadline;
  deadlineText?: string;
  ongoing?: boolean;
  reviewOn?: IsoDate[];
  deadlineNote?: string;
  /** Earlier stages of a deadline with several (6月底前…，12月底前…). */
  milestones?: Milestone[];
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
export type DraftPlan = Omit<Plan, 'signed' | 'checkpoints'> & { signed?: IsoDate; checkpoints: (Plan['checkpoints'][number] | RecurringCheckpoint)[] };

/** What the document looked like when no task was found, to say so instead of staying silent. */
export interface Seen {
  lines: number;
  html: boolean;
  headings: number;
  roleWords: boolean;
  tables: number;
}

export interface Problem {
  line: number;
  kind: 'no-annotation' | 'unsplit-annotation' | 'unknown-deadline' | 'unclosed-annotation' | 'no-deadline' | 'missing-fact' | 'first-named-lead' | 'unread-table' | 'relative-no-signed' | 'no-tasks' | 'no-review-dates' | 'empty-task' | 'no-owner' | 'unread-checkpoint' | 'annex-task';
  /** The passage or value as written (data, not wording: the report words each kind in the chosen language). */
  text: string;
  /** missing-fact: which fact. */
  fact?: 'number' | 'signed' | 'issuer';
  /** no-tasks: what the document looked like. */
  seen?: Seen;
  /** unread-table: which table, how many rows. */
  table?: { index: number; rows: number };
}

/** How a task's owners were read, for the report's "how sure". */
export interface TaskReading {
  id: string;
  line: number;
  how: 'annotation' | 'label-lines' | 'table' | 'note-rule' | 'note-convention';
  /** recurring: a cadence (每季度末) kept as ongoing, reviewed at each period's date — not the same thing. */
  deadlineFrom?: 'label' | 'sentence' | 'recurring' | 'none';
}

export interface ImportReport {
  sections: { section: string; heading: string; tasks: number }[];
  /** Per task: what was read and how. */
  tasks: { id: string; line: number; lead: string[]; responsible: string[]; deadline: string | undefined; rule?: WorkdayDeadline; deadlineWords?: string; how: TaskReading['how']; deadlineFrom: NonNullable<TaskReading['deadlineFrom']> }[];
  unitsCreated: string[];
  unitsResolved: string[];
  groupsCreated: string[];
  deadlines: { dates: number; ongoing: number; missing: number; unknown: number };
  /** The annexes, from their line on: not read as tasks; their task tables' rows, and how many repeat the body's tasks. */
  annex?: { line: number; tables: number; rows: number; repeated: number };
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
  /** The issuing office's full name as the user gives it (`--office`): wins over what the document says. */
  office?: string;
  /** The day of the import: review dates fall back on its year when the document names no year at all. */
  today?: IsoDate;
}
