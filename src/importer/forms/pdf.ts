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
  const lines: string[] = [];
  let chars = 0;
  try {
    for (let p = 1; p <= Math.min(doc.numPages, maxPages); p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = (content.items as TextItem[]).filter((i) => typeof i.str === 'string');
      // Group by baseline: items on one line share (nearly) the same y.
      const rows: { y: number; h: number; items: TextItem[] }[] = [];
      for (const item of items) {
        if (!item.str.trim() && !item.hasEOL) continue;
        const y = item.transform[5]!;
        const h = Math.abs(item.transform[3]!) || item.height || 10;
        const row = rows.find((r) => Math.abs(r.y - y) < Math.max(2, h * 0.4));
        if (row) row.items.push(item);
        else rows.push({ y, h, items: [item] });
      }
      rows.sort((a, b) => b.y - a.y);
      for (const row of rows) {
        row.items.sort((a, b) => a.transform[4]! - b.transform[4]!);
        const text = row.items.map((i) => i.str).join('').replace(/\s+$/, '');
        chars += text.replace(/\s/g, '').length;
        lines.push(text);
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  if (chars < 10) throw new NeedsOcr();
  return joinWrappedLines(lines);
}

/**
 * A PDF breaks a paragraph at the page width; join a line to the one before
 * unless the next starts a heading, a label, or the line before ended a sentence.
 */
function joinWrappedLines(lines: string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const prev = out[out.length - 1];
    const startsNew =
      !prev ||
      /^(?:[一二三四五六七八九十]{1,3}[、,，.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[\u2460-\u2473]|附件|牵头单位|责任单位|配合单位|完成时限|完成时间|[-－—]\s*\d+\s*[-－—]$)/.test(line) ||
      /[。：:；;！？）)〕】]$/.test(prev) ||
      /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(line) ||
      prev.length < 20;
    // Page numbers (- 3 -) are no text.
    if (/^[-－—]\s*\d+\s*[-－—]$/.test(line)) continue;
    if (startsNew) out.push(line);
    else out[out.length - 1] = prev + line;
  }
  return out.join('\n');
}
