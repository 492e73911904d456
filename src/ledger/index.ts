/**
 * The ledger (工作台账): pure code from plan + statuses + as-of date to
 * assignments, lights (红黄绿灯), roll-ups, checkpoints and checklists.
 */
import { daysBetween } from '../calendar.js';
import { workdaysBetween } from '../working-calendar.js';
import { LEAD_UNITS, type Checkpoint, type ExtensionRecord, type HistoryRecord, type IsoDate, type PlanData, type ReviewRecord, type StatusEntry, type Task, type TaskState, type Unit } from '../model.js';
import { NOT_STARTED, stateOn, type StateInForce } from './replay.js';
import { claimDate, deadlineOn, isClaim, pendingExtensions, reviewOn, type ClaimReview, type ReviewState } from './review.js';

export type Role = 'lead' | 'responsible';

/**
 * red: open and past its deadline (逾期), blocked or not; blocked: blocked and
 * not yet past its deadline (受阻) — the clock does not stop for it; yellow:
 * open and due within the warning window (warnDays, or warnWorkdays working
 * days), or not yet started when one of the task's milestones (阶段性节点) has
 * passed; green: closed on time, or open and not yet due soon; done-late:
 * closed after the deadline; ongoing: open, the source sets no deadline.
 *
 * Under `review: required` a unit's done or not applicable is a claim:
 * awaiting (待审核) while the office has not decided, whatever the date, when
 * the claim was made on or before the deadline in force (the unit did its part
 * in time; the wait is the office's); red when it was made after that deadline
 * (late, and not closed until accepted). Accepted, it is green or done-late as
 * any closed assignment. Every deadline here is the one in force for the
 * assignment (an extension granted moves it).
 */
export type Light = 'red' | 'blocked' | 'yellow' | 'awaiting' | 'green' | 'done-late' | 'ongoing';

export const LIGHT_ORDER: readonly Light[] = ['red', 'blocked', 'yellow', 'awaiting', 'ongoing', 'done-late', 'green'];

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
  /** The deadline in force for this assignment on the as-of date: the task's, or the one an extension granted (ledger/review.ts deadlineOn). */
  deadline: IsoDate | null;
  /** The task's own deadline, present only when an extension moved this assignment's. */
  originalDeadline?: IsoDate | null;
  /** The grant that moved the deadline. */
  extension?: ExtensionRecord;
  /** Requests for more time the office had not answered on the as-of date. */
  extensionsPending?: ExtensionRecord[];
  /** The office's last answer on the as-of date, when it was a refusal (不予延期). */
  extensionDenied?: ExtensionRecord;
  /**
   * Under `review: required`: pending (待审核), accepted (已销号) or returned
   * (已退回, open again); null where the plan asks for no review or there is no
   * claim and no return to show.
   */
  review: ReviewState | null;
  /** The date of the claim the review state is about. */
  claimed?: IsoDate;
  /** The decision behind the review state (accepted with its note, returned with its reason, reopened). */
  decision?: ReviewRecord;
  /** Why the office returned the claim (review returned). */
  returnReason?: string;
}

/** Closed and counted as done: closed by the unit and, under review, not awaiting the office. */
export const isDone = (a: { state: TaskState; review: ReviewState | null }): boolean => isClosed(a.state) && a.review !== 'pending';

export interface TaskRow {
  task: Task;
  /**
   * Every unit's part in the task. In the ledger's own rows it is made on first
   * use: `status`, `check` and `upcoming` need only the counts below, and a
   * province has a million task × unit pairs (measured: 2.8 s of an 11.6 s run).
   */
  readonly assignments: Assignment[];
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
  /**
   * When the row's light is awaiting (every open part is a claim made in time,
   * awaiting the office): the latest of those claims. Tables show it instead of
   * days late: the wait is the office's, not the units' lateness.
   */
  claimed?: IsoDate;
}

