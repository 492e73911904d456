/**
 * The validate stage: every file's shape against its schema, then the plan's
 * meaning through the cross-file rules. Files are read one at a time and
 * reduced to the domain model as they come, so their text is not kept.
 */
import { dateIn, isKnownTimeZone } from '../calendar.js';
import type { Diagnostic } from '../diagnostic.js';
import { readOne, type BrokenFile, type FileRef } from '../load/plan-files.js';
import type { FormReturn, IsoDate, Office, Plan, PlanData, StatusEntry, Task, Unit, UnitGroup } from '../model.js';
import { runRules, type CompletionLimit } from './rules.js';
import { checkShape } from './shape.js';
import { checkStatusFiles, type EntryFilter } from './status-files.js';

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
}

export async function validatePlan(dir: string, listing: { refs: FileRef[]; broken: BrokenFile[] }, options: ValidateOptions): Promise<Validated> {
  const diagnostics: Diagnostic[] = listing.broken.map((b) => b.diagnostic);
  let plan: Plan | undefined;
  let planFile = '';
  let units: Unit[] | undefined;
  let groups: UnitGroup[] = [];
  let office: Office | undefined;
  let unitsFile = '';
  const tasks: Task[] = [];
  const statuses: StatusEntry[] = [];
  const returns: FormReturn[] = [];
  const taskOrigins = new Map<string, { file: string; path: (string | number)[] }[]>();
  const statusOrigins = new Map<string, { file: string; declaredUnit: string }>();
  let structural = diagnostics.length > 0;

  for (const ref of listing.refs) {
    if (ref.kind === 'status') continue;
    const f = await readOne(ref);
    if ('diagnostic' in f) {
      diagnostics.push(f.diagnostic);
      structural = true;
      continue;
    }
    const shape = checkShape(f.kind, f.file, f.data);
    if (shape.length > 0) {
      for (const d of shape) diagnostics.push(d);
      structural = true;
      continue;
    }
    if (f.kind === 'plan') {
      plan = assemblePlan(f.data as RawPlan);
      planFile = f.file;
    } else if (f.kind === 'units') {
      ({ units, groups, office } = assembleUnits(f.data as RawUnits));
      unitsFile = f.file;
    } else {
      const raw = f.data as RawTasks;
      raw.tasks.forEach((t, i) => {
        tasks.push(assembleTask(t, raw.section));
        const list = taskOrigins.get(t.id) ?? [];
        list.push({ file: f.file, path: ['tasks', i] });
        taskOrigins.set(t.id, list);
      });
    }
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
  for (const result of await checkStatusFiles(statusRefs, details, replayAt)) {
    if (!result.ok) {
      for (const d of result.diagnostics) diagnostics.push(d);
      structural = true;
      continue;
    }
    statusOrigins.set(result.stem, { file: result.file, declaredUnit: result.declaredUnit });
    for (const entry of result.entries) statuses.push(entry);
    for (const r of result.returns) returns.push(r);
  }

  if (!plan || !units) return { asOf, diagnostics };

  const data: PlanData = {
    dir,
    plan,
    units,
    groups,
    tasks,
    statuses,
    ...(office && { office }),
    returns,
    origins: { plan: planFile, units: unitsFile, tasks: taskOrigins, statuses: statusOrigins },
  };
  // Cross-file rules on a structurally broken plan mostly repeat the first
  // error in other words ("unknown task" for a task whose file failed), so
  // they wait until every file has the right shape.
  // Loops rather than push(...list): spreading a million items overflows the stack.
  let completions = options.completions === 'today' ? undefined : options.completions;
  if (options.completions === 'today') completions = { notAfter: dateIn(isKnownTimeZone(plan.timezone) ? plan.timezone : 'Asia/Shanghai', options.now), kind: 'future' };
  if (!structural) for (const d of runRules(data, asOf, completions)) diagnostics.push(d);
  return { data, asOf, diagnostics };
}

type RawPlan = Omit<Plan, 'implements'> & { implements?: Plan['implements'] };
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
  deadline?: string;
  deadlineText?: string;
  ongoing?: boolean;
  reviewOn?: string[];
  deadlineNote?: string;
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

function assemblePlan(raw: RawPlan): Plan {
  return { ...raw, implements: raw.implements ?? [] };
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
    deadline: raw.deadline ?? null,
    deadlineText: raw.deadlineText ?? null,
    ongoing: raw.ongoing ?? false,
    reviewOn: raw.reviewOn ?? [],
    ...(raw.deadlineNote !== undefined && { deadlineNote: raw.deadlineNote }),
    ...(raw.source !== undefined && { source: raw.source }),
    ...(raw.annotation !== undefined && { annotation: raw.annotation }),
  };
}

