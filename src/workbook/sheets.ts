/** The sheets of the office's workbooks: a header row, rows of real cell types, widths fitted at the end. */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { cellText, DATE_FORMAT, fitColumns, fitRowHeights } from './cells.js';

export type Value = string | number | Date | null;

const HEADER_FILL = 'FFD9D9D9';

/** Each sheet's widest column widths, used when the rows are in. */
const widths = new WeakMap<Worksheet, number[]>();

/** Widths fitted to the rows, row heights, an autofilter on every sheet. */
export function finishSheets(book: ExcelJS.Workbook): void {
  for (const s of book.worksheets) {
    fitColumns(s, widths.get(s) ?? []);
    fitRowHeights(s);
    s.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rowCount), column: s.columnCount } };
  }
}

export function sheet(book: ExcelJS.Workbook, title: string, page: string, headers: string[], maxWidths: number[]): Worksheet {
  const s = book.addWorksheet(title, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 } },
    headerFooter: { oddHeader: page, oddFooter: '&C&P / &N' },
  });
  s.columns = headers.map((h) => ({ header: h }));
  const head = s.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    c.border = { bottom: { style: 'thin' } };
  });
  // Widths are fitted once the rows are in.
  widths.set(s, maxWidths);
  return s;
}

export function addRow(s: Worksheet, values: Value[]): ExcelJS.Row {
  const row = s.addRow(values.map((x) => (typeof x === 'string' ? cellText(x) : x)));
  row.alignment = { vertical: 'top', wrapText: true };
  row.eachCell((c) => {
    if (c.value instanceof Date) c.numFmt = DATE_FORMAT;
  });
  return row;
}
