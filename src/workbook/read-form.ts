/**
 * Reads a returned form (填报表) and checks it whole: that it is a workbook and
 * not a bomb, a form of this plan and of the unit it claims, made from the
 * tasks the plan has now (or at least the unit's tasks are unchanged), and
 * that every row's state, date and text are valid. Every problem names its
 * sheet and cell. Pure apart from exceljs, which the caller passes in.
 */
import type ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { isRealDate } from '../calendar.js';
import { checklistFor } from '../ledger/checklist.js';
import type { Assignment, Ledger } from '../ledger/index.js';
import type { IsoDate, TaskState } from '../model.js';
import { cellCompareText, planFingerprint, prefilledRow, rowDigest, signatureMatches, taskDigest, type RowText, type SignedMeta } from './fingerprint.js';
import { COL, EDITABLE, FORM_FORMAT, FORM_VERSION, LAST_COL, META_KEYS, META_SHEET, columnLetter, type FormMeta, type MetaKey } from './form-layout.js';
import { formHeaders } from './forms.js';
import type { OdsProblem } from './ods.js';
import { checkWorkbookZip, type ZipProblem } from './zip-guard.js';
import { stateFromWord } from './words.js';

export interface FormProblem {
  code: string;
  sheet?: string;
  cell?: string;
  args: Record<string, string | number>;
}

/** One task's row as the unit returned it. */
export interface FormRow {
  task: string;
  row: number;
  state: TaskState;
  progress?: string;
  evidence: string[];
  completed?: IsoDate;
  reason?: string;
  /** A request for more time (申请延期至, 理由), when the row asks for one the office has not on record already. */
  extension?: { to: IsoDate; reason: string };
  assignment: Assignment;
  /** The row is as the form was made (version 2 forms; false when unknown). */
  untouched: boolean;
}

export type FormReading =
  /** `unit`: the unit's id now (the form may name it by an id it had before a rename). */
  | { ok: true; meta: FormMeta; unit: string; rows: FormRow[]; warnings: FormProblem[] }
  | { ok: false; problems: FormProblem[]; warnings: FormProblem[]; unit?: string };

/** Longest text a cell may hold: the plan's own limit for a task text. */
const TEXT_LIMIT = 20000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const FORMULA_PREFIX = /^[=+\-@]/;

export interface ReadOptions {
  /** The office's key (store/secret.ts); without it no signature can be checked. */
  key?: Buffer;
  /** Accept a form whose signature cannot be checked (unsigned, or no key here), with a warning. */
  trustUnsigned: boolean;
}

