/**
 * Task tables as spreadsheets: .xlsx through exceljs (merged cells spread to
 * every cell they cover) and .csv (decoded like any text, then split by a
 * small RFC 4180 reader). Each sheet becomes a table; the title rows above
 * the header become text lines.
 */
import type { Block, Cell, SourceDocument } from '../types.js';

export async function readXlsx(bytes: Buffer): Promise<SourceDocument> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const blocks: Block[] = [];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    const width = Math.min(ws.columnCount, 60);
    for (let r = 1; r <= Math.min(ws.rowCount, 20000); r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell reads as its master: the value spans every row and column it covers.
        const master = cell.isMerged ? cell.master : cell;
        const from = master === cell ? undefined : master.fullAddress.row < r ? 'above' : 'left';
        cells.push(from ? { text: cellText(master), from } : { text: cellText(master) });
      }
      rows.push(cells);
    }
    addSheet(ws.name, rows, blocks);
  });
  return { blocks };
}

function cellText(cell: { text?: string; value?: unknown }): string {
  try {
    return (cell.text ?? '').replace(/\r\n?/g, '\n').trim();
  } catch {
    return String(cell.value ?? '').trim();
  }
}

export function readCsv(text: string): SourceDocument {
  const blocks: Block[] = [];
  addSheet('', parseCsv(text).map((r) => r.map((c) => ({ text: c }))), blocks);
  return { blocks };
}

function addSheet(name: string, rows: Cell[][], blocks: Block[]): void {
  const nonEmpty = rows.filter((r) => r.some((c) => c.text.trim()));
  if (nonEmpty.length === 0) return;
  // Title rows above the header (one value across the width): the document's title, not data.
  const only = (r: Cell[]): string[] => [...new Set(r.map((c) => c.text.trim()).filter(Boolean))];
  let k = 0;
  while (k < nonEmpty.length && only(nonEmpty[k]!).length === 1 && !/^\d+$/.test(only(nonEmpty[k]!)[0]!)) {
    blocks.push({ kind: 'paragraph', text: only(nonEmpty[k]!)[0]! });
    k++;
  }
  if (name && k === 0) blocks.push({ kind: 'paragraph', text: name });
  blocks.push({ kind: 'table', rows: nonEmpty.slice(k) });
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
