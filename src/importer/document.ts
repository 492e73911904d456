/**
 * The document model's own rules, run on every form before the genre's:
 * plain text to blocks, characters PDFs emit for others, lines whose breaks
 * were lost, tables written as aligned text. Each a small named function.
 */
import type { Block, Cell, SourceDocument } from './types.js';
import { unflatten } from './unflatten.js';

/** Plain text: one paragraph a line, empty lines kept so that block n is line n. */
export function documentOfText(text: string): SourceDocument {
  return { blocks: text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n').map((t) => ({ kind: 'paragraph', text: t })) };
}

/** Simplified-form radicals with no Unicode decomposition, as PDF fonts emit them for whole characters. */
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻓': '长', '⻔': '门', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻢': '马',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺟': '母', '⻄': '西',
  '⻘': '青', '⻝': '食', '⻤': '鬼', '⺁': '厂', '⺇': '几', '⺈': '⺈', '⺌': '小', '⺍': '⺍', '⺕': '彐', '⺗': '心', '⺮': '竹', '⺶': '羊', '⻊': '足',
};
const RADICAL = /[\u2e80-\u2fdf]/;

/** Kangxi radicals (⼤ for 大) come out of PDFs whose fonts map glyphs to them; read them as the characters they are. */
export function readRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => RADICALS[c] ?? c.normalize('NFKC'));
}

/** The blocks as the genre's rules read them: radicals read, lost line breaks found again, text tables made tables. */
export function normalise(doc: SourceDocument): Block[] {
  const out: Block[] = [];
  let run: string[] = [];
  const flushRun = (): void => {
    out.push(...textTables(unflatten(run)));
    run = [];
  };
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') run.push(readRadicals(b.text));
    else {
      flushRun();
      const radicals = b.rows.some((r) => r.some((c) => RADICAL.test(c.text)));
      out.push(radicals ? { kind: 'table', rows: b.rows.map((r) => r.map((c): Cell => ({ ...c, text: readRadicals(c.text) }))) } : b);
    }
  }
  flushRun();
  return out;
}

/** Display columns of a character: CJK and full-width forms take two, as in a monospaced view. */
function widthOf(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
}

/** Pieces of a line separated by two or more spaces, with the display column each starts at. */
function spacedPieces(line: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  let col = 0;
  let gap = 2;
  let current: { at: number; text: string } | undefined;
  for (const ch of line.replace(/\t/g, '    ')) {
    if (ch === ' ' || ch === '\u3000') {
      gap += widthOf(ch);
      if (current) current.text += ch;
    } else {
      if (!current || gap >= 2) {
        if (current) current.text = current.text.trim();
        current = { at: col, text: '' };
        out.push(current);
      }
      current.text += ch;
      gap = 0;
    }
    col += widthOf(ch);
  }
  if (current) current.text = current.text.trim();
  return out;
}

type Splitter = 'tab' | 'pipe' | 'space';

/** How a line separates its cells: tabs, `|`, or runs of spaces; undefined when it has fewer than three cells. */
export function splitterOf(line: string): Splitter | undefined {
  const t = line.trim();
  if (!/[\t|｜\u3000]| {2}/.test(t)) return undefined;
  if (t.split('\t').filter((c) => c.trim()).length >= 3) return 'tab';
  if (t.split(/[|｜]/).filter((c) => c.trim()).length >= 3) return 'pipe';
  if (spacedPieces(t).length >= 3) return 'space';
  return undefined;
}

/** Words of a task table's header row: a run of aligned lines starting with one is a table. */
const HEADER_WORD = /任务|措施|内容|要求|事项|牵头|责任|配合|承办|主办|协办|参与|时限|时间|节点|进度|序号|单位|部门/;
const SEQ = /^[（(]?\d{1,3}[）)]?[.．、]?$/;

/**
 * Tables written as text (tab-, `|`- or space-aligned columns): from a line whose cells are header
 * words, each following line of the same kind is a row. Space-aligned cells are placed by the column
 * they start at, so an empty cell (a merged one) stays empty; a line whose first cell is empty under a
 * 序号 column continues the row above (a wrapped cell).
 */
export function textTables(lines: string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const kind = splitterOf(lines[i]!);
    const header = kind && cellsOf(lines[i]!, kind, undefined);
    if (!kind || !header || header.filter((c) => HEADER_WORD.test(c) && c.length <= 12).length < 3) {
      out.push({ kind: 'paragraph', text: lines[i]! });
      continue;
    }
    const starts = kind === 'space' ? spacedPieces(lines[i]!).map((p) => p.at) : undefined;
    const seqColumn = /^(?:序号|编号|序)$/.test(header[0]!.replace(/\s/g, ''));
    // A header written once over two columns (具体要求 over the 序号 and the text) leaves the next header cell empty.
    const rows: Cell[][] = [header.map((text, c): Cell => (!text && c > 0 && header[c - 1] ? { text: header[c - 1]!, from: 'left' } : { text }))];
    rows[0]!.forEach((cell, c) => c > 0 && cell.from && !rows[0]![c - 1]!.text && (cell.text = ''));
    let k = i + 1;
    for (; k < lines.length; k++) {
      const line = lines[k]!;
      if (!line.trim()) continue;
      if (/^[-=+|:：\s]+$/.test(line)) continue; // a rule line: |---|---|
      const cells = kind === 'space' || splitterOf(line) === kind ? cellsOf(line, kind, starts) : undefined;
      if (!cells || cells.filter(Boolean).length === 0) break;
      const row = Array.from({ length: header.length }, (_, c) => cells[c] ?? '');
      if (seqColumn && row[0] && !SEQ.test(row[0])) break;
      if (kind === 'space' && cells.filter(Boolean).length < 2 && !(seqColumn && !row[0] && rows.length > 1)) break;
      if (seqColumn && !row[0] && rows.length > 1) {
        // A wrapped cell: its words continue the cells of the row above.
        const above = rows[rows.length - 1]!;
        row.forEach((t, c) => t && (above[c]!.text += t));
        continue;
      }
      rows.push(row.map((text) => ({ text })));
    }
    // A blank line the table ended on stays outside it.
    while (k > i + 1 && !lines[k - 1]!.trim()) k--;
    out.push({ kind: 'table', rows });
    // The lines the table took stay as empty paragraphs, so that line numbers still count source lines.
    for (let j = i + 1; j < k; j++) out.push({ kind: 'paragraph', text: '' });
    i = k - 1;
  }
  return out;
}

function cellsOf(line: string, kind: Splitter, starts: number[] | undefined): string[] {
  if (kind === 'tab') return line.replace(/\s+$/, '').split('\t').map((c) => c.trim());
  if (kind === 'pipe') return line.trim().replace(/^[|｜]/, '').replace(/[|｜]$/, '').split(/[|｜]/).map((c) => c.trim());
  const pieces = spacedPieces(line);
  if (!starts) return pieces.map((p) => p.text);
  // Each piece goes to the column whose start is nearest to where it starts.
  const cells = starts.map(() => '');
  for (const p of pieces) {
    let best = 0;
    starts.forEach((s, c) => Math.abs(s - p.at) < Math.abs(starts[best]! - p.at) && (best = c));
    cells[best] = cells[best] ? `${cells[best]} ${p.text}` : p.text;
  }
  return cells;
}