export interface CheckpointDue {
  checkpoint: Checkpoint;
  daysLeft: number;
  reporters: Unit[];
  recipient?: Unit;
}

/** What days left and days late are counted in: calendar days, or working days (plan.yaml countWorkdays, with a calendar). */
export type DayUnit = 'days' | 'workdays';

export interface Ledger {
  data: PlanData;
  asOf: IsoDate;
  dayUnit: DayUnit;
  /** `date` minus the as-of date in the ledger's day unit: negative when past. */
  daysTo(date: IsoDate): number;
  rows: TaskRow[];
  unitsById: Map<string, Unit>;
  nextCheckpoint?: CheckpointDue;
  /** The history source the ledger was built with (absent: the status files' own records). */
  historyOf?: HistorySource;
  /** One unit's part in one task (undefined: the task is not the unit's), without making the task's other assignments. */
  assess(task: Task, unit: Unit): Assignment | undefined;
  /**
   * The row's assignments that pass `keep`, in the row's order, without keeping
   * the others: `plan overdue` of a province keeps its half a million red pairs,
   * not the million of every red task.
   */
  assignmentsWhere(row: TaskRow, keep: (a: Assignment) => boolean): Assignment[];
  /** Units a list of unit and group ids stands for, in order, each once (groups expanded to their members). */
  unitsOf(ids: readonly string[]): Unit[];
  /** Whether any unit's entry for the task records a request for more time (then its assignments' deadlines may differ from the task's). */
  hasExtensions(task: Task): boolean;
}

export const isClosed = (state: TaskState): boolean => state === 'done' || state === 'not_applicable';

/** Where an assignment stands against the as-of date: counted once per task for the task's deadline (the roll-up asks once per task × unit pair), anew for an extended one. */
export interface Timing {
  /** Past its deadline. */
  late: boolean;
  /** Within the warning window. */
  soon: boolean;
  /** A milestone's date has passed. */
  stagePassed: boolean;
}

/** The warning window: warnWorkdays working days where the plan counts them, else warnDays calendar days. `deadline`: the one in force (an extension's), else the task's. */
export function timingOf(task: Task, data: Pick<PlanData, 'plan' | 'calendar'>, asOf: IsoDate, deadline: IsoDate | null = task.deadline): Timing {
  const stagePassed = task.milestones?.some((m) => m.date < asOf) === true;
  if (deadline === null) return { late: false, soon: false, stagePassed };
  const left = daysBetween(asOf, deadline);
  const { warnWorkdays, warnDays } = data.plan;
  const soon = warnWorkdays !== undefined && data.calendar ? workdaysBetween(data.calendar, asOf, deadline) <= warnWorkdays : left <= warnDays;
  return { late: left < 0, soon, stagePassed };
}

/** The light in calendar days alone (warnDays): a plan without a working calendar, no review, the task's own deadline. */
export function lightOf(task: Task, state: TaskState, completed: IsoDate | undefined, asOf: IsoDate, warnDays: number): Light {
  return lightWith(task.deadline, state, completed, timingOf(task, { plan: { warnDays } as PlanData['plan'] }, asOf));
}

/**
 * The light of one assignment: the deadline in force, its timing, and
 * `review`, the office's view of a claim (under review: required only).
 */
function lightWith(deadline: IsoDate | null, state: TaskState, completed: IsoDate | undefined, timing: Timing, review?: ClaimReview): Light {
  if (isClosed(state)) {
    if (review?.state === 'pending') return deadline !== null && review.claimed !== undefined && review.claimed > deadline ? 'red' : 'awaiting';
    const late = state === 'done' && deadline !== null && completed !== undefined && completed > deadline;
    return late ? 'done-late' : 'green';
  }
  // A stage passed without a start: the task is not on track, whatever its final date.
  const behind = timing.stagePassed && state === 'not_started';
  if (deadline === null) return state === 'blocked' ? 'blocked' : behind ? 'yellow' : 'ongoing';
  if (timing.late) return 'red';
  if (state === 'blocked') return 'blocked';
  return timing.soon || behind ? 'yellow' : 'green';
}

