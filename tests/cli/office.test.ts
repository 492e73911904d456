/**
 * The .docx in a real word processor: LibreOffice Writer converts the summary
 * to PDF headless; the PDF has A4 pages, the title and the "— n —" page numbers.
 * Skips where Writer is not installed (Debian: libreoffice-writer).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, plan } from '../helpers.js';

const WRITER = '/usr/lib/libreoffice/program/libswlo.so';
const hasWriter = existsSync('/usr/bin/soffice') && existsSync(WRITER) && existsSync('/usr/bin/pdftotext');

describe('the summary in LibreOffice Writer', () => {
  it.skipIf(!hasWriter)(`converts to A4 PDF pages with the title and page numbers (needs ${WRITER} and pdftotext)`, () => {
    const dir = copyPlan({ progress: true });
    const work = mkdtempSync(join(tmpdir(), 'plan-office-'));
    const docx = join(work, 'summary.docx');
    expect(plan(['summary', '--format', 'docx', '--out', docx, '--plan', dir, '--as-of', '2021-09-20', '--lang', 'zh']).code).toBe(0);
    const convert = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, docx], { encoding: 'utf8', timeout: 120_000 });
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = join(work, 'summary.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, ' ');
    expect(text).toContain('落实情况的通报');
    // The number stands between dashes (— 1 —); pdftotext may drop the spaces around it.
    expect(text).toMatch(/—\s?1\s?—/);
    expect(text).toMatch(new RegExp(`—\\s?${pages}\\s?—`));
    // The addressees are names, never a reporter id such as leads:departments.
    expect(text.replace(/\s+/g, '')).toContain('各镇人民政府，县政府各直属单位中的各牵头单位：');
  }, 180_000);
});
