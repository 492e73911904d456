/**
 * An official document (公文) as data: a title, headings, paragraphs, tables
 * and a signature, all plain text from the ledger. One definition per
 * document (the checkpoint summary, a unit's report, a 催办 notice); this
 * module writes it as Markdown, plain text or an HTML page, and
 * official-docx.ts as a .docx in the GB/T 9704-2012 layout. Every renderer
 * escapes the text for its own format; the blocks hold it unescaped.
 */
import { md, mdTable } from '../formats.js';
import { html } from '../reports/html.js';
import { safeText } from '../text.js';
import type { Lang } from '../lang.js';

export type Block =
  /** 主送机关: the addressee, flush left, ending in ：. */
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** Columns holding numbers: right-aligned. */
      numeric?: number[];
      /** How each column may wrap on paper; by default numbers never, the rest freely. */
      wrap?: Wrap[];
    }
  /** 署名 and 成文日期: right-aligned at the end. */
  | { kind: 'signature'; lines: string[] };

/**
 * How a column may wrap on paper: `never` (ids, numbers, dates, short words),
 * `once` (names: two lines at most, never a lone character on the second),
 * `free` (titles, notes), `list` (names joined by 、, broken only between them).
 */
export type Wrap = 'never' | 'once' | 'free' | 'list';

/** Each column's Wrap, filled in from `numeric` where the table says nothing. */
export function wrapOf(b: Extract<Block, { kind: 'table' }>): Wrap[] {
  const numeric = new Set(b.numeric ?? []);
  return b.header.map((_, i) => b.wrap?.[i] ?? (numeric.has(i) ? 'never' : 'free'));
}

export interface OfficialDocument {
  lang: Lang;
  title: string;
  /** Centred lines under the title (the document number, a period). */
  subtitle?: string[];
  blocks: Block[];
  /**
   * What made the document and from which data: in the file's properties (a
   * .docx's description, an HTML page's meta, a Markdown comment), never in
   * the text an office hands up.
   */
  generator?: string;
}

