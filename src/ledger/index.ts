/**
 * The ledger (工作台账): pure code from plan + statuses + as-of date to
 * assignments, lights (红黄绿灯), roll-ups, checkpoints and checklists.
 */
import { daysBetween } from '../calendar.js';
import type { Checkpoint, HistoryRecord, IsoDate, PlanData, StatusEntry, Task, TaskState, Unit } from '../model.js';
import { LEAD_UNITS } from '../validate/rules.js';
import { stateOn } from './replay.js';

export type Role = 'lead' | 'responsible';

/**
 * red: open and past its deadline (逾期), blocked or not; blocked: blocked and
 * not yet past its deadline (受阻) — the clock does not stop for it; yellow:
 * open and due within the warning window; green: closed on time, or open and
 * not yet due soon; done-late: closed after the deadline; ongoing: open, the
 * source sets no deadline.
 */
export type Light = 'red' | 'blocked' | 'yellow' | 'green' | 'done-late' | 'ongoing';

export const LIGHT_ORDER: readonly Light[] = ['red', 'blocked', 'yellow', 'ongoing', 'done-late', 'green'];

/** One unit's part in one task. */
export interface Assignment {
  task: Task;
  unit: Unit;
  role: Role;
  state: TaskState;
  entry?: StatusEntry;
  light: Light;
  /** Days past the deadline while open; 0 otherwise. */
  daysOverdue: number;
  /** The completion date in force on the as-of date (done only). */
  completed?: IsoDate;
  /** Completion minus deadline in days (done with both dates): negative early, 0 on the day, positive late. */
  completionDays?: number;
  /** Texts known on the as-of date; present only where details were loaded (or history tells). */
  progress?: string;
  reason?: string;
  evidence?: readonly string[];
  /** The entry was read back to an earlier state: something was recorded after the as-of date. */
  replayed?: boolean;
}

export interface TaskRow {
  task: Task;
  assignments: Assignment[];
  done: number;
  total: number;
  light: Light;
  /** Deadline minus as-of date: negative when overdue; null when ongoing. */
  daysLeft: number | null;
  /**
   * When every assignment is closed and one is done: the latest completion
   * against the deadline, in days (negative early). Tables show it instead of
   * days left, so a closed task never reads "87d late".
   */
  completionDays?: number;
  /** The latest completion date, when every assignment is closed. */
  completed?: IsoDate;
}

export interface CheckpointDue {
  checkpoint: Checkpoint;
  daysLeft: number;
  reporters: Unit[];
  recipient?: Unit;
}

export interface Ledger {
  data: PlanData;
  asOf: IsoDate;
  rows: TaskRow[];
  unitsById: Map<string, Unit>;
  nextCheckpoint?: CheckpointDue;
  /** The history source the ledger was built with (absent: the status files' own records). */
  historyOf?: HistorySource;
}

export const isClosed = (state: TaskState): boolean => state === 'done' || state === 'not_applicable';

export function lightOf(task: Task, state: TaskState, completed: IsoDate | undefined, asOf: IsoDate, warnDays: number): Light {
  if (isClosed(state)) {
    const late = state === 'done' && task.deadline !== null && completed !== undefined && completed > task.deadline;
    return late ? 'done-late' : 'green';
  }
  if (task.deadline === null) return state === 'blocked' ? 'blocked' : 'ongoing';
  const left = daysBetween(asOf, task.deadline);
  if (left < 0) return 'red';
  if (state === 'blocked') return 'blocked';
  return left <= warnDays ? 'yellow' : 'green';
}

/** Where history records come from: by default the status files' `history:` lists; another source (a git log) may add its own. */
export type HistorySource = (unit: string, task: string, entry: StatusEntry | undefined) => readonly HistoryRecord[] | undefined;

export interface LedgerOptions {
  history?: HistorySource;
}

/** The records an entry carries: kept for replay when it changed after the as-of date, or with the details. */
const entryHistory: HistorySource = (_unit, _task, entry) => entry?.details?.history ?? entry?.history;

export function worstLight(lights: Iterable<Light>): Light {
  let best = LIGHT_ORDER.length - 1;
  for (const l of lights) best = Math.min(best, LIGHT_ORDER.indexOf(l));
  return LIGHT_ORDER[best]!;
}

/** Units a list of unit and group ids stands for, in order, each once. */
export function expandIds(data: PlanData, ids: readonly string[], unitsById: Map<string, Unit>): Unit[] {
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const out = new Map<string, Unit>();
  for (const id of ids) {
    const members = groups.get(id)?.members ?? [id];
    for (const m of members) {
      const unit = unitsById.get(m);
      if (unit && !out.has(m)) out.set(m, unit);
    }
  }
  return [...out.values()];
}

