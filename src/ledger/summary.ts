/**
 * The county's checkpoint summary (落实情况通报) as data: the overall figures,
 * each unit's line, what is overdue, the problems units reported and what
 * comes next. Pure; render/summary.ts words it as Markdown, HTML or .docx.
 */
import type { Checkpoint, ExtensionRecord, FormReturn, IsoDate, ReviewRecord, Unit } from '../model.js';
import { byDeadline, isClosed, isDone, reportersOf, type Assignment, type Ledger, type TaskRow } from './index.js';
import { isClaim } from './review.js';

export interface UnitLine {
  unit: Unit;
  assigned: number;
  /** Done or not applicable: the same count as `done` in `plan status`. */
  closed: number;
  overdue: number;
  blocked: number;
  /** The form the unit returned for the summarised checkpoint; undefined: not returned (or no checkpoint). */
  returned?: FormReturn;
  /**
   * How the unit reported for the summarised checkpoint: its returned form,
   * else the first change it recorded itself (`plan update`, or its status
   * file) after the previous checkpoint, by the as-of date and before the next.
   */
  reported?: { on: IsoDate; via: 'form' | 'update' };
  /** Whether the unit reports at the summarised checkpoint at all. */
  reports: boolean;
}

export interface Problem {
  assignment: Assignment;
  /** The unit's own words; undefined when it gave none. */
  reason?: string;
}

export interface TaskAhead {
  row: TaskRow;
  /** Its assignments due on the date (by the deadline in force) not yet closed. */
  open: number;
  /** Units whose part falls on the date because an extension moved it there. */
  extended?: Unit[];
}

export interface DeadlineAhead {
  date: IsoDate;
  tasks: TaskAhead[];
  /** Assignments due on the date not yet closed. */
  open: number;
}

export interface Summary {
  ledger: Ledger;
  /** The checkpoint summarised: the last on or before the as-of date, else the next. */
  checkpoint?: Checkpoint;
  recipient?: Unit;
  tasks: number;
  tasksClosed: number;
  assignments: number;
  closed: number;
  /** Closed / assignments, in whole percent (0 when there are none). */
  percent: number;
  overdue: number;
  overdueUnits: number;
  blocked: number;
  units: UnitLine[];
  /** Overdue assignments by unit, most days overdue first. */
  overdueByUnit: { unit: Unit; items: Assignment[] }[];
  /** The same by task, in deadline order: each task's overdue assignments, in the order of units.yaml. */
  overdueByTask: { row: TaskRow; items: Assignment[] }[];
  problems: Problem[];
  /** The next deadline dates after the as-of date (at most `aheadCount`). */
  ahead: DeadlineAhead[];
  /** 审核与延期: present when the plan asks for review or any unit asked for more time. */
  review?: ReviewSection;
}

export interface ReviewSection {
  required: boolean;
  /** Closed by the office (销号), as of the date. */
  accepted: Assignment[];
  /** Every return the office decided by the date (the same 项（次） the score deducts for), with its reason, oldest first. */
  returns: ReturnDecided[];
  /** Claims awaiting the office. */
  pending: Assignment[];
  /** Requests for more time answered by the date, and those still waiting. */
  granted: { assignment: Assignment; extension: ExtensionRecord }[];
  denied: { assignment: Assignment; extension: ExtensionRecord }[];
  asked: { assignment: Assignment; extension: ExtensionRecord }[];
}

/** One return (退回) decided by the office, and whether the unit has claimed again since. */
export interface ReturnDecided {
  assignment: Assignment;
  decision: ReviewRecord;
  /** The unit claimed the task again after the return, on or before the as-of date (the date when the record gives one). */
  claimedAgain?: { on?: IsoDate };
}

export const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** Blocked counts by state, so a `blocked` light added to the ledger changes nothing here. */
const isBlocked = (a: Assignment): boolean => a.state === 'blocked';
const isOverdue = (a: Assignment): boolean => a.daysOverdue > 0;

