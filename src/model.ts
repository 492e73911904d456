/**
 * The domain: a work plan (实施方案), its units (单位), its tasks (工作任务) and the
 * statuses each unit reports (进展情况). These are the shapes after loading and
 * schema validation; files on disk are described by the JSON Schemas in
 * src/validate/schemas/.
 */

/** An ISO calendar date, `YYYY-MM-DD`, always a real date once validated. */
export type IsoDate = string;

/** The reserved reporter that means "every unit that leads a task" (`leads`, or `leads:<group>` for those of a group). */
export const LEAD_UNITS = 'leads';

/** A date on which units report progress (报送节点). */
export interface Checkpoint {
  date: IsoDate;
  /** Where it is written in plan.yaml's `checkpoints:` (a recurring entry stands for many dates). */
  entry?: number;
  /** Expanded from a recurring entry (每月5日前, 每季度末). */
  every?: Recurrence;
  /** Unit or group ids, or `leads`: every unit that leads at least one task. */
  reporters: string[];
  /** The unit that receives the reports (县政府办公室). */
  recipient: string;
  source?: string;
}

export type Recurrence = 'month' | 'quarter';

/**
 * A checkpoint that recurs (每月5日前报送, 每季度末) within the plan's span: on
 * `day` of each month (of each quarter's last month), or `offset` days from
 * the period's end (0: its last day; 10: 十日内 after it). Expanded into dated
 * checkpoints when the plan is read (due-dates.ts).
 */
export interface RecurringCheckpoint {
  every: Recurrence;
  day?: number | 'last';
  offset?: number;
  /** Limits within the span; the span's (or the signing date's) by default. */
  from?: IsoDate;
  until?: IsoDate;
  reporters: string[];
  recipient: string;
  source?: string;
}

/** A deadline counted in working days (N个工作日内), from the signing or publishing date or a date; the start day is not counted. */
export interface WorkdayDeadline {
  workdays: number;
  from: 'signed' | 'published' | IsoDate;
}

/** What a deadline on a day off becomes: kept (with a check warning), or moved to the next working day. */
export type OnHoliday = 'keep' | 'next-workday';

/** A name in both languages: 国庆节 / National Day. */
export interface DayName {
  zh: string;
  en: string;
}

/** One calendar's days off and make-up working days, by date. */
export interface DaySet {
  holidays: Map<IsoDate, DayName>;
  workdays: Map<IsoDate, DayName>;
  /** Years the set gives in full: every holiday and make-up day of the year is in it. */
  years: Set<number>;
}

/** Where the national data came from, for messages and the README. */
export interface CalendarSource {
  name: string;
  version: string;
  first: number;
  last: number;
}

/**
 * The working calendar (工作日历) as data: the State Council's holidays and
 * make-up working days (调休), and the plan's own (plan/holidays.yaml);
 * working-calendar.ts counts with it.
 */
export interface WorkingCalendar {
  national: DaySet;
  local: DaySet;
  source: CalendarSource;
}

/** A day nobody works: a named holiday, or a weekend day not made a working day. */
export interface DayOff {
  kind: 'holiday' | 'weekend';
  name?: DayName;
}

/** How a task's deadline in force was found, where a working calendar or a rule had a say. */
export interface DueDate {
  /** The date the rule counts to or the file writes, before `onHoliday` moved it. */
  counted: IsoDate;
  /** For a working-day rule: the day counted from (not itself counted). */
  start?: IsoDate;
  /** The counted date is a day off. */
  dayOff?: DayOff;
  /** onHoliday: next-workday moved the deadline off `counted`. */
  moved?: boolean;
  /** Years counted through (or the date's own) that the working calendar does not cover. */
  uncovered: number[];
}

export interface HigherDocument {
  number: string;
  title: string;
}

/** The plan document itself (实施方案). */
export interface Plan {
  id: string;
  title: string;
  document: string;
  issuer: string;
  /** 成文日期; absent only in a draft imported from a document that does not show it (a check warning). */
  signed?: IsoDate;
  published?: IsoDate;
  implements: HigherDocument[];
  timezone: string;
  /** The plan's own language: the default when neither --lang nor the locale names one. */
  lang?: 'zh' | 'en';
  /** required: done and not_applicable are claims the office reviews; absent or none: the unit's word is the record. */
  review?: 'required' | 'none';
  /** Days before a deadline from which an open task shows yellow (黄灯). */
  warnDays: number;
  /** How `plan check --since` tells who made a commit: its author field (default) or the key that signed it. */
  ownership?: 'author' | 'signed';
  /** Working days before a deadline from which an open task shows yellow (with `calendar`); replaces warnDays. */
  warnWorkdays?: number;
  /** Show days left and days late in working days (with `calendar`). */
  countWorkdays?: boolean;
  /** The working calendar: `cn`, the State Council's holidays and 调休 (plus plan/holidays.yaml). */
  calendar?: 'cn';
  /** A deadline on a day off: kept (the default) or moved to the next working day. */
  onHoliday?: OnHoliday;
  span?: { start: IsoDate; end: IsoDate };
  checkpoints: Checkpoint[];
}

