/**
 * Meaning: small named rules over the whole plan, each returning diagnostics.
 * The schema has already checked every file's shape.
 */
import { dayNumber, isKnownTimeZone, isRealDate } from '../calendar.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import { LEAD_UNITS, type IsoDate, type PlanData } from '../model.js';
import { closest } from '../suggest.js';
import { forEachTask } from './task-origins.js';
import { unitValueDiagnostic } from './unit-names.js';
import { checkReviewRecords } from './review-rules.js';

/** Characters in a task title and a task text. */
export const TITLE_LIMIT = 200;
export const TEXT_LIMIT = 20_000;

/**
 * The date completions may not lie after. `plan check` gives today: a
 * completion in the future is a mistake. `plan update` gives its as-of date and
 * its own entry, so other units' later completions never stop it.
 */
export interface CompletionLimit {
  notAfter: IsoDate;
  /** `future`: checked against today; `as-of`: against the as-of date of an update. */
  kind: 'future' | 'as-of';
  only?: { unit: string; task: string };
}

/**
 * What the rules cannot see: files or items set aside because their shape is
 * wrong (see salvage.ts). Rules skip what depends on them rather than report
 * the schema error again in other words.
 */
export interface RuleScope {
  /** plan.yaml was read and has the right shape. */
  planUsable: boolean;
  /** units.yaml was read and every unit and group in it has a readable id. */
  unitsUsable: boolean;
  /** Every task file was read and every task in it has a readable id. */
  tasksComplete: boolean;
  /** Ids of units and groups, and of tasks, set aside for a schema error. */
  setAsideUnits: Set<string>;
  setAsideTasks: Set<string>;
  /** Where the units and groups kept from a broken units.yaml stand in the file. */
  unitIndexes?: { units: number[]; groups: number[] };
}

const WHOLE: RuleScope = { planUsable: true, unitsUsable: true, tasksComplete: true, setAsideUnits: new Set(), setAsideTasks: new Set() };

export interface RuleContext {
  data: PlanData;
  asOf: IsoDate;
  completions?: CompletionLimit;
  scope: RuleScope;
  /** The index in units.yaml of data.units[i] or data.groups[i]. */
  at(list: 'units' | 'groups', i: number): number;
  /** Unit and group ids. */
  known: Set<string>;
  report(code: string, severity: Severity, file: string, path: (string | number)[], args?: Record<string, string | number>): void;
  push(d: Diagnostic): void;
}

export type Rule = (ctx: RuleContext) => void;

