/**
 * How a table of an official document is laid out on paper: its type size
 * (四号, else 小四), the page's orientation (portrait, else a landscape
 * section) and each column's width, chosen from what the cells hold. Pure:
 * the widths come from the advance widths of the type, not from a renderer.
 *
 * Each column says how it may wrap (document.ts `Wrap`): `never` (ids,
 * numbers, dates, short words: one line), `once` (names: at most two lines,
 * never a lone character on the second) or `free` (titles and notes).
 */
import type { Wrap } from './document.js';

/** Points a character advances at `size` pt: CJK and full-width one em; Latin by the Times New Roman widths, roughly. */
export function advance(ch: string, size: number): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2e80) return size;
  if (/[0-9]/.test(ch)) return size * 0.5;
  if (/[.,:;'|!ijlt ]/.test(ch)) return size * 0.28;
  if (/[A-Z]/.test(ch)) return size * 0.7;
  if (/[mwMW@%]/.test(ch)) return size * 0.9;
  return size * 0.5;
}

const ideograph = (ch: string): boolean => /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
const latin = (ch: string): boolean => /[0-9A-Za-z]/.test(ch);

/**
 * The width of a text at `size` pt, with the space Word and Writer put
 * between an ideograph and a Latin letter or digit next to it (a fifth of
 * an em; Writer always does, whatever the document says).
 */
export function textWidth(s: string, size: number): number {
  const chars = [...s];
  let w = 0;
  chars.forEach((ch, i) => {
    w += advance(ch, size);
    const prev = chars[i - 1];
    if (prev !== undefined && ((ideograph(prev) && latin(ch)) || (latin(prev) && ideograph(ch)))) w += size * 0.21;
  });
  return w;
}

/** Points of a cell's left and right margins together, and what a line must leave spare (rounding, borders). */
export const CELL_PADDING = 8;
const SLACK = 0.35;

/** Lines a cell's text takes in `width` pt of text: greedy, by character (CJK text breaks between any two). */
export function linesOf(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  let prev = '';
  for (const ch of text) {
    const a = advance(ch, size) + (prev !== '' && ((ideograph(prev) && latin(ch)) || (latin(prev) && ideograph(ch))) ? size * 0.21 : 0);
    prev = ch;
    // A closing mark never starts a line (避头): it stays on the line it closes.
    if (w + a > width + 0.01 && line !== '' && !/[，。、；：？！）》”’」』】〕,.;:?!)\]]/.test(ch)) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += a;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Whether `text` breaks well at `width`: within `maxLines`, and no line but the first holding a single character. */
function breaksWell(text: string, width: number, size: number, maxLines: number): boolean {
  const lines = linesOf(text, width, size);
  return lines.length <= maxLines && lines.every((l, i) => i === 0 || [...l].length > 1);
}

/** The narrowest width (pt of text) at which every cell of a column breaks well, searching upward from `from`. */
function narrowest(cells: string[], from: number, size: number, maxLines: number, upTo: number): number {
  const step = size / 4;
  for (let w = from; w <= upTo; w += step) if (cells.every((c) => breaksWell(c, w, size, maxLines))) return w;
  return upTo;
}

export interface TableLayout {
  size: number;
  landscape: boolean;
  /** Column widths in pt, summing to the type width. */
  widths: number[];
}

/** The sizes tried, 四号 then 小四. */
export const TABLE_SIZES = [14, 12] as const;

/**
 * The layout of a table: the first of (四号, portrait), (小四, portrait),
 * (小四, landscape) in which the `never` and `once` columns fit as they must
 * and each `free` column keeps at least eight characters a line; the widest
 * option otherwise.
 */
export function tableLayout(header: string[], rows: string[][], wrap: Wrap[], portraitWidth: number, landscapeWidth: number): TableLayout {
  const options = [
    { size: TABLE_SIZES[0], landscape: false, width: portraitWidth },
    { size: TABLE_SIZES[1], landscape: false, width: portraitWidth },
    { size: TABLE_SIZES[1], landscape: true, width: landscapeWidth },
  ];
  for (const o of options) {
    const widths = columnWidths(header, rows, wrap, o.size, o.width);
    if (widths) return { size: o.size, landscape: o.landscape, widths };
  }
  const last = options[options.length - 1]!;
  return { size: last.size, landscape: last.landscape, widths: columnWidths(header, rows, wrap, last.size, last.width, true)! };
}

/**
 * Widths in pt for one size and type width, or undefined when the table does
 * not fit (unless `force`, which shares out whatever there is).
 */
export function columnWidths(header: string[], rows: string[][], wrap: Wrap[], size: number, total: number, force = false): number[] | undefined {
  const column = (i: number): string[] => rows.map((r) => r[i] ?? '');
  // A header wraps (at most once, into halves) only over a column narrower than it.
  const headerMin = (h: string): number => narrowest([h], textWidth(h, size) / 2, size, 2, textWidth(h, size) + 1);
  const natural = header.map((h, i) => Math.max(textWidth(h, size), ...column(i).map((c) => textWidth(c, size))));
  const min = header.map((h, i) => {
    const cells = column(i);
    const values = Math.max(0, ...cells.map((c) => textWidth(c, size)));
    if (wrap[i] === 'never') return Math.max(values, headerMin(h));
    if (wrap[i] === 'once') {
      const widest = Math.max(values, textWidth(h, size));
      return Math.max(headerMin(h), narrowest(cells, widest / 2, size, 2, widest + 1));
    }
    return Math.max(headerMin(h), Math.min(natural[i]!, 8 * size));
  });
  const pad = size * SLACK + CELL_PADDING;
  const need = min.reduce((a, w) => a + w + pad, 0);
  if (need > total && !force) return undefined;
  const widths = min.map((w) => w + pad);
  let spare = total - widths.reduce((a, b) => a + b, 0);
  // The spare width goes to the free columns up to their natural width (fewer lines), then to names, then to all.
  for (const kind of ['free', 'once'] as const) {
    const grow = header.map((_, i) => i).filter((i) => wrap[i] === kind && natural[i]! + pad > widths[i]!);
    const want = grow.reduce((a, i) => a + natural[i]! + pad - widths[i]!, 0);
    if (want <= 0 || spare <= 0) continue;
    const share = Math.min(1, spare / want);
    for (const i of grow) {
      const add = (natural[i]! + pad - widths[i]!) * share;
      widths[i]! += add;
      spare -= add;
    }
  }
  if (spare > 0) {
    const free = header.map((_, i) => i).filter((i) => wrap[i] !== 'never');
    const targets = free.length > 0 ? free : header.map((_, i) => i);
    for (const i of targets) widths[i]! += spare / targets.length;
  }
  if (spare < 0) {
    // Forced: shrink every column alike.
    const scale = total / widths.reduce((a, b) => a + b, 0);
    return widths.map((w) => w * scale);
  }
  // At its final width a header or name may still leave a lone character on its last line
  // (逾期/剩 + 余): such a column widens until it does not, taking the room from the widest free column.
  header.forEach((h, i) => {
    if (wrap[i] === 'free') return;
    const cells = wrap[i] === 'once' ? [h, ...column(i)] : [h];
    const good = narrowest(cells, widths[i]! - pad, size, 2, natural[i]! + size);
    const add = good - (widths[i]! - pad);
    if (add <= 0) return;
    const donor = header.map((_, j) => j).filter((j) => wrap[j] === 'free' && widths[j]! - add >= min[j]! + pad).sort((a, b) => widths[b]! - widths[a]!)[0];
    if (donor === undefined) return;
    widths[i]! += add;
    widths[donor]! -= add;
  });
  return widths;
}
