/** Turning a unit or task named on the command line into the plan's own, or a usage error with a suggestion. */
import { UsageError } from '../errors.js';
import { type Ledger } from '../ledger/index.js';
import { findNamed, shortName } from '../ledger/units.js';
import type { PlanData, Task, Unit } from '../model.js';
import { closest } from '../suggest.js';

/** A unit, or every unit of a group. */
export function resolveUnits(ledger: Ledger, name: string): { units: Unit[]; label: string } {
  const found = findNamed(ledger.data, name);
  if (found.kind === 'unit') return { units: [found.unit], label: shortName(found.unit) };
  if (found.kind === 'group') return { units: ledger.unitsOf([found.group.id]), label: found.group.name };
  throw new UsageError('unknown-unit', { name, ...(found.hint && { hint: found.hint }) });
}

/** Exactly one unit; a group is refused. */
export function resolveUnit(data: PlanData, name: string): Unit {
  const found = findNamed(data, name);
  if (found.kind === 'unit') return found.unit;
  if (found.kind === 'group') throw new UsageError('unit-is-group', { name });
  throw new UsageError('unknown-unit', { name, ...(found.hint && { hint: found.hint }) });
}

export function resolveTask(data: PlanData, id: string): Task {
  const task = data.tasks.find((t) => t.id === id);
  if (task) return task;
  const hint = closest(id, data.tasks.map((t) => t.id));
  throw new UsageError('unknown-task', { task: id, ...(hint && { hint }) });
}

/** A task assigned to the unit (as lead or responsible, directly or through a group); else the same usage error as `plan update`. */
export function resolveAssignedTask(data: PlanData, unit: Unit, id: string): Task {
  const task = resolveTask(data, id);
  const members = new Map(data.groups.map((g) => [g.id, g.members]));
  const owners = [...task.lead, ...task.responsible];
  if (!owners.some((o) => o === unit.id || members.get(o)?.includes(unit.id))) {
    throw new UsageError('task-not-assigned', { task: task.id, unit: shortName(unit), unitId: unit.id });
  }
  return task;
}
