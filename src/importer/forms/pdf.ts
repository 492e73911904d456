/**
 * A PDF with a text layer, through pdfjs-dist (legacy build: runs on Node 20
 * without a browser). Text items are put back into lines by their position;
 * tables drawn with ruled lines are rebuilt cell by cell from the rules and
 * the positions of their text, merged cells included. A PDF without text (a
 * scan) is refused: it needs OCR first.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Block, Cell, SourceDocument } from '../types.js';

export class NeedsOcr extends Error {}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export async function readPdf(bytes: Uint8Array, maxPages = 500): Promise<SourceDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    // Chinese PDFs use CID fonts: the CMaps map their glyphs to text.
    cMapUrl: `${pathToFileURL(join(root, 'cmaps')).href}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(join(root, 'standard_fonts')).href}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  const lines: Line[] = [];
  let chars = 0;
  try {
    for (let p = 1; p <= Math.min(doc.numPages, maxPages); p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const all = (content.items as TextItem[]).filter((i) => typeof i.str === 'string');
      // Tables drawn with ruled lines: their text is read cell by cell, the rest line by line.
      const ruled = ruledTables(await page.getOperatorList(), pdfjs.OPS, all);
      const items = all.filter((i) => !ruled.some((t) => t.holds(i)));
      for (const t of ruled) {
        chars += t.chars;
        lines.push({ text: '', left: 0, right: 0, h: 10, y: t.top, page: p, table: t.rows });
      }
      // Group by baseline: items on one line share (nearly) the same y.
      const rows: { y: number; h: number; items: TextItem[] }[] = [];
      for (const item of items) {
        if (!item.str.trim()) continue;
        const y = item.transform[5]!;
        const h = Math.abs(item.transform[3]!) || item.height || 10;
        const row = rows.find((r) => Math.abs(r.y - y) < Math.max(2, h * 0.4));
        if (row) row.items.push(item);
        else rows.push({ y, h, items: [item] });
      }
      rows.sort((a, b) => b.y - a.y);
      const pageLines: Line[] = [];
      for (const row of rows) {
        row.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
        const text = row.items.map((i) => i.str).join('').trim();
        const last = row.items[row.items.length - 1]!;
        chars += text.replace(/\s/g, '').length;
        pageLines.push({ text, left: row.items[0]!.transform[4]!, right: last.transform[4]! + last.width, h: row.h, y: row.y, page: p });
      }
      lines.push(...pageLines);
      // A ruled table stands among the page's lines where its top is.
      const fromPage = lines.splice(lines.length - pageLines.length - ruled.length).sort((a, b) => b.y - a.y);
      lines.push(...fromPage);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (chars < 10) throw new NeedsOcr();
  // Margins of the whole document: a short last page must not make its own lines look full.
  const text = lines.filter((l) => !l.table);
  const left = Math.min(...text.map((l) => l.left));
  const right = Math.max(...text.map((l) => l.right));
  for (const l of lines) {
    l.full = l.right >= right - l.h * 2.5;
    l.short = l.right < right - l.h * 6;
    l.indented = l.left > left + l.h * 0.8;
  }
  const blocks: Block[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    if (run.length > 0) for (const text of joinWrappedLines(run)) blocks.push({ kind: 'paragraph', text });
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const drawn = lines[i]!.table;
    if (drawn) {
      // A table broken by a page goes on: the part on the next page has the same columns.
      const before = blocks[blocks.length - 1];
      const onlyPageMarks = run.every((l) => PAGE_NUMBER.test(l.text));
      if (before?.kind === 'table' && onlyPageMarks && before.rows[0]?.length === drawn[0]?.length) before.rows.push(...drawn);
      else {
        flush();
        blocks.push({ kind: 'table', rows: drawn });
      }
      run = [];
      continue;
    }
    run.push(lines[i]!);
  }
  flush();
  return { blocks };
}

interface Line {
  text: string;
  left: number;
  right: number;
  h: number;
  y: number;
  page: number;
  full?: boolean;
  /** Well short of the right margin: a line that ends there did not wrap (红市监发〔2024〕3号). */
  short?: boolean;
  indented?: boolean;
  /** A ruled table read cell by cell, standing here among the lines. */
  table?: Cell[][];
}