export function buildLedger(data: PlanData, asOf: IsoDate, options: LedgerOptions = {}): Ledger {
  const historyOf = options.history ?? entryHistory;
  const unitsById = new Map(data.units.map((u) => [u.id, u]));
  const entries = new Map<string, Map<string, StatusEntry>>();
  for (const s of data.statuses) {
    let byTask = entries.get(s.unit);
    if (!byTask) entries.set(s.unit, (byTask = new Map()));
    byTask.set(s.task, s);
  }
  const warnDays = data.plan.warnDays;
  const rows = data.tasks.map((task): TaskRow => {
    const leads = expandIds(data, task.lead, unitsById);
    const leadIds = new Set(leads.map((u) => u.id));
    const assignments: Assignment[] = [];
    // Plain loops: at province size this builds a million assignments.
    const add = (unit: Unit, role: Role): void => {
      const entry = entries.get(unit.id)?.get(task.id);
      const history = historyOf(unit.id, task.id, entry);
      if (!entry && history === undefined) {
        const light = lightOf(task, 'not_started', undefined, asOf, warnDays);
        assignments.push({ task, unit, role, state: 'not_started', light, daysOverdue: light === 'red' ? -daysBetween(asOf, task.deadline!) : 0 });
        return;
      }
      const then = stateOn(entry, history, asOf);
      const light = lightOf(task, then.state, then.completed, asOf, warnDays);
      const daysOverdue = light === 'red' ? -daysBetween(asOf, task.deadline!) : 0;
      const assignment: Assignment = { task, unit, role, state: then.state, light, daysOverdue };
      if (entry) assignment.entry = entry;
      if (then.completed !== undefined) {
        assignment.completed = then.completed;
        if (task.deadline !== null) assignment.completionDays = daysBetween(task.deadline, then.completed);
      }
      if (then.progress !== undefined) assignment.progress = then.progress;
      if (then.reason !== undefined) assignment.reason = then.reason;
      if (then.evidence !== undefined) assignment.evidence = then.evidence;
      if (then.replayed) assignment.replayed = true;
      assignments.push(assignment);
    };
    for (const unit of leads) add(unit, 'lead');
    // A unit named both as lead and as responsible is lead.
    for (const unit of expandIds(data, task.responsible, unitsById)) if (!leadIds.has(unit.id)) add(unit, 'responsible');
    return rollUp(task, assignments, asOf, warnDays);
  });
  rows.sort(byDeadline);
  const ledger: Ledger = { data, asOf, rows, unitsById, ...(options.history && { historyOf: options.history }) };
  const next = nextCheckpoint(ledger);
  if (next) ledger.nextCheckpoint = next;
  return ledger;
}

/** A task's roll-up over some of its assignments (all, or one unit's). */
export function rollUp(task: Task, assignments: Assignment[], asOf: IsoDate, warnDays: number): TaskRow {
  const done = assignments.filter((a) => isClosed(a.state)).length;
  const light = assignments.length > 0 ? worstLight(assignments.map((a) => a.light)) : lightOf(task, 'not_started', undefined, asOf, warnDays);
  const row: TaskRow = { task, assignments, done, total: assignments.length, light, daysLeft: task.deadline === null ? null : daysBetween(asOf, task.deadline) };
  if (done > 0 && done === assignments.length) {
    // The task closed when its last unit closed it.
    let completed: IsoDate | undefined;
    for (const a of assignments) if (a.completed !== undefined && (completed === undefined || a.completed > completed)) completed = a.completed;
    if (completed !== undefined) {
      row.completed = completed;
      if (task.deadline !== null) row.completionDays = daysBetween(task.deadline, completed);
    }
  }
  return row;
}

/** By deadline, tasks without one last, then by the document's numbering. */
export function byDeadline(a: { task: Task }, b: { task: Task }): number {
  const da = a.task.deadline ?? '9999-99-99';
  const db = b.task.deadline ?? '9999-99-99';
  return da < db ? -1 : da > db ? 1 : compareIds(a.task.id, b.task.id);
}

/** 2.1.10 after 2.1.9: numeric parts compare as numbers. */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (x !== '' && y !== '' && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * Units that report at a checkpoint: its units, its groups' members and, for
 * `leads`, every unit that leads a task (`leads:<group>`: those of them in the
 * group, as 县直各牵头单位 is the lead units among 县直各单位). The recipient
 * receives the reports and is never one of its own reporters.
 */
export function reportersOf(ledger: Ledger, checkpoint: Checkpoint): Unit[] {
  const isLeads = (r: string): boolean => r === LEAD_UNITS || r.startsWith(`${LEAD_UNITS}:`);
  const units = expandIds(ledger.data, checkpoint.reporters.filter((r) => !isLeads(r)), ledger.unitsById);
  const leadScopes = checkpoint.reporters.filter(isLeads).map((r) => (r === LEAD_UNITS ? undefined : new Set(expandIds(ledger.data, [r.slice(LEAD_UNITS.length + 1)], ledger.unitsById).map((u) => u.id))));
  if (leadScopes.length > 0) {
    const seen = new Set(units.map((u) => u.id));
    for (const row of ledger.rows) {
      for (const a of row.assignments) {
        if (a.role === 'lead' && !seen.has(a.unit.id) && leadScopes.some((scope) => scope === undefined || scope.has(a.unit.id))) {
          seen.add(a.unit.id);
          units.push(a.unit);
        }
      }
    }
  }
  return units.filter((u) => u.id !== checkpoint.recipient);
}

/** Checkpoints of the plan by date, each with its reporters and days left from the as-of date. */
export function checkpointsDue(ledger: Ledger): CheckpointDue[] {
  return [...ledger.data.plan.checkpoints].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((c) => checkpointDue(ledger, c));
}

function checkpointDue(ledger: Ledger, checkpoint: Checkpoint): CheckpointDue {
  const recipient = ledger.unitsById.get(checkpoint.recipient);
  return { checkpoint, daysLeft: daysBetween(ledger.asOf, checkpoint.date), reporters: reportersOf(ledger, checkpoint), ...(recipient && { recipient }) };
}

function nextCheckpoint(ledger: Ledger): CheckpointDue | undefined {
  const upcoming = ledger.data.plan.checkpoints.filter((c) => c.date >= ledger.asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  const checkpoint = upcoming[0];
  return checkpoint ? checkpointDue(ledger, checkpoint) : undefined;
}
