/**
 * Bounds on what an XML part of a returned workbook holds, counted in its
 * bytes before exceljs builds a cell: exceljs makes a row object for every
 * row number up to the highest, a cell for every column up to the highest in
 * each row it touches, and one entry per cell of a merged or validated range.
 * So the highest row and column anywhere (a cell's `r`, the sheet's
 * dimension, a range's `ref`/`sqref`), the count of elements, rows and cells,
 * and the area of merged and validated ranges are all bounded. Elements are
 * found however they are written: `<row\nr=…>`, `<x:row …>`, `<c\tr=…>`.
 */
export const SHEET_LIMITS = {
  /** Highest row and rows in one sheet. */
  rows: 20000,
  /** Highest column (IV, the old Excel's last). The form uses nine. */
  columns: 256,
  /** Cells in one sheet, and cells covered by its merged or validated ranges. */
  cells: 100_000,
  /** Elements in all XML parts together (a 500-task form has about 60,000). */
  elements: 1_000_000,
  /** Bytes of one tag or run of text: a cell holds at most 20,000 characters, 120 KB even escaped. */
  textBytes: 256 * 1024,
};

export type SheetBound = 'rows' | 'row' | 'column' | 'cells' | 'area' | 'elements' | 'ref' | 'text';
export type SheetProblem = { code: 'wb-sheet-bounds'; what: SheetBound; part: string; cell?: string; value: number | string; limit: number };

const LT = 0x3c;
const GT = 0x3e;
/** Attributes in a tag: name (maybe prefixed) = "value" or 'value'. */
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** A1, $A$1, A:A, 1:1 and each side of a range. */
const REF = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

/** Column letters as a number (A = 1); letters beyond XFD still give a number above the limit. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

interface Corner {
  col: number;
  row: number;
}

/** The far corners of a ref or space-separated list of refs; a whole column or row reaches the sheet's edge. */
function corners(value: string): [Corner, Corner][] | undefined {
  const out: [Corner, Corner][] = [];
  for (const range of value.trim().split(/\s+/)) {
    if (range === '') continue;
    const [a, b = a] = range.split(':') as [string, string?];
    const ma = REF.exec(a);
    const mb = REF.exec(b);
    if (!ma || !mb || (ma[1] === '' && ma[2] === '') || (mb[1] === '' && mb[2] === '')) return undefined;
    const corner = (m: RegExpExecArray, far: boolean): Corner => ({
      col: m[1] === '' ? (far ? 16384 : 1) : columnNumber(m[1]!),
      row: m[2] === '' ? (far ? 1048576 : 1) : Number(m[2]),
    });
    out.push([corner(ma, false), corner(mb, true)]);
  }
  return out;
}

const cellName = (c: Corner): string => {
  let s = '';
  for (let n = c.col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${c.row}`;
};

/**
 * Counts the part's elements (returned) after checking every bound; a problem
 * naming the part and, where there is one, the cell it stopped at.
 */
export function boundSheetXml(xml: Buffer, part: string, elementBudget: number): number | SheetProblem {
  const stop = (what: SheetBound, value: number | string, limit: number, cell?: string): SheetProblem => ({ code: 'wb-sheet-bounds', what, part, value, limit, ...(cell !== undefined && { cell }) });
  let elements = 0;
  let rows = 0;
  let cells = 0;
  let area = 0;
  let row = 0;
  let col = 0;
  const far = (c: Corner, at: string): SheetProblem | undefined => {
    if (c.row > SHEET_LIMITS.rows) return stop('row', c.row, SHEET_LIMITS.rows, at);
    if (c.col > SHEET_LIMITS.columns) return stop('column', c.col, SHEET_LIMITS.columns, at);
    return undefined;
  };
  let cell: string | undefined;
  let last = 0;
  for (let i = xml.indexOf(LT); ; i = xml.indexOf(LT, i + 1)) {
    // A text or tag longer than any cell may hold is refused before a parser builds it as one string.
    if ((i < 0 ? xml.length : i) - last > SHEET_LIMITS.textBytes) return stop('text', Math.round(((i < 0 ? xml.length : i) - last) / 1024), SHEET_LIMITS.textBytes / 1024, cell);
    if (i < 0) break;
    last = i;
    const next = xml[i + 1];
    if (next === 0x2f || next === 0x3f) continue;
    if (next === 0x21) {
      // A comment or CDATA section: its text is not markup.
      const close = xml.subarray(i, i + 9).toString('latin1').startsWith('<![CDATA[') ? ']]>' : xml[i + 2] === 0x2d ? '-->' : '>';
      const end = xml.indexOf(close, i + 2, 'latin1');
      if (end < 0) break;
      i = end;
      continue;
    }
    if (++elements > elementBudget) return stop('elements', elements, SHEET_LIMITS.elements);
    let n = i + 1;
    while (n < xml.length && !isSpace(xml[n]) && xml[n] !== GT && xml[n] !== 0x2f) n++;
    const qname = xml.toString('latin1', i + 1, n);
    const local = qname.slice(qname.indexOf(':') + 1);
    if (local !== 'row' && local !== 'c' && local !== 'dimension' && local !== 'mergeCell' && local !== 'dataValidation' && local !== 'hyperlink') continue;
    const end = xml.indexOf(GT, n);
    // An unclosed tag ends the markup: nothing after it is read, here or by the parser.
    if (end < 0) break;
    const tag = xml.toString('latin1', n, end);
    i = end;
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(ATTRIBUTE)) attrs.set(m[1]!.slice(m[1]!.indexOf(':') + 1), m[2] ?? m[3] ?? '');
    if (local === 'row') {
      // A row without r is the next one, as exceljs numbers it.
      row = attrs.has('r') ? Number(attrs.get('r')) : row + 1;
      col = 0;
      if (++rows > SHEET_LIMITS.rows) return stop('rows', rows, SHEET_LIMITS.rows);
      if (!Number.isInteger(row) || row < 1) return stop('ref', attrs.get('r') ?? '', SHEET_LIMITS.rows);
      if (row > SHEET_LIMITS.rows) return stop('row', row, SHEET_LIMITS.rows, `A${row}`);
    } else if (local === 'c') {
      if (++cells > SHEET_LIMITS.cells) return stop('cells', cells, SHEET_LIMITS.cells);
      const r = attrs.get('r');
      // A cell without r is the next one in its row.
      const found = r === undefined ? [[{ col: col + 1, row: Math.max(row, 1) }] as [Corner]] : corners(r);
      const c = found?.length === 1 ? found[0]![0] : undefined;
      if (c === undefined) return stop('ref', r ?? '', SHEET_LIMITS.columns);
      col = c.col;
      cell = cellName(c);
      const problem = far(c, cell);
      if (problem) return problem;
    } else {
      const value = attrs.get(local === 'dataValidation' ? 'sqref' : 'ref');
      if (value === undefined) continue;
      const ranges = corners(value);
      if (!ranges) return stop('ref', value, SHEET_LIMITS.columns);
      for (const [a, b] of ranges) {
        const problem = far(b, value) ?? far(a, value);
        if (problem) return problem;
        // Merged and validated ranges become one entry per cell in exceljs.
        if (local === 'mergeCell' || local === 'dataValidation') {
          area += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
          if (area > SHEET_LIMITS.cells) return stop('area', area, SHEET_LIMITS.cells, value);
        }
      }
    }
  }
  return elements;
}