/** Where history records come from: by default the status files' `history:` lists; another source (a git log) may add its own. */
export type HistorySource = (unit: string, task: string, entry: StatusEntry | undefined) => readonly HistoryRecord[] | undefined;

export interface LedgerOptions {
  history?: HistorySource;
}

/** The records an entry carries: kept for replay when it changed after the as-of date, or with the details. */
const entryHistory: HistorySource = (_unit, _task, entry) => entry?.details?.history ?? entry?.history;

const LIGHT_RANK = Object.fromEntries(LIGHT_ORDER.map((l, i) => [l, i])) as Record<Light, number>;

/**
 * Who owns a task: its lead ids and responsible ids with groups expanded, in
 * order, each unit once; a unit named both as lead and as responsible is lead.
 * Built once per ledger (the group index), asked per task or per unit.
 */
interface Owners {
  expand(ids: readonly string[]): Unit[];
  /**
   * The task's units as positions in `data.units`, leads first (`leads` of
   * them), each once: made once per task and kept. Positions rather than a list
   * of pairs: a province's tasks have a million units between them.
   */
  of(task: Task): { at: Int32Array; leads: number };
  /** The unit's role in the task, if it has one. */
  roleOf(task: Task, unitId: string): Role | undefined;
  /** Where a unit stands in `data.units`. */
  position: Map<string, number>;
}

/** Built once per ledger, from its data as it is then (a cache across ledgers could outlive an edit of the data). */
function ownersOf(data: PlanData): Owners {
  const position = new Map<string, number>();
  data.units.forEach((u, i) => position.set(u.id, i));
  const groups = new Map(data.groups.map((g) => [g.id, g.members]));
  const memberSets = new Map<string, Set<string>>();
  const membersOf = (id: string): Set<string> | undefined => {
    const members = groups.get(id);
    if (!members) return undefined;
    let set = memberSets.get(id);
    if (!set) memberSets.set(id, (set = new Set(members)));
    return set;
  };
  /** Positions of the units the ids stand for, in order, each once (and none in `skip`). */
  const positions = (ids: readonly string[], skip?: Set<number>): number[] => {
    const out: number[] = [];
    const seen = new Set<number>(skip);
    for (const id of ids) {
      const members = groups.get(id) ?? [id];
      for (const m of members) {
        const at = position.get(m);
        if (at !== undefined && !seen.has(at)) {
          seen.add(at);
          out.push(at);
        }
      }
    }
    return out;
  };
  const names = (ids: readonly string[], unitId: string): boolean => ids.some((id) => id === unitId || membersOf(id)?.has(unitId) === true);
  const byTask = new Map<Task, { at: Int32Array; leads: number }>();
  const owners: Owners = {
    position,
    expand: (ids) => positions(ids).map((at) => data.units[at]!),
    of(task) {
      let found = byTask.get(task);
      if (!found) {
        const leads = positions(task.lead);
        const responsible = task.responsible.length > 0 ? positions(task.responsible, new Set(leads)) : [];
        byTask.set(task, (found = { at: Int32Array.from([...leads, ...responsible]), leads: leads.length }));
      }
      return found;
    },
    roleOf(task, unitId) {
      if (!position.has(unitId)) return undefined;
      if (names(task.lead, unitId)) return 'lead';
      return names(task.responsible, unitId) ? 'responsible' : undefined;
    },
  };
  return owners;
}

/** One unit's part in one task as of a date: its state in force, light and dates. */
type Assess = (task: Task, unit: Unit, role: Role) => Assignment;

/** A row of the ledger: the roll-up now, the assignments when first asked for. */
class LedgerRow implements TaskRow {
  #assignments: Assignment[] | undefined;
  done = 0;
  total = 0;
  light: Light = 'green';
  daysLeft: number | null;
  completionDays?: number;
  completed?: IsoDate;

