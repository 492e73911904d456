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
import { planFingerprint, taskDigest } from './fingerprint.js';
import { COL, EDITABLE, FORM_FORMAT, FORM_VERSION, LAST_COL, META_SHEET, columnLetter, type FormMeta } from './form-layout.js';
import { checkWorkbookZip } from './zip-guard.js';
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
}

export type FormReading =
  | { ok: true; meta: FormMeta; rows: FormRow[]; warnings: FormProblem[] }
  | { ok: false; problems: FormProblem[]; warnings: FormProblem[]; unit?: string };

/** Longest text a cell may hold: the plan's own limit for a task text. */
const TEXT_LIMIT = 20000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const FORMULA_PREFIX = /^[=+\-@]/;

export async function readForm(excel: typeof ExcelJS, bytes: Buffer, fileName: string, ledger: Ledger): Promise<FormReading> {
  const warnings: FormProblem[] = [];
  const zip = checkWorkbookZip(bytes, fileName);
  if (zip) {
    const { code, ...args } = zip;
    return { ok: false, problems: [{ code, args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? '∞' : v])) as Record<string, string | number> }], warnings };
  }
  const book = new excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, problems: [{ code: 'wb-not-a-workbook', args: { detail: (e as Error).message } }], warnings };
  }

  const metaSheet = book.getWorksheet(META_SHEET);
  const meta = metaSheet ? readMeta(metaSheet) : undefined;
  if (!meta || meta.format !== FORM_FORMAT) return { ok: false, problems: [{ code: 'form-no-meta', args: {} }], warnings };
  if (meta.version !== FORM_VERSION) return { ok: false, problems: [{ code: 'form-version', sheet: META_SHEET, args: { version: meta.version } }], warnings };
  const { plan } = ledger.data;
  if (meta.plan !== plan.id) return { ok: false, problems: [{ code: 'form-other-plan', sheet: META_SHEET, args: { plan: meta.plan, expected: plan.id } }], warnings };
  const unit = ledger.unitsById.get(meta.unit);
  if (!unit) return { ok: false, problems: [{ code: 'form-unknown-unit', sheet: META_SHEET, args: { unit: meta.unit } }], warnings };
  const problems: FormProblem[] = [];
  const fail = (): FormReading => ({ ok: false, problems, warnings, unit: unit.id });
  if (!plan.checkpoints.some((c) => c.date === meta.checkpoint)) problems.push({ code: 'form-unknown-checkpoint', sheet: META_SHEET, args: { checkpoint: meta.checkpoint } });

  const sheet = book.getWorksheet(meta.sheet);
  if (!sheet) return { ok: false, problems: [...problems, { code: 'form-no-sheet', args: { sheet: meta.sheet } }], warnings, unit: unit.id };
  for (const s of book.worksheets) {
    if (s.name !== meta.sheet && s.name !== META_SHEET) problems.push({ code: 'form-extra-sheet', sheet: s.name, args: { sheet: s.name } });
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
      else if (taskDigest(a.task) !== digest) changed.push(id);
    }
    for (const id of assignments.keys()) if (!meta.tasks.has(id)) added.push(id);
    if (changed.length + removed.length + added.length > 0) {
      problems.push({ code: 'form-stale', sheet: META_SHEET, args: { changed: changed.join(', '), removed: removed.join(', '), added: added.join(', '), made: meta.made } });
    }
    else warnings.push({ code: 'form-stale-ok', sheet: META_SHEET, args: { made: meta.made } });
  }
  if (problems.length > 0) return fail();

  const date1904 = (book.properties as { date1904?: boolean }).date1904 === true;
  const at = (row: number, col: number): string => `${columnLetter(col)}${row}`;
  const where = (row: number, col: number): Pick<FormProblem, 'sheet' | 'cell'> => ({ sheet: sheet.name, cell: at(row, col) });

  for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
    if (m && Number(m[2]) > meta.headerRow) problems.push({ code: 'form-merged', sheet: sheet.name, cell: range, args: { range } });
  }

  const rows: FormRow[] = [];
  const seen = new Set<string>();
  for (let r = meta.headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    let formulas = false;
    for (let col = 1; col <= Math.max(LAST_COL, row.cellCount); col++) {
      const c = row.getCell(col);
      const f = formulaOf(c);
      // A formula's result is whatever the program that saved the file computed: never taken silently.
      if (f !== undefined) {
        problems.push({ code: 'form-formula', ...where(r, col), args: { formula: f } });
        formulas = true;
      } else if (isErrorValue(c.value)) problems.push({ code: 'form-cell-error', ...where(r, col), args: { error: String((c.value as { error: string }).error) } });
      else if (col > LAST_COL && c.value !== null && c.value !== undefined && c.value !== '') problems.push({ code: 'form-outside', ...where(r, col), args: {} });
    }
    if (formulas) continue;
    const id = textOf(row.getCell(COL.id).value).trim();
    const filled = EDITABLE.some((col) => textOf(row.getCell(col).value).trim() !== '');
    if (id === '') {
      if (filled) problems.push({ code: 'form-row-no-task', ...where(r, COL.id), args: {} });
      continue;
    }
    if (row.hidden) problems.push({ code: 'form-hidden-row', ...where(r, COL.id), args: { row: r } });
    const a = assignments.get(id);
    if (!a || !meta.tasks.has(id)) {
      problems.push({ code: 'form-unknown-task', ...where(r, COL.id), args: { task: id, unit: unit.short ?? unit.name } });
      continue;
    }
    if (seen.has(id)) {
      problems.push({ code: 'form-duplicate-task', ...where(r, COL.id), args: { task: id } });
      continue;
    }
    seen.add(id);
    const d = a.entry?.details;

    const stateText = textOf(row.getCell(COL.state).value).trim();
    const state = stateFromWord(stateText);
    if (!state) {
      problems.push({ code: stateText === '' ? 'form-no-state' : 'form-bad-state', ...where(r, COL.state), args: { value: stateText } });
      continue;
    }
    const out: FormRow = { task: id, row: r, state, evidence: [], assignment: a };
    const text = (col: number, before: string | undefined): string | undefined => {
      const value = textOf(row.getCell(col).value).replace(/\r\n?/g, '\n').trim();
      if (value === '') return undefined;
      // What the form was pre-filled with is the ledger's own data; only what the unit wrote is checked.
      if (value === before) return value;
      if (CONTROL.test(value)) problems.push({ code: 'form-control-char', ...where(r, col), args: { char: escapeChar(CONTROL.exec(value)![0]) } });
      else if (FORMULA_PREFIX.test(value)) problems.push({ code: 'form-formula-prefix', ...where(r, col), args: { prefix: value[0]! } });
      else if (value.length > TEXT_LIMIT) problems.push({ code: 'form-text-too-long', ...where(r, col), args: { length: value.length, limit: TEXT_LIMIT } });
      return value;
    };
    const progress = text(COL.progress, d?.progress);
    if (progress !== undefined) out.progress = progress;
    const reason = text(COL.reason, d?.reason);
    if (reason !== undefined) out.reason = reason;
    const evidenceCell = row.getCell(COL.evidence);
    const link = linkOf(evidenceCell.value);
    const before = d?.evidence.join('\n');
    const evidenceText = text(COL.evidence, before);
    // Returned as it was pre-filled: the ledger's own items, whatever characters they hold.
    if (evidenceText !== undefined) out.evidence = evidenceText === before ? [...d!.evidence] : evidenceItems(evidenceText);
    // An item is a link or a file name without spaces (the status schema's rule): said at the cell, not split into pieces.
    const spaced = out.evidence.find((x) => /\s/.test(x));
    if (spaced !== undefined) problems.push({ code: 'form-evidence-space', ...where(r, COL.evidence), args: { item: spaced } });
    if (link !== undefined && !out.evidence.includes(link)) out.evidence.push(link);

    const completed = dateOf(row.getCell(COL.completed).value, date1904);
    if (completed === 'bad') problems.push({ code: 'form-bad-date', ...where(r, COL.completed), args: { value: textOf(row.getCell(COL.completed).value) } });
    else if (completed !== undefined) {
      if (completed > ledger.asOf) problems.push({ code: 'form-date-future', ...where(r, COL.completed), args: { date: completed, asOf: ledger.asOf } });
      else out.completed = completed;
    }
    if (state === 'not_applicable' && reason === undefined && !a.entry?.hasReason) problems.push({ code: 'form-needs-reason', ...where(r, COL.reason), args: {} });
    // Done needs the day it was done: the collection date is not it (the form itself asks for the date).
    if (state === 'done' && out.completed === undefined && !(a.entry?.state === 'done' && a.entry.completed !== undefined)) {
      problems.push({ code: 'form-done-no-date', ...where(r, COL.completed), args: {} });
    }
    const extension = readExtension(row, a, date1904, text, (code, col, args) => problems.push({ code, ...where(r, col), args }), ledger.asOf);
    if (extension && (state === 'done' || state === 'not_applicable')) problems.push({ code: 'form-extension-closed', ...where(r, COL.extendTo), args: {} });
    else if (extension) out.extension = extension;
    // A form made before the ledger last changed this entry would undo that change: an older
    // copy sent back, or the office's own blank form collected by mistake. Refused, never applied.
    const entry = a.entry;
    if (entry?.updated !== undefined && meta.made !== '' && entry.updated > meta.made) {
      const differs = state !== entry.state || (out.completed !== undefined && out.completed !== entry.completed) || (progress !== undefined && progress !== d?.progress) || (reason !== undefined && reason !== d?.reason);
      if (differs) problems.push({ code: 'form-older-than-entry', ...where(r, COL.state), args: { task: id, updated: entry.updated, made: meta.made } });
    }
    rows.push(out);
  }
  if (problems.length > 0) return fail();
  for (const id of meta.tasks.keys()) if (!seen.has(id) && assignments.has(id)) warnings.push({ code: 'form-task-missing', sheet: sheet.name, args: { task: id } });
  return { ok: true, meta, rows, warnings };
}