export const RULES: Record<string, Rule> = {
  uniqueIds(ctx) {
    const { data } = ctx;
    const seen = new Map<string, number>();
    const all = [...data.units.map((u, i) => ['units', i, u.id] as const), ...data.groups.map((g, i) => ['groups', i, g.id] as const)];
    for (const [list, i, id] of all) {
      if (seen.has(id)) ctx.report('duplicate-unit-id', 'error', data.origins.units, [list, ctx.at(list, i), 'id'], { id });
      seen.set(id, i);
    }
    for (const [id, origins] of data.origins.tasks) {
      origins.slice(1).forEach((o) => ctx.report('duplicate-task-id', 'error', o.file, [...o.path, 'id'], { id, first: origins[0]!.file }));
    }
  },

  uniqueNames(ctx) {
    // A name that means two units would make `plan checklist <name>` ambiguous.
    const owner = new Map<string, string>();
    const entries = [...ctx.data.units.map((u, i) => ({ u, list: 'units', i: ctx.at('units', i) })), ...ctx.data.groups.map((u, i) => ({ u, list: 'groups', i: ctx.at('groups', i) }))];
    for (const { u, list, i } of entries) {
      const short = 'short' in u && typeof u.short === 'string' ? [u.short] : [];
      for (const name of new Set([u.name, ...short, ...u.aliases])) {
        const other = owner.get(name);
        if (other !== undefined && other !== u.id) {
          ctx.report('duplicate-unit-name', 'error', ctx.data.origins.units, [list, i], { name, id: u.id, other });
        }
        owner.set(name, u.id);
      }
    }
  },

  groupMembersExist(ctx) {
    const groupIds = new Set(ctx.data.groups.map((g) => g.id));
    ctx.data.groups.forEach((g, i) => {
      const gi = ctx.at('groups', i);
      // A group with no members assigns its tasks to nobody: `plan import` leaves
      // them so when the document does not list them, for the county to fill in.
      // A group marked membersUnknown (so written by plan import) is a warning of its own, below.
      if (g.members.length === 0 && !g.membersUnknown) ctx.report('group-no-members', 'error', ctx.data.origins.units, ['groups', gi, 'members'], { group: g.id, name: g.name });
      g.members.forEach((m, mi) => {
        if (!ctx.known.has(m) || groupIds.has(m)) {
          unknownUnit(ctx, m, ctx.data.origins.units, ['groups', gi, 'members', mi]);
        }
      });
    });
  },

  groupMembersUnknown(ctx) {
    // A group the document names without members (各镇, 各有关部门): the county fills them in; until then a warning.
    ctx.data.groups.forEach((g, i) => {
      if (!g.membersUnknown) return;
      // Half a list is still not the list: the warning stays until the office says it is complete (plan group complete).
      if (g.members.length === 0) ctx.report('group-members-unknown', 'warning', ctx.data.origins.units, ['groups', ctx.at('groups', i), 'members'], { group: g.id, name: g.name });
      else ctx.report('group-members-incomplete', 'warning', ctx.data.origins.units, ['groups', ctx.at('groups', i), 'membersUnknown'], { group: g.id, name: g.name, count: g.members.length });
    });
  },

  taskOwnersExist(ctx) {
    forEachTask(ctx, (task, file, path) => {
      for (const role of ['lead', 'responsible'] as const) {
        task[role].forEach((id, i) => {
          if (!ctx.known.has(id)) unknownUnit(ctx, id, file, [...path, role, i]);
        });
      }
    });
  },

  textLengths(ctx) {
    // Titles go into table cells and file names of reports; a paragraph there is a mistake.
    forEachTask(ctx, (task, file, path) => {
      if ([...task.title].length > TITLE_LIMIT) ctx.report('title-too-long', 'error', file, [...path, 'title'], { task: task.id, length: [...task.title].length, limit: TITLE_LIMIT });
      if ([...task.text].length > TEXT_LIMIT) ctx.report('text-too-long', 'error', file, [...path, 'text'], { task: task.id, length: [...task.text].length, limit: TEXT_LIMIT });
    });
  },

  taskHasOwner(ctx) {
    // Sets, not lists: a province's groups hold thousands of its thousands of units.
    const unitIds = new Set(ctx.data.units.map((u) => u.id));
    const members = new Map(ctx.data.groups.map((g) => [g.id, g.members.filter((m) => unitIds.has(m))]));
    forEachTask(ctx, (task, file, path) => {
      const owners = [...task.lead, ...task.responsible];
      if (owners.length === 0) {
        ctx.report('task-no-owner', 'error', file, path, { task: task.id });
        return;
      }
      // "Every task has an owner" means a real unit: owners that are all empty
      // groups assign the task to nobody. Unknown owners are reported already.
      if (!ctx.scope.unitsUsable || owners.some((id) => !ctx.known.has(id) || ctx.scope.setAsideUnits.has(id))) return;
      if (owners.every((id) => members.get(id)?.length === 0)) {
        // Groups whose members the document did not list (membersUnknown): the county fills them in; a warning until then.
        const unknown = owners.every((id) => ctx.data.groups.find((g) => g.id === id)?.membersUnknown);
        ctx.report('task-no-unit', unknown ? 'warning' : 'error', file, [...path, task.lead.length > 0 ? 'lead' : 'responsible'], { task: task.id, owners: owners.join(', ') });
      }
    });
  },

  taskHasDeadline(ctx) {
    forEachTask(ctx, (task, file, path) => {
      // A working-day rule that cannot be counted has no date: calendarRules says why.
      const hasDeadline = task.deadline !== null || task.deadlineRule !== undefined;
      if (hasDeadline && task.ongoing) {
        ctx.report('task-deadline-and-ongoing', 'error', file, [...path, 'ongoing'], { task: task.id });
      } else if (!hasDeadline && !task.ongoing) {
        ctx.report('task-no-deadline', 'error', file, path, { task: task.id });
      } else if (task.ongoing && (task.reviewOn.length === 0 || task.deadlineNote === undefined)) {
        // The exception must be visible: when it is reviewed and why there is no date.
        ctx.report('task-ongoing-incomplete', 'error', file, [...path, 'ongoing'], {
          task: task.id,
          missing: task.reviewOn.length === 0 ? 'reviewOn' : 'deadlineNote',
        });
      }
    });
  },

  realDates(ctx) {
    const { plan, origins } = ctx.data;
    const check = (value: string | undefined, file: string, path: (string | number)[]): void => {
      if (value !== undefined && !isRealDate(value)) ctx.report('invalid-date', 'error', file, path, { value });
    };
    if (ctx.scope.planUsable) {
      check(plan.signed, origins.plan, ['signed']);
      // An imported draft whose document did not show its 成文日期: the county fills it in.
      if (plan.signed === undefined) ctx.report('plan-signed-missing', 'warning', origins.plan, [], {});
      check(plan.published, origins.plan, ['published']);
      check(plan.span?.start, origins.plan, ['span', 'start']);
      check(plan.span?.end, origins.plan, ['span', 'end']);
      plan.checkpoints.forEach((c, i) => {
        if (c.every === undefined) check(c.date, origins.plan, ['checkpoints', c.entry ?? i, 'date']);
      });
    }
    ctx.data.units.forEach((u, i) => check(u.since, origins.units, ['units', ctx.at('units', i), 'since']));
    forEachTask(ctx, (task, file, path) => {
      if (task.deadlineRule === undefined) check(task.deadline ?? undefined, file, [...path, 'deadline']);
      else if (task.deadlineRule.from !== 'signed' && task.deadlineRule.from !== 'published') check(task.deadlineRule.from, file, [...path, 'deadline', 'from']);
      task.milestones?.forEach((m, i) => check(m.date, file, [...path, 'milestones', i, 'date']));
      task.reviewOn.forEach((d, i) => check(d, file, [...path, 'reviewOn', i]));
    });
    // Entries come file by file (the file looked up once per file); the path is made only for a diagnostic.
    let unit: string | undefined;
    let file = '';
    for (const s of ctx.data.statuses) {
      if (s.unit !== unit) {
        unit = s.unit;
        file = origins.statuses.get(s.unit)!.file;
      }
      if (s.completed !== undefined && !isRealDate(s.completed)) check(s.completed, file, entryPath(s.task, 'completed'));
      if (s.updated !== undefined && !isRealDate(s.updated)) check(s.updated, file, entryPath(s.task, 'updated'));
    }
    // Returns keep their file order per unit, so the n-th of a unit is returns[n].
    const nth = new Map<string, number>();
    for (const r of ctx.data.returns) {
      const i = nth.get(r.unit) ?? 0;
      nth.set(r.unit, i + 1);
      const file = origins.statuses.get(r.unit)!.file;
      check(r.checkpoint, file, ['returns', i, 'checkpoint']);
      check(r.received, file, ['returns', i, 'received']);
    }
  },

  planSettings(ctx) {
    if (!ctx.scope.planUsable) return;
    const { plan, origins } = ctx.data;
    if (!isKnownTimeZone(plan.timezone)) ctx.report('unknown-timezone', 'error', origins.plan, ['timezone'], { value: plan.timezone });
    const seen = new Set<number>();
    plan.checkpoints.forEach((c, i) => {
      // A recurring entry stands for many checkpoints: its units are checked once.
      const entry = c.entry ?? i;
      if (seen.has(entry)) return;
      seen.add(entry);
      i = entry;
      c.reporters.forEach((r, j) => {
        // `leads:<group>` names a group; `leads` alone names none.
        const id = r.startsWith(`${LEAD_UNITS}:`) ? r.slice(LEAD_UNITS.length + 1) : r;
        if (r !== LEAD_UNITS && !ctx.known.has(id)) unknownUnit(ctx, id, origins.plan, ['checkpoints', i, 'reporters', j]);
      });
      if (!ctx.known.has(c.recipient)) unknownUnit(ctx, c.recipient, origins.plan, ['checkpoints', i, 'recipient']);
    });
  },

  planHasCheckpoints(ctx) {
    if (!ctx.scope.planUsable) return;
    // No 报送节点: no unit is asked to report and no ongoing task is ever reviewed, silently.
    if (ctx.data.plan.checkpoints.length === 0) ctx.report('no-checkpoints', 'warning', ctx.data.origins.plan, ['checkpoints'], {});
  },

  deadlineInSpan(ctx) {
    if (!ctx.scope.planUsable) return;
    const { plan } = ctx.data;
    const start = plan.span?.start ?? plan.signed;
    const end = plan.span?.end;
    if (start === undefined || !isRealDate(start) || (end !== undefined && !isRealDate(end))) return;
    forEachTask(ctx, (task, file, path) => {
      if (task.deadline === null || !isRealDate(task.deadline)) return;
      const d = dayNumber(task.deadline);
      // A deadline the calendar moved past the span's end is the plan's own rule at work, not a mistake.
      const counted = task.due?.moved ? dayNumber(task.due.counted) : d;
      if (d < dayNumber(start) || (end !== undefined && counted > dayNumber(end))) {
        ctx.report('deadline-outside-span', 'warning', file, [...path, 'deadline'], { task: task.id, deadline: task.deadline, start, end: end ?? '' });
      }
    });
  },

  statusFiles(ctx) {
    const groupIds = new Set(ctx.data.groups.map((g) => g.id));
    for (const [stem, { file, declaredUnit }] of ctx.data.origins.statuses) {
      if (declaredUnit !== stem) ctx.report('status-file-name', 'error', file, ['unit'], { unit: declaredUnit, stem });
      else if (!ctx.known.has(stem) || groupIds.has(stem)) unknownUnit(ctx, stem, file, ['unit']);
    }
  },

  statusEntries(ctx) {
    const { data } = ctx;
    const tasks = new Map(data.tasks.map((t) => [t.id, t]));
    // Per task, once: the units it is assigned to (groups expanded), or null when
    // an owner was set aside for a schema error and so the answer is unknown.
    // A province has a million entries and 200 tasks: one lookup per entry.
    const groups = new Map(data.groups.map((g) => [g.id, g.members]));
    const assigned = new Map<string, Set<string> | null>();
    for (const task of tasks.values()) {
      const owners = [...task.lead, ...task.responsible];
      assigned.set(task.id, owners.some((id) => ctx.scope.setAsideUnits.has(id)) ? null : new Set(owners.flatMap((id) => groups.get(id) ?? [id])));
    }
    const hinted = new Map<string, number>();
    // Entries come file by file: the file's facts are looked up once per file.
    let origin: { file: string; declaredUnit: string } | undefined;
    let originUnit: string | undefined;
    let unitSound = false;
    for (const s of data.statuses) {
      if (s.unit !== originUnit) {
        originUnit = s.unit;
        origin = data.origins.statuses.get(s.unit)!;
        // Whether the task exists, and whether it is the unit's, can only be told
        // when the unit and every task file are sound; the entry's own checks run regardless.
        unitSound = origin.declaredUnit === s.unit && ctx.known.has(s.unit) && ctx.scope.unitsUsable;
      }
      const file = origin!.file;
      const units = assigned.get(s.task);
      if (units === undefined && ctx.scope.tasksComplete && !ctx.scope.setAsideTasks.has(s.task)) {
        // A "did you mean" only where it will be shown: a file lists its first 100 problems (load/positions.ts).
        const shown = (hinted.get(file) ?? 0) + 1;
        hinted.set(file, shown);
        const hint = shown <= 100 ? closest(s.task, tasks.keys()) : undefined;
        ctx.report('status-unknown-task', 'error', file, entryPath(s.task), { task: s.task, ...(hint && { hint }) });
      } else if (units && unitSound && !units.has(s.unit)) {
        ctx.report('status-not-assigned', 'error', file, entryPath(s.task), { task: s.task, unit: s.unit });
      }
      if (s.state === 'done') {
        if (s.completed === undefined) ctx.report('done-no-completed', 'error', file, entryPath(s.task, 'state'), { task: s.task });
        if (s.evidenceCount === 0) ctx.report('done-no-evidence', 'warning', file, entryPath(s.task, 'state'), { task: s.task });
      }
      const limit = ctx.completions;
      const mine = !limit?.only || (limit.only.unit === s.unit && limit.only.task === s.task);
      if (limit && mine && s.completed !== undefined && isRealDate(s.completed) && dayNumber(s.completed) > dayNumber(limit.notAfter)) {
        if (limit.kind === 'future') ctx.report('completed-in-future', 'error', file, entryPath(s.task, 'completed'), { task: s.task, completed: s.completed, today: limit.notAfter });
        else ctx.report('completed-after-as-of', 'error', file, entryPath(s.task, 'completed'), { task: s.task, completed: s.completed, asOf: limit.notAfter });
      }
      if (s.state === 'not_applicable' && !s.hasReason) {
        ctx.report('not-applicable-no-reason', 'error', file, entryPath(s.task, 'state'), { task: s.task });
      }
    }
  },

  /** Review decisions and requests for more time: about a claim and a request, in order, with reasons (review-rules.ts). */
  reviewRecords(ctx) {
    const { data } = ctx;
    let deadlines: Map<string, IsoDate | null> | undefined;
    const required = data.plan.review === 'required';
    for (const s of data.statuses) {
      if (s.review === undefined && s.extensions === undefined) continue;
      deadlines ??= new Map(data.tasks.map((t) => [t.id, t.deadline]));
      const file = data.origins.statuses.get(s.unit)!.file;
      checkReviewRecords(s, deadlines.get(s.task) ?? null, required, (code, path, args, severity = 'error') => ctx.report(code, severity, file, path, args));
    }
  },
};

