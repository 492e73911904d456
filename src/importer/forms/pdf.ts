/**
 * A PDF with a text layer, through pdfjs-dist (legacy build: runs on Node 20
 * without a browser). Text items are put back into lines by their position;
 * a PDF without text (a scan) is refused: it needs OCR first.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class NeedsOcr extends Error {}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export async function readPdf(bytes: Uint8Array, maxPages = 500): Promise<string> {
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
        pageLines.push({ text, left: row.items[0]!.transform[4]!, right: last.transform[4]! + last.width, h: row.h });
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
  return joinWrappedLines(lines);
}

interface Line {
  text: string;
  left: number;
  right: number;
  h: number;
  full?: boolean;
  indented?: boolean;
}

/**
 * A PDF breaks a paragraph at the page width: a line that runs to the right
 * margin continues on the next, unless the next is indented (a new paragraph)
 * or starts a heading or a label.
 */
function joinWrappedLines(lines: Line[]): string {
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
      (!prev.full && prev.indented && line.indented) ||
      line.indented ||
      /^(?:[一二三四五六七八九十]{1,3}[、,，.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[\u2460-\u2473]|附件|牵头单位|责任单位|配合单位|完成时限|完成时间)/.test(line.text);
    if (startsNew) out.push(line.text);
    else out[out.length - 1] += line.text;
    prev = line;
  }
  return out.join('\n');
}