  constructor(
    readonly task: Task,
    private readonly make: () => Assignment[],
  ) {
    this.daysLeft = null;
  }

  get assignments(): Assignment[] {
    return (this.#assignments ??= this.make());
  }

  /** Whether the assignments were made already (then they are the ones to filter). */
  get made(): boolean {
    return this.#assignments !== undefined;
  }
}

export function buildLedger(data: PlanData, asOf: IsoDate, options: LedgerOptions = {}): Ledger {
  const historyOf = options.history ?? entryHistory;
  const unitsById = new Map(data.units.map((u) => [u.id, u]));
  const owners = ownersOf(data);
  // By task, then by the unit's position: a row looks up its task once and then
  // indexes an array (a million entries at province size; Maps cost 0.6 s there).
  const entries = new Map<string, (StatusEntry | undefined)[]>();
  const extended = new Set<string>();
  let unitId: string | undefined;
  let at: number | undefined;
  for (const s of data.statuses) {
    // A status file's entries come together: its unit is looked up once.
    if (s.unit !== unitId) {
      unitId = s.unit;
      at = owners.position.get(s.unit);
    }
    if (at === undefined) continue; // not a unit of the plan (an error of plan check): assigned to nothing
    if (s.extensions !== undefined) extended.add(s.task);
    let byUnit = entries.get(s.task);
    if (!byUnit) entries.set(s.task, (byUnit = new Array<StatusEntry | undefined>(data.units.length)));
    byUnit[at] = s;
  }
  const entryOf = (task: Task, unit: Unit): StatusEntry | undefined => {
    const i = owners.position.get(unit.id);
    return i === undefined ? undefined : entries.get(task.id)?.[i];
  };
  const required = data.plan.review === 'required';
  const dayUnit: DayUnit = data.plan.countWorkdays && data.calendar ? 'workdays' : 'days';
  const calendar = data.calendar;
  const daysTo = (date: IsoDate): number => (dayUnit === 'workdays' && calendar ? workdaysBetween(calendar, asOf, date) : daysBetween(asOf, date));
  const timings = new Map<Task, Timing>();
  const timing = (task: Task, deadline: IsoDate | null = task.deadline): Timing => {
    if (deadline !== task.deadline) return timingOf(task, data, asOf, deadline);
    let found = timings.get(task);
    if (!found) timings.set(task, (found = timingOf(task, data, asOf)));
    return found;
  };
  const inForce = (task: Task, unitId: string, entry: StatusEntry | undefined): StateInForce => {
    const history = historyOf(unitId, task.id, entry);
    return !entry && history === undefined ? NOT_STARTED : stateOn(entry, history, asOf);
  };
  /** The office's view of a pair on the as-of date: asked only under review: required, of a claim or an entry with decisions. */
  const reviewOf = (task: Task, unitId: string, entry: StatusEntry | undefined, then: StateInForce): ClaimReview | undefined => {
    if (!required || (!isClaim(then.state) && entry?.review === undefined)) return undefined;
    const claimed = claimDate(entry, historyOf(unitId, task.id, entry), then.state, asOf);
    return reviewOn(entry?.review, then.state, claimed, asOf);
  };
  const assess: Assess = (task, unit, role) => {
    const entry = entryOf(task, unit);
    const then = inForce(task, unit.id, entry);
    // Without requests for more time (nearly always) the task's deadline is in force: nothing is made for it.
    const due = entry?.extensions === undefined ? undefined : deadlineOn(task.deadline, entry.extensions, asOf);
    const deadline = due === undefined ? task.deadline : due.deadline;
    const review = reviewOf(task, unit.id, entry, then);
    const light = lightWith(deadline, then.state, then.completed, timing(task, deadline), review);
    // Once past, at least one day late: a deadline on a Friday is overdue on the Saturday, with no working day between.
    const daysOverdue = light === 'red' && deadline !== null ? Math.max(1, -daysTo(deadline)) : 0;
    const assignment: Assignment = { task, unit, role, state: then.state, light, daysOverdue, deadline, review: review?.state ?? null };
    if (entry) assignment.entry = entry;
    if (then.completed !== undefined) {
      assignment.completed = then.completed;
      if (deadline !== null) assignment.completionDays = daysBetween(deadline, then.completed);
    }
    if (then.progress !== undefined) assignment.progress = then.progress;
    if (then.reason !== undefined) assignment.reason = then.reason;
    if (then.evidence !== undefined) assignment.evidence = then.evidence;
    if (then.replayed) assignment.replayed = true;
    if (due?.grant !== undefined) {
      assignment.originalDeadline = due.original ?? null;
      assignment.extension = due.grant;
    }
    if (entry?.extensions !== undefined) {
      const waiting = pendingExtensions(entry.extensions, asOf);
      if (waiting.length > 0) assignment.extensionsPending = waiting;
      let answer: ExtensionRecord | undefined;
      for (const x of entry.extensions) if (x.decided !== undefined && x.decided <= asOf && (answer === undefined || x.decided >= answer.decided!)) answer = x;
      if (answer?.decision === 'denied') assignment.extensionDenied = answer;
    }
    if (review !== undefined && review.state !== null) {
      if (review.claimed !== undefined) assignment.claimed = review.claimed;
      if (review.decision !== undefined) assignment.decision = review.decision;
      if (review.state === 'returned' && review.decision?.reason !== undefined) assignment.returnReason = review.decision.reason;
    }
    return assignment;
  };
  const rows = data.tasks.map((task): TaskRow => {
    const { at: units, leads } = owners.of(task);
    const row = new LedgerRow(task, () => Array.from(units, (u, i) => assess(task, data.units[u]!, i < leads ? 'lead' : 'responsible')));
    // The roll-up, counted pair by pair without keeping the pairs (the assignments are made only when asked for).
    const byUnit = entries.get(task.id);
    row.daysLeft = task.deadline === null ? null : daysTo(task.deadline);
    const when = timing(task);
    const tally = new Tally();
    for (const u of units) {
      const unitId = data.units[u]!.id;
      const entry = byUnit?.[u];
      const then = inForce(task, unitId, entry);
      if (entry === undefined || (entry.extensions === undefined && !required)) {
        tally.add(isClosed(then.state), then.completed, lightWith(task.deadline, then.state, then.completed, when));
        continue;
      }
      // An extension or a review: the deadline in force and the office's view decide.
      const deadline = entry.extensions === undefined ? task.deadline : deadlineOn(task.deadline, entry.extensions, asOf).deadline;
      const review = reviewOf(task, unitId, entry, then);
      const light = lightWith(deadline, then.state, then.completed, timing(task, deadline), review);
      tally.add(isClosed(then.state) && review?.state !== 'pending', then.completed, light, light === 'awaiting' ? review?.claimed : undefined);
    }
    tally.into(row, lightWith(task.deadline, 'not_started', undefined, when));
    return row;
  });
  rows.sort(byDeadline);
  const ledger: Ledger = {
    data,
    asOf,
    dayUnit,
    daysTo,
    rows,
    unitsById,
    unitsOf: owners.expand,
    assess: (task, unit) => {
      const role = owners.roleOf(task, unit.id);
      return role === undefined ? undefined : assess(task, unit, role);
    },
    assignmentsWhere: (row, keep) => {
      if (!(row instanceof LedgerRow) || row.made) return row.assignments.filter(keep);
      const { at, leads } = owners.of(row.task);
      const kept: Assignment[] = [];
      for (let i = 0; i < at.length; i++) {
        const a = assess(row.task, data.units[at[i]!]!, i < leads ? 'lead' : 'responsible');
        if (keep(a)) kept.push(a);
      }
      return kept;
    },
    hasExtensions: (task) => extended.has(task.id),
    ...(options.history && { historyOf: options.history }),
  };
  const next = nextCheckpoint(ledger);
  if (next) ledger.nextCheckpoint = next;
  return ledger;
}

/** A task's roll-up over some of its assignments (all, or one unit's). */
export function rollUp(ledger: Ledger, task: Task, assignments: Assignment[]): TaskRow {
  const row: TaskRow = { task, assignments, done: 0, total: 0, light: 'green', daysLeft: task.deadline === null ? null : ledger.daysTo(task.deadline) };
  const tally = new Tally();
  for (const a of assignments) tally.add(isDone(a), a.completed, a.light, a.light === 'awaiting' ? a.claimed : undefined);
  tally.into(row, lightWith(task.deadline, 'not_started', undefined, timingOf(task, ledger.data, ledger.asOf)));
  return row;
}

/** A task's roll-up counted one assignment at a time: the ledger's rows (from the status entries) and rollUp() (from assignments) both use it. */
class Tally {
  private done = 0;
  private total = 0;
  private worst = LIGHT_ORDER.length - 1;
  private latest: IsoDate | undefined;
  private lastClaim: IsoDate | undefined;

