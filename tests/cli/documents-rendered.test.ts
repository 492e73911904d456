/**
 * The .docx documents as LibreOffice Writer lays them out: each kind is
 * written by the CLI, converted to PDF and measured with pdftotext -bbox.
 * The GB/T 9704 grid (28 characters a line, 22 lines a page), the page
 * budgets, tables that read well, and nothing crediting the software.
 * Skips, saying why, where soffice or pdftotext is missing.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is a plain script without types.
import { fillPlan, generatePlan } from '../../scripts/gen.mjs';
import { copyPlan, plan } from '../helpers.js';
import { bodyLines, fullBodyLines, gridChars, isPageNumber, leadingWord, missingRenderer, TYPE_AREA, readPdf, tableLines, toPdf, wrappedCells, type Page } from '../pdf-layout.js';

const missing = missingRenderer();
const work = mkdtempSync(join(tmpdir(), 'plan-ledger-rendered-'));
const docs: Record<'summary' | 'filled' | 'report' | 'notice', Page[]> = { summary: [], filled: [], report: [], notice: [] };

function run(args: string[]): void {
  const r = plan([...args, '--lang', 'zh']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

/** A small plan of `tasks` tasks with long titles and notes, every unit on every task (scripts/gen.mjs). */
function generated(name: string, tasks: number): string {
  const dir = join(work, name);
  generatePlan({ tasks, units: 3, out: dir, asOf: '2021-12-06' });
  return dir;
}

beforeAll(() => {
  if (missing) return;
  // The embedded plan with the test progress, as of the day after its December checkpoint.
  run(['summary', '--plan', copyPlan({ progress: true }), '--as-of', '2021-12-06', '--format', 'docx', '--out', join(work, 'summary.docx')]);
  // The same with every unit's progress recorded: long lists of problems fill whole pages of text.
  const filled = join(work, 'filled-plan');
  fillPlan({ from: copyPlan(), out: filled, asOf: '2021-12-06' });
  run(['summary', '--plan', filled, '--as-of', '2021-12-06', '--format', 'docx', '--out', join(work, 'filled.docx')]);
  // A unit's report of 7 tasks at a checkpoint.
  run(['report', '第2单位', '--checkpoint', '2021-12-05', '--plan', generated('seven', 7), '--as-of', '2021-12-06', '--format', 'docx', '--out', join(work, 'reports')]);
  // A 催办 notice of 5 items: every task of the unit open and overdue at the end of the year.
  const five = generated('five', 5);
  const status = join(five, 'status', 'unit-00002.yaml');
  writeFileSync(status, readFileSync(status, 'utf8').replace(/state: \w+/g, 'state: in_progress').replace(/ {4}(completed|reason): .*\n/g, ''));
  run(['remind', '--unit', '第2单位', '--plan', five, '--as-of', '2021-12-31', '--format', 'docx', '--out', join(work, 'notices')]);
  mkdirSync(join(work, 'pdf'));
  const files = [join(work, 'summary.docx'), join(work, 'filled.docx'), join(work, 'reports', 'unit-00002-2021-12-05.docx'), join(work, 'notices', 'unit-00002-2021-12-31.docx')];
  const [summary, full, report, notice] = toPdf(files, join(work, 'pdf'));
  docs.summary = readPdf(summary!);
  docs.filled = readPdf(full!);
  docs.report = readPdf(report!);
  docs.notice = readPdf(notice!);
}, 120_000);

const kinds = ['summary', 'filled', 'report', 'notice'] as const;
const text = (pages: Page[]): string => pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n');

