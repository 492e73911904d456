/**
 * The validate stage: every file's shape against its schema, then the plan's
 * meaning through the cross-file rules. Files are read one at a time and
 * reduced to the domain model as they come, so their text is not kept.
 */
import { join } from 'node:path';
import { dateIn, isKnownTimeZone } from '../calendar.js';
import type { Diagnostic } from '../diagnostic.js';
import { readOne, type BrokenFile, type FileRef } from '../load/plan-files.js';
import { deadlineInForce, expandCheckpoints } from '../due-dates.js';
import type { Checkpoint, FormReturn, IsoDate, Office, Plan, PlanData, RecurringCheckpoint, Scoring, StatusEntry, Task, Unit, UnitGroup, WorkdayDeadline } from '../model.js';
import type { WorkingCalendar } from '../working-calendar.js';
import { CALENDAR_RULES } from './calendar-rules.js';
import { runRules, type CompletionLimit, type RuleScope } from './rules.js';
import { fieldIsSound, salvageList, valueAt } from './salvage.js';
import { isUnitIdSlot, unitValueDiagnostic } from './unit-names.js';
import { checkShape } from './shape.js';
import { checkStatusFiles, type EntryFilter } from './status-files.js';
import { checkScoring, type RawScoring } from './scoring.js';

/**
 * Which entries' texts (progress, evidence, reason, history) a command needs:
 * decided once the plan, its units and tasks are read, before any status file.
 */
export type DetailsWanted = (plan: { plan: Plan; units: Unit[]; groups: UnitGroup[]; tasks: Task[]; asOf: IsoDate }) => EntryFilter;

export interface ValidateOptions {
  /** `--as-of`, when given. */
  asOf?: string;
  /** The moment of the run, for "today" in the plan's time zone. */
  now: Date;
  /**
   * Keep progress text, evidence, reasons and history: for every entry (export),
   * for the entries a command prints (a function), or none (the default): at
   * province size every file's texts would not fit in memory.
   */
  details?: boolean | DetailsWanted;
  /**
   * A report about an earlier date than `asOf` (a past checkpoint): entries
   * changed after it keep their history so the ledger can replay them.
   */
  replayAt?: IsoDate;
  /**
   * Completions may not lie after this date (`plan check`: today; `plan update`:
   * its as-of date, for its own entry). Absent: a report about the past, where a
   * completion after the as-of date is simply not yet in force.
   */
  completions?: CompletionLimit | 'today';
}

export interface Validated {
  /** Absent when plan.yaml or units.yaml could not be read at all. */
  data?: PlanData;
  asOf: string;
  diagnostics: Diagnostic[];
  /** Every file and folder checked, in reading order (a JUnit report has a test case for each). */
  files: string[];
}

