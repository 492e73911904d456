/**
 * The documents as a clerk sees them: a .docx laid out by LibreOffice Writer
 * into a PDF, read back with `pdftotext -bbox-layout` as pages of lines with
 * their positions, and the measures the 公文 layout is held to.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ROOT } from './helpers.js';
import { textWidth } from '../src/render/documents/table-layout.js';

const which = (cmd: string): string | undefined => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};

export const SOFFICE = process.env.SOFFICE ?? which('soffice');
export const PDFTOTEXT = which('pdftotext');

/** Why the rendered-layout tests cannot run here, or undefined when they can. */
export function missingRenderer(): string | undefined {
  if (!SOFFICE) return 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer';
  if (!PDFTOTEXT) return 'pdftotext is not installed: apt-get install poppler-utils';
  return undefined;
}

/**
 * Converts .docx files to PDF with one Writer run (a fresh profile, the
 * repository's fontconfig aliases for the office fonts); returns the PDFs.
 */
export function toPdf(files: string[], outDir: string): string[] {
  const work = mkdtempSync(join(tmpdir(), 'plan-ledger-soffice-'));
  const fontsConf = join(work, 'fonts.conf');
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include ignore_missing="yes">${join(ROOT, 'docs/fonts/plan-ledger-fonts.conf')}</include></fontconfig>`,
  );
  execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    env: { ...process.env, FONTCONFIG_FILE: fontsConf },
    stdio: 'pipe',
    timeout: 120_000,
  });
  return files.map((f) => join(outDir, basename(f).replace(/\.docx$/, '.pdf')));
}

export interface Word {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

export interface Line extends Word {
  words: Word[];
}

export interface Page {
  width: number;
  height: number;
  lines: Line[];
}

const num = (tag: string, name: string): number => Number(new RegExp(`${name}="([0-9.]+)"`).exec(tag)![1]);
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each page's lines, as pdftotext groups them (a table cell's lines are lines of their own), top to bottom. */
export function readPdf(pdf: string): Page[] {
  const xml = execFileSync(PDFTOTEXT!, ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map((p) => {
    const lines = [...p[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((l): Line => {
      const words = [...l[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({
        xMin: num(w[1]!, 'xMin'),
        xMax: num(w[1]!, 'xMax'),
        yMin: num(w[1]!, 'yMin'),
        yMax: num(w[1]!, 'yMax'),
        // Word joiners (set against lone characters) are no text.
        text: unescape(w[2]!).replace(/\u2060/g, ''),
      }));
      return { xMin: num(l[1]!, 'xMin'), xMax: num(l[1]!, 'xMax'), yMin: num(l[1]!, 'yMin'), yMax: num(l[1]!, 'yMax'), text: words.map((w) => w.text).join(''), words };
    });
    lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    return { width: num(p[1]!, 'width'), height: num(p[1]!, 'height'), lines };
  });
}

/**
 * Characters of the body grid a text takes: a CJK or full-width character is
 * one, Latin text counts by its width (a digit is about half), with the space
 * Writer sets between Chinese and Latin text (its width in the same measure).
 */
export const gridChars = (s: string): number => textWidth(s.replace(/ /g, ''), 16) / (16 - 0.25);

/**
 * What a line starts with that could not be split to fill the line before: a
 * Latin run (a number, an id), or a short bracketed word such as （次）, with
 * the closing marks after it (no line may start with them, nor end with （).
 */
export const leadingWord = (s: string): string => /^(?:[0-9A-Za-z.%\-/]+|（[^（）]{1,3}）)[，。、；：）》”]*/.exec(s)?.[0] ?? '';

/** A line's height tells its type size: pdftotext gives CJK fonts' boxes 1.3 em tall. */
export const sizeOf = (l: Line): number => Math.round(((l.yMax - l.yMin) / 1.3) * 2) / 2;

/** Lines of the body's 3号 (16 pt), not the page number, on a portrait page. */
export function bodyLines(page: Page): Line[] {
  return page.lines.filter((l) => sizeOf(l) === 16 && l.yMax < page.height - 60);
}

/** The type area of a portrait page, in pt (GB/T 9704 margins). */
export const TYPE_AREA = { left: (28 / 25.4) * 72, right: 595.3 - (26 / 25.4) * 72 } as const;

/**
 * Body lines that run from the left margin to the right one: neither the
 * first line of a paragraph (indented) nor its last (short). Their counts
 * are the grid's characters a line.
 */
export function fullBodyLines(page: Page): Line[] {
  return bodyLines(page).filter((l) => Math.abs(l.xMin - TYPE_AREA.left) < 4 && l.xMax > TYPE_AREA.right - 10);
}

/** The page number, "— 1 —", under the type area. */
export const isPageNumber = (l: Line): boolean => /^—\s*\d+\s*—$/.test(l.text);

/** Lines of table text (四号 or 小四). */
export function tableLines(page: Page): Line[] {
  return page.lines.filter((l) => (sizeOf(l) === 14 || sizeOf(l) === 12) && !isPageNumber(l));
}

/**
 * Table cells whose text wrapped, as the lines of each: a table line continues
 * the one above it when their columns overlap and it sits one line pitch
 * (1.35 em) below, closer than the next row's line, which has the cell
 * margins and a border between.
 */
export function wrappedCells(page: Page): Line[][] {
  const lines = tableLines(page);
  const next = new Map<Line, Line>();
  const continues = new Set<Line>();
  for (const b of lines) {
    const size = sizeOf(b);
    const a = lines.find((a) => a !== b && sizeOf(a) === size && a.xMin < b.xMax && b.xMin < a.xMax && b.yMin - a.yMin > 1.2 * size && b.yMin - a.yMin <= 1.35 * size + 1.2);
    if (a && !next.has(a)) {
      next.set(a, b);
      continues.add(b);
    }
  }
  const cells: Line[][] = [];
  for (const first of lines) {
    if (continues.has(first) || !next.has(first)) continue;
    const cell = [first];
    for (let l = next.get(first); l; l = next.get(l)) cell.push(l);
    cells.push(cell);
  }
  return cells;
}