export async function readForm(excel: typeof ExcelJS, bytes: Buffer, fileName: string, ledger: Ledger, options: ReadOptions): Promise<FormReading> {
  const warnings: FormProblem[] = [];
  const zip = checkWorkbookZip(bytes, fileName);
  if (zip) return { ok: false, problems: [zipProblem(zip)], warnings };
  const book = new excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, problems: [{ code: 'wb-not-a-workbook', args: { detail: (e as Error).message } }], warnings };
  }

  const metaSheet = book.getWorksheet(META_SHEET);
  const read = metaSheet ? readMeta(metaSheet) : undefined;
  if (!read) return { ok: false, problems: [{ code: 'form-no-meta', args: {} }], warnings };
  if ('problems' in read) return { ok: false, problems: read.problems, warnings };
  const meta = read;
  const metaAt = (key: keyof FormMeta['cells']): Pick<FormProblem, 'sheet' | 'cell'> => ({ sheet: META_SHEET, ...(meta.cells[key] !== undefined && { cell: meta.cells[key] }) });

  // The signature first: nothing else the hidden sheet says is believed before it is checked.
  const signed: SignedMeta = { ...meta, tasks: [...meta.tasks].map(([id, d]) => [id, d.task, d.row ?? '']) };
  if (meta.signature === undefined) {
    if (options.key !== undefined && !options.trustUnsigned) return { ok: false, problems: [{ code: 'form-unsigned', ...metaAt('format'), args: { version: meta.version } }], warnings };
    warnings.push({ code: 'form-unsigned-accepted', sheet: META_SHEET, args: {} });
  } else if (options.key !== undefined) {
    if (!signatureMatches(options.key, signed, meta.signature)) return { ok: false, problems: [{ code: 'form-signature', ...metaAt('signature'), args: {} }], warnings };
  } else warnings.push({ code: 'form-not-verified', sheet: META_SHEET, args: {} });

  const { plan } = ledger.data;
  if (meta.plan !== plan.id) return { ok: false, problems: [{ code: 'form-other-plan', ...metaAt('plan'), args: { plan: meta.plan, expected: plan.id } }], warnings };
  // A unit renamed since the form was made keeps its old id as an alias.
  const unit = ledger.unitsById.get(meta.unit) ?? ledger.data.units.find((u) => u.aliases.includes(meta.unit));
  if (!unit) return { ok: false, problems: [{ code: 'form-unknown-unit', ...metaAt('unit'), args: { unit: meta.unit } }], warnings };
  if (unit.id !== meta.unit) warnings.push({ code: 'form-unit-renamed', ...metaAt('unit'), args: { old: meta.unit, unit: unit.id } });
  const problems: FormProblem[] = [];
  const fail = (): FormReading => ({ ok: false, problems, warnings, unit: unit.id });
  if (meta.made > ledger.asOf) problems.push({ code: 'form-made-future', ...metaAt('made'), args: { made: meta.made, asOf: ledger.asOf } });
  if (!plan.checkpoints.some((c) => c.date === meta.checkpoint)) problems.push({ code: 'form-unknown-checkpoint', ...metaAt('checkpoint'), args: { checkpoint: meta.checkpoint } });

  const sheet = meta.sheet === META_SHEET ? undefined : book.getWorksheet(meta.sheet);
  if (!sheet) return { ok: false, problems: [...problems, { code: 'form-no-sheet', ...metaAt('sheet'), args: { sheet: meta.sheet } }], warnings, unit: unit.id };
  for (const s of book.worksheets) {
    if (s.name !== meta.sheet && s.name !== META_SHEET) problems.push({ code: 'form-extra-sheet', sheet: s.name, args: { sheet: s.name } });
  }
  // The table's header is where the hidden sheet says: its row holds the column titles, in either language.
  const header = sheet.getRow(meta.headerRow);
  const titles = [formHeaders('zh'), formHeaders('en')];
  for (let col = 1; col <= LAST_COL; col++) {
    const text = textOf(header.getCell(col).value).trim();
    if (!titles.some((h) => h[col - 1] === text)) {
      problems.push({ code: 'form-header-row', sheet: sheet.name, cell: `${columnLetter(col)}${meta.headerRow}`, args: { row: meta.headerRow, value: text, expected: titles.map((h) => h[col - 1]).join(' / ') } });
      return fail();
    }
  }

  // Is the form made from the tasks the plan has now?
  const assignments = new Map(checklistFor(ledger, unit).assignments.map((a) => [a.task.id, a]));
  if (meta.fingerprint !== planFingerprint(ledger.data.tasks)) {
    const changed: string[] = [];
    const removed: string[] = [];
    const added: string[] = [];
    for (const [id, digest] of meta.tasks) {
      const a = assignments.get(id);
      if (!a) removed.push(id);
      else if (taskDigest(a.task) !== digest.task) changed.push(id);
    }
    for (const id of assignments.keys()) if (!meta.tasks.has(id)) added.push(id);
    if (changed.length + removed.length + added.length > 0) {
      problems.push({ code: 'form-stale', ...metaAt('fingerprint'), args: { changed: changed.join(', '), removed: removed.join(', '), added: added.join(', '), made: meta.made } });
    } else warnings.push({ code: 'form-stale-ok', ...metaAt('fingerprint'), args: { made: meta.made } });
  }

  const date1904 = (book.properties as { date1904?: boolean }).date1904 === true;
  const at = (row: number, col: number): string => `${columnLetter(col)}${row}`;
  const where = (row: number, col: number): Pick<FormProblem, 'sheet' | 'cell'> => ({ sheet: sheet.name, cell: at(row, col) });

  for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
    if (m && Number(m[2]) > meta.headerRow) problems.push({ code: 'form-merged', sheet: sheet.name, cell: range, args: { range } });
  }

  const rows: FormRow[] = [];
  const seen = new Set<string>();
  // Only the rows and cells the file holds: the zip guard bounded them.
  sheet.eachRow((row, r) => {
    if (r <= meta.headerRow) return;
    const formulas = new Set<number>();
    row.eachCell((c, col) => {
      const f = formulaOf(c);
      // A formula's result is whatever the program that saved the file computed: never taken silently.
      if (f !== undefined) {
        problems.push({ code: 'form-formula', ...where(r, col), args: { formula: f } });
        formulas.add(col);
      } else if (isErrorValue(c.value)) {
        problems.push({ code: 'form-cell-error', ...where(r, col), args: { error: String((c.value as { error: string }).error) } });
        formulas.add(col);
      } else if (col > LAST_COL && c.value !== null && c.value !== undefined && c.value !== '') problems.push({ code: 'form-outside', ...where(r, col), args: {} });
    });
    const value = (col: number): CellValue => (formulas.has(col) ? null : row.getCell(col).value);
    const id = textOf(value(COL.id)).trim();
    const filled = EDITABLE.some((col) => textOf(value(col)).trim() !== '');
    if (id === '') {
      if (filled && !formulas.has(COL.id)) problems.push({ code: 'form-row-no-task', ...where(r, COL.id), args: {} });
      return;
    }
    if (row.hidden) problems.push({ code: 'form-hidden-row', ...where(r, COL.id), args: { row: r } });
    const a = assignments.get(id);
    const made = meta.tasks.get(id);
    if (!a || !made) {
      problems.push({ code: 'form-unknown-task', ...where(r, COL.id), args: { task: id, unit: unit.short ?? unit.name } });
      return;
    }
    if (seen.has(id)) {
      problems.push({ code: 'form-duplicate-task', ...where(r, COL.id), args: { task: id } });
      return;
    }
    seen.add(id);
    const d = a.entry?.details;
    // Every cell of the row is checked, whatever another one holds: one run lists every problem.
    const stateText = textOf(value(COL.state)).trim();
    const state = stateFromWord(stateText);
    if (!state && !formulas.has(COL.state)) problems.push({ code: stateText === '' ? 'form-no-state' : 'form-bad-state', ...where(r, COL.state), args: { value: stateText } });
    const text = (col: number, before: string | undefined): string | undefined => {
      const v = cellCompareText(textOf(value(col)));
      if (v === '') return undefined;
      // What the form was pre-filled with is the ledger's own data; only what the unit wrote is checked.
      if (v === before) return v;
      if (CONTROL.test(v)) problems.push({ code: 'form-control-char', ...where(r, col), args: { char: escapeChar(CONTROL.exec(v)![0]) } });
      else if (FORMULA_PREFIX.test(v)) problems.push({ code: 'form-formula-prefix', ...where(r, col), args: { prefix: v[0]! } });
      else if (v.length > TEXT_LIMIT) problems.push({ code: 'form-text-too-long', ...where(r, col), args: { length: v.length, limit: TEXT_LIMIT } });
      return v;
    };
    const progress = text(COL.progress, d?.progress);
    const reason = text(COL.reason, d?.reason);
    const evidenceCell = value(COL.evidence);
    const link = linkOf(evidenceCell);
    const before = d?.evidence.join('\n');
    const evidenceText = text(COL.evidence, before);
    let evidence: string[] = [];
    // Returned as it was pre-filled: the ledger's own items, whatever characters they hold.
    if (evidenceText !== undefined) {
      if (evidenceText === before) evidence = [...d!.evidence];
      else {
        const read = evidenceItems(evidenceText);
        evidence = read.items;
        for (const line of read.unsplit) warnings.push({ code: 'form-evidence-unsplit', ...where(r, COL.evidence), args: { item: line } });
      }
    }
    // An item is a link or a file name without spaces (the status schema's rule): said at the cell, not split into pieces.
    const spaced = evidence.find((x) => /\s/.test(x));
    if (spaced !== undefined) problems.push({ code: 'form-evidence-space', ...where(r, COL.evidence), args: { item: spaced } });
    if (link !== undefined && !evidence.includes(link)) evidence.push(link);

    const completedValue = value(COL.completed);
    const completed = dateOf(completedValue, date1904);
    if (completed === 'bad') problems.push({ code: 'form-bad-date', ...where(r, COL.completed), args: { value: textOf(completedValue) } });
    else if (completed !== undefined && completed > ledger.asOf) problems.push({ code: 'form-date-future', ...where(r, COL.completed), args: { date: completed, asOf: ledger.asOf } });
    if (state === 'not_applicable' && reason === undefined && !a.entry?.hasReason) problems.push({ code: 'form-needs-reason', ...where(r, COL.reason), args: {} });
    // Done needs the day it was done: the collection date is not it (the form itself asks for the date).
    // A date that was written but is no date has been said already.
    if (state === 'done' && completed === undefined && textOf(completedValue).trim() === '' && !formulas.has(COL.completed) && !(a.entry?.state === 'done' && a.entry.completed !== undefined)) {
      problems.push({ code: 'form-done-no-date', ...where(r, COL.completed), args: {} });
    }
    const extension = readExtension(value, a, date1904, text, (code, col, args) => problems.push({ code, ...where(r, col), args }), ledger.asOf);
    if (extension && (state === 'done' || state === 'not_applicable')) problems.push({ code: 'form-extension-closed', ...where(r, COL.extendTo), args: {} });
    if (!state || formulas.size > 0) return;
    const out: FormRow = { task: id, row: r, state, evidence, assignment: a, untouched: false };
    if (extension && state !== 'done' && state !== 'not_applicable') out.extension = extension;
    if (progress !== undefined) out.progress = progress;
    if (reason !== undefined) out.reason = reason;
    if (completed !== undefined && completed !== 'bad' && completed <= ledger.asOf) out.completed = completed;

    // A form never undoes what the ledger learned after it was made (an older copy sent back, or
    // the office's own blank form collected by mistake): the row as made is compared with the
    // ledger's entry now; where they differ, a row that would change the entry is refused.
    const had = new Set(d?.evidence ?? []);
    const differs =
      state !== a.state ||
      (out.completed !== undefined && out.completed !== a.entry?.completed) ||
      (progress !== undefined && progress !== d?.progress) ||
      (reason !== undefined && reason !== d?.reason) ||
      evidence.some((e) => !had.has(e));
    const entry = a.entry;
    if (made.row !== undefined) {
      const asRead: RowText = { state, progress: progress ?? '', evidence: evidenceText ?? '', completed: completed === undefined || completed === 'bad' ? cellCompareText(textOf(completedValue)) : completed, reason: reason ?? '' };
      out.untouched = rowDigest(asRead) === made.row && out.extension === undefined;
      if (rowDigest(prefilledRow(a)) !== made.row && differs) problems.push({ code: 'form-older-than-entry', ...where(r, COL.state), args: { task: id, updated: entry?.updated ?? '', made: meta.made } });
    } else if (entry?.updated !== undefined && entry.updated > meta.made && differs) {
      // A form of version 1 has no row digests: the entry's date is all there is to go by.
      problems.push({ code: 'form-older-than-entry', ...where(r, COL.state), args: { task: id, updated: entry.updated, made: meta.made } });
    }
    rows.push(out);
  });
  // A form as plan forms made it says nothing: collecting it (the office's own copy, say) records no return.
  if (problems.length === 0 && meta.version >= 2 && rows.length > 0 && rows.every((row) => row.untouched)) problems.push({ code: 'form-blank', args: { made: meta.made } });
  if (problems.length > 0) return fail();
  for (const id of meta.tasks.keys()) if (!seen.has(id) && assignments.has(id)) warnings.push({ code: 'form-task-missing', sheet: sheet.name, args: { task: id } });
  return { ok: true, meta, unit: unit.id, rows, warnings };
}