export type UnitKind = 'town' | 'county-department' | 'outside-body';

export interface Person {
  name?: string;
  title?: string;
  officePhone?: string;
  mobile?: string;
}

/**
 * The contact form of 附件1/附件2 (filing it is task 三(一)). Personal data:
 * it belongs in the ledger, never in a report.
 */
export interface Contact {
  leader?: Person;
  office?: { name?: string; address?: string; postcode?: string; phone?: string; email?: string; fax?: string };
  principal?: Person;
}

/** One organisation that can lead or carry out a task (单位). */
export interface Unit {
  id: string;
  name: string;
  /** The name the document uses, e.g. 县财政局. */
  short?: string;
  aliases: string[];
  kind: UnitKind;
  note?: string;
  contact?: Contact;
  /** Who may change this unit's status file: git e-mail addresses or forge user names. */
  maintainers?: string[];
  /** SSH public keys or OpenPGP fingerprints whose signatures speak for the unit (signed mode). */
  signingKeys?: string[];
  /** The day the unit joined the plan: it is scored (plan score) only on what fell due from then on. */
  since?: IsoDate;
}

/** The office that runs the plan (县政府办): it owns the plan's own files and may change any status file. */
export interface Office {
  maintainers: string[];
  signingKeys?: string[];
}

/** A phrase that stands for many units, e.g. 各镇人民政府 (UnitGroup). */
export interface UnitGroup {
  id: string;
  name: string;
  aliases: string[];
  members: string[];
  /** Named by the document without its members (as plan import writes it): a warning until filled in. */
  membersUnknown?: boolean;
  note?: string;
}

/** One annotated task (工作任务) with its owners and deadline (完成时限). */
export interface Task {
  id: string;
  section: string;
  title: string;
  text: string;
  /** 牵头单位: unit or group ids in the document's order. */
  lead: string[];
  /** True when the lead list ends in 等相关部门: more units may join. */
  leadOpen: boolean;
  /** 责任单位: unit or group ids in the document's order. */
  responsible: string[];
  /** The deadline in force: as written, or counted by `deadlineRule`, moved per `onHoliday`. */
  deadline: IsoDate | null;
  deadlineText: string | null;
  /** The deadline as a count of working days (自印发之日起10个工作日内). */
  deadlineRule?: WorkdayDeadline;
  /** How the deadline in force was found (a rule counted, a day off kept or moved, a year not covered). */
  due?: DueDate;
  /** An explicit exception: the source sets no deadline; reviewed on `reviewOn`. */
  ongoing: boolean;
  reviewOn: IsoDate[];
  deadlineNote?: string;
  /** Earlier stages of a deadline with several; the deadline is the last. */
  milestones?: { date: IsoDate; text: string }[];
  source?: string;
  annotation?: string;
}

export type TaskState = 'not_started' | 'in_progress' | 'done' | 'blocked' | 'not_applicable';

export const TASK_STATES: readonly TaskState[] = ['not_started', 'in_progress', 'done', 'blocked', 'not_applicable'];

/** One change of an entry, as `plan update` records it. */
export interface HistoryRecord {
  date: IsoDate;
  from?: TaskState;
  to: TaskState;
  /** The completion date set by this change, when it differs from `date`. */
  completed?: IsoDate;
  note?: string;
  /** The returned form the change came from (`plan collect`), and its SHA-256. */
  file?: string;
  sha256?: string;
}

/**
 * The office's decision on a unit's claim (审核): a `done` or `not_applicable`
 * is a claim while the plan says `review: required`. A record, never a flag
 * overwritten: the list keeps every decision, oldest first.
 */
export type ReviewDecision = 'accepted' | 'returned' | 'reopened';

export interface ReviewRecord {
  date: IsoDate;
  /** accepted: closed (销号); returned: sent back (退回), the state is in progress again; reopened: a decision taken back, the claim awaits review again. */
  decision: ReviewDecision;
  /** Who decided: an office maintainer (git's author or the signing key's owner in a shared repository). */
  by?: string;
  /** The date of the claim decided: the record that made the entry done or not applicable. */
  claim?: IsoDate;
  note?: string;
  /** Required for returned and reopened. */
  reason?: string;
}