/** Where an entry (or a field of it) is in its status file; made only for a diagnostic, not per entry. */
function entryPath(task: string, field?: string): (string | number)[] {
  return field === undefined ? ['tasks', task] : ['tasks', task, field];
}

/** An id that names no unit or group: a name written for an id gets the id, else the closest. */
function unknownUnit(ctx: RuleContext, id: string, file: string, path: (string | number)[]): void {
  if (!ctx.scope.unitsUsable || ctx.scope.setAsideUnits.has(id)) return;
  ctx.push(unitValueDiagnostic(ctx.data, id, file, path));
}

export function runRules(data: PlanData, asOf: IsoDate, scope: RuleScope = WHOLE, completions?: CompletionLimit, more: readonly Rule[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ctx: RuleContext = {
    data,
    asOf,
    ...(completions && { completions }),
    scope,
    at: (list, i) => scope.unitIndexes?.[list][i] ?? i,
    push: (d) => diagnostics.push(d),
    known: new Set([...data.units.map((u) => u.id), ...data.groups.map((g) => g.id)]),
    report(code, severity, file, path, args = {}) {
      diagnostics.push({ code, severity, file, path, args });
    },
  };
  // Rules of other files (the working calendar's) come in as `more`: they import this file's types, so this file does not import them.
  for (const rule of [...Object.values(RULES), ...more]) rule(ctx);
  return diagnostics;
}
