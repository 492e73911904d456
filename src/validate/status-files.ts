/**
 * Status files: one per unit, and at city or province size nearly all of a
 * plan's bytes. Each is read, parsed, checked against its schema and reduced
 * to compact entries at once, so no file's text outlives its turn.
 *
 * Measured and not kept: spreading the files over a worker thread saved 17 %
 * on a province (5,000 files) and cost 15 % on a city (500 files), where
 * starting the worker and copying its results outweigh the second core.
 */
import type { Diagnostic } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import { readOne, type FileRef } from '../load/plan-files.js';
import { TASK_STATES, type ExtensionRecord, type FormReturn, type HistoryRecord, type IsoDate, type ReviewRecord, type StatusEntry, type TaskState } from '../model.js';
import { fieldIsSound, salvageMap } from './salvage.js';
import { checkShape } from './shape.js';

export type StatusResult =
  | { ok: true; stem: string; file: string; declaredUnit: string; entries: StatusEntry[]; returns: FormReturn[]; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Entries whose texts are wanted, by unit and task id. */
export type EntryFilter = (unit: string, task: string) => boolean;

/**
 * `details`: keep the texts of every entry, of the entries a filter picks, or
 * of none. `replayAt`: an entry changed after this date keeps its history
 * records all the same, so the ledger can read it back to that date.
 */
export async function checkStatusFile(ref: FileRef, details: boolean | EntryFilter, replayAt?: IsoDate, claims = false): Promise<StatusResult> {
  const read = await readOne(ref);
  if ('diagnostic' in read) return { ok: false, diagnostics: [read.diagnostic] };
  const shape = checkShape('status', read.file, read.data);
  const raw = read.data as RawStatus;
  // A schema error sets aside the entry it is in; the file's other entries are still checked (salvage.ts).
  if (shape.length > 0 && !(fieldIsSound(shape, 'unit') && typeof raw?.unit === 'string')) {
    return { ok: false, diagnostics: shape };
  }
  const entries: StatusEntry[] = [];
  const tasks = raw.tasks ?? {};
  const unit = shared(read.stem);
  const keys = shape.length === 0 ? Object.keys(tasks) : salvageMap(raw, 'tasks', shape).kept;
  for (const task of keys) {
    const keep = typeof details === 'function' ? details(read.stem, task) : details;
    entries.push(assembleStatus(unit, task, tasks[task]!, keep, replayAt, claims));
  }
  // A returns list with a schema error is set aside whole; the error says where.
  const returns = fieldIsSound(shape, 'returns') ? (raw.returns ?? []).map((r): FormReturn => ({ ...r, unit: read.stem })) : [];
  return { ok: true, stem: read.stem, file: read.file, declaredUnit: raw.unit, entries, returns, diagnostics: shape };
}

/**
 * The status entries again, with their texts, one file at a time: for a
 * command that writes every entry's texts out (export) without holding a
 * province's texts in memory (~1 GB). `checked` are the entries the plan was
 * validated with, in file order; each file read again must give the same
 * entries, or it changed since (a unit's update meanwhile) and the run stops.
 */
export async function* entriesAgain(files: ReadonlyMap<string, { file: string }>, checked: readonly StatusEntry[]): AsyncGenerator<StatusEntry> {
  let i = 0;
  for (const [stem, { file }] of files) {
    const result = await checkStatusFile({ kind: 'status', file, stem }, true);
    if (!result.ok || result.diagnostics.length > 0) throw new UsageError('plan-changed', { file });
    for (const entry of result.entries) {
      if (!sameEntry(entry, checked[i])) throw new UsageError('plan-changed', { file });
      i++;
      yield entry;
    }
  }
  if (i !== checked.length) throw new UsageError('plan-changed', { file: [...files.values()].at(-1)?.file ?? '' });
}

function sameEntry(a: StatusEntry, b: StatusEntry | undefined): boolean {
  return b !== undefined && a.unit === b.unit && a.task === b.task && a.state === b.state && a.completed === b.completed && a.updated === b.updated && a.evidenceCount === b.evidenceCount && a.hasReason === b.hasReason;
}

/** All status files, their results in the order of `refs`. */
export async function checkStatusFiles(refs: FileRef[], details: boolean | EntryFilter, replayAt?: IsoDate, claims = false): Promise<StatusResult[]> {
  const results: StatusResult[] = [];
  for (const ref of refs) results.push(await checkStatusFile(ref, details, replayAt, claims));
  return results;
}

interface RawStatusEntry {
  state: TaskState;
  progress?: string;
  evidence?: string[];
  completed?: string;
  updated?: string;
  reason?: string;
  history?: HistoryRecord[];
  review?: ReviewRecord[];
  extensions?: ExtensionRecord[];
}

interface RawStatus {
  unit: string;
  tasks?: Record<string, RawStatusEntry> | null;
  returns?: Omit<FormReturn, 'unit'>[];
}

/**
 * `claims`: the plan asks for review, so the dates of claims matter (the office
 * decides about a claim of a date, and a late claim is red): an entry that is a
 * claim or holds decisions keeps its records' dates as for a replay.
 */
function assembleStatus(stem: string, task: string, e: RawStatusEntry, details: boolean, replayAt: IsoDate | undefined, claims: boolean): StatusEntry {
  // Every field set, absent ones to undefined: one object shape for every entry,
  // so the rules and the ledger read a million of them through one hidden class
  // (with a shape per combination of fields they were ~3x slower at province size).
  const entry: StatusEntry = {
    unit: stem,
    task: shared(task),
    state: STATE.get(e.state) ?? e.state,
    completed: e.completed === undefined ? undefined : shared(e.completed),
    updated: e.updated === undefined ? undefined : shared(e.updated),
    evidenceCount: e.evidence?.length ?? 0,
    hasReason: e.reason !== undefined && e.reason.trim() !== '',
    details: undefined,
    history: undefined,
    // Decisions and requests are few and small: kept whether or not details were asked for.
    review: e.review,
    extensions: e.extensions,
  };
  if (details) {
    entry.details = { progress: e.progress, evidence: e.evidence ?? NONE, reason: e.reason, history: e.history ?? NONE };
  } else if (e.history !== undefined && ((replayAt !== undefined && changedAfter(e, replayAt)) || e.review !== undefined || (claims && (e.state === 'done' || e.state === 'not_applicable')))) {
    // Rare on a run as of today. Only dates and states: the replay needs no
    // notes here (texts are shown only for entries with details), and a note is
    // a slice of the file's text that would keep the whole file in memory.
    entry.history = e.history.map(compactRecord);
  }
  return entry;
}

function changedAfter(e: RawStatusEntry, date: IsoDate): boolean {
  if ((e.updated !== undefined && e.updated > date) || (e.completed !== undefined && e.completed > date)) return true;
  return e.history?.some((h) => h.date > date) ?? false;
}

/** The program's own state strings rather than slices of the text (`not_applicable` is long enough to be a slice). */
const STATE = new Map<string, TaskState>(TASK_STATES.map((t) => [t, t]));

/**
 * One string for each task id, unit id and date however many entries hold it:
 * a province's million entries hold ~200 task ids and a few hundred dates, and a
 * copy in every entry was ~70 MB of its memory. Bounded, so a hostile plan of
 * distinct values cannot grow it without end.
 */
const SHARED_LIMIT = 100_000;
const sharedStrings = new Map<string, string>();
function shared(s: string): string {
  const found = sharedStrings.get(s);
  if (found !== undefined) return found;
  if (sharedStrings.size < SHARED_LIMIT) sharedStrings.set(s, s);
  return s;
}

/** An empty list for every entry without evidence or history (never changed: details are read-only). */
const NONE = Object.freeze([]) as never[];

function compactRecord(h: HistoryRecord): HistoryRecord {
  const from = h.from === undefined ? undefined : STATE.get(h.from);
  return { date: h.date, to: STATE.get(h.to)!, ...(from && { from }) };
}