/** A page number (- 3 -, 第3页, 3/12) is no text. */
const PAGE_NUMBER = /^(?:[-－—]\s*\d+\s*[-－—]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface RuledTable {
  top: number;
  rows: Cell[][];
  chars: number;
  holds: (item: TextItem) => boolean;
}

/** Lines and thin rectangles a page draws, in page space (the transforms of the drawing followed). */
function segmentsOf(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): Segment[] {
  const out: Segment[] = [];
  let m = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const at = (x: number, y: number): [number, number] => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
  ops.fnArray.forEach((fn, k) => {
    const args = ops.argsArray[k] as number[] & unknown[];
    if (fn === OPS.save) stack.push(m);
    else if (fn === OPS.restore) m = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) {
      const [a, b, c, d, e, f] = args as number[];
      m = [m[0]! * a! + m[2]! * b!, m[1]! * a! + m[3]! * b!, m[0]! * c! + m[2]! * d!, m[1]! * c! + m[3]! * d!, m[0]! * e! + m[2]! * f! + m[4]!, m[1]! * e! + m[3]! * f! + m[5]!];
    } else if (fn === OPS.constructPath) {
      const [kinds, coords] = args as unknown as [number[], number[]];
      let i = 0;
      let from: [number, number] = [0, 0];
      for (const kind of kinds) {
        if (kind === OPS.moveTo) from = at(coords[i++]!, coords[i++]!);
        else if (kind === OPS.lineTo) {
          const to = at(coords[i++]!, coords[i++]!);
          out.push({ x1: from[0], y1: from[1], x2: to[0], y2: to[1] });
          from = to;
        } else if (kind === OPS.rectangle) {
          const [x, y] = at(coords[i++]!, coords[i++]!);
          const [w, h] = [coords[i++]! * Math.abs(m[0]!), coords[i++]! * Math.abs(m[3]!)];
          // A thin rectangle is a rule drawn by filling.
          if (Math.abs(h) < 2) out.push({ x1: x, y1: y + h / 2, x2: x + w, y2: y + h / 2 });
          else if (Math.abs(w) < 2) out.push({ x1: x + w / 2, y1: y, x2: x + w / 2, y2: y + h });
        } else if (kind === OPS.curveTo) i += 6;
        else if (kind === OPS.curveTo2 || kind === OPS.curveTo3) i += 4;
      }
    }
  });
  return out;
}

/**
 * Tables a page draws with ruled lines: the vertical rules give the columns, the horizontal ones the
 * rows; where a rule is missing between two cells, one merged cell covers both, and the covered cell
 * is marked as such (from above or from the left) with the merged cell's text.
 */
