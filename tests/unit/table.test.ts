import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIBRARY_ROWS, renderTable, type Column, type Row } from '../../src/render/table.js';
import { displayWidth } from '../../src/render/text.js';

const red = (s: string): string => `\u001b[31m${s}\u001b[39m`;
const COLUMNS: Column[] = [{ header: 'ID' }, { header: '任务 Task', flex: true, min: 6 }, { header: 'Days', align: 'right' }, { header: 'Light' }];
const row = (i: number): Row => [`2.${i % 7}.${i % 13}`, i % 3 ? '做好市场规则标准和监管执法信息公开' : 'ASCII title, long enough to cut', { text: `${i % 120}d late`, paint: red }, i % 2 ? '逾期' : 'overdue'];
const strip = (s: string): string => s.replace(/\u001b\[\d+m/g, '');

describe('tables drawn by cli-table3', () => {
  it('puts every column at the same display offset on every line, CJK or not, and fits the width', () => {
    const lines = strip(renderTable(COLUMNS, Array.from({ length: 12 }, (_, i) => row(i)), 44)).split('\n');
    expect(lines[1]).toMatch(/^─+  ─+  ─+  ─+$/);
    // The column starts are where the rule's runs start.
    const starts = [...lines[1]!.matchAll(/─+/g)].map((m) => m.index);
    for (const line of lines.slice(2)) {
      expect(displayWidth(line)).toBeLessThanOrEqual(44);
      // The task (CJK or not, cut or not) starts where its rule starts, and the light after the days.
      expect(/^\S+ +/.exec(line)![0].length).toBe(starts[1]);
      expect(displayWidth(line.slice(0, line.search(/(逾期|overdue)$/)))).toBe(starts[3]);
    }
    expect(lines[2]).toContain('…');
    // Right-aligned: the Days cells end where the Days rule ends.
    const daysEnd = starts[2]! + lines[1]!.slice(starts[2]!).indexOf(' ');
    for (const line of lines.slice(2)) expect(displayWidth(line.slice(0, line.indexOf('d late') + 6))).toBe(daysEnd);
  });

  it('writes longer tables line by line with the very same text', () => {
    const rows = Array.from({ length: LIBRARY_ROWS + 1 }, (_, i) => row(i));
    const byLibrary = renderTable(COLUMNS, rows.slice(0, LIBRARY_ROWS), 60).split('\n');
    const byLines = renderTable(COLUMNS, rows, 60).split('\n');
    expect(byLines).toHaveLength(LIBRARY_ROWS + 3);
    expect(byLines.slice(0, LIBRARY_ROWS + 2)).toEqual(byLibrary);
    expect(byLibrary.some((l) => l.includes('\u001b[31m'))).toBe(true);
  });

  it('draws a table without colour line by line, as cli-table3 draws it with colour (random tables, CJK, cut, aligned)', () => {
    // Every paint that changes nothing leaves the table to the line writer; a coloured one goes to cli-table3.
    const plain = (s: string): string => s;
    const piece = fc.constantFrom('a', 'Z', '7', ' ', '-', '.', '任', '务', '县', '（', '）', '、', '：', '—', '…', '·');
    const text = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));
    // Every column has a heading (a label): cli-table3 gives a column with no heading and no text one space more.
    const heading = fc.array(piece, { minLength: 1, maxLength: 24 }).map((p) => p.join(''));
    const column = fc.record({ header: heading, align: fc.constantFrom<'left' | 'right' | undefined>('left', 'right', undefined), flex: fc.boolean(), min: fc.integer({ min: 1, max: 12 }), weight: fc.integer({ min: 1, max: 3 }) });
    const table = fc.array(column, { minLength: 1, maxLength: 6 }).chain((columns) =>
      fc.record({ columns: fc.constant(columns as Column[]), rows: fc.array(fc.array(text, { minLength: columns.length, maxLength: columns.length }), { minLength: 1, maxLength: 30 }), width: fc.integer({ min: 10, max: 140 }) }),
    );
    fc.assert(
      fc.property(table, ({ columns, rows, width }) => {
        const byLines = renderTable(columns, rows.map((r) => r.map((t) => ({ text: t, paint: plain }))), width);
        const byLibrary = renderTable(columns, rows.map((r) => r.map((t) => ({ text: t, paint: red }))), width);
        expect(byLibrary).toContain('\u001b[31m');
        // The colour codes after a cell's own trailing spaces keep them from being trimmed; the line writer trims them as cli-table3 does a plain line.
        expect(byLines).toBe(strip(byLibrary).split('\n').map((l) => l.trimEnd()).join('\n'));
      }),
      { numRuns: 500 },
    );
  });
});
