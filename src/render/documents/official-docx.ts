/**
 * An OfficialDocument as a .docx in the layout of Chinese official documents,
 * GB/T 9704-2012 (党政机关公文格式): A4; margins 37 mm top, 35 mm bottom,
 * 28 mm left, 26 mm right; title in 小标宋 2号 (22 pt); body in 仿宋 3号
 * (16 pt), 22 lines of 28 characters a page (a fixed line pitch of 28.95 pt
 * and a character grid); first-level headings in 黑体, second-level in 楷体;
 * page numbers in 4号 as "— 1 —", right on odd pages and left on even ones,
 * one character in from the edge.
 *
 * The `docx` package is loaded here, only by the commands that write a .docx.
 */
import type { Block, OfficialDocument } from './document.js';
import { displayWidth, safeText } from '../text.js';

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

/** 号 sizes in points. */
export const SIZE = { er: 22, san: 16, si: 14, xiaosi: 12 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 225 mm of type area over 22 lines: 579 twips, the usual "固定值 28.95 磅". */
export const LINE_PITCH = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / LINES_PER_PAGE);

/**
 * The grid's character pitch is the Normal font's size plus charSpace/4096 pt:
 * 156 mm of type width over 28 characters is a little under 16 pt.
 */
export const CHAR_SPACE = Math.round(((PAGE.width - PAGE.left - PAGE.right) / 20 / CHARS_PER_LINE - SIZE.san) * 4096);

/**
 * Font names as Word and WPS know them. A machine without them substitutes
 * (LibreOffice via fontconfig: Noto Serif/Sans CJK); the names are what the
 * office's own machines have.
 */