export function buildSummary(ledger: Ledger, options: { checkpoint?: IsoDate; aheadCount?: number } = {}): Summary {
  const { data, asOf } = ledger;
  // By default the checkpoint just passed (its forms are in), else the next one.
  const dates = data.plan.checkpoints.map((c) => c.date).sort();
  const wanted = options.checkpoint ?? [...dates].reverse().find((d) => d <= asOf) ?? dates.find((d) => d > asOf);
  const checkpoint = data.plan.checkpoints.find((c) => c.date === wanted);
  const recipient = checkpoint ? ledger.unitsById.get(checkpoint.recipient) : undefined;
  const reporters = new Set(checkpoint ? reportersOf(ledger, checkpoint).map((u) => u.id) : []);
  const returns = new Map<string, FormReturn>();
  for (const r of data.returns) if (checkpoint && r.checkpoint === checkpoint.date) returns.set(r.unit, r);
  const previous = checkpoint && [...dates].reverse().find((d) => d < checkpoint.date);
  const following = checkpoint && dates.find((d) => d > checkpoint.date);
  const forCheckpoint = (d: IsoDate | undefined): d is IsoDate => d !== undefined && (previous === undefined || d > previous) && d <= asOf && (following === undefined || d < following);

  const all = ledger.rows.flatMap((r) => r.assignments);
  const byUnit = new Map<string, Assignment[]>();
  for (const a of all) {
    const list = byUnit.get(a.unit.id);
    if (list) list.push(a);
    else byUnit.set(a.unit.id, [a]);
  }
  // Units in the order of units.yaml: the order the county itself lists them.
  const units: UnitLine[] = [];
  for (const unit of data.units) {
    const list = byUnit.get(unit.id);
    if (!list && !reporters.has(unit.id)) continue;
    const items = list ?? [];
    const returned = returns.get(unit.id);
    const updated = checkpoint && !returned ? firstUpdate(items, forCheckpoint) : undefined;
    const reported = returned ? { on: returned.received, via: 'form' as const } : updated ? { on: updated, via: 'update' as const } : undefined;
    units.push({
      unit,
      assigned: items.length,
      closed: items.filter(isDone).length,
      overdue: items.filter(isOverdue).length,
      blocked: items.filter(isBlocked).length,
      reports: reporters.has(unit.id),
      ...(returned && { returned }),
      ...(reported && reporters.has(unit.id) && { reported }),
    });
  }
  const overdueByUnit = units
    .map((l) => ({ unit: l.unit, items: (byUnit.get(l.unit.id) ?? []).filter(isOverdue).sort((a, b) => b.daysOverdue - a.daysOverdue || byDeadline(a, b)) }))
    .filter((g) => g.items.length > 0);
  const unitOrder = new Map(data.units.map((u, i) => [u.id, i]));
  const overdueByTask = ledger.rows
    .map((row) => ({ row, items: row.assignments.filter(isOverdue).sort((a, b) => unitOrder.get(a.unit.id)! - unitOrder.get(b.unit.id)!) }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => byDeadline(a.items[0]!, b.items[0]!));
  const problems = all
    .filter((a) => a.state === 'blocked' || a.state === 'not_applicable')
    .sort((a, b) => byDeadline(a, b) || a.unit.id.localeCompare(b.unit.id))
    .map((assignment): Problem => {
      const reason = assignment.entry?.details?.reason?.trim();
      return reason ? { assignment, reason } : { assignment };
    });
  const closed = all.filter(isDone).length;
  const review = reviewSection(ledger, all);
  return {
    ledger,
    ...(checkpoint && { checkpoint }),
    ...(recipient && { recipient }),
    tasks: ledger.rows.length,
    tasksClosed: ledger.rows.filter((r) => r.total > 0 && r.done === r.total).length,
    assignments: all.length,
    closed,
    percent: percentOf(closed, all.length),
    overdue: all.filter(isOverdue).length,
    overdueUnits: overdueByUnit.length,
    blocked: all.filter(isBlocked).length,
    units,
    overdueByUnit,
    overdueByTask,
    problems,
    ahead: deadlinesAhead(ledger, options.aheadCount ?? 3),
    ...(review && { review }),
  };
}

function reviewSection(ledger: Ledger, all: Assignment[]): ReviewSection | undefined {
  const required = ledger.data.plan.review === 'required';
  const extended = all.filter((a) => a.entry?.extensions !== undefined);
  if (!required && extended.length === 0) return undefined;
  const answered = (decision: 'granted' | 'denied'): ReviewSection['granted'] =>
    extended.flatMap((assignment) => (assignment.entry!.extensions ?? []).filter((x) => x.decision === decision && x.decided !== undefined && x.decided <= ledger.asOf).map((extension) => ({ assignment, extension })));
  return {
    required,
    accepted: all.filter((a) => a.review === 'accepted'),
    returns: returnsDecided(ledger, all),
    pending: all.filter((a) => a.review === 'pending').sort((a, b) => ((a.claimed ?? '') < (b.claimed ?? '') ? -1 : (a.claimed ?? '') > (b.claimed ?? '') ? 1 : 0)),
    granted: answered('granted'),
    denied: answered('denied'),
    asked: extended.flatMap((assignment) => (assignment.extensionsPending ?? []).map((extension) => ({ assignment, extension }))),
  };
}

/**
 * Every return decided on or before the as-of date that stands (no `reopened`
 * right after it took it back): the rule of the score (ledger/score.ts), so the
 * 通报's count, its list and its 考核情况 agree. A return stays counted once the
 * unit claims again; the claim made since is noted.
 */
export function returnsDecided(ledger: Ledger, all: Assignment[]): ReturnDecided[] {
  const out: ReturnDecided[] = [];
  for (const a of all) {
    const decided = (a.entry?.review ?? []).filter((r) => r.date <= ledger.asOf);
    if (decided.length === 0) continue;
    const history = (ledger.historyOf ?? ((_u, _t, e) => e?.details?.history ?? e?.history))(a.unit.id, a.task.id, a.entry) ?? [];
    decided.forEach((r, i) => {
      if (r.decision !== 'returned' || decided[i + 1]?.decision === 'reopened') return;
      // The claim after the return: a record after the one that sent it back; else a later decision about a claim; else the claim in force now.
      const sentBack = history.findIndex((h) => h.date === r.date && h.from !== undefined && isClaim(h.from) && !isClaim(h.to));
      const again = history.find((h, j) => (sentBack >= 0 ? j > sentBack : h.date > r.date) && h.date <= ledger.asOf && isClaim(h.to) && h.from !== h.to);
      const later = decided.slice(i + 1).find((d) => d.decision !== 'reopened');
      const claimedAgain = again
        ? { on: again.date }
        : later
          ? { ...(later.claim !== undefined && { on: later.claim }) }
          : isClaim(a.state) && a.review !== 'returned'
            ? { ...(a.claimed !== undefined && a.claimed >= r.date && { on: a.claimed }) }
            : undefined;
      out.push({ assignment: a, decision: r, ...(claimedAgain && { claimedAgain }) });
    });
  }
  return out.sort((x, y) => (x.decision.date < y.decision.date ? -1 : x.decision.date > y.decision.date ? 1 : byDeadline(x.assignment, y.assignment)));
}

/** The first date on which one of the assignments changed, among the dates `within` accepts. */
function firstUpdate(items: Assignment[], within: (d: IsoDate | undefined) => d is IsoDate): IsoDate | undefined {
  let first: IsoDate | undefined;
  for (const a of items) {
    const e = a.entry;
    if (!e) continue;
    for (const d of [e.updated, ...(e.details?.history ?? e.history ?? []).map((h) => h.date)]) if (within(d) && (first === undefined || d < first)) first = d;
  }
  return first;
}

/**
 * The next few deadline dates after the as-of date with their tasks, by each
 * assignment's deadline in force: a unit granted an extension has its part of
 * the task under the date it was moved to, the others under the task's own.
 * Parts all closed are left out.
 */
export function deadlinesAhead(ledger: Ledger, count: number): DeadlineAhead[] {
  const byDate = new Map<IsoDate, TaskAhead[]>();
  const add = (date: IsoDate, item: TaskAhead): void => {
    const list = byDate.get(date);
    if (list) list.push(item);
    else byDate.set(date, [item]);
  };
  for (const row of ledger.rows) {
    // Without requests for more time (nearly always) every part has the task's deadline: the roll-up says it all.
    if (!ledger.hasExtensions(row.task)) {
      const d = row.task.deadline;
      if (d !== null && d > ledger.asOf && row.done < row.total) add(d, { row, open: row.total - row.done });
      continue;
    }
    const parts = new Map<IsoDate, Assignment[]>();
    for (const a of row.assignments) {
      if (a.deadline === null || a.deadline <= ledger.asOf || isDone(a)) continue;
      const list = parts.get(a.deadline);
      if (list) list.push(a);
      else parts.set(a.deadline, [a]);
    }
    for (const [date, open] of parts) {
      const extended = open.filter((a) => a.originalDeadline !== undefined);
      add(date, { row, open: open.length, ...(extended.length > 0 && { extended: extended.map((a) => a.unit) }) });
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(0, count)
    .map(([date, tasks]) => ({ date, tasks: tasks.sort((a, b) => byDeadline(a.row, b.row)), open: tasks.reduce((n, x) => n + x.open, 0) }));
}

/**
 * Open assignments of a unit that are overdue or due within `within` days by
 * the deadline in force (working days where the plan counts them), and those
 * the office returned (whatever their date: the unit must act on the reason):
 * what a 催办 notice lists.
 */
export function dueForReminder(assignments: Assignment[], ledger: Ledger, within: number): Assignment[] {
  const due = (a: Assignment): boolean => a.deadline !== null && ledger.daysTo(a.deadline) <= within;
  return assignments.filter((a) => !isClosed(a.state) && (due(a) || a.review === 'returned')).sort((a, b) => byInForce(a, b));
}

/** By the deadline in force, then as byDeadline. */
function byInForce(a: Assignment, b: Assignment): number {
  const da = a.deadline ?? '9999-99-99';
  const db = b.deadline ?? '9999-99-99';
  return da < db ? -1 : da > db ? 1 : byDeadline(a, b);
}