function ruledTables(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>, items: TextItem[]): RuledTable[] {
  const segs = segmentsOf(ops, OPS);
  const vertical = segs.filter((g) => Math.abs(g.x1 - g.x2) < 1 && Math.abs(g.y1 - g.y2) > 8).map((g) => ({ x: (g.x1 + g.x2) / 2, lo: Math.min(g.y1, g.y2), hi: Math.max(g.y1, g.y2) }));
  const horizontal = segs.filter((g) => Math.abs(g.y1 - g.y2) < 1 && Math.abs(g.x1 - g.x2) > 8).map((g) => ({ y: (g.y1 + g.y2) / 2, lo: Math.min(g.x1, g.x2), hi: Math.max(g.x1, g.x2) }));
  const out: RuledTable[] = [];
  const used = new Set<number>();
  vertical.forEach((v, k) => {
    if (used.has(k)) return;
    // The rules that overlap this one vertically belong to one table.
    let lo = v.lo;
    let hi = v.hi;
    const group: typeof vertical = [];
    for (let changed = true; changed; ) {
      changed = false;
      vertical.forEach((w, j) => {
        if (used.has(j) || w.hi < lo - 1 || w.lo > hi + 1) return;
        used.add(j);
        group.push(w);
        lo = Math.min(lo, w.lo);
        hi = Math.max(hi, w.hi);
        changed = true;
      });
    }
    const xs = distinct(group.map((w) => w.x));
    const ys = distinct(horizontal.filter((h) => h.y >= lo - 2 && h.y <= hi + 2 && h.hi > xs[0]! && h.lo < xs[xs.length - 1]!).map((h) => h.y)).sort((a, b) => b - a);
    // Two rules make one row: the header row left at the foot of a page is a table too.
    if (xs.length < 3 || ys.length < 2) return;
    const cols = xs.length - 1;
    const rows = ys.length - 1;
    const inCell = (i: TextItem): [number, number] | undefined => {
      const cx = i.transform[4]! + i.width / 2;
      const cy = i.transform[5]! + (Math.abs(i.transform[3]!) || i.height) / 3;
      const c = xs.findIndex((x, n) => n < cols && cx >= x && cx < xs[n + 1]!);
      const r = ys.findIndex((y, n) => n < rows && cy <= y && cy > ys[n + 1]!);
      return c >= 0 && r >= 0 ? [r, c] : undefined;
    };
    const text: string[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
    const mine = items.filter((i) => i.str.trim() && inCell(i));
    // Within a cell: top line first, left to right.
    mine.sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!);
    for (const i of mine) {
      const [r, c] = inCell(i)!;
      text[r]![c] += i.str.trim();
    }
    const ruledAt = (y: number, x: number): boolean => horizontal.some((h) => Math.abs(h.y - y) < 1.5 && h.lo <= x && h.hi >= x);
    const ruledDown = (x: number, y: number): boolean => vertical.some((w) => Math.abs(w.x - x) < 1.5 && w.lo <= y && w.hi >= y);
    // A merged cell's text stands in its middle: gather it into the first cell it covers.
    const cells: Cell[][] = text.map((row) => row.map((t) => ({ text: t })));
    for (let c = 0; c < cols; c++) {
      const mid = (xs[c]! + xs[c + 1]!) / 2;
      for (let r = 0; r < rows; r++) {
        let end = r;
        while (end + 1 < rows && !ruledAt(ys[end + 1]!, mid)) end++;
        if (end === r) continue;
        const joined = cells.slice(r, end + 1).map((row) => row[c]!.text).join('');
        cells[r]![c] = { text: joined };
        for (let k = r + 1; k <= end; k++) cells[k]![c] = { text: joined, from: 'above' };
        r = end;
      }
    }
    for (let r = 0; r < rows; r++) {
      const mid = (ys[r]! + ys[r + 1]!) / 2;
      for (let c = 1; c < cols; c++) {
        if (ruledDown(xs[c]!, mid) || cells[r]![c]!.from) continue;
        let m = c - 1;
        while (m > 0 && cells[r]![m]!.from === 'left') m--;
        const joined = cells[r]![m]!.text + cells[r]![c]!.text;
        for (let k = m; k < c; k++) cells[r]![k]!.text = joined;
        cells[r]![c] = { text: joined, from: 'left' };
      }
    }
    out.push({
      top: ys[0]!,
      rows: cells.filter((row) => row.some((c) => c.text)),
      chars: mine.reduce((n, i) => n + i.str.trim().length, 0),
      holds: (i) => mine.includes(i),
    });
  });
  return out;
}

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, k) => k === 0 || v - sorted[k - 1]! > 2);
}

/**
 * A PDF breaks a paragraph at the page width: a line that runs to the right
 * margin continues on the next, unless the next is indented (a new paragraph)
 * or starts a heading or a label.
 */
function joinWrappedLines(lines: Line[]): string[] {
  const out: string[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    // Page numbers (- 3 -) are no text.
    if (PAGE_NUMBER.test(line.text)) continue;
    // A paragraph's last line ends a sentence; a line that does not, and is followed by an unindented one, wrapped.
    const endsSentence = prev !== undefined && /[。；：！？）)」』”:;]$/.test(prev.text);
    const startsNew =
      !prev ||
      (!prev.full && endsSentence) ||
      // A line stopping well short of the right margin did not wrap: 红市监发〔2024〕3号 / 局机关各股室：
      prev?.short ||
      (!prev.full && prev.indented && line.indented) ||
      line.indented ||
      /^(?:[一二三四五六七八九十]{1,3}[、,，.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[\u2460-\u2473]|附件|牵头单位|责任单位|配合单位|完成时限|完成时间)/.test(line.text);
    if (startsNew) out.push(line.text);
    else out[out.length - 1] += line.text;
    prev = line;
  }
  return out;
}
