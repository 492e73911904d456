/** Test helpers for the generated documents: read a .docx back, the figures of `plan status --format json`, a hostile plan. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { copyPlan, edit, plan } from './helpers.js';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface Docx {
  /** document.xml as written. */
  xml: string;
  /** The text of each paragraph of the body, in order (table cells are paragraphs too). */
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  footers: string[];
  fontTable: string;
  /** word/styles.xml: where the fonts, sizes and the grid are set. */
  styles: string;
  files: string[];
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');

/** Reads a .docx as a word processor would find it: the zip, its document part, paragraphs and tables. */
export async function readDocx(file: string): Promise<Docx> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const files = Object.keys(zip.files);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))));
  const footers = await Promise.all(files.filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  const fontTable = (await zip.file('word/fontTable.xml')?.async('string')) ?? '';
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  return { xml, paragraphs, tables, footers, fontTable, styles, files };
}

export interface StatusFigures {
  tasks: number;
  assignments: number;
  closed: number;
  percent: number;
  overdue: number;
  blocked: number;
  counts: Record<string, number>;
  nextCheckpoint: { date: string; daysLeft: number; reporters: number } | null;
  /** Per unit id: assigned, closed, overdue, blocked. */
  units: Map<string, { assigned: number; closed: number; overdue: number; blocked: number }>;
}

/** The figures every document must agree with, computed from `plan status --format json` for the same date. */
export function statusFigures(dir: string, asOf: string): StatusFigures {
  const r = plan(['status', '--format', 'json', '--plan', dir, '--as-of', asOf]);
  expect(r.code).toBe(0);
  const s = JSON.parse(r.stdout);
  const units = new Map<string, { assigned: number; closed: number; overdue: number; blocked: number }>();
  let assignments = 0;
  let closed = 0;
  let overdue = 0;
  let blocked = 0;
  for (const task of s.tasks) {
    assignments += task.total;
    closed += task.done;
    for (const a of task.assignments) {
      const u = units.get(a.unit) ?? { assigned: 0, closed: 0, overdue: 0, blocked: 0 };
      u.assigned++;
      if (a.state === 'done' || a.state === 'not_applicable') u.closed++;
      if (a.daysOverdue > 0) {
        u.overdue++;
        overdue++;
      }
      if (a.state === 'blocked') {
        u.blocked++;
        blocked++;
      }
      units.set(a.unit, u);
    }
  }
  return {
    tasks: s.tasks.length,
    assignments,
    closed,
    percent: Math.round((closed / assignments) * 100),
    overdue,
    blocked,
    counts: s.counts,
    nextCheckpoint: s.nextCheckpoint ? { date: s.nextCheckpoint.date, daysLeft: s.nextCheckpoint.daysLeft, reporters: s.nextCheckpoint.reporters.length } : null,
    units,
  };
}

/** Text that would act on a reader if any output let it through. */
export const HOSTILE = {
  title: '<script>alert(1)</script><img src=x onerror=alert(2)> =HYPERLINK("http://evil.example") **粗体** [点我](javascript:alert(3)) & ]]> [31m',
  unit: '县财政局<b onmouseover=alert(4)>',
  progress: '<iframe src="http://evil.example"></iframe> | 表格 | ;BEGIN:VEVENT, 逗号',
};

/** A copy of the embedded plan with progress, whose texts try every injection. */
export function hostilePlan(): string {
  const dir = copyPlan({ progress: true });
  edit(join(dir, 'tasks/3.yaml'), 'title: "明确领导责任"', `title: ${JSON.stringify(HOSTILE.title)}`);
  edit(join(dir, 'units.yaml'), 'short: 县财政局', `short: ${JSON.stringify(HOSTILE.unit)}`);
  edit(join(dir, 'status/finance.yaml'), 'progress: 预决算公开范围已扩大到部门所属单位', `progress: ${JSON.stringify(HOSTILE.progress)}`);
  return dir;
}

/** No live markup from the data: what an HTML output must never contain. */
export const LIVE_MARKUP = /<script|<img|<iframe|<b onmouseover|href="javascript:/i;

/** Headless Chromium as the tests drive it: the Debian binary, no network, nothing downloaded. */
export async function launchChromium(): Promise<import('playwright-core').Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
