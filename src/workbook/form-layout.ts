/**
 * Where things are on a unit's form (填报表): written by forms.ts, read back by
 * read-form.ts. The meta sheet, hidden and protected, says which plan, unit
 * and checkpoint the form belongs to and what tasks it was made from.
 */
export const FORM_FORMAT = 'plan-ledger-form';
/** 2: each task's row digest and the office's signature (version 1 forms are read as unsigned). */
export const FORM_VERSION = 2;
export const META_SHEET = 'plan-ledger';

/**
 * Columns of the form's table, 1-based. The extension columns (申请延期至, 理由)
 * and the office's return reason came later, after the unit's own columns: a
 * form made before them reads the same (they are empty there).
 */
export const COL = { id: 1, title: 2, role: 3, deadline: 4, state: 5, progress: 6, evidence: 7, completed: 8, reason: 9, extendTo: 10, extendReason: 11, returnReason: 12 } as const;
export const EDITABLE = [COL.state, COL.progress, COL.evidence, COL.completed, COL.reason, COL.extendTo, COL.extendReason] as const;
export const LAST_COL = COL.returnReason;

/** Rows above the table: title, plan, what to fill and by when, the rules. */
export const HEADER_ROW = 5;

/** The hidden sheet's single values, one row each (key in A, value in B), then a `task` row per task and the `signature`. */
export const META_KEYS = ['format', 'version', 'plan', 'unit', 'checkpoint', 'fingerprint', 'sheet', 'headerRow', 'made'] as const;
export type MetaKey = (typeof META_KEYS)[number];

export interface FormMeta {
  format: string;
  version: number;
  plan: string;
  unit: string;
  checkpoint: string;
  fingerprint: string;
  sheet: string;
  headerRow: number;
  made: string;
  /** The tasks on the form: each one's task digest and (version 2) row digest as made, and the hidden sheet's row. */
  tasks: Map<string, { task: string; row?: string; at: number }>;
  signature?: string;
  /** Where each value is on the hidden sheet (B2, …), for problems to name. */
  cells: Partial<Record<MetaKey | 'signature', string>>;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
