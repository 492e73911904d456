/**
 * An OfficialDocument as a .docx in the layout of Chinese official documents,
 * GB/T 9704-2012 (党政机关公文格式): A4; margins 37 mm top, 35 mm bottom,
 * 28 mm left, 26 mm right; title in 小标宋 2号 (22 pt); body in 仿宋 3号
 * (16 pt), 22 lines of 28 characters a page; first-level headings in 黑体,
 * second-level in 楷体; page numbers in 4号 as "— 1 —", right on odd pages
 * and left on even ones, one character in from the edge.
 *
 * The grid is made so that Word and LibreOffice Writer lay it out alike: an
 * exact line pitch of 28.95 pt (a line grid of the same pitch), and 16 pt
 * characters drawn 0.25 pt closer (character spacing −5 twips), so 28 fit in
 * the 156 mm line and 29 do not. A character grid would not do: Writer gives
 * a character wider than the grid's cell two cells, and 16 pt is wider than
 * 156 mm / 28. Everything is in named styles (正文, 公文标题, 表格文字…), so a
 * clerk can adjust the document in Word as usual.
 *
 * Tables are in 仿宋 四号 or 小四 with their own line height, column widths
 * from the content (table-layout.ts), a header row repeated on every page and
 * rows that never split; a table too wide for the portrait page gets a
 * landscape section of its own.
 *
 * The `docx` package is loaded here, only by the commands that write a .docx.
 */
