#!/usr/bin/env node
/**
 * Writes the binary test documents of `plan import` once; they are committed,
 * so the tests never need LibreOffice. Run again only to change them:
 *
 *   node scripts/make-import-fixtures.mjs
 *
 * Needs the dev dependency `docx`, exceljs, iconv, Chromium (the PDF with a
 * text layer), LibreOffice Writer and Calc (`soffice`: an old binary .xls, and
 * the .docx and PDF forms of round three's documents) and ImageMagick
 * (`convert`, a scan without text). A part whose tool is missing is skipped,
 * saying so; `node scripts/make-import-fixtures.mjs round3` writes only the
 * documents of round three (scripts/import-fixtures-round3.mjs).
 *
 * Writes to tests/fixtures/import/genre (documents with answers, read by
 * scripts/import-eval.mjs) and tests/fixtures/import/forms (files that must be
 * refused with a message).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';

import * as round3 from './import-fixtures-round3.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENRE = join(ROOT, 'tests/fixtures/import/genre');
const FORMS = join(ROOT, 'tests/fixtures/import/forms');
mkdirSync(FORMS, { recursive: true });
function has(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}
const onlyRound3 = process.argv.includes('round3');

await writeRound3();
if (onlyRound3) process.exit(0);

// ---------- Flattened text: the line breaks of two documents lost ----------
for (const stem of ['county-labels', 'county-label-lines']) {
  const text = readFileSync(join(GENRE, `${stem}.txt`), 'utf8');
  writeFileSync(join(GENRE, `${stem}-flat.txt`), `${text.split('\n').map((l) => l.trim()).join('')}\n`);
  const expected = JSON.parse(readFileSync(join(GENRE, `${stem}.expected.json`), 'utf8'));
  // Facts the flattening blurs (a date line at the end) are not asked of it.
  writeFileSync(join(GENRE, `${stem}-flat.expected.json`), `${JSON.stringify({ tasks: expected.tasks }, null, 2)}\n`);
}

// ---------- .docx: paragraphs and a table with merged cells and a repeated header ----------
const p = (text, options = {}) => new Paragraph({ children: [new TextRun({ text, bold: options.bold ?? false })], alignment: options.align });
const cell = (text, options = {}) =>
  new TableCell({ children: [p(text)], ...(options.merge && { verticalMerge: options.merge }), ...(options.span && { columnSpan: options.span }) });
const row = (cells, header = false) => new TableRow({ children: cells, tableHeader: header });
const header = () => row(['序号', '工作任务', '牵头单位', '配合单位', '时间节点'].map((h) => cell(h)), true);
const docx = new Document({
  sections: [
    {
      children: [
        p('青禾县人民政府办公室关于印发青禾县2023年'),
        p('信用体系建设工作方案的通知'),
        p('青政办发〔2023〕6号', { align: AlignmentType.CENTER }),
        p('各乡镇人民政府，县直各单位：'),
        p('现将《青禾县2023年信用体系建设工作方案》印发给你们，请认真贯彻落实。'),
        p('青禾县人民政府办公室', { align: AlignmentType.RIGHT }),
        p('2023年3月8日', { align: AlignmentType.RIGHT }),
        p('青禾县2023年信用体系建设工作方案', { bold: true, align: AlignmentType.CENTER }),
        p('一、重点任务'),
        p('（一）完善信用信息归集共享。按月向市信用平台报送“双公示”数据，2023年6月底前实现数据归集全覆盖。（县发改局牵头，县直各部门配合）'),
        p('（二）推进信用分级分类监管。（县市场监管局、县发改局负责。列第一位者为牵头单位）'),
        p('二、任务分工'),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            header(),
            row([cell('1'), cell('开展信用承诺'), cell('县发改局', { merge: VerticalMergeType.RESTART }), cell('县司法局、县税务局'), cell('2023年9月底前')]),
            row([cell('2'), cell('开展失信问题专项治理'), cell('', { merge: VerticalMergeType.CONTINUE }), cell('各乡镇人民政府'), cell('长期坚持')]),
            header(),
            row([cell('3'), cell('加强诚信宣传教育'), cell('县委宣传部'), cell('县教育局等有关部门和单位'), cell('2023年12月底前')]),
          ],
        }),
      ],
    },
  ],
});
const docxPath = join(GENRE, 'county-table-word.docx');
writeFileSync(docxPath, await Packer.toBuffer(docx));
writeFileSync(
  join(GENRE, 'county-table-word.expected.json'),
  `${JSON.stringify(
    {
      facts: { title: '青禾县2023年信用体系建设工作方案', document: '青政办发〔2023〕6号', issuer: '青禾县人民政府办公室', signed: '2023-03-08' },
      tasks: [
        { find: '完善信用信息归集共享', lead: ['县发改局'], responsible: ['县直各部门'], deadline: '2023-06-30' },
        { find: '推进信用分级分类监管', lead: ['县市场监管局'], responsible: ['县发改局'], deadline: 'none' },
        { find: '开展信用承诺', lead: ['县发改局'], responsible: ['县司法局', '县税务局'], deadline: '2023-09-30' },
        { find: '开展失信问题专项治理', lead: ['县发改局'], responsible: ['各乡镇人民政府'], deadline: 'ongoing' },
        { find: '加强诚信宣传教育', lead: ['县委宣传部'], responsible: ['县教育局'], deadline: '2023-12-31' },
      ],
    },
    null,
    2,
  )}\n`,
);

// ---------- .xlsx and .csv: a task table with a title row and merged cells ----------
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('任务清单');
ws.addRow(['青禾县2023年安全生产重点任务清单']);
ws.mergeCells('A1:F1');
ws.addRow(['序号', '重点任务', '具体措施', '牵头单位', '责任单位', '完成时限']);
ws.addRow([1, '开展隐患排查', '对全县危化品企业开展全覆盖检查', '县应急局', '各乡镇人民政府、县市场监管局', '2023年5月31日']);
ws.addRow([2, null, '建立重大隐患挂牌督办制度', null, '县应急局', '2023年6月底前']);
ws.mergeCells('B3:B4');
ws.mergeCells('D3:D4');
ws.addRow([3, '强化执法检查', '开展“打非治违”专项行动', '县应急局牵头，县公安局配合', '各乡镇人民政府', '常态化开展']);
const xlsxPath = join(GENRE, 'tasks-sheet.xlsx');
await wb.xlsx.writeFile(xlsxPath);
const csvRows = [
  ['青禾县2023年安全生产重点任务清单', '', '', '', '', ''],
  ['序号', '重点任务', '具体措施', '牵头单位', '责任单位', '完成时限'],
  ['1', '开展隐患排查', '对全县危化品企业开展全覆盖检查', '县应急局', '各乡镇人民政府、县市场监管局', '2023年5月31日'],
  ['2', '开展隐患排查', '建立重大隐患挂牌督办制度', '县应急局', '县应急局', '2023年6月底前'],
  ['3', '强化执法检查', '开展“打非治违”专项行动', '县应急局牵头，县公安局配合', '各乡镇人民政府', '常态化开展'],
];
const csvText = `${csvRows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;
// Excel in China saves CSV in GB18030 (GBK): so does this one.
writeFileSync(join(GENRE, 'tasks-sheet.csv'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: csvText }));
writeFileSync(
  join(GENRE, 'tasks-sheet.expected.json'),
  `${JSON.stringify(
    {
      facts: { title: '青禾县2023年安全生产重点任务清单' },
      tasks: [
        { find: '危化品企业', lead: ['县应急局'], responsible: ['各乡镇人民政府', '县市场监管局'], deadline: '2023-05-31' },
        { find: '挂牌督办', lead: ['县应急局'], responsible: ['县应急局'], deadline: '2023-06-30' },
        { find: '打非治违', lead: ['县应急局'], responsible: ['县公安局', '各乡镇人民政府'], deadline: 'ongoing' },
      ],
    },
    null,
    2,
  )}\n`,
);

// ---------- PDF with a text layer, printed by Chromium from a page of the province document ----------
// (LibreOffice Writer is not on the build machine; Chromium's PDF keeps the text, with lines wrapped
// at the page width as real PDFs have them.)
const work = mkdtempSync(join(tmpdir(), 'fixtures-'));
const source = readFileSync(join(GENRE, 'province-no-rule.txt'), 'utf8');
const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page = `<!doctype html><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC";font-size:15pt;width:15cm;margin:2cm}p{margin:0 0 .4em;text-indent:2em}</style>${source
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => `<p>${escape(l.trim())}</p>`)
  .join('\n')}`;
writeFileSync(join(work, 'page.html'), page);
execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(GENRE, 'province-no-rule-print.pdf')}`, `file://${join(work, 'page.html')}`], { stdio: 'ignore' });
const province = JSON.parse(readFileSync(join(GENRE, 'province-no-rule.expected.json'), 'utf8'));
writeFileSync(join(GENRE, 'province-no-rule-print.expected.json'), `${JSON.stringify(province, null, 2)}\n`);

// ---------- An old binary Office file (OLE2, as .doc/.wps/.xls are), through LibreOffice Calc ----------
execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'xls', '--outdir', work, xlsxPath], { stdio: 'ignore' });
renameSync(join(work, 'tasks-sheet.xls'), join(FORMS, 'old-binary.xls'));
// A scanned page: only an image (ImageMagick draws it as PNG; Chromium prints it): no text layer.
execFileSync('convert', ['-size', '600x300', 'xc:white', '-fill', 'black', '-draw', 'rectangle 50,50 550,80', '-draw', 'rectangle 50,120 500,150', join(work, 'scan.png')]);
writeFileSync(join(work, 'scan.html'), '<!doctype html><img src="scan.png" style="width:15cm">');
execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(FORMS, 'scanned.pdf')}`, `file://${join(work, 'scan.html')}`], { stdio: 'ignore' });
console.log('fixtures written to', GENRE, 'and', FORMS);

// ---------- Round three: made-up documents of the classes that failed, in every form ----------

/** A cell's text and spans. */
function cellOf(c) {
  return typeof c === 'string' ? { text: c, rows: 1, cols: 1 } : { rows: 1, cols: 1, ...c };
}

