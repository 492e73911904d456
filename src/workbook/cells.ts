/** Cell values and sheet layout shared by the ledger workbook and the forms. */
import type { Worksheet } from 'exceljs';
import type { IsoDate } from '../model.js';
import { displayWidth } from '../render/text.js';

// XML 1.0 cannot hold most C0 controls: written raw they corrupt the file.
// Bidirectional overrides would reorder what a reader sees.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the data for a cell: controls shown escaped (\x1b). A string is
 * always written as a text cell, so "=…" stays text and is never a formula.
 */
export function cellText(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** An ISO date as the Date exceljs writes as that day (midnight UTC, no zone shift). */
export function cellDate(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Column widths that fit the text: a CJK character counts two, as in a
 * terminal; long text columns stop at `max` and wrap.
 */
export function fitColumns(sheet: Worksheet, max: number[] = []): void {
  sheet.columns.forEach((column, i) => {
    let width = 6;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      const text = v instanceof Date ? '2021-12-31' : typeof v === 'object' && v !== null ? '' : String(v ?? '');
      for (const line of text.split('\n')) width = Math.max(width, displayWidth(line) + 2);
    });
    column.width = Math.min(width, max[i] ?? 40);
  });
}

/** Text for a page header: & starts a header code there, so it is doubled. */
export function headerText(s: string): string {
  return cellText(s).replace(/&/g, '&&');
}

/**
 * Row heights for wrapped text. Calc and Excel do not grow a row on opening a
 * file, so a wrapped cell would show only its first line: the lines are
 * counted here by display width against the column's width.
 */
export function fitRowHeights(sheet: Worksheet, firstRow = 2, lineHeight = 15): void {
  sheet.eachRow((row, n) => {
    if (n < firstRow) return;
    let lines = 1;
    row.eachCell((cell, col) => {
      const v = cell.value;
      if (typeof v !== 'string') return;
      const width = Math.max(4, sheet.getColumn(col).width ?? 10);
      let count = 0;
      for (const line of v.split('\n')) count += Math.max(1, Math.ceil(displayWidth(line) / width));
      lines = Math.max(lines, count);
    });
    if (lines > 1) row.height = Math.min(409, lines * lineHeight);
  });
}
