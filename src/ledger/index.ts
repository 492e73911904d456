/**
 * The ledger (工作台账): pure code from plan + statuses + as-of date to
 * assignments, lights (红黄绿灯), roll-ups, checkpoints and checklists.
 */
import { daysBetween } from '../calendar.js';
import type { Checkpoint, IsoDate, PlanData, StatusEntry, Task, TaskState, Unit } from '../model.js';
import { LEAD_UNITS } from '../validate/rules.js';

export type Role = 'lead' | 'responsible';

/**
 * red: open and past its deadline (逾期); yellow: open and due within the
 * warning window; green: closed on time, or open and not yet due soon;
 * done-late: closed after the deadline; ongoing: open, the source sets no deadline.
 */
export type Light = 'red' | 'yellow' | 'green' | 'done-late' | 'ongoing';

export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'ongoing', 'done-late', 'green'];

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
}

export interface TaskRow {
  task: Task;
  assignments: Assignment[];
  done: number;
  total: number;
  light: Light;
  /** Deadline minus as-of date: negative when overdue; null when ongoing. */
  daysLeft: number | null;
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
}

export const isClosed = (state: TaskState): boolean => state === 'done' || state === 'not_applicable';

export function lightOf(task: Task, state: TaskState, completed: IsoDate | undefined, asOf: IsoDate, warnDays: number): Light {
  if (isClosed(state)) {
    const late = state === 'done' && task.deadline !== null && completed !== undefined && completed > task.deadline;
    return late ? 'done-late' : 'green';
  }
  if (task.deadline === null) return 'ongoing';
  const left = daysBetween(asOf, task.deadline);
  if (left < 0) return 'red';
  return left <= warnDays ? 'yellow' : 'green';
}

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

export function buildLedger(data: PlanData, asOf: IsoDate): Ledger {
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
      const state = entry?.state ?? 'not_started';
      const light = lightOf(task, state, entry?.completed, asOf, warnDays);
      const daysOverdue = light === 'red' ? -daysBetween(asOf, task.deadline!) : 0;
      const assignment: Assignment = { task, unit, role, state, light, daysOverdue };
      if (entry) assignment.entry = entry;
      assignments.push(assignment);
    };
    for (const unit of leads) add(unit, 'lead');
    // A unit named both as lead and as responsible is lead.
    for (const unit of expandIds(data, task.responsible, unitsById)) if (!leadIds.has(unit.id)) add(unit, 'responsible');
    return rollUp(task, assignments, asOf, warnDays);
  });
  rows.sort(byDeadline);
  const ledger: Ledger = { data, asOf, rows, unitsById };
  const next = nextCheckpoint(ledger);
  if (next) ledger.nextCheckpoint = next;
  return ledger;
}

/** A task's roll-up over some of its assignments (all, or one unit's). */
export function rollUp(task: Task, assignments: Assignment[], asOf: IsoDate, warnDays: number): TaskRow {
  const done = assignments.filter((a) => isClosed(a.state)).length;
  const light = assignments.length > 0 ? worstLight(assignments.map((a) => a.light)) : lightOf(task, 'not_started', undefined, asOf, warnDays);
  return { task, assignments, done, total: assignments.length, light, daysLeft: task.deadline === null ? null : daysBetween(asOf, task.deadline) };
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

/** Units that report at a checkpoint: its groups' members and, for `leads`, every lead unit. */
export function reportersOf(ledger: Ledger, checkpoint: Checkpoint): Unit[] {
  const ids = checkpoint.reporters.filter((r) => r !== LEAD_UNITS);
  const units = expandIds(ledger.data, ids, ledger.unitsById);
  if (checkpoint.reporters.includes(LEAD_UNITS)) {
    const seen = new Set(units.map((u) => u.id));
    for (const row of ledger.rows) {
      for (const a of row.assignments) {
        if (a.role === 'lead' && !seen.has(a.unit.id)) {
          seen.add(a.unit.id);
          units.push(a.unit);
        }
      }
    }
  }
  return units;
}

function nextCheckpoint(ledger: Ledger): CheckpointDue | undefined {
  const upcoming = ledger.data.plan.checkpoints.filter((c) => c.date >= ledger.asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  const checkpoint = upcoming[0];
  if (!checkpoint) return undefined;
  const recipient = ledger.unitsById.get(checkpoint.recipient);
  return {
    checkpoint,
    daysLeft: daysBetween(ledger.asOf, checkpoint.date),
    reporters: reportersOf(ledger, checkpoint),
    ...(recipient && { recipient }),
  };
}
