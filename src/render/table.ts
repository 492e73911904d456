/**
 * A plain terminal table that fits a width: columns padded by display width,
 * the flexible ones (titles) cut with … when the terminal is narrow.
 */
import { displayWidth, padEnd, padStart, safeText, truncate } from './text.js';

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

export function renderTable(columns: Column[], rows: Row[], maxWidth: number): string {
  const cells = rows.map((row) => row.map((c) => (typeof c === 'string' ? { text: safeText(c) } : { ...c, text: safeText(c.text) })));
  const widths = columns.map((col) => displayWidth(col.header));
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell.text))));
  fit(columns, widths, maxWidth);
  const line = (texts: Cell[]): string =>
    texts
      .map((cell, i) => {
        const w = widths[i]!;
        const cut = truncate(cell.text, w);
        const padded = columns[i]!.align === 'right' ? padStart(cut, w) : i === texts.length - 1 ? cut : padEnd(cut, w);
        return cell.paint ? cell.paint(padded) : padded;
      })
      .join(GAP)
      .trimEnd();
  const header = line(columns.map((c) => ({ text: c.header })));
  const rule = widths.map((w) => '─'.repeat(w)).join(GAP);
  return [header, rule, ...cells.map(line)].join('\n');
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