  /** `done`: closed and counted so (a claim awaiting the office is not); `claimed`: the date of a claim awaiting it in time. */
  add(done: boolean, completed: IsoDate | undefined, light: Light, claimed?: IsoDate): void {
    this.total++;
    if (claimed !== undefined && (this.lastClaim === undefined || claimed > this.lastClaim)) this.lastClaim = claimed;
    if (done) this.done++;
    if (done && completed !== undefined && (this.latest === undefined || completed > this.latest)) this.latest = completed;
    if (LIGHT_RANK[light] < this.worst) this.worst = LIGHT_RANK[light];
  }

  /** Done/total and the worst light (`none`: the light of a task nobody is assigned); when every unit has closed it, the task closed when its last unit did. */
  into(row: TaskRow, none: Light): void {
    row.done = this.done;
    row.total = this.total;
    row.light = this.total > 0 ? LIGHT_ORDER[this.worst]! : none;
    if (row.light === 'awaiting' && this.lastClaim !== undefined) row.claimed = this.lastClaim;
    if (this.done > 0 && this.done === this.total && this.latest !== undefined) {
      row.completed = this.latest;
      if (row.task.deadline !== null) row.completionDays = daysBetween(row.task.deadline, this.latest);
    }
  }
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
  const units = ledger.unitsOf(checkpoint.reporters.filter((r) => !isLeads(r)));
  const leadScopes = checkpoint.reporters.filter(isLeads).map((r) => (r === LEAD_UNITS ? undefined : new Set(ledger.unitsOf([r.slice(LEAD_UNITS.length + 1)]).map((u) => u.id))));
  if (leadScopes.length > 0) {
    const seen = new Set(units.map((u) => u.id));
    // The lead units in the order of the rows, from the tasks' lead ids (the rows' assignments are made only when asked for).
    for (const row of ledger.rows) {
      for (const unit of ledger.unitsOf(row.task.lead)) {
        if (!seen.has(unit.id) && leadScopes.some((scope) => scope === undefined || scope.has(unit.id))) {
          seen.add(unit.id);
          units.push(unit);
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
  return { checkpoint, daysLeft: ledger.daysTo(checkpoint.date), reporters: reportersOf(ledger, checkpoint), ...(recipient && { recipient }) };
}

function nextCheckpoint(ledger: Ledger): CheckpointDue | undefined {
  const upcoming = ledger.data.plan.checkpoints.filter((c) => c.date >= ledger.asOf).sort((a, b) => (a.date < b.date ? -1 : 1));
  const checkpoint = upcoming[0];
  return checkpoint ? checkpointDue(ledger, checkpoint) : undefined;
}
