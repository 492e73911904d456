/**
 * A page saved from a government portal, to paragraphs and tables. Read with
 * a real HTML parser (htmlparser2): scripts, styles, navigation, breadcrumbs
 * and menus are left out; tables stay tables, with merged cells (rowspan,
 * colspan) spread to every cell they cover; the 索引号/发文机关/成文日期 block
 * becomes `label：value` lines the facts reader understands.
 */
import type { Block, Cell, SourceDocument } from '../types.js';

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'iframe', 'select', 'button', 'form', 'head', 'svg', 'object', 'template', 'input', 'textarea']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'center', 'dd', 'dt', 'dl', 'tr', 'body', 'html', 'aside', 'figure', 'figcaption', 'address', 'hr']);
/** Class or id words of page furniture, not of the document. */
const FURNITURE = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|footer|header|topbar|share|toolbar|sidebar|search|login|copyright|weizhi|dqwz)(?:$|[\s_-])/i;
const META_LABEL = /^(?:索引号|主题分类|发文机关|发布机构|成文日期|发文字号|文号|发布日期|标题|名称|有效性|主题词|体裁分类|组配分类|服务对象|信息来源)\s*[:：]?$/;

/** Pages nest a few dozen levels; the parser slows quadratically with depth, so far deeper is refused. */
export const MAX_DEPTH = 500;
export class HtmlTooDeep extends Error {}

/** The deepest nesting of elements, by one linear scan of the tags. */
function nestingDepth(html: string): number {
  const VOID = /^(?:br|hr|img|input|meta|link|area|base|col|embed|param|source|track|wbr)$/i;
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]{0,20})[^<>]{0,2000}?(\/?)>/g)) {
    if (VOID.test(m[2]!) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

export async function readHtml(html: string): Promise<SourceDocument> {
  if (nestingDepth(html) > MAX_DEPTH) throw new HtmlTooDeep(`elements nested more than ${MAX_DEPTH} levels deep`);
  const { parseDocument } = await import('htmlparser2');
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as Node;
  const blocks: Block[] = [];
  const paragraph = (text: string): void => void blocks.push({ kind: 'paragraph', text });
  let current = '';
  let olDepth = 0;
  const flush = (): void => {
    const t = current.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
    if (t) paragraph(t);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.type === 'text') {
      current += (node.data ?? '').replace(/[\r\n]+/g, ' ');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
    const name = node.name ?? '';
    if (SKIP.has(name) || node.type === 'script' || node.type === 'style') return;
    const cls = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`;
    if (cls.trim() && FURNITURE.test(cls)) return;
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'table') {
      flush();
      const rows = tableRows(node);
      if (isMetadata(rows)) {
        for (const row of rows) metadataLines(row.map((c) => c.text), paragraph);
      } else if (rows.length > 0) blocks.push({ kind: 'table', rows });
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === 'ol') {
      // Word's automatic numbering reaches HTML as <ol><li> without the numbers: give them back, by depth.
      olDepth++;
      let n = Number(node.attribs?.start) || 1;
      for (const c of node.children ?? []) {
        if (c.name === 'li') {
          flush();
          current = listMark(olDepth, n++);
        }
        walk(c);
      }
      olDepth--;
      flush();
      return;
    }
    for (const c of node.children ?? []) walk(c);
    if (block) flush();
  };
  walk(doc);
  flush();
  return { blocks };
}

/** 1. at the outer level, （1） inside it, ① inside that: the importer's task-level headings. */
function listMark(depth: number, n: number): string {
  if (depth <= 1) return `${n}.`;
  if (depth === 2) return `（${n}）`;
  return n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `${n}.`;
}

function textOf(node: Node): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.name && (SKIP.has(node.name) || node.type === 'script' || node.type === 'style')) return '';
  if (node.name === 'br') return '\n';
  const inner = (node.children ?? []).map(textOf).join('');
  return node.name && BLOCK.has(node.name) ? `\n${inner}\n` : inner;
}

const MAX_COLUMNS = 60;
const MAX_ROWS = 20_000;

/** Rows of a table with merged cells spread: a value spanning rows applies to each, marked as covered. */
function tableRows(table: Node): Cell[][] {
  const trs: Node[] = [];
  const collect = (n: Node): void => {
    for (const c of n.children ?? []) {
      if (c.name === 'table') continue; // a nested table is read on its own
      if (c.name === 'tr') trs.push(c);
      else collect(c);
    }
  };
  collect(table);
  trs.splice(MAX_ROWS);
  const grid: Cell[][] = [];
  // A covered cell is one shared object per merged cell: a span over thousands of rows costs no more objects.
  const carry: { cell: Cell; left: number }[] = [];
  trs.forEach((tr, r) => {
    const row: Cell[] = [];
    let col = 0;
    const fill = (): void => {
      while (col < MAX_COLUMNS && carry[col] && carry[col]!.left > 0) {
        row[col] = carry[col]!.cell;
        carry[col]!.left--;
        col++;
      }
    };
    for (const cell of (tr.children ?? []).filter((c) => c.name === 'td' || c.name === 'th')) {
      fill();
      // A task table has a handful of columns: cells beyond MAX_COLUMNS (a colspan bomb) are dropped.
      if (col >= MAX_COLUMNS) break;
      const value = textOf(cell).replace(/[ \t\u00a0\u3000]+/g, ' ').split('\n').map((s) => s.trim()).filter(Boolean).join('\n');
      const colspan = Math.min(50, Math.max(1, Number(cell.attribs?.colspan) || 1));
      const rowspan = Math.min(1000, Math.max(1, Number(cell.attribs?.rowspan) || 1));
      const left: Cell = { text: value, from: 'left' };
      const above: Cell = { text: value, from: 'above' };
      for (let k = 0; k < colspan && col < MAX_COLUMNS; k++) {
        row[col] = k === 0 ? { text: value } : left;
        if (rowspan > 1) carry[col] = { cell: above, left: rowspan - 1 };
        col++;
      }
    }
    fill();
    grid[r] = Array.from({ length: row.length }, (_, i) => row[i] ?? { text: '' });
  });
  return grid.filter((r) => r.some((c) => c.text.trim()));
}

function isMetadata(rows: Cell[][]): boolean {
  const cells = rows.flat().map((c) => c.text);
  return cells.filter((c) => META_LABEL.test(c.trim()) || /^(?:索引号|发文机关|成文日期|发文字号|发布日期)\s*[:：]/.test(c.trim())).length >= 2;
}

function metadataLines(row: string[], paragraph: (text: string) => void): void {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!.trim();
    if (META_LABEL.test(cell) && i + 1 < row.length) {
      paragraph(`${cell.replace(/[:：]$/, '')}：${row[i + 1]!.trim()}`);
      i++;
    } else if (/^[\u4e00-\u9fa5]{2,6}\s*[:：]/.test(cell)) paragraph(cell.replace(/\n/g, ' '));
  }
}
