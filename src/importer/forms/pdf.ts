/**
 * A PDF with a text layer, through pdfjs-dist (legacy build: runs on Node 20
 * without a browser). Text items are put back into lines by their position,
 * and tables are rebuilt from where their text stands: columns where many
 * pieces start at one x, rows where a 序号 starts or the lines open a gap.
 * A PDF without text (a scan) is refused: it needs OCR first.
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
      const items = (content.items as TextItem[]).filter((i) => typeof i.str === 'string');
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
        pageLines.push({ text, left: row.items[0]!.transform[4]!, right: last.transform[4]! + last.width, h: row.h, y: row.y, page: p, pieces: piecesOf(row.items, row.h) });
      }
      lines.push(...pageLines);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (chars < 10) throw new NeedsOcr();
  // Margins of the whole document: a short last page must not make its own lines look full.
  const left = Math.min(...lines.map((l) => l.left));
  const right = Math.max(...lines.map((l) => l.right));
  for (const l of lines) {
    l.full = l.right >= right - l.h * 2.5;
    l.indented = l.left > left + l.h * 0.8;
  }
  const blocks: Block[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    if (run.length > 0) for (const text of joinWrappedLines(run)) blocks.push({ kind: 'paragraph', text });
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const table = tableAt(lines, i);
    if (!table) {
      run.push(lines[i]!);
      continue;
    }
    flush();
    blocks.push({ kind: 'table', rows: table.rows });
    i = table.end - 1;
  }
  flush();
  return { blocks };
}

interface Piece {
  left: number;
  right: number;
  text: string;
}

interface Line {
  text: string;
  left: number;
  right: number;
  h: number;
  y: number;
  page: number;
  /** The line's text in pieces separated by a gap wider than a character: a table's cells. */
  pieces: Piece[];
  full?: boolean;
  indented?: boolean;
}

function piecesOf(items: TextItem[], h: number): Piece[] {
  const out: Piece[] = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const left = item.transform[4]!;
    const right = left + item.width;
    const last = out[out.length - 1];
    if (last && left - last.right < h * 0.9) {
      last.text += item.str;
      last.right = Math.max(last.right, right);
    } else out.push({ left, right, text: item.str });
  }
  for (const p of out) p.text = p.text.trim();
  return out;
}

const HEADER_WORD = /任务|措施|内容|要求|事项|牵头|责任|配合|承办|主办|协办|参与|时限|时间|节点|进度|序号|单位|部门/;
const SEQ = /^[（(]?\d{1,3}[）)]?[.．、]?$/;

/**
 * A table starting at line `i`: a header line of at least three short pieces naming columns, then the
 * lines whose pieces start where columns start. Columns are the x where pieces of several lines start;
 * a row starts where the 序号 column has a number, or (without one) after a gap wider than a line's.
 */
function tableAt(lines: Line[], i: number): { rows: Cell[][]; end: number } | undefined {
  const head = lines[i]!;
  if (head.pieces.length < 3 || head.pieces.filter((p) => HEADER_WORD.test(p.text) && p.text.length <= 12).length < 3) return undefined;
  const h = head.h;
  // The table's lines: on the same page, each within a few lines' height of the one before.
  let end = i + 1;
  while (end < lines.length && lines[end]!.page === head.page && lines[end - 1]!.y - lines[end]!.y < h * 4 && lines[end]!.pieces.length > 0) end++;
  const body = lines.slice(i + 1, end);
  // Column starts: an x where pieces of two or more body lines start.
  const starts: number[] = [];
  const lefts = body.flatMap((l) => l.pieces.map((p) => p.left)).sort((a, b) => a - b);
  for (let k = 0; k < lefts.length; ) {
    let j = k;
    while (j + 1 < lefts.length && lefts[j + 1]! - lefts[k]! < h * 0.6) j++;
    if (j > k) starts.push(lefts[k]!);
    k = j + 1;
  }
  // Each header piece names the column it stands over; columns no header names are dropped.
  const columnOfX = (x: number): number => {
    let c = -1;
    starts.forEach((s, k) => x >= s - h * 0.6 && (c = k));
    return c;
  };
  if (starts.length < 3) return undefined;
  const names = starts.map(() => '');
  for (const p of head.pieces) {
    // A header is often centred: its column is the one its middle stands in.
    const c = columnOfX((p.left + p.right) / 2);
    if (c >= 0) names[c] = names[c] ? `${names[c]}${p.text}` : p.text;
  }
  const seqColumn = /^(?:序号|编号|序)$/.test(names[0]!.replace(/\s/g, '')) ? 0 : -1;
  const rows: Cell[][] = [names.map((text) => ({ text }))];
  const pitch = Math.min(...body.slice(1).map((l, k) => body[k]!.y - l.y).filter((d) => d > h * 0.5), h * 1.5);
  let last = i + 1;
  for (let k = 0; k < body.length; k++) {
    const line = body[k]!;
    // A line whose pieces do not start at columns is no part of the table.
    // A line whose pieces run across a column's start, or after a gap wider than a row's, is no part of the table.
    if (line.pieces.some((p) => columnOfX(p.left) < 0 || (starts[columnOfX(p.left) + 1] ?? Infinity) < p.right - h * 0.3)) break;
    if (k > 0 && body[k - 1]!.y - line.y > pitch * 2.6) break;
    const cells = starts.map(() => '');
    for (const p of line.pieces) {
      const c = Math.max(0, columnOfX(p.left));
      cells[c] = cells[c] ? `${cells[c]}${p.text}` : p.text;
    }
    const gap = k > 0 ? body[k - 1]!.y - line.y : Infinity;
    const newRow = seqColumn >= 0 ? SEQ.test(cells[seqColumn]!) || rows.length === 1 : gap > pitch * 1.3;
    if (newRow) rows.push(cells.map((text) => ({ text })));
    else rows[rows.length - 1]!.forEach((cell, c) => cells[c] && (cell.text += cells[c]));
    last = i + 2 + k;
  }
  if (rows.length < 2) return undefined;
  return { rows, end: last };
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
    if (/^[-－—]\s*\d+\s*[-－—]$/.test(line.text)) continue;
    // A paragraph's last line ends a sentence; a line that does not, and is followed by an unindented one, wrapped.
    const endsSentence = prev !== undefined && /[。；：！？）)」』”:;]$/.test(prev.text);
    const startsNew =
      !prev ||
      (!prev.full && endsSentence) ||
      // A line stopping well short of the right margin did not wrap: 红市监发〔2024〕3号 / 局机关各股室：
      (prev !== undefined && prev.right < line.right - prev.h * 6 && !prev.full && prev.text.length < 40) ||
      (!prev.full && prev.indented && line.indented) ||
      line.indented ||
      /^(?:[一二三四五六七八九十]{1,3}[、,，.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[\u2460-\u2473]|附件|牵头单位|责任单位|配合单位|完成时限|完成时间)/.test(line.text);
    if (startsNew) out.push(line.text);
    else out[out.length - 1] += line.text;
    prev = line;
  }
  return out;
}
