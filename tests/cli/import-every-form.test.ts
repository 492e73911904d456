/**
 * One made-up document in every form (tests/fixtures/import/genre/every-form.*, made by
 * scripts/make-import-fixtures.mjs from scripts/import-fixtures-round3.mjs): the same plan task for
 * task from text, flattened text, HTML, the .docx LibreOffice writes and the PDF it prints, and the
 * same table tasks from its table part as .xlsx and .csv. The binary forms are committed, so no test
 * here needs LibreOffice.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan, ROOT } from '../helpers.js';

const GENRE = join(ROOT, 'tests/fixtures/import/genre');

interface Row {
  title: string;
  lead: string[];
  responsible: string[];
  deadline: string | null;
  ongoing: boolean;
  table: boolean;
}

/** The plan an import writes, as rows a person compares: the task's opening words, its owners by name, its deadline. */
function imported(file: string): Row[] {
  const out = join(mkdtempSync(join(tmpdir(), 'plan-every-form-')), 'plan');
  const r = plan(['import', join(GENRE, file), '--out', out]);
  expect([0, 1], r.stderr).toContain(r.code);
  const data = JSON.parse(plan(['export', '--plan', out, '--as-of', '2024-03-01']).stdout);
  const name = (id: string): string => data.units.find((u: any) => u.id === id)?.name ?? data.groups.find((g: any) => g.id === id)?.name ?? id;
  return data.tasks.map((t: any) => ({ title: t.title.slice(0, 8), lead: t.lead.map(name), responsible: t.responsible.map(name), deadline: t.deadline, ongoing: t.ongoing, table: /表\d+第\d+行/.test(t.source) }));
}

const inTable = (r: Row): boolean => r.table;

describe('plan import: one document, every form, the same plan', () => {
  const reference = imported('every-form.txt');

  it('reads the text form fully: 7 tasks, 3 of them from the table', () => {
    expect(reference).toHaveLength(7);
    expect(reference.filter(inTable)).toHaveLength(3);
  });

  it.each(['every-form.html', 'every-form.docx'])('%s gives the same tasks as the text', (file) => {
    expect(imported(file)).toEqual(reference);
  });

  it('the flattened text gives the same tasks; a heading that lost its line break opens its task’s title', () => {
    const flat = imported('every-form-flat.txt');
    const withoutTitle = (rows: Row[]): Omit<Row, 'title'>[] => rows.map(({ title: _t, ...r }) => r);
    expect(withoutTitle(flat)).toEqual(withoutTitle(reference));
    expect(flat.filter((r, i) => r.title !== reference[i]!.title).map((r) => r.title)).toEqual(['整治生活污水推进']);
  });

  it('the PDF LibreOffice prints gives the same tasks, its table (broken by a page) rebuilt from the ruled lines', () => {
    expect(imported('every-form.pdf')).toEqual(reference);
  });

  it.each(['every-form-table.xlsx', 'every-form-table.csv'])('%s (the table part) gives the table tasks', (file) => {
    expect(imported(file)).toEqual(reference.filter(inTable));
  });

  it('has every form on disk', () => {
    const forms = readdirSync(GENRE).filter((f) => f.startsWith('every-form') && !f.endsWith('.json'));
    expect(forms.sort()).toEqual(['every-form-flat.txt', 'every-form-table.csv', 'every-form-table.xlsx', 'every-form.docx', 'every-form.html', 'every-form.pdf', 'every-form.txt']);
    expect(readFileSync(join(GENRE, 'every-form.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('plan import: every import loads', () => {
  const documents = [
    ...readdirSync(GENRE).filter((f) => !f.endsWith('.json')).map((f) => join(GENRE, f)),
    join(ROOT, 'tests/fixtures/import/seed-gb18030-crlf.txt'),
    join(ROOT, 'seeds/000_5ec73ae414d12c57.txt'),
  ];

  it.each(documents.map((d) => [d.slice(ROOT.length + 1), d]))('%s: plan check finds no error in what was written', (_name, document) => {
    const out = join(mkdtempSync(join(tmpdir(), 'plan-loads-')), 'plan');
    const r = plan(['import', document, '--out', out]);
    expect([0, 1], r.stdout + r.stderr).toContain(r.code);
    const checked = plan(['check', '--plan', out, '--format', 'json', '--as-of', '2024-03-01']);
    const diagnostics = JSON.parse(checked.stdout);
    const list: any[] = Array.isArray(diagnostics) ? diagnostics : diagnostics.diagnostics;
    expect(list.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.code).toBe(0);
  });
});