export function documentMarkdown(doc: OfficialDocument): string {
  const out = [`# ${md(doc.title)}`, ''];
  for (const line of doc.subtitle ?? []) out.push(`${md(line)}  `);
  if (doc.subtitle?.length) out.push('');
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'addressee':
        out.push(md(b.text), '');
        break;
      case 'heading':
        out.push(`${'#'.repeat(b.level + 1)} ${md(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(md(b.text), '');
        break;
      case 'list':
        out.push(...b.items.map((i) => `- ${md(i)}`), '');
        break;
      case 'table':
        out.push(mdTable(b.header, b.rows.map((r) => r.map(md))), '');
        break;
      case 'signature':
        out.push(b.lines.map(md).join('  \n'), '');
        break;
    }
  }
  if (doc.generator) out.push(`<!-- ${md(doc.generator).replace(/--/g, '- -')} -->`);
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Plain text to paste into a chat: no markup, no aligned columns (chat fonts
 * are proportional), each table row one line with its labels.
 */
export function documentText(doc: OfficialDocument): string {
  const zh = doc.lang === 'zh';
  const sep = zh ? '，' : ', ';
  const colon = zh ? '：' : ': ';
  const out = [safeText(doc.title), ...(doc.subtitle ?? []).map(safeText), ''];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'addressee':
        out.push(safeText(b.text));
        break;
      case 'heading':
        out.push('', safeText(b.text));
        break;
      case 'paragraph':
        out.push(`${zh ? '\u3000\u3000' : ''}${safeText(b.text)}`);
        break;
      case 'list':
        out.push(...b.items.map((i, n) => `${n + 1}. ${safeText(i)}`));
        break;
      case 'table':
        b.rows.forEach((r, n) => out.push(`${n + 1}. ${r.map((c, i) => (i === 0 ? safeText(c) : `${safeText(b.header[i] ?? '')}${colon}${safeText(c)}`)).join(sep)}`));
        break;
      case 'signature':
        out.push('', ...b.lines.map(safeText));
        break;
    }
  }
  return `${out.join('\n').trim()}\n`;
}

/** The page an official document prints on: A4, the GB/T 9704 margins, serif CJK type. */
const PAGE_STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 28.95pt; color: #000; max-width: 156mm; margin: 2em auto; padding: 0 1em; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "SimSun", serif; font-size: 22pt; line-height: 1.4; text-align: center; font-weight: normal; margin: 0 0 0.5em; }
p.subtitle { text-align: center; margin: 0; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0.5em 0 0; text-indent: 2em; }
h3 { font-family: "楷体_GB2312", "楷体", "KaiTi", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.addressee { text-indent: 0; }
ul { margin: 0; padding-left: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.5; margin: 0.4em 0; }
caption { text-align: left; }
th, td { border: 1px solid #000; padding: 0.15em 0.35em; vertical-align: top; text-align: left; }
th { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
td.num { text-align: right; white-space: nowrap; }
.signature { text-align: right; margin-top: 1.5em; padding-right: 4em; }
.signature p { text-indent: 0; text-align: right; }
@media screen and (max-width: 600px) { body { font-size: 14pt; line-height: 1.6; } h1 { font-size: 18pt; } table { display: block; overflow-x: auto; } }
@media print { body { margin: 0; padding: 0; max-width: none; } tr { break-inside: avoid; } thead { display: table-header-group; } }
`;

/** One self-contained page (no script, nothing fetched) that prints as the document. */
export function documentHtml(doc: OfficialDocument): string {
  const body: string[] = [`<h1>${html(doc.title)}</h1>`, ...(doc.subtitle ?? []).map((s) => `<p class="subtitle">${html(s)}</p>`)];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'addressee':
        body.push(`<p class="addressee">${html(b.text)}</p>`);
        break;
      case 'heading':
        body.push(`<h${b.level + 1}>${html(b.text)}</h${b.level + 1}>`);
        break;
      case 'paragraph':
        body.push(`<p>${html(b.text)}</p>`);
        break;
      case 'list':
        body.push(`<ul>${b.items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`);
        break;
      case 'table':
        body.push(htmlTable(b.header, b.rows, b.numeric));
        break;
      case 'signature':
        body.push(`<div class="signature">${b.lines.map((l) => `<p>${html(l)}</p>`).join('')}</div>`);
        break;
    }
  }
  return `<!DOCTYPE html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(doc.title)}</title>
${doc.generator ? `<meta name="generator" content="${html(doc.generator)}">\n` : ''}<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

export function htmlTable(header: string[], rows: string[][], numeric: number[] = [], caption?: string): string {
  const num = new Set(numeric);
  return `<table>${caption ? `<caption>${html(caption)}</caption>` : ''}
<thead><tr>${header.map((h) => `<th scope="col">${html(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => `<td${num.has(i) ? ' class="num"' : ''}>${html(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** 2021-09-06 → 2021年9月6日, as dates are written in a 公文's text; ISO in English. */
export function documentDate(iso: string, lang: Lang): string {
  if (lang !== 'zh') return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const DIGITS = '〇一二三四五六七八九';

/**
 * 2021-12-06 → 二〇二一年十二月六日: the 成文日期 under the signature, in
 * Chinese numerals as the offices write it; ISO in English.
 */
export function signatureDate(iso: string, lang: Lang): string {
  if (lang !== 'zh') return iso;
  const [y, m, d] = iso.split('-');
  const small = (n: number): string => (n < 10 ? DIGITS[n]! : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`);
  return `${[...y!].map((c) => DIGITS[Number(c)]).join('')}年${small(Number(m))}月${small(Number(d))}日`;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The numbering of headings: 一、 and （一） in Chinese, 1. and 1.1 in English. */
export function headingNumber(n: number, level: 1 | 2, lang: Lang): string {
  const cn = n <= 10 ? NUMERALS[n - 1]! : n < 20 ? `十${NUMERALS[n - 11]}` : String(n);
  if (lang === 'zh') return level === 1 ? `${cn}、` : `（${cn}）`;
  return `${n}. `;
}