import { wrapOf, type Block, type OfficialDocument } from './document.js';
import { cellLines, TABLE_LINE, tableLayout, textWidth } from './table-layout.js';
import { safeText } from '../text.js';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (n: number): number => Math.round(n * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;

/** The type area's width and height in twips, portrait; a landscape page turns it. */
export const TYPE_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const TYPE_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/** 号 sizes in points. */
export const SIZE = { er: 22, san: 16, si: 14, xiaosi: 12 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 225 mm of type area over 22 lines: 579 twips, the usual "固定值 28.95 磅". */
export const LINE_PITCH = Math.floor(TYPE_HEIGHT / LINES_PER_PAGE);

/** Twips added after each body character: the most that keeps 28 characters of 3号 in the line, and 29 out. */
export const CHAR_SPACING = Math.floor(TYPE_WIDTH / CHARS_PER_LINE - SIZE.san * 20);
/** One character of the body grid, in twips. */
export const CHAR_PITCH = SIZE.san * 20 + CHAR_SPACING;

/**
 * The office fonts by the names Word and WPS know them, with the stand-ins a
 * machine without them takes: `windows` in the font table (w:altName), `linux`
 * in the fontconfig aliases of docs/fonts/plan-ledger-fonts.conf, which is
 * what LibreOffice consults (it reads no stand-in from the document).
 */
export const FONTS = {
  title: { name: '方正小标宋简体', windows: 'SimSun', linux: ['Noto Serif CJK SC Bold', 'Source Han Serif SC Heavy'] },
  body: { name: '仿宋_GB2312', windows: '仿宋', linux: ['Noto Serif CJK SC', 'WenQuanYi Zen Hei'] },
  heading1: { name: '黑体', windows: 'SimHei', linux: ['Noto Sans CJK SC', 'WenQuanYi Zen Hei'] },
  heading2: { name: '楷体_GB2312', windows: '楷体', linux: ['AR PL UKai CN', 'Noto Serif CJK SC'] },
  pageNumber: { name: '宋体', windows: 'SimSun', linux: ['Noto Serif CJK SC'] },
} as const;
export const LATIN_FONT = 'Times New Roman';

const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Text for a Word run: controls shown escaped (XML 1.0 cannot hold most of them), one line. */
const clean = (s: string): string => safeText(s);

/** Style ids of styles.xml below. */
const STYLE = { body: 'Body', addressee: 'Addressee', title: 'DocTitle', subtitle: 'DocSubtitle', heading1: 'Heading1', heading2: 'Heading2', signature: 'Signature', cell: 'TableText', headCell: 'TableHeading', footer: 'Footer' } as const;

export async function documentDocx(doc: OfficialDocument): Promise<Buffer> {
  const d = await import('docx');
  type Child = InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>;
  const para = (style: string, text: string, extra: Record<string, unknown> = {}): InstanceType<typeof d.Paragraph> =>
    new d.Paragraph({ style, ...extra, children: text === '' ? [] : [new d.TextRun(clean(text))] });

  const blocks = (b: Block): Child[] => {
    switch (b.kind) {
      case 'addressee':
        return [para(STYLE.addressee, b.text)];
      case 'heading':
        return [para(b.level === 1 ? STYLE.heading1 : STYLE.heading2, b.text)];
      case 'paragraph':
        return [para(STYLE.body, b.text)];
      case 'list':
        return b.items.map((item) => para(STYLE.body, item));
      case 'table':
        return []; // laid out by the section builder below
      case 'signature':
        return [para(STYLE.body, ''), ...signature(b.lines).map(([line, right]) => para(STYLE.signature, line, { indent: { right } }))];
    }
  };

  const table = (b: Extract<Block, { kind: 'table' }>, landscapeOk: boolean): { table: InstanceType<typeof d.Table>; landscape: boolean } => {
    const typeWidth = TYPE_WIDTH / 20;
    const layout = tableLayout(b.header, b.rows, wrapOf(b), typeWidth, landscapeOk ? TYPE_HEIGHT / 20 : typeWidth);
    const wrap = wrapOf(b);
    const numeric = new Set(b.numeric ?? []);
    const line = Math.round(layout.size * TABLE_LINE * 20);
    const widths = layout.widths.map((w) => Math.floor(w * 20));
    const cell = (text: string | string[], i: number, head: boolean): InstanceType<typeof d.TableCell> =>
      new d.TableCell({
        width: { size: widths[i]!, type: d.WidthType.DXA },
        margins: { top: 30, bottom: 30, left: 80, right: 80 },
        verticalAlign: d.VerticalAlign.CENTER,
        children: [
          new d.Paragraph({
            style: head ? STYLE.headCell : STYLE.cell,
            alignment: head ? d.AlignmentType.CENTER : numeric.has(i) ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
            spacing: { line, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 },
            children: (typeof text === 'string' ? [text] : text)
              .filter((l) => l !== '')
              .map((l, n) => new d.TextRun({ text: clean(l), size: halfPoints(layout.size), ...(n > 0 && { break: 1 }) })),
          }),
        ],
      });
    return {
      landscape: layout.landscape,
      table: new d.Table({
        width: { size: widths.reduce((a, w) => a + w, 0), type: d.WidthType.DXA },
        columnWidths: widths,
        layout: d.TableLayoutType.FIXED,
        rows: [
          new d.TableRow({ tableHeader: true, cantSplit: true, children: layout.header.map((h, i) => cell(h, i, true)) }),
          ...b.rows.map(
            (r) =>
              new d.TableRow({
                cantSplit: true,
                children: b.header.map((_, i) => {
                  const text = r[i] ?? '';
                  const w = wrap[i]!;
                  return cell(w === 'never' ? text : cellLines(text, layout.textWidths[i]!, layout.size, w === 'list'), i, false);
                }),
              }),
          ),
        ],
      }),
    };
  };

  const pageNumber = (alignment: 'left' | 'right'): InstanceType<typeof d.Footer> =>
    new d.Footer({
      children: [
        new d.Paragraph({
          style: STYLE.footer,
          alignment: alignment === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: alignment === 'right' ? { right: SIZE.si * 20 } : { left: SIZE.si * 20 },
          children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });
  const footers = { default: pageNumber('right'), even: pageNumber('left') };
  // Page numbers sit 7 mm below the type area (GB/T 9704 7.5); on a landscape page, below its turned type area.
  const portrait = {
    size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
    margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(15), footer: mm(35 - 7) - SIZE.si * 20 },
  };
  // The docx library swaps width and height itself for a landscape page.
  const landscape = {
    size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.LANDSCAPE },
    margin: { top: PAGE.left, bottom: PAGE.right, left: PAGE.top, right: PAGE.bottom, header: mm(12), footer: mm(26 - 7) - SIZE.si * 20 },
  };
  const grid = { type: d.DocumentGridType.LINES, linePitch: LINE_PITCH };

  const title: Child[] = [
    new d.Paragraph({
      style: STYLE.title,
      children: titleLines(doc.title).flatMap((l, i) => [...(i > 0 ? [new d.TextRun({ break: 1 })] : []), new d.TextRun(clean(l))]),
    }),
    ...(doc.subtitle ?? []).map((s) => para(STYLE.subtitle, s)),
    // A blank line between the title and the text (空一行).
    para(STYLE.body, ''),
  ];

  // Sections: portrait, with a landscape one around each table too wide for the portrait page.
  const sections: { landscape: boolean; children: Child[] }[] = [{ landscape: false, children: [...title] }];
  for (const b of doc.blocks) {
    const current = sections[sections.length - 1]!;
    if (b.kind !== 'table') {
      if (current.landscape) sections.push({ landscape: false, children: [] });
      sections[sections.length - 1]!.children.push(...blocks(b));
      continue;
    }
    const laid = table(b, true);
    if (laid.landscape !== current.landscape) sections.push({ landscape: laid.landscape, children: [] });
    sections[sections.length - 1]!.children.push(laid.table);
  }
  // A table cannot end a section in Word: a paragraph follows it.
  for (const s of sections) if (s.children[s.children.length - 1] instanceof d.Table) s.children.push(para(STYLE.cell, ''));

  const document = new d.Document({
    creator: 'plan-ledger',
    title: clean(doc.title),
    description: clean(doc.generator ?? doc.title),
    evenAndOddHeaderAndFooters: true,
    sections: sections.map((s, i) => ({
      properties: { page: s.landscape ? landscape : portrait, grid, ...(i > 0 && { type: d.SectionType.NEXT_PAGE }) },
      footers,
      children: s.children,
    })),
  });
  return d.Packer.toBuffer(document, false, [
    { path: 'word/styles.xml', data: STYLES },
    { path: 'word/fontTable.xml', data: FONT_TABLE },
  ]);
}

/**
 * The title's lines (标题回行): as few as the line holds (20 characters of
 * 2号), of near equal length, the first no shorter than the next, broken
 * where a phrase ends (after 》、关于 or before 的、《) rather than inside a
 * word or a number.
 */
export function titleLines(title: string): string[] {
  const chars = [...title];
  const perLine = Math.floor(TYPE_WIDTH / 20 / SIZE.er);
  const width = textWidth(title, 1);
  if (width <= perLine) return [title];
  const n = Math.ceil(width / perLine);
  const target = width / n;
  // Cost of a break before chars[i].
  const breakCost = (i: number): number => {
    const before = chars[i - 1]!;
    const after = chars[i]!;
    if (/[0-9A-Za-z.〔〕]/.test(before) && /[0-9A-Za-z.〔〕年号]/.test(after)) return Infinity;
    if (/[，。、；：）》”]/.test(after) || /[（《“]/.test(before)) return Infinity;
    if (/[》）]/.test(before) || /[《（]/.test(after) || chars.slice(i - 2, i).join('') === '关于' || /[的和及与]/.test(after)) return 0;
    // Inside a phrase: worth it only to avoid lines of very unequal length.
    return 20;
  };
  let best: { cost: number; breaks: number[] } = { cost: Infinity, breaks: [] };
  const search = (from: number, left: number, breaks: number[], cost: number): void => {
    if (cost >= best.cost) return;
    if (left === 1) {
      const w = textWidth(chars.slice(from).join(''), 1);
      if (w > perLine) return;
      const total = cost + Math.abs(w - target);
      if (total < best.cost) best = { cost: total, breaks };
      return;
    }
    for (let i = from + 1; i < chars.length; i++) {
      const w = textWidth(chars.slice(from, i).join(''), 1);
      if (w > perLine) break;
      const c = breakCost(i);
      if (c === Infinity) continue;
      // A trapezoid: a line shorter than the one after it costs more.
      search(i, left - 1, [...breaks, i], cost + c + Math.abs(w - target));
    }
  };
  search(0, n, [], 0);
  if (best.cost === Infinity) return [title];
  const bounds = [0, ...best.breaks, chars.length];
  return bounds.slice(1).map((end, i) => chars.slice(bounds[i], end).join(''));
}

/**
 * 署名 and 成文日期 with their right indents in twips (GB/T 9704 7.3.5.1): the
 * office's name two characters in from the right; the date's first character
 * two to the right of the name's; a date longer than that stands two in from
 * the right and the name moves left to match.
 */
export function signature(lines: string[]): [string, number][] {
  const [name, date] = lines;
  if (name === undefined || date === undefined) return lines.map((l) => [l, 2 * CHAR_PITCH]);
  const chars = (s: string): number => textWidth(s, 1);
  const n = chars(name);
  const dt = chars(date);
  const dateRight = Math.max(2, n - dt);
  const nameRight = dateRight + dt + 2 - n;
  return [
    [name, Math.round(nameRight * CHAR_PITCH)],
    [date, Math.round(dateRight * CHAR_PITCH)],
    ...lines.slice(2).map((l): [string, number] => [l, 2 * CHAR_PITCH]),
  ];
}

const fonts = (f: { name: string }): string => `<w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:eastAsia="${f.name}" w:cs="${LATIN_FONT}" w:hint="eastAsia"/>`;
const exact = (twips: number): string => `<w:spacing w:before="0" w:after="0" w:line="${twips}" w:lineRule="exact"/>`;
const grid = `<w:spacing w:val="${CHAR_SPACING}"/>`;
const paragraphStyle = (id: string, name: string, pPr: string, rPr: string, extra = ''): string =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;

/**
 * styles.xml: the document defaults and Normal carry 仿宋 3号 and the grid
 * (Word takes the grid's size from them), each block kind a named style.
 */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr>${fonts(FONTS.body)}<w:kern w:val="2"/><w:sz w:val="${halfPoints(SIZE.san)}"/><w:szCs w:val="${halfPoints(SIZE.san)}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>${exact(LINE_PITCH)}<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/>${exact(LINE_PITCH)}<w:jc w:val="both"/></w:pPr><w:rPr>${fonts(FONTS.body)}${grid}<w:sz w:val="${halfPoints(SIZE.san)}"/><w:szCs w:val="${halfPoints(SIZE.san)}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
${paragraphStyle(STYLE.body, '正文', `<w:ind w:firstLine="${2 * CHAR_PITCH}"/>`, '')}
${paragraphStyle(STYLE.addressee, '主送机关', '<w:jc w:val="left"/>', '')}
${paragraphStyle(STYLE.title, '公文标题', `<w:keepNext/><w:snapToGrid w:val="0"/>${exact(Math.round(SIZE.er * 20 * 1.6))}<w:jc w:val="center"/>`, `${fonts(FONTS.title)}<w:spacing w:val="0"/><w:sz w:val="${halfPoints(SIZE.er)}"/><w:szCs w:val="${halfPoints(SIZE.er)}"/>`)}
${paragraphStyle(STYLE.subtitle, '标题下方说明', '<w:keepNext/><w:jc w:val="center"/>', '')}
${paragraphStyle(STYLE.heading1, '一级标题', `<w:keepNext/><w:ind w:firstLine="${2 * CHAR_PITCH}"/><w:outlineLvl w:val="0"/>`, fonts(FONTS.heading1), '<w:next w:val="Body"/>')}
${paragraphStyle(STYLE.heading2, '二级标题', `<w:keepNext/><w:ind w:firstLine="${2 * CHAR_PITCH}"/><w:outlineLvl w:val="1"/>`, fonts(FONTS.heading2), '<w:next w:val="Body"/>')}
${paragraphStyle(STYLE.signature, '署名与成文日期', '<w:keepNext/><w:keepLines/><w:jc w:val="right"/>', '')}
${paragraphStyle(STYLE.cell, '表格文字', '<w:snapToGrid w:val="0"/><w:jc w:val="left"/>', `<w:spacing w:val="0"/><w:sz w:val="${halfPoints(SIZE.si)}"/><w:szCs w:val="${halfPoints(SIZE.si)}"/>`)}
${paragraphStyle(STYLE.headCell, '表格标题行', '<w:keepNext/><w:snapToGrid w:val="0"/><w:jc w:val="center"/>', `${fonts(FONTS.heading1)}<w:spacing w:val="0"/><w:sz w:val="${halfPoints(SIZE.si)}"/><w:szCs w:val="${halfPoints(SIZE.si)}"/>`)}
${paragraphStyle(STYLE.footer, '页码', '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>', `${fonts(FONTS.pageNumber)}<w:spacing w:val="0"/><w:sz w:val="${halfPoints(SIZE.si)}"/><w:szCs w:val="${halfPoints(SIZE.si)}"/>`)}
</w:styles>`;

/**
 * The font table names a stand-in for each font (w:altName) with its GB2312
 * character set, so Word and WPS on a machine without 方正小标宋简体 or
 * 仿宋_GB2312 take the nearest font the machine has (宋体, 仿宋, 黑体, 楷体)
 * instead of a Latin default.
 */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${Object.values(FONTS)
  .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.windows}"/><w:charset w:val="86"/><w:family w:val="${f === FONTS.heading1 ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`)
  .join('')}<w:font w:name="${LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;
