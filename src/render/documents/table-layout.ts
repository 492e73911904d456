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
  // Curly quotes, the middle dot, dashes and ellipses are set full width in Chinese text.
  if (code >= 0x2e80 || (code >= 0x2014 && code <= 0x201d) || code === 0xb7 || code === 0x2026) return size;
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
    // A closing mark never starts a line (避头): it stays on the line it closes; an opening one never ends a line (避尾).
    if (w + a > width + 0.01 && line !== '' && !/[，。、；：？！）》”’」』】〕,.;:?!)\]]/.test(ch)) {
      const opening = /[（《“‘「『【〔(]$/.exec(line);
      if (opening) {
        if (line.length > 1) lines.push(line.slice(0, -1));
        line = opening[0];
        w = advance(opening[0], size);
      } else {
        lines.push(line);
        line = '';
        w = 0;
      }
    }
    line += ch;
    w += a;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The lines a wrapping cell is written in (the renderer sets the breaks, so
 * Word and Writer agree): by characters for free text, by whole items for a
 * list (县财政局、林口镇…: a name is never split); the last line never a lone
 * character.
 */
export function cellLines(text: string, width: number, size: number, list: boolean): string[] {
  // The column already keeps some room spare (SLACK): the lines may take its text width.
  const room = width;
  if (list) {
    // Whole items where they fit; an item longer than a line (a group with its exceptions) breaks as text.
    const lines: string[] = [];
    for (const item of text.split(/(?<=、)/)) {
      const last = lines[lines.length - 1];
      const fits = (l: string): boolean => textWidth(l, size) - (l.endsWith('、') ? size : 0) <= room;
      if (last !== undefined && fits(last + item)) lines[lines.length - 1] = last + item;
      else if (fits(item)) lines.push(item);
      else {
        const parts = linesOf(`${last ?? ''}${item}`, room, size);
        lines.splice(lines.length - (last === undefined ? 0 : 1), 1, ...parts);
      }
    }
    return noLoneLast(lines);
  }
  return noLoneLast(linesOf(text, room, size));
}

/** A last line of one character takes the character before it along. */
function noLoneLast(lines: string[]): string[] {
  const last = lines[lines.length - 1];
  if (lines.length > 1 && last !== undefined && [...last].length === 1) {
    const before = [...lines[lines.length - 2]!];
    lines[lines.length - 2] = before.slice(0, -1).join('');
    lines[lines.length - 1] = before[before.length - 1] + last;
  }
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

/**
 * A header that does not fit its column on one line, split into two halves of
 * near equal width (逾期/ 剩余, not 逾期/剩 余), at a point that breaks no number
 * and starts no line with a closing mark; the renderer writes the break.
 */
export function headerLines(h: string, width: number, size: number): string[] {
  if (textWidth(h, size) <= width + 0.01) return [h];
  const chars = [...h];
  let best: string[] = [h];
  let bestWidth = Infinity;
  // Two characters at least on each line: a lone one is what this is for.
  for (let i = 2; i <= chars.length - 2; i++) {
    if (latin(chars[i - 1]!) && latin(chars[i]!)) continue;
    if (/[，。、；：）》”’,.;:)]/.test(chars[i]!) || /[（《“‘(]/.test(chars[i - 1]!)) continue;
    const lines = [chars.slice(0, i).join(''), chars.slice(i).join('')];
    const w = Math.max(...lines.map((l) => textWidth(l, size)));
    if (w < bestWidth - 0.01 || (Math.abs(w - bestWidth) < 0.01 && textWidth(lines[0]!, size) >= textWidth(lines[1]!, size))) {
      best = lines;
      bestWidth = w;
    }
  }
  return best;
}

const headerMinWidth = (h: string, size: number): number => Math.max(...headerLines(h, 0, size).map((l) => textWidth(l, size)));

export interface TableLayout {
  size: number;
  landscape: boolean;
  /** Column widths in pt, summing to the type width. */
  widths: number[];
  /** Each header's lines at its column's width. */
  header: string[][];
  /** The width of text in a column: the column less its margins. */
  textWidths: number[];
}

/** The sizes tried, 四号 then 小四. */
export const TABLE_SIZES = [14, 12] as const;

/** Line height of table text, in em: the renderer's exact line spacing. */
export const TABLE_LINE = 1.35;
/** Points a row adds to its lines: the cell's top and bottom margins and a border. */
const ROW_EXTRA = 3.5;

/** The height in pt a table's rows take at these widths (what decides between the options). */
export function tableHeight(rows: string[][], widths: number[], size: number): number {
  const pad = size * SLACK + CELL_PADDING;
  return rows.reduce((h, r) => h + ROW_EXTRA + size * TABLE_LINE * Math.max(1, ...widths.map((w, i) => cellLines(r[i] ?? '', w - pad, size, false).length)), 0);
}

/**
 * The layout of a table among (四号, portrait), (小四, portrait), (小四,
 * landscape): the first in which the `never` and `once` columns fit as they
 * must and each `free` column keeps eight characters a line, unless 小四
 * makes the table a quarter shorter. Landscape, a section of its own and so
 * pages of its own, only for a table the portrait page cannot hold at all.
 * The widest option, squeezed, when none fits.
 */
export function tableLayout(header: string[], rows: string[][], wrap: Wrap[], portraitWidth: number, landscapeWidth: number): TableLayout {
  const options = [
    { size: TABLE_SIZES[0], landscape: false, width: portraitWidth },
    { size: TABLE_SIZES[1], landscape: false, width: portraitWidth },
    ...(landscapeWidth > portraitWidth ? [{ size: TABLE_SIZES[1], landscape: true, width: landscapeWidth }] : []),
  ];
  let chosen: { size: number; landscape: boolean; widths: number[]; height: number } | undefined;
  for (const o of options) {
    const widths = columnWidths(header, rows, wrap, o.size, o.width);
    if (!widths) continue;
    const height = tableHeight(rows, widths, o.size);
    if (!chosen) chosen = { ...o, widths, height };
    else if (height < chosen.height * 0.75 && !o.landscape) chosen = { ...o, widths, height };
  }
  if (!chosen) {
    const last = options[options.length - 1]!;
    chosen = { ...last, widths: columnWidths(header, rows, wrap, last.size, last.width, true)!, height: 0 };
  }
  const pad = chosen.size * SLACK + CELL_PADDING;
  return {
    size: chosen.size,
    landscape: chosen.landscape,
    widths: chosen.widths,
    header: header.map((h, i) => headerLines(h, chosen.widths[i]! - pad, chosen.size)),
    textWidths: chosen.widths.map((w) => w - pad),
  };
}

/**
 * Widths in pt for one size and type width, or undefined when the table does
 * not fit (unless `force`, which shares out whatever there is).
 */
export function columnWidths(header: string[], rows: string[][], wrap: Wrap[], size: number, total: number, force = false): number[] | undefined {
  const column = (i: number): string[] => rows.map((r) => r[i] ?? '');
  // A header wraps (once, into halves: headerLines) only over a column narrower than it.
  const headerMin = (h: string): number => headerMinWidth(h, size);
  const natural = header.map((h, i) => Math.max(textWidth(h, size), ...column(i).map((c) => textWidth(c, size))));
  const min = header.map((h, i) => {
    const cells = column(i);
    const values = Math.max(0, ...cells.map((c) => textWidth(c, size)));
    if (wrap[i] === 'never') return Math.max(values, headerMin(h));
    // A list: room for its names whole (a name of ten characters at most; a longer item wraps).
    if (wrap[i] === 'list') return Math.max(headerMin(h), Math.min(natural[i]!, 8 * size), ...cells.flatMap((c) => c.split('、')).map((n) => Math.min(textWidth(`${n}、`, size), 10 * size)));
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
  for (const kind of ['free', 'list', 'once'] as const) {
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
  // Two columns of running text share their room so that the rows come out shortest
  // (a long note beside a short title takes more of it).
  const running = header.map((_, i) => i).filter((i) => wrap[i] === 'free' || wrap[i] === 'list');
  if (running.length === 2) {
    const [a, b] = running as [number, number];
    const both = widths[a]! + widths[b]!;
    const height = (wa: number): number => tableHeight(rows, widths.map((w, i) => (i === a ? wa : i === b ? both - wa : w)), size);
    let best = widths[a]!;
    let bestHeight = height(best);
    for (let wa = min[a]! + pad; wa <= both - min[b]! - pad; wa += size / 2) {
      const h = height(wa);
      if (h < bestHeight - 0.5) {
        best = wa;
        bestHeight = h;
      }
    }
    widths[a] = best;
    widths[b] = both - best;
  }
  // At its final width a name may still leave a lone character on its last line
  // (林口县营商环境建设监督 + 局): such a column widens until it does not, taking the room from the widest free column.
  header.forEach((_, i) => {
    if (wrap[i] !== 'once') return;
    const cells = column(i);
    const good = narrowest(cells, widths[i]! - pad, size, 2, natural[i]! + size);
    const add = good - (widths[i]! - pad);
    if (add <= 0) return;
    const donor = header.map((_, j) => j).filter((j) => (wrap[j] === 'free' || wrap[j] === 'list') && widths[j]! - add >= min[j]! + pad).sort((a, b) => widths[b]! - widths[a]!)[0];
    if (donor === undefined) return;
    widths[i]! += add;
    widths[donor]! -= add;
  });
  return widths;
}