describe.skipIf(missing !== undefined)(`documents as Writer lays them out${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(kinds)('%s: 27 to 29 characters in every full body line', (kind) => {
    let measured = 0;
    for (const page of docs[kind]) {
      const body = bodyLines(page);
      for (const l of fullBodyLines(page)) {
        // A line may end short only by the number or id that could not be broken to fill it.
        const next = body.find((n) => Math.abs(n.yMin - l.yMin - 28.95) < 1);
        const carried = next ? gridChars(leadingWord(next.text)) : 0;
        // Closing punctuation may hang past the margin (溢出边界): it takes no place in the line.
        const chars = gridChars(l.xMax > TYPE_AREA.right + 2 ? [...l.text].slice(0, -1).join('') : l.text);
        expect({ line: l.text, fits: chars <= 29 && chars + carried >= 27 }).toEqual({ line: l.text, fits: true });
        measured++;
      }
    }
    if (kind === 'summary' || kind === 'filled') expect(measured).toBeGreaterThan(3);
  });

  it('22 lines on a full page of text, at the 28.95 pt pitch everywhere', () => {
    const pages = docs.filled;
    // A full page of text: not the last, no table, body lines down to the bottom of the type area.
    const full = pages.slice(0, -1).filter((p) => tableLines(p).length === 0 && bodyLines(p).length > 0);
    expect(full.length).toBeGreaterThan(0);
    for (const p of full) expect(bodyLines(p).length).toBeGreaterThanOrEqual(21), expect(bodyLines(p).length).toBeLessThanOrEqual(23);
    for (const kind of kinds) {
      for (const p of docs[kind]) {
        const ys = bodyLines(p).map((l) => l.yMin);
        for (let i = 1; i < ys.length; i++) {
          const step = ys[i]! - ys[i - 1]!;
          // Consecutive body lines sit one pitch apart (or whole pitches, past a table or blank line).
          if (step < 60) expect(Math.abs(step / 28.95 - Math.round(step / 28.95))).toBeLessThan(0.06);
        }
      }
    }
  });

  it('keeps to the page budgets', () => {
    expect(docs.summary.length).toBeLessThanOrEqual(6);
    expect(docs.report.length).toBeLessThanOrEqual(3);
    expect(docs.notice.length).toBe(1);
    // The 22 reporting units' table of the 通报 on at most two pages.
    const unitPages = docs.summary.filter((p) => p.lines.some((l) => /^(林口镇|古城镇|县财政局|县发改局)$/.test(l.text) && tableLines(p).includes(l)));
    expect(unitPages.length).toBeGreaterThan(0);
    expect(unitPages.length).toBeLessThanOrEqual(2);
  });

  it.each(kinds)('%s: no table cell breaks a word to leave a single character on a line', (kind) => {
    for (const p of docs[kind]) {
      for (const cell of wrappedCells(p)) {
        const lone = cell.slice(1).filter((l) => [...l.text.replace(/\s/g, '')].length === 1);
        expect({ cell: cell.map((l) => l.text), lone: lone.map((l) => l.text) }).toEqual({ cell: cell.map((l) => l.text), lone: [] });
      }
    }
  });

  it('repeats the header on every page a table continues on, and each row there names its unit', () => {
    let continued = 0;
    for (const kind of ['summary', 'filled'] as const) {
      const pages = docs[kind];
      for (let i = 1; i < pages.length; i++) {
        const rows = tableLines(pages[i]!);
        // A table continued from the page before starts this page, under its header again.
        if (rows.length === 0 || tableLines(pages[i - 1]!).length === 0 || rows[0]!.yMin > pages[i]!.lines[0]!.yMin + 1) continue;
        // The header row: a header of two lines starts above the others.
        const header = rows.filter((l) => l.yMin < rows[0]!.yMin + 12).sort((a, b) => a.xMin - b.xMin);
        expect(header.map((l) => l.text)[0]).toMatch(/^(单位|编号)$/);
        if (header[0]!.text !== '单位') continue;
        continued++;
        // One line a row in the 任务数 column (numbers never wrap); one unit name a row in the first column.
        const count = header.find((l) => l.text === '任务数')!;
        const below = rows.filter((l) => l.yMin > Math.max(...header.map((h) => h.yMax)));
        const perRow = below.filter((l) => l.xMin < count.xMax && count.xMin < l.xMax);
        const wrapped = new Set(wrappedCells(pages[i]!).flatMap((c) => c.slice(1)));
        const names = below.filter((l) => Math.abs(l.xMin - header[0]!.xMin) < 40 && l.xMax < count.xMin && !wrapped.has(l));
        expect(perRow.length).toBeGreaterThan(0);
        expect(names.map((l) => l.text)).toHaveLength(perRow.length);
        for (const n of names) expect(n.text).not.toBe('');
      }
    }
    expect(continued).toBeGreaterThan(0);
  });

  it.each(kinds)('%s: no heading is left at the foot of a page, away from what it heads', (kind) => {
    for (const p of docs[kind].slice(0, -1)) {
      const last = p.lines.filter((l) => !isPageNumber(l)).at(-1);
      expect(last?.text ?? '').not.toMatch(/^[一二三四五六七八九十]+、/);
    }
  });

  it('keeps the 通报 of the embedded plan on portrait pages: its tables fit them', () => {
    for (const p of docs.summary) expect(p.width).toBeLessThan(p.height);
  });

  it.each(kinds)('%s: no line credits the software', (kind) => {
    expect(text(docs[kind])).not.toMatch(/plan-ledger|由.{0,20}生成/);
  });

  it('signs with the office’s full name and the date in Chinese numerals', () => {
    const summary = text(docs.summary);
    expect(summary).toContain('林口县人民政府办公室');
    expect(summary).toContain('二〇二一年十二月六日');
    // The signature is the line above the date.
    const lines = summary.split('\n');
    expect(lines[lines.indexOf('二〇二一年十二月六日') - 1]).toBe('林口县人民政府办公室');
    expect(text(docs.notice)).toContain('二〇二一年十二月三十一日');
  });
});