export async function validatePlan(dir: string, listing: { refs: FileRef[]; broken: BrokenFile[] }, options: ValidateOptions): Promise<Validated> {
  const diagnostics: Diagnostic[] = listing.broken.map((b) => b.diagnostic);
  const files = [...listing.refs.map((r) => r.file), ...listing.broken.map((b) => b.file)];
  let plan: Plan | undefined;
  let planFile = join(dir, 'plan.yaml');
  let units: Unit[] | undefined;
  let groups: UnitGroup[] = [];
  let office: Office | undefined;
  let unitsFile = join(dir, 'units.yaml');
  let scoring: Scoring | undefined;
  let scoringFile: string | undefined;
  const tasks: Task[] = [];
  const statuses: StatusEntry[] = [];
  const returns: FormReturn[] = [];
  const taskOrigins = new Map<string, { file: string; path: (string | number)[] }[]>();
  const statusOrigins = new Map<string, { file: string; declaredUnit: string }>();
  // What the rules cannot see because a file or an item of it is broken (see salvage.ts).
  const scope: RuleScope = { planUsable: true, unitsUsable: true, tasksComplete: !listing.broken.some((b) => b.kind === 'tasks'), setAsideUnits: new Set(), setAsideTasks: new Set() };
  // Values in a unit id slot that the schema rejected: worded once units.yaml is known.
  const idSlots: { diagnostic: Diagnostic; value: string }[] = [];

  for (const ref of listing.refs) {
    if (ref.kind === 'status') continue;
    const f = await readOne(ref);
    if ('diagnostic' in f) {
      diagnostics.push(f.diagnostic);
      if (ref.kind === 'plan') scope.planUsable = false;
      else if (ref.kind === 'units') scope.unitsUsable = false;
      else if (ref.kind === 'tasks') scope.tasksComplete = false;
      continue;
    }
    const shape = checkShape(f.kind, f.file, f.data);
    for (const d of shape) {
      const value = d.code === 'schema-pattern' && d.path && isUnitIdSlot(f.kind, d.path) ? valueAt(f.data, d.path) : undefined;
      if (typeof value === 'string') idSlots.push({ diagnostic: d, value });
      else diagnostics.push(d);
    }
    if (f.kind === 'plan') {
      planFile = f.file;
      if (shape.length === 0) {
        const assembled = assemblePlan(f.data as RawPlan);
        plan = assembled.plan;
        for (const { entry, problem } of assembled.problems) {
          diagnostics.push({ code: `checkpoint-${problem}`, severity: 'error', file: f.file, path: ['checkpoints', entry], args: { entry: entry + 1 } });
        }
      } else scope.planUsable = false;
    } else if (f.kind === 'scoring') {
      scoringFile = f.file;
      const checked = checkScoring(f.file, f.data as RawScoring, shape);
      for (const d of checked.diagnostics) diagnostics.push(d);
      scoring = checked.scoring;
    } else if (f.kind === 'units') {
      unitsFile = f.file;
      if (shape.length === 0) ({ units, groups, office } = assembleUnits(f.data as RawUnits));
      else {
        const kept = salvageList<RawUnits['units'][number]>(f.data, 'units', shape);
        const keptGroups = salvageList<RawUnits['groups'][number]>(f.data, 'groups', shape);
        ({ units, groups } = assembleUnits({ units: kept.kept.map((k) => k.item), groups: keptGroups.kept.map((k) => k.item) }));
        for (const id of [...kept.setAsideIds, ...keptGroups.setAsideIds]) scope.setAsideUnits.add(id);
        if (kept.incomplete || keptGroups.incomplete) scope.unitsUsable = false;
        // Rules report at list indexes; the kept items keep theirs.
        scope.unitIndexes = { units: kept.kept.map((k) => k.index), groups: keptGroups.kept.map((k) => k.index) };
      }
    } else {
      const raw = f.data as RawTasks;
      const kept = shape.length === 0 ? { kept: raw.tasks.map((item, index) => ({ item, index })), setAsideIds: [], incomplete: false } : salvageList<RawTask>(f.data, 'tasks', shape);
      const section = shape.length === 0 || fieldIsSound(shape, 'section') ? raw.section : '';
      for (const id of kept.setAsideIds) scope.setAsideTasks.add(id);
      if (kept.incomplete) scope.tasksComplete = false;
      for (const { item: t, index: i } of kept.kept) {
        tasks.push(assembleTask(t, section));
        const list = taskOrigins.get(t.id) ?? [];
        list.push({ file: f.file, path: ['tasks', i] });
        taskOrigins.set(t.id, list);
      }
    }
  }

  // The working calendar, read only for a plan that names one: the others never pay for its data.
  let calendar: WorkingCalendar | undefined;
  if (plan?.calendar !== undefined) {
    const { loadWorkingCalendar } = await import('./holidays.js');
    const loaded = await loadWorkingCalendar(dir);
    calendar = loaded.calendar;
    for (const d of loaded.diagnostics) diagnostics.push(d);
  }
  // Deadlines in force: written dates under the calendar's onHoliday rule, working-day counts counted.
  if (plan && (calendar || tasks.some((t) => t.deadlineRule))) {
    for (const task of tasks) {
      const written = task.deadlineRule ?? task.deadline;
      if (written === null) continue;
      const inForce = deadlineInForce(written, plan, calendar);
      task.deadline = inForce.date;
      if (inForce.due) task.due = inForce.due;
    }
  }

  const directory = { units: units ?? [], groups };
  for (const { diagnostic, value } of idSlots) {
    diagnostics.push(scope.unitsUsable && units ? unitValueDiagnostic(directory, value, diagnostic.file, diagnostic.path!) : diagnostic);
  }


  let asOf = options.asOf ?? '';
  if (!options.asOf) {
    const zone = plan && isKnownTimeZone(plan.timezone) ? plan.timezone : 'Asia/Shanghai';
    asOf = dateIn(zone, options.now);
  }
  const replayAt = options.replayAt !== undefined && options.replayAt < asOf ? options.replayAt : asOf;
  const wanted = options.details;
  const details: EntryFilter | boolean =
    typeof wanted === 'function' ? (plan && units ? wanted({ plan, units, groups, tasks, asOf: replayAt }) : false) : wanted === true;

  const statusRefs = listing.refs.filter((r) => r.kind === 'status');
  for (const result of await checkStatusFiles(statusRefs, details, replayAt, plan?.review === 'required')) {
    for (const d of result.diagnostics) diagnostics.push(d);
    if (!result.ok) continue;
    statusOrigins.set(result.stem, { file: result.file, declaredUnit: result.declaredUnit });
    for (const entry of result.entries) statuses.push(entry);
    for (const r of result.returns) returns.push(r);
  }

  const ruleData: PlanData = {
    dir,
    // Rules that need plan.yaml do not run when it is unusable (scope.planUsable).
    plan: plan ?? { id: '', title: '', document: '', issuer: '', signed: '', implements: [], timezone: 'UTC', warnDays: 0, checkpoints: [] },
    units: units ?? [],
    groups,
    tasks,
    statuses,
    ...(office && { office }),
    returns,
    ...(calendar && { calendar }),
    ...(scoring && { scoring }),
    origins: { plan: planFile, units: unitsFile, ...(scoringFile !== undefined && { scoring: scoringFile }), tasks: taskOrigins, statuses: statusOrigins },
  };
  if (units === undefined) scope.unitsUsable = false;
  // Every rule runs on whatever is sound, as ESLint does: one run lists every problem.
  // Loops rather than push(...list): spreading a million items overflows the stack.
  let completions = options.completions === 'today' ? undefined : options.completions;
  if (options.completions === 'today') completions = { notAfter: dateIn(plan && isKnownTimeZone(plan.timezone) ? plan.timezone : 'Asia/Shanghai', options.now), kind: 'future' };
  for (const d of runRules(ruleData, asOf, scope, completions, Object.values(CALENDAR_RULES))) diagnostics.push(d);
  if (!plan || !units) return { asOf, diagnostics, files };
  // With errors the data may lack the items set aside; every command refuses such a plan.
  return { data: ruleData, asOf, diagnostics, files };
}