/**
 * The extension columns of a row: a date and a reason together, later than the
 * deadline in force, for a task not claimed closed. A request the ledger holds
 * already (the form was pre-filled with it) is not asked again.
 */
function readExtension(
  value: (col: number) => CellValue,
  a: Assignment,
  date1904: boolean,
  text: (col: number, before: string | undefined) => string | undefined,
  problem: (code: string, col: number, args: Record<string, string | number>) => void,
  asOf: IsoDate,
): { to: IsoDate; reason: string } | undefined {
  const asked = a.extensionsPending?.at(-1);
  const to = dateOf(value(COL.extendTo), date1904);
  const reason = text(COL.extendReason, asked?.reason);
  if (to === 'bad') return problem('form-bad-date', COL.extendTo, { value: textOf(value(COL.extendTo)) }), undefined;
  if (to === undefined) {
    if (reason !== undefined) problem('form-extension-needs-date', COL.extendTo, {});
    return undefined;
  }
  if (reason === undefined) return problem('form-extension-needs-reason', COL.extendReason, {}), undefined;
  if (asked !== undefined && asked.to === to && asked.reason === reason) return undefined;
  if (asked !== undefined) return problem('form-extension-waiting', COL.extendTo, { to: asked.to, requested: asked.requested }), undefined;
  if (a.deadline === null) return problem('form-extension-no-deadline', COL.extendTo, {}), undefined;
  if (to <= a.deadline) return problem('form-extension-not-later', COL.extendTo, { to, deadline: a.deadline }), undefined;
  if (to <= asOf) return problem('form-extension-not-later', COL.extendTo, { to, deadline: asOf }), undefined;
  return { to, reason };
}