/** A request for more time (延期申请) and the office's answer, one record per request. */
export interface ExtensionRecord {
  /** The day the unit asked. */
  requested: IsoDate;
  /** The date asked for. */
  to: IsoDate;
  reason: string;
  /** Asked after the deadline in force had passed (`plan extend --late`). */
  late?: boolean;
  by?: string;
  /** Absent while the request awaits the office. */
  decision?: 'granted' | 'denied';
  decided?: IsoDate;
  decidedBy?: string;
  /** The date granted, when the office grants another than the one asked for. */
  grantedTo?: IsoDate;
  /** Why the office refused, or a note on the grant. */
  decisionReason?: string;
}

/** One unit's report on one task (进展情况). */
export interface StatusEntry {
  unit: string;
  task: string;
  state: TaskState;
  completed?: IsoDate;
  updated?: IsoDate;
  evidenceCount: number;
  /** A non-empty reason is given (not_applicable needs one). */
  hasReason: boolean;
  /**
   * The texts, kept only when asked for (export). Reports do not need them, and
   * at province size they would hold every status file's text in memory.
   */
  details?: { progress?: string; evidence: string[]; reason?: string; history: HistoryRecord[] };
  /**
   * The history records, kept without the details when the entry changed after
   * the date a command reports on: the ledger replays them (ledger/replay.ts).
   */
  history?: HistoryRecord[];
  /** The office's decisions on this entry's claims, oldest first (kept whenever present: they are few). */
  review?: readonly ReviewRecord[];
  /** Requests for more time and their answers, oldest first. */
  extensions?: readonly ExtensionRecord[];
}

/** A unit's returned form for a checkpoint (报送情况), recorded by `plan collect`. */
export interface FormReturn {
  unit: string;
  checkpoint: IsoDate;
  received: IsoDate;
  file?: string;
  sha256?: string;
}

/**
 * The events `plan score` can score. The late ones count days late, so their
 * rules may score per day or per started week and hold bands of days.
 */
export const SCORE_EVENTS = ['closed-on-time', 'closed-late', 'open-overdue', 'returned', 'extension-granted', 'extension-denied', 'report-on-time', 'report-late', 'report-missing'] as const;
export type ScoreEventKind = (typeof SCORE_EVENTS)[number];
export const LATE_EVENTS: ReadonlySet<ScoreEventKind> = new Set(['closed-late', 'open-overdue', 'report-late']);

/** One rule of the office's scoring policy (scoring.yaml `rules:`), as written. */
export interface ScoringRule {
  /** Its place in the `rules:` list (for the explanation: the rule and its line). */
  index: number;
  event: ScoreEventKind;
  /** Only units in this role; absent: both. */
  role?: 'lead' | 'responsible';
  points: number;
  per?: 'day' | 'week';
  days?: { min?: number; max?: number };
  /** The most points either way one occurrence can move. */
  cap?: number;
  note?: string;
}

/** The office's scoring policy (考核评分规则, plan/scoring.yaml): plan-ledger has none of its own. */
export interface Scoring {
  title?: string;
  base: number;
  floor?: number;
  ceiling?: number;
  /** The public site shows the scores too. */
  public: boolean;
  /** An example (`example: true`), not the office's scheme: no output but plan score ranks by it. */
  example: boolean;
  rules: ScoringRule[];
  /** Per event: the most points either way a unit's occurrences of it can move in total. */
  caps: Partial<Record<ScoreEventKind, number>>;
}

/** Where a loaded value stands, so rules can point at it. */
export interface Origin {
  file: string;
  /** Path of keys from the file's root to the value. */
  path: (string | number)[];
}

/** The whole plan as loaded: what every later stage works from. */
export interface PlanData {
  dir: string;
  plan: Plan;
  units: Unit[];
  groups: UnitGroup[];
  tasks: Task[];
  statuses: StatusEntry[];
  /** From units.yaml `office:`; absent when the file names no office maintainers. */
  office?: Office;
  /** Forms returned by the units (the `returns:` list of their status files). */
  returns: FormReturn[];
  /** The working calendar, for a plan with `calendar:`. */
  calendar?: WorkingCalendar;
  /** The office's scoring policy, when the plan has a scoring.yaml. */
  scoring?: Scoring;
  /** Where each task, unit, group and status entry came from. */
  origins: {
    plan: string;
    units: string;
    /** scoring.yaml, when the plan has one. */
    scoring?: string;
    tasks: Map<string, Origin[]>;
    /** Status files by the unit id their name gives, with the unit they declare. */
    statuses: Map<string, { file: string; declaredUnit: string }>;
  };
}