type RawPlan = Omit<Plan, 'implements' | 'checkpoints'> & { implements?: Plan['implements']; checkpoints: (Checkpoint | RecurringCheckpoint)[] };
export interface RawUnits {
  units: (Omit<Unit, 'aliases'> & { aliases?: string[] })[];
  groups: (Omit<UnitGroup, 'aliases'> & { aliases?: string[] })[];
  office?: { maintainers?: string[] };
}
interface RawTask {
  id: string;
  title: string;
  text: string;
  lead?: string[];
  leadOpen?: boolean;
  responsible?: string[];
  deadline?: string | WorkdayDeadline;
  deadlineText?: string;
  ongoing?: boolean;
  reviewOn?: string[];
  deadlineNote?: string;
  milestones?: { date: string; text: string }[];
  source?: string;
  annotation?: string;
}
interface RawTasks {
  section: string;
  tasks: RawTask[];
}

/** units.yaml as checked by its schema, to units and groups with their defaults. */
export function assembleUnits(raw: RawUnits): { units: Unit[]; groups: UnitGroup[]; office?: Office } {
  return {
    units: raw.units.map((u) => ({ ...u, aliases: u.aliases ?? [] })),
    groups: raw.groups.map((g) => ({ ...g, aliases: g.aliases ?? [] })),
    ...(raw.office && { office: { maintainers: raw.office.maintainers ?? [] } }),
  };
}

/** plan.yaml as checked by its schema: recurring checkpoints become dated ones, each knowing its entry. */
function assemblePlan(raw: RawPlan): { plan: Plan; problems: ReturnType<typeof expandCheckpoints>['problems'] } {
  const { checkpoints, problems } = expandCheckpoints(raw.checkpoints, raw);
  return { plan: { ...raw, implements: raw.implements ?? [], checkpoints }, problems };
}

function assembleTask(raw: RawTask, section: string): Task {
  return {
    id: raw.id,
    section,
    title: raw.title,
    text: raw.text,
    lead: raw.lead ?? [],
    leadOpen: raw.leadOpen ?? false,
    responsible: raw.responsible ?? [],
    deadline: typeof raw.deadline === 'string' ? raw.deadline : null,
    ...(typeof raw.deadline === 'object' && { deadlineRule: raw.deadline }),
    deadlineText: raw.deadlineText ?? null,
    ongoing: raw.ongoing ?? false,
    reviewOn: raw.reviewOn ?? [],
    ...(raw.deadlineNote !== undefined && { deadlineNote: raw.deadlineNote }),
    ...(raw.milestones !== undefined && { milestones: raw.milestones }),
    ...(raw.source !== undefined && { source: raw.source }),
    ...(raw.annotation !== undefined && { annotation: raw.annotation }),
  };
}