/** A refusal of the container, at the part (and cell) it stopped at. */
export function zipProblem(zip: ZipProblem | OdsProblem): FormProblem {
  if (zip.code === 'wb-sheet-bounds') {
    const { code, part, cell, ...args } = zip;
    return { code, sheet: part, ...(cell !== undefined && { cell }), args };
  }
  const { code, ...args } = zip;
  return { code, args: args as Record<string, string | number> };
}

const HEX64 = /^[0-9a-f]{64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Rows of the table's header: the form puts it at 5; a form's first rows are its own. */
const HEADER_ROW_MAX = 50;

/**
 * The hidden sheet, every value checked for its type, range and place before
 * any is used: undefined when there is no hidden sheet of this tool at all.
 */
function readMeta(sheet: Worksheet): FormMeta | { problems: FormProblem[] } | undefined {
  const problems: FormProblem[] = [];
  const values = new Map<string, { value: CellValue; cell: string }>();
  const tasks: FormMeta['tasks'] = new Map();
  let signature: { value: string; cell: string } | undefined;
  const bad = (cell: string, key: string, value: string, code = 'form-meta-value'): void => void problems.push({ code, sheet: META_SHEET, cell, args: { key, value: value.slice(0, 80) } });
  sheet.eachRow((row, r) => {
    const key = textOf(row.getCell(1).value).trim();
    const cell = `B${r}`;
    if (key === '') return;
    if (key === 'task') {
      const id = textOf(row.getCell(2).value).trim();
      const digest = textOf(row.getCell(3).value).trim();
      const rowDigest = textOf(row.getCell(4).value).trim();
      if (id === '' || CONTROL.test(id) || id.length > 100) bad(cell, key, id);
      else if (!HEX64.test(digest)) bad(`C${r}`, key, digest);
      else if (rowDigest !== '' && !HEX64.test(rowDigest)) bad(`D${r}`, key, rowDigest);
      else if (tasks.has(id)) bad(cell, key, id, 'form-meta-twice');
      else tasks.set(id, { task: digest, ...(rowDigest !== '' && { row: rowDigest }), at: r });
      return;
    }
    if (key === 'signature') {
      const value = textOf(row.getCell(2).value).trim();
      if (signature) bad(cell, key, value, 'form-meta-twice');
      else if (!HEX64.test(value)) bad(cell, key, value);
      else signature = { value, cell };
      return;
    }
    if (!(META_KEYS as readonly string[]).includes(key)) return bad(`A${r}`, key, key, 'form-meta-unknown');
    if (values.has(key)) return bad(cell, key, textOf(row.getCell(2).value), 'form-meta-twice');
    values.set(key, { value: row.getCell(2).value, cell });
  });
  const format = values.get('format');
  if (!format || textOf(format.value) !== FORM_FORMAT) return undefined;
  const cells: FormMeta['cells'] = Object.fromEntries([...values].map(([k, v]) => [k, v.cell]));
  if (signature) cells.signature = signature.cell;
  const text = (key: MetaKey, valid: (s: string) => boolean): string => {
    const v = values.get(key);
    if (!v) {
      problems.push({ code: 'form-meta-missing', sheet: META_SHEET, args: { key } });
      return '';
    }
    const s = typeof v.value === 'string' ? v.value.trim() : typeof v.value === 'number' ? String(v.value) : textOf(v.value).trim();
    if (!valid(s)) bad(v.cell, key, s);
    return s;
  };
  const integer = (key: MetaKey, min: number, max: number): number => {
    const s = text(key, (x) => /^\d{1,4}$/.test(x) && Number(x) >= min && Number(x) <= max);
    return /^\d{1,4}$/.test(s) ? Number(s) : 0;
  };
  const version = integer('version', 1, FORM_VERSION);
  if (version > FORM_VERSION || version < 1) {
    if (values.has('version')) return { problems: [{ code: 'form-version', sheet: META_SHEET, cell: values.get('version')!.cell, args: { version: textOf(values.get('version')!.value) } }] };
  }
  const name = (s: string): boolean => s !== '' && s.length <= 200 && !CONTROL.test(s);
  const meta: FormMeta = {
    format: FORM_FORMAT,
    version,
    plan: text('plan', name),
    unit: text('unit', name),
    checkpoint: text('checkpoint', (s) => ISO.test(s) && isRealDate(s)),
    fingerprint: text('fingerprint', (s) => HEX64.test(s)),
    // A sheet name in Excel is at most 31 characters.
    sheet: text('sheet', (s) => name(s) && s.length <= 31),
    headerRow: integer('headerRow', 1, HEADER_ROW_MAX),
    made: text('made', (s) => ISO.test(s) && isRealDate(s)),
    tasks,
    cells,
    ...(signature && { signature: signature.value }),
  };
  if (tasks.size === 0) problems.push({ code: 'form-meta-missing', sheet: META_SHEET, args: { key: 'task' } });
  // Version 2 forms carry a row digest for every task and a signature; a version 1 form has neither.
  if (version === FORM_VERSION) {
    for (const [id, t] of tasks) if (t.row === undefined) bad(`D${t.at}`, 'task', id);
  } else if (signature || [...tasks.values()].some((t) => t.row !== undefined)) bad(values.get('version')?.cell ?? 'B2', 'version', String(version));
  return problems.length > 0 ? { problems } : meta;
}

function formulaOf(cell: Cell): string | undefined {
  const v = cell.value as { formula?: string; sharedFormula?: string } | null;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return `=${v.formula ?? v.sharedFormula ?? ''}`;
  return undefined;
}

function isErrorValue(v: CellValue): boolean {
  return v !== null && typeof v === 'object' && 'error' in v;
}

/** A cell's value as the text a person sees in it. */
export function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoOf(v);
  if ('richText' in v) return v.richText.map((p) => p.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('hyperlink' in v) return String(v.hyperlink);
  return '';
}

function linkOf(v: CellValue): string | undefined {
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && 'hyperlink' in v && typeof v.hyperlink === 'string' && /^https?:\/\/\S+$/.test(v.hyperlink)) return v.hyperlink;
  return undefined;
}