export const FONTS = { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体', latin: 'Times New Roman' } as const;

const halfPoints = (pt: number): number => pt * 2;

/** Text for a Word run: controls shown escaped (XML 1.0 cannot hold most of them), one line. */
const clean = (s: string): string => safeText(s);

export async function documentDocx(doc: OfficialDocument): Promise<Buffer> {
  const d = await import('docx');
  const font = (eastAsia: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: eastAsia });
  const exact = { line: LINE_PITCH, lineRule: d.LineRuleType.EXACT, before: 0, after: 0 };
  const indent2 = { firstLine: 2 * SIZE.san * 20 };
  const run = (text: string, f: string, size: number = SIZE.san, bold = false): InstanceType<typeof d.TextRun> =>
    new d.TextRun({ text: clean(text), font: font(f), size: halfPoints(size), bold });

  const paragraphs = (b: Block): (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] => {
    switch (b.kind) {
      case 'addressee':
        return [new d.Paragraph({ spacing: exact, children: [run(b.text, FONTS.body)] })];
      case 'heading':
        return [new d.Paragraph({ spacing: exact, indent: indent2, keepNext: true, children: [run(b.text, b.level === 1 ? FONTS.heading1 : FONTS.heading2)] })];
      case 'paragraph':
        return [new d.Paragraph({ spacing: exact, indent: indent2, alignment: d.AlignmentType.JUSTIFIED, children: [run(b.text, FONTS.body)] })];
      case 'list':
        return b.items.map((item) => new d.Paragraph({ spacing: exact, indent: indent2, alignment: d.AlignmentType.JUSTIFIED, children: [run(item, FONTS.body)] }));
      case 'table':
        return [table(b.header, b.rows, new Set(b.numeric ?? []))];
      case 'signature':
        // 署名 and date: right-aligned, four characters in from the right margin.
        return [
          new d.Paragraph({ spacing: exact, children: [] }),
          ...b.lines.map((l) => new d.Paragraph({ spacing: exact, alignment: d.AlignmentType.RIGHT, indent: { right: 4 * SIZE.san * 20 }, children: [run(l, FONTS.body)] })),
        ];
    }
  };

  // Tables in 4号 仿宋 with single spacing: a table at 3号 and 28.95 pt would hold three columns at most.
  const table = (header: string[], rows: string[][], numeric: Set<number>): InstanceType<typeof d.Table> => {
    const cell = (text: string, i: number, head: boolean, width: number): InstanceType<typeof d.TableCell> =>
      new d.TableCell({
        width: { size: width, type: d.WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        verticalAlign: d.VerticalAlign.CENTER,
        children: [
          new d.Paragraph({
            alignment: head ? d.AlignmentType.CENTER : numeric.has(i) ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
            spacing: { before: 0, after: 0, line: 360, lineRule: d.LineRuleType.AUTO },
            children: [run(text, head ? FONTS.heading1 : FONTS.body, SIZE.si)],
          }),
        ],
      });
    const widths = columnWidths(header, rows, PAGE.width - PAGE.left - PAGE.right);
    return new d.Table({
      width: { size: PAGE.width - PAGE.left - PAGE.right, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      rows: [
        new d.TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true, widths[i]!)) }),
        ...rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false, widths[i]!)) })),
      ],
    });
  };

  const pageNumber = (alignment: 'left' | 'right'): InstanceType<typeof d.Footer> =>
    new d.Footer({
      children: [
        new d.Paragraph({
          alignment: alignment === 'right' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          indent: alignment === 'right' ? { right: SIZE.si * 20 } : { left: SIZE.si * 20 },
          children: [
            new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: font(FONTS.pageNumber), size: halfPoints(SIZE.si) }),
          ],
        }),
      ],
    });

  const title = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: Math.round(SIZE.er * 20 * 1.5), lineRule: d.LineRuleType.EXACT },
      children: [run(doc.title, FONTS.title, SIZE.er)],
    }),
    ...(doc.subtitle ?? []).map((s) => new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: exact, children: [run(s, FONTS.body)] })),
    // A blank line between the title and the text (空一行).
    new d.Paragraph({ spacing: exact, children: [] }),
  ];
  const footnote = doc.footnote ? [new d.Paragraph({ spacing: { before: 240 }, children: [run(doc.footnote, FONTS.body, SIZE.xiaosi)] })] : [];

  const document = new d.Document({
    creator: 'plan-ledger',
    title: clean(doc.title),
    description: clean(doc.footnote ?? doc.title),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.body), size: halfPoints(SIZE.san) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            // Page numbers sit 7 mm below the type area (GB/T 9704 7.5).
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mm(15), footer: mm(35 - 7) - SIZE.si * 20 },
          },
          grid: { type: d.DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: [...title, ...doc.blocks.flatMap(paragraphs), ...footnote],
      },
    ],
  });
  return d.Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

/**
 * The font table names a stand-in for each font (w:altName) with its GB2312
 * character set, so Word and WPS on a machine without 方正小标宋简体 or
 * 仿宋_GB2312 take the nearest font the machine has (宋体, 仿宋, 黑体, 楷体)
 * instead of a Latin default. LibreOffice asks fontconfig (Noto Serif/Sans CJK).
 */
const FALLBACK: [name: string, alt: string, family: 'roman' | 'modern' | 'swiss'][] = [
  [FONTS.title, 'SimSun', 'roman'],
  [FONTS.body, '仿宋', 'modern'],
  [FONTS.heading1, 'SimHei', 'swiss'],
  [FONTS.heading2, '楷体', 'modern'],
  [FONTS.pageNumber, 'SimSun', 'roman'],
];
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${FALLBACK.map(
  ([name, alt, family]) => `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`,
).join('')}<w:font w:name="${FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`;

/**
 * Column widths in twips that share the type width by what each column holds:
 * its widest cell (a CJK character counts two), between a short word and 22
 * columns, so names stay on one line and long titles take the rest.
 */
export function columnWidths(header: string[], rows: string[][], total: number): number[] {
  // Two columns more than the text for the cell's margins.
  const want = header.map((h, i) => 2 + Math.min(22, Math.max(4, displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? '')))));
  const sum = want.reduce((a, b) => a + b, 0);
  const widths = want.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
