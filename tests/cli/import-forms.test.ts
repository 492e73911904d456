/**
 * Forms `plan import` must refuse, and hostile input: each refused within 2 s
 * with exit 1 or 2, a message saying what to do, and nothing written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan, ROOT } from '../helpers.js';

const FORMS = join(ROOT, 'tests/fixtures/import/forms');
const GENRE = join(ROOT, 'tests/fixtures/import/genre');
const scratch = (): string => mkdtempSync(join(tmpdir(), 'plan-import-forms-'));

/** Runs an import that must be refused: exit `code`, quickly, no plan folder written. */
function refused(file: string, code: 1 | 2, env: Record<string, string> = {}): string {
  const out = join(scratch(), 'plan');
  const started = Date.now();
  const r = plan(['import', file, '--out', out], { env });
  // The promise is ≤ 2 s (the span bomb measures 1.1–1.3 s); the bound is generous, as in the
  // robustness suite, because a loaded 2-core machine stretches wall time: a hang still fails it.
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(r.code).toBe(code);
  expect(existsSync(out)).toBe(false);
  return r.stdout + r.stderr;
}

describe('plan import: forms it does not read say how to convert them', () => {
  it.each(['old-word.doc', 'old-wps.wps', 'old-binary.xls'])('%s (an OLE2 binary Office file) → convert with soffice, exit 2', (name) => {
    const dir = scratch();
    const file = join(dir, name);
    writeFileSync(file, readFileSync(join(FORMS, 'old-binary.xls')));
    const said = refused(file, 2);
    expect(said).toContain('an old binary Word/WPS/Excel file');
    expect(said).toContain(`soffice --headless --convert-to docx "${file}"`);
  });

  it('detects the form by content, not by name: a .docx named .txt is read as a .docx', () => {
    const dir = scratch();
    const file = join(dir, 'plan.txt');
    writeFileSync(file, readFileSync(join(GENRE, 'county-table-word.docx')));
    const r = plan(['import', file, '--out', join(dir, 'plan')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tasks: 5');
  });

  it('a scanned PDF without a text layer → OCR is needed, exit 2', () => {
    const said = refused(join(FORMS, 'scanned.pdf'), 2, { LANG: 'zh_CN.UTF-8' });
    expect(said).toContain('PDF 中没有文字层');
    expect(said).toContain('OCR');
  });

  it('RTF and a plain zip archive → what to do, exit 2', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.rtf'), '{\\rtf1\\ansi 牵头单位}');
    expect(refused(join(dir, 'a.rtf'), 2)).toContain('convert it: soffice --headless --convert-to docx');
    writeFileSync(join(dir, 'a.zip'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]));
    expect(refused(join(dir, 'a.zip'), 2)).toContain('a zip archive, not a .docx or .xlsx document');
  });

  it('a damaged .docx → a message naming the file, exit 2, no stack trace', () => {
    const dir = scratch();
    const file = join(dir, 'broken.docx');
    writeFileSync(file, readFileSync(join(GENRE, 'county-table-word.docx')).subarray(0, 3000));
    const said = refused(file, 2);
    expect(said).toContain('broken.docx');
    expect(said).not.toMatch(/\n\s+at /);
  });

  it('a .docx that would inflate beyond the limit (a zip bomb) is refused before it is unpacked', () => {
    const bytes = Buffer.from(readFileSync(join(GENRE, 'county-table-word.docx')));
    // Claim a 4 GB inflated size in the first central directory entry.
    const at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(0xfffffff0, at + 24);
    const file = join(scratch(), 'bomb.docx');
    writeFileSync(file, bytes);
    expect(refused(file, 2)).toContain('inflates to more than 30 MB');
  });
});

describe('plan import: hostile input', () => {
  it('/dev/zero is refused at once (not a regular file), memory does not grow', () => {
    expect(refused('/dev/zero', 2)).toContain('not a regular file');
  });

  it('a FIFO does not hang', () => {
    const fifo = join(scratch(), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(refused(fifo, 2)).toContain('not a regular file');
  });

  it('a folder is refused', () => {
    expect(refused(scratch(), 2)).toContain('not a regular file');
  });

  it('a file above the 20 MB limit is refused before it is read', () => {
    const file = join(scratch(), 'big.txt');
    // Sparse: 50 MB on paper, nothing on disk.
    execFileSync('truncate', ['-s', '50M', file]);
    expect(refused(file, 2)).toContain('larger than the import limit of 20 MB');
  });

  it('a line of 200,000 spaces reads in well under 2 s and says no task was found (exit 1)', () => {
    const file = join(scratch(), 'spaces.txt');
    writeFileSync(file, `${' '.repeat(200_000)}\n`);
    expect(refused(file, 1)).toContain('no task found; nothing written');
  });

  it('HTML nested 200,000 levels deep is refused at once, not parsed for half a minute', () => {
    const file = join(scratch(), 'deep.html');
    writeFileSync(file, `<html><body>${'<div>'.repeat(200_000)}牵头单位${'</div>'.repeat(200_000)}</body></html>`);
    expect(refused(file, 2)).toContain('elements nested more than 500 levels deep');
  });

  it('a rowspan/colspan bomb in an HTML table stays small and fast', () => {
    const file = join(scratch(), 'span.html');
    writeFileSync(file, `<table>${'<tr><td rowspan=1000 colspan=50>x</td></tr>'.repeat(20_000)}</table>`);
    expect(refused(file, 1)).toContain('no task found');
  });

  it('a document with prose and no annotation exits 1 and says what it saw', () => {
    const file = join(scratch(), 'prose.txt');
    writeFileSync(file, '某某县关于做好春耕工作的通知\n一、总体要求\n各乡镇要高度重视春耕生产。\n二、工作措施\n1.抓好农资供应。\n');
    const said = refused(file, 1);
    expect(said).toContain('no task found; nothing written — 5 non-empty lines; 3 numbered headings; no 牵头单位/责任单位/负责 annotations');
    expect(said).not.toContain('Nothing uncertain');
  });

  it('an HTML page with no task table says it looked like HTML and had a table without owner columns', () => {
    const file = join(scratch(), 'page.html');
    writeFileSync(file, '<html><body><p>通知</p><table><tr><td>事项</td><td>说明</td></tr><tr><td>春耕</td><td>县农业农村局负责</td></tr></table></body></html>');
    const said = refused(file, 1);
    expect(said).toContain('1 tables, none with a task column and a 牵头/责任单位 column');
  });
});
