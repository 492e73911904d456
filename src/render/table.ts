/**
 * A plain terminal table that fits a width: columns padded by display width,
 * the flexible ones (titles) cut with … when the terminal is narrow. The fitting
 * and the cutting by display width are ours (a CJK character is two columns);
 * cli-table3 lays the cut cells out in the widths we give it.
 */
// Imported statically so that it is inside the bundle and its code cache: Node's
// CommonJS loader took ~5 ms to find and compile its ten files on every run.
import CliTable from 'cli-table3';
import { displayWidth, safeText, truncate } from './text.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be cut down to `min` columns when the table is too wide. */
  flex?: boolean;
  min?: number;
  /** How much width this column keeps against other flexible ones (default 1). */
  weight?: number;
}

export interface Cell {
  text: string;
  /** Applied after padding, so colour never shifts the alignment. */
  paint?: (s: string) => string;
}

export type Row = (string | Cell)[];

const GAP = '  ';

/**
 * cli-table3 spends ~0.3 ms a row (it measures every cell again through a fresh
 * ANSI regex): 25,000 overdue rows of a city plan would take ~8 s, and the ~250
 * rows of a county's overdue list more than the rest of the run. It draws the
 * coloured tables of up to this many rows; longer ones, and every table without
 * colour (the usual case: a pipe, CI, NO_COLOR), are drawn by the same layout
 * written line by line, which gives the same text (tests/unit/table.test.ts).
 */
export const LIBRARY_ROWS = 1000;

// No borders: columns are set apart by GAP alone, as the reports have always been.
const CHARS = { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: GAP };

export function renderTable(columns: Column[], rows: Row[], maxWidth: number): string {
  if (rows.length > LIBRARY_ROWS || !coloured(rows)) return renderByLines(columns, rows, maxWidth);
  const cells = rows.map((row) => row.map((c) => (typeof c === 'string' ? { text: safeText(c) } : { ...c, text: safeText(c.text) })));
  const widths = columns.map((col) => displayWidth(col.header));
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell.text))));
  fit(columns, widths, maxWidth);
  const header = columns.map((c, i) => truncate(c.header, widths[i]!));
  const rule = widths.map((w) => '─'.repeat(w));
  return drawWithCliTable(columns, widths, header, rule, cells);
}

/** Whether any cell's paint changes its text (without colour every paint is the identity). */
function coloured(rows: Row[]): boolean {
  const plain = new Set<(s: string) => string>();
  for (const row of rows) {
    for (const c of row) {
      if (typeof c !== 'object' || !c.paint || plain.has(c.paint)) continue;
      if (c.paint('x') !== 'x') return true;
      plain.add(c.paint);
    }
  }
  return false;
}

/** Cut here, by display width, so the drawing only pads; colour goes on after the cut so it is never cut off. */
function cut(cell: Cell, width: number): { plain: string; shown: string } {
  const plain = truncate(cell.text, width);
  return { plain, shown: cell.paint ? cell.paint(plain) : plain };
}

function drawWithCliTable(columns: Column[], widths: number[], head: string[], rule: string[], cells: Cell[][]): string {
  const table = new CliTable({
    head,
    colWidths: widths,
    colAligns: columns.map((c) => c.align ?? 'left'),
    chars: CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    wordWrap: false,
  });
  table.push(rule, ...cells.map((row) => row.map((cell, i) => cut(cell, widths[i]!).shown)));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/**
 * The same layout without the library, one line at a time, for tables without
 * colour and those longer than LIBRARY_ROWS (a province's overdue list has half
 * a million rows). No
 * object per cell and each line made once: the copies of every cell were
 * ~30 % of that command's time and ~200 MB of its memory.
 */
function renderByLines(columns: Column[], rows: Row[], maxWidth: number): string {
  // Each cell made safe and measured once, kept in two flat arrays (not an object per cell).
  const n = columns.length;
  const texts: string[] = new Array<string>(rows.length * n);
  const cellWidths = new Int32Array(rows.length * n);
  const widths = columns.map((col) => displayWidth(col.header));
  rows.forEach((row, r) => {
    for (let i = 0; i < n; i++) {
      const c = row[i] ?? '';
      const text = safeText(typeof c === 'string' ? c : c.text);
      const w = displayWidth(text);
      texts[r * n + i] = text;
      cellWidths[r * n + i] = w;
      if (w > widths[i]!) widths[i] = w;
    }
  });
  fit(columns, widths, maxWidth);
  const pad = (shown: string, width: number, i: number): string => {
    const room = ' '.repeat(Math.max(0, widths[i]! - width));
    return columns[i]!.align === 'right' ? room + shown : shown + room;
  };
  const header = columns.map((c, i) => truncate(c.header, widths[i]!));
  const lines = [header.map((h, i) => pad(h, displayWidth(h), i)).join(GAP).trimEnd(), widths.map((w, i) => pad('─'.repeat(w), w, i)).join(GAP).trimEnd()];
  rows.forEach((row, r) => {
    let line = '';
    for (let i = 0; i < n; i++) {
      let plain = texts[r * n + i]!;
      let width = cellWidths[r * n + i]!;
      if (width > widths[i]!) {
        plain = truncate(plain, widths[i]!);
        width = displayWidth(plain);
      }
      const c = row[i];
      if (i > 0) line += GAP;
      line += pad(typeof c === 'object' && c.paint ? c.paint(plain) : plain, width, i);
    }
    lines.push(line.trimEnd());
  });
  return lines.join('\n');
}

/** Shrinks flexible columns one column of width at a time, always the widest for its weight. */
function fit(columns: Column[], widths: number[], maxWidth: number): void {
  let over = widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1) - maxWidth;
  while (over > 0) {
    let widest = -1;
    columns.forEach((c, i) => {
      const share = (k: number): number => widths[k]! / (columns[k]!.weight ?? 1);
      if (c.flex && widths[i]! > (c.min ?? 8) && (widest < 0 || share(i) > share(widest))) widest = i;
    });
    if (widest < 0) break;
    widths[widest]!--;
    over--;
  }
  // Still too wide with every flexible column at its minimum: the line must
  // fit all the same (a narrow terminal wraps it otherwise), so the flexible
  // columns give up their minimums, down to a few characters and an ellipsis.
  while (over > 0) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.flex && widths[i]! > 4 && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) return;
    widths[widest]!--;
    over--;
  }
}