/** A table's rows as a full grid: merged cells spread, the covered ones marked. */
function grid(rows) {
  const out = [];
  const carry = [];
  rows.forEach((r, i) => {
    const row = [];
    let col = 0;
    const fill = () => {
      while (carry[col]?.left > 0) {
        row[col] = { text: carry[col].text, covered: true };
        carry[col].left--;
        col++;
      }
    };
    for (const raw of r) {
      fill();
      const c = cellOf(raw);
      for (let k = 0; k < c.cols; k++) {
        row[col] = { text: c.text, covered: k > 0 };
        if (c.rows > 1) carry[col] = { text: c.text, left: c.rows - 1 };
        col++;
      }
    }
    fill();
    out[i] = row;
  });
  return out;
}

function esc(t) {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function toHtml(doc) {
  const body = doc.blocks.map((b) => {
    if (typeof b === 'string') return `<p>${esc(b)}</p>`;
    const rows = b.table.map((r, i) => `<tr>${r.map((raw) => {
      const c = cellOf(raw);
      const tag = i === 0 ? 'th' : 'td';
      return `<${tag}${c.rows > 1 ? ` rowspan="${c.rows}"` : ''}${c.cols > 1 ? ` colspan="${c.cols}"` : ''}>${esc(c.text)}</${tag}>`;
    }).join('')}</tr>`);
    return `<table border="1" cellspacing="0" cellpadding="4">\n${rows.join('\n')}\n</table>`;
  });
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${esc(doc.facts?.title ?? doc.stem)}</title></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}

/** Plain text; a table's cells separated by tabs, by `|`, or aligned with spaces; a merged cell written once. */
function toText(doc, style = 'tab') {
  const lines = [];
  for (const b of doc.blocks) {
    if (typeof b === 'string') {
      lines.push(b);
      continue;
    }
    const g = grid(b.table).map((r) => r.map((c) => (c.covered ? '' : c.text)));
    if (style === 'tab') for (const r of g) lines.push(r.join('\t'));
    else if (style === 'pipe') for (const r of g) lines.push(`| ${r.join(' | ')} |`);
    else {
      const w = (t) => [...t].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
      const widths = g[0].map((_, c) => Math.max(...g.map((r) => w(r[c] ?? ''))) + 2);
      for (const r of g) lines.push(r.map((t, c) => t + ' '.repeat(widths[c] - w(t))).join('').trimEnd());
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The text with the line breaks between paragraphs lost (a table's rows stay rows: their cells would run together). */
function toFlat(doc) {
  const out = [];
  let run = '';
  for (const b of doc.blocks) {
    if (typeof b === 'string') run += b;
    else {
      if (run) out.push(run);
      run = '';
      out.push(toText({ blocks: [b] }).trimEnd());
    }
  }
  if (run) out.push(run);
  return `${out.join('\n')}\n`;
}

function soffice(work, input, to, outdir) {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', to, '--outdir', outdir, input], { stdio: 'ignore', timeout: 120_000 });
}

async function tablePart(doc, stem) {
  const t = doc.blocks.find((b) => typeof b !== 'string');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  const width = grid(t.table)[0].length;
  ws.addRow([t.title]);
  ws.mergeCells(1, 1, 1, width);
  t.table.forEach((r, i) => {
    const excelRow = i + 2;
    let col = 1;
    const row = ws.getRow(excelRow);
    for (const raw of r) {
      while (ws.getCell(excelRow, col).isMerged) col++;
      const c = cellOf(raw);
      row.getCell(col).value = /^\d+$/.test(c.text) ? Number(c.text) : c.text;
      if (c.rows > 1 || c.cols > 1) ws.mergeCells(excelRow, col, excelRow + c.rows - 1, col + c.cols - 1);
      col += c.cols;
    }
  });
  await wb.xlsx.writeFile(join(GENRE, `${stem}.xlsx`));
  // A CSV cannot merge: the merged value is written in every row it covers, as Excel exports it… only in the first.
  const g = grid(t.table).map((r) => r.map((c) => (c.covered ? '' : c.text)));
  const csv = [[t.title, ...Array(width - 1).fill('')], ...g].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  writeFileSync(join(GENRE, `${stem}.csv`), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: `${csv}\r\n` }));
}

function expected(doc, inputs, tasks = doc.tasks) {
  const head = { class: doc.class ?? 'one document in every form', ...(doc.facts && !inputs.every((i) => /\.(xlsx|csv)$/.test(i)) && { facts: doc.facts }), inputs };
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const list = tasks.map(({ table, ...t }) => `    ${JSON.stringify(t)}`);
  return `{\n${lines.join('\n')}\n  "tasks": [\n${list.join(',\n')}\n  ]\n}\n`;
}

async function writeRound3() {
  const work = mkdtempSync(join(tmpdir(), 'fixtures-round3-'));
  const office = has('soffice');
  if (!office) console.log('soffice (LibreOffice) not found: the .docx and PDF forms of round three are not remade');
  try {
    /** HTML, and from it the .docx LibreOffice writes and the PDF it prints from that .docx. */
    const htmlForms = (doc) => {
      writeFileSync(join(GENRE, `${doc.stem}.html`), toHtml(doc));
      if (!office) return [`${doc.stem}.html`];
      copyFileSync(join(GENRE, `${doc.stem}.html`), join(work, `${doc.stem}.html`));
      soffice(work, join(work, `${doc.stem}.html`), 'docx:MS Word 2007 XML', work);
      copyFileSync(join(work, `${doc.stem}.docx`), join(GENRE, `${doc.stem}.docx`));
      soffice(work, join(work, `${doc.stem}.docx`), 'pdf:writer_pdf_Export', work);
      copyFileSync(join(work, `${doc.stem}.pdf`), join(GENRE, `${doc.stem}.pdf`));
      return [`${doc.stem}.html`, `${doc.stem}.docx`, `${doc.stem}.pdf`];
    };

    const every = round3.everyForm;
    writeFileSync(join(GENRE, 'every-form.txt'), toText(every));
    writeFileSync(join(GENRE, 'every-form-flat.txt'), toFlat(every));
    const everyInputs = ['every-form.txt', 'every-form-flat.txt', ...htmlForms(every)];
    writeFileSync(join(GENRE, 'every-form.expected.json'), expected(every, everyInputs));
    await tablePart(every, 'every-form-table');
    writeFileSync(join(GENRE, 'every-form-table.expected.json'), expected(every, ['every-form-table.xlsx', 'every-form-table.csv'], every.tasks.filter((t) => t.table)));

    const note = round3.noteParagraph;
    writeFileSync(join(GENRE, 'note-paragraph.txt'), toText(note));
    writeFileSync(join(GENRE, 'note-paragraph.expected.json'), expected(note, ['note-paragraph.txt', ...htmlForms(note)]));

    const tw = round3.tableWords;
    for (const style of ['tab', 'pipe', 'space']) writeFileSync(join(GENRE, `table-words-${style}.txt`), toText(tw, style));
    writeFileSync(join(GENRE, 'table-words.expected.json'), expected(tw, [...htmlForms(tw), 'table-words-tab.txt', 'table-words-pipe.txt', 'table-words-space.txt']));

    for (const doc of [round3.flattenedHeading, round3.namesAsWritten, round3.loadsWithoutFacts, round3.issuerFullName]) {
      writeFileSync(join(GENRE, `${doc.stem}.txt`), doc.text.endsWith('\n') ? doc.text : `${doc.text}\n`);
      writeFileSync(join(GENRE, `${doc.stem}.expected.json`), expected(doc, [`${doc.stem}.txt`]));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log('round three documents written to', GENRE);
}