/**
 * The extension columns of a row: a date and a reason together, later than the
 * deadline in force, for a task not claimed closed. A request the ledger holds
 * already (the form was pre-filled with it) is not asked again.
 */
function readExtension(
  row: ExcelJS.Row,
  a: Assignment,
  date1904: boolean,
  text: (col: number, before: string | undefined) => string | undefined,
  problem: (code: string, col: number, args: Record<string, string | number>) => void,
  asOf: IsoDate,
): { to: IsoDate; reason: string } | undefined {
  const asked = a.extensionsPending?.at(-1);
  const to = dateOf(row.getCell(COL.extendTo).value, date1904);
  const reason = text(COL.extendReason, asked?.reason);
  if (to === 'bad') return problem('form-bad-date', COL.extendTo, { value: textOf(row.getCell(COL.extendTo).value) }), undefined;
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

function readMeta(sheet: Worksheet): FormMeta | undefined {
  const values = new Map<string, string>();
  const tasks = new Map<string, string>();
  sheet.eachRow((row) => {
    const key = textOf(row.getCell(1).value);
    if (key === 'task') tasks.set(textOf(row.getCell(2).value), textOf(row.getCell(3).value));
    else values.set(key, textOf(row.getCell(2).value));
  });
  const get = (k: string): string => values.get(k) ?? '';
  if (!values.has('format')) return undefined;
  return {
    format: get('format'),
    version: Number(get('version')),
    plan: get('plan'),
    unit: get('unit'),
    checkpoint: get('checkpoint'),
    fingerprint: get('fingerprint'),
    sheet: get('sheet'),
    headerRow: Number(get('headerRow')) || 5,
    made: get('made'),
    tasks,
  };
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

/**
 * The items of an evidence cell. The form asks for one link or file name a
 * line; a line is split further only when every piece of it is a link
 * (`https://a https://b`), so a file name with a 、 in it
 * (关于做好政务公开、政务服务工作的通知.pdf) stays one item, and one with a
 * space stays whole to be refused at its cell rather than cut into pieces.
 */
export function evidenceItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const pieces = trimmed.split(/[\s、；;，,]+/).filter((x) => x !== '');
    if (pieces.length > 1 && pieces.every((x) => /^https?:\/\/\S+$/i.test(x))) items.push(...pieces);
    else items.push(trimmed);
  }
  return items;
}
