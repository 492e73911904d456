/**
 * Task tables as spreadsheets: .xlsx through exceljs (merged cells spread to
 * every cell they cover) and .csv (decoded like any text, then split by a
 * small RFC 4180 reader). Each sheet becomes a table; the title rows above
 * the header become text lines.
 */
import type { DocumentSource } from '../index.js';
import { TABLE_MARK } from '../index.js';

export async function readXlsx(bytes: Buffer): Promise<DocumentSource> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  const tables: string[][][] = [];
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    const width = Math.min(ws.columnCount, 60);
    for (let r = 1; r <= Math.min(ws.rowCount, 20000); r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell reads as its master: the value spans every row and column it covers.
        const source = cell.isMerged ? cell.master : cell;
        cells.push(cellText(source));
      }
      rows.push(cells);
    }
    addSheet(ws.name, rows, lines, tables);
  });
  return { text: lines.join('\n'), tables };
}

function cellText(cell: { text?: string; value?: unknown }): string {
  try {
    return (cell.text ?? '').replace(/\r\n?/g, '\n').trim();
  } catch {
    return String(cell.value ?? '').trim();
  }
}

export function readCsv(text: string): DocumentSource {
  const lines: string[] = [];
  const tables: string[][][] = [];
  addSheet('', parseCsv(text), lines, tables);
  return { text: lines.join('\n'), tables };
}

function addSheet(name: string, rows: string[][], lines: string[], tables: string[][][]): void {
  const nonEmpty = rows.filter((r) => r.some((c) => c.trim()));
  if (nonEmpty.length === 0) return;
  // Title rows above the header (one value across the width): the document's title, not data.
  let k = 0;
  while (k < nonEmpty.length && new Set(nonEmpty[k]!.filter((c) => c.trim())).size === 1 && !/^\d+$/.test(nonEmpty[k]!.find((c) => c.trim())!.trim())) {
    lines.push(nonEmpty[k]!.find((c) => c.trim())!.trim());
    k++;
  }
  if (name && k === 0) lines.push(name);
  lines.push(`${TABLE_MARK}${tables.length}`);
  tables.push(nonEmpty.slice(k));
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. One pass: linear. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const delimiter = detectDelimiter(text);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows;
}

function detectDelimiter(text: string): string {
  const first = text.slice(0, 2000).split('\n')[0] ?? '';
  const count = (c: string): number => first.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : count('，') > count(',') ? '，' : ',';
}