/** The day a Date from exceljs stands for: it writes dates as midnight UTC; rounding absorbs float error. */
function isoOf(d: Date): string {
  return new Date(Math.round(d.getTime() / 60000) * 60000).toISOString().slice(0, 10);
}

const DAY = 86400000;

/**
 * A completion date as a unit may enter it: a date cell, a serial number
 * (in the workbook's 1900 or 1904 calendar), or text such as 2021-09-03,
 * 2021/9/3, 2021.9.3 or 2021年9月3日. Undefined when empty; 'bad' otherwise.
 */
export function dateOf(v: CellValue, date1904: boolean): IsoDate | undefined | 'bad' {
  if (v === null || v === undefined || v === '') return undefined;
  let iso: string | undefined;
  if (v instanceof Date) iso = isoOf(v);
  else if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v > 100000) return 'bad';
    // 1900 calendar: day 1 is 1900-01-01, counted from 1899-12-30 because of its phantom 1900-02-29.
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    iso = new Date(epoch + Math.floor(v) * DAY).toISOString().slice(0, 10);
  } else {
    const text = textOf(v).trim();
    if (text === '') return undefined;
    const m = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$/.exec(text);
    if (!m) return 'bad';
    iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }
  if (!isRealDate(iso) || iso < '1990-01-01' || iso > '2099-12-31') return 'bad';
  return iso;
}

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

const LINK = /^https?:\/\/\S+$/i;
/** A file name: no folder, no space, an extension of letters and digits. */
const FILE_NAME = /^[^\s\\/:*?"<>|、；;，,]+\.[A-Za-z0-9]{1,8}$/;
const SEPARATOR = /[、；;，,]/;

/**
 * The items of an evidence cell. The form asks for one link or file name a
 * line; a line holding 、 ； ; ， , or spaces is split there when every piece
 * is a link or a file name (`https://…/sf.html、收费目录清单.pdf`). Otherwise
 * the line stays one item and is listed in `unsplit`, to be warned about: a
 * file name with a 、 in it (关于做好政务公开、政务服务工作的通知.pdf) stays
 * whole, and one with a space is refused at its cell rather than cut up.
 */
export function evidenceItems(text: string): { items: string[]; unsplit: string[] } {
  const items: string[] = [];
  const unsplit: string[] = [];
  for (const line of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const pieces = trimmed.split(/\s*[、；;，,]\s*|\s+/).filter((x) => x !== '');
    if (pieces.length > 1 && pieces.every((x) => LINK.test(x) || FILE_NAME.test(x))) items.push(...pieces);
    else {
      items.push(trimmed);
      // A space is refused at the cell anyway; a 、 or ； that was kept is worth a word.
      if (SEPARATOR.test(trimmed) && !/\s/.test(trimmed)) unsplit.push(trimmed);
    }
  }
  return { items, unsplit };
}
