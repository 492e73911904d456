import { describe, expect, it } from 'vitest';
import { csvCell, md } from '../../src/render/formats.js';
import { renderTable } from '../../src/render/table.js';
import { displayWidth, safeText, truncate, wrapPhrases } from '../../src/render/text.js';

describe('display width', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('县财政局')).toBe(8);
    expect(displayWidth('（一）')).toBe(6);
    expect(displayWidth('2021年12月底前')).toBe(14);
  });

  it('cuts by width with …, never inside a character', () => {
    expect(truncate('做好市场规则标准和监管执法信息公开', 9)).toBe('做好市场…');
    expect(displayWidth(truncate('做好市场规则标准和监管执法信息公开', 10))).toBeLessThanOrEqual(10);
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('𠀀𠀀𠀀', 5)).toBe('𠀀𠀀…');
  });
});

describe('tables', () => {
  it('keeps columns aligned with mixed CJK and ASCII text, and fits the width', () => {
    const out = renderTable(
      [{ header: 'ID' }, { header: 'Task', flex: true, min: 6 }, { header: 'Light' }],
      [['2.1.1', '做好各类规划主动公开', 'ok'], ['3.10', 'ASCII title that is long', 'late']],
      30,
    );
    const lines = out.split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    const col = (l: string): number => displayWidth(l.slice(0, l.search(/ok|late|Light/)));
    expect(new Set([lines[0], lines[2], lines[3]].map((l) => col(l!))).size).toBe(1);
  });
});

describe('untrusted text', () => {
  it('shows terminal control sequences instead of sending them', () => {
    expect(safeText('a\u001b[31mred\u0007\rb\u202e')).toBe('a\\x1b[31mred\\x07\\x0db\\u202e');
    expect(safeText('line\nbreak')).toBe('line break');
  });

  it('neutralises spreadsheet formulas in CSV and quotes where needed', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('县财政局')).toBe('县财政局');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('escapes Markdown and HTML in data', () => {
    expect(md('<script>alert(1)</script> *x* | [a](b)')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| \\[a\\](b)');
    // Parentheses need no escape (二(一) stays readable); block markers only at the start.
    expect(md('二(一)3 a-b #1 1. x')).toBe('二(一)3 a-b #1 1. x');
    expect(md('# x')).toBe('\\# x');
    expect(md('- x')).toBe('\\- x');
    expect(md('1. x')).toBe('1\\. x');
    expect(md('3.1')).toBe('3.1');
    expect(md('---')).toBe('\\---');
    expect(md('a\u001b[31mb\u202e')).toBe('a\\\\x1b\\[31mb\\\\u202e');
  });
});

describe('large outputs', () => {
  it('renders a table of 200,000 rows without overflowing the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), '县财政局']);
    const out = renderTable([{ header: 'N' }, { header: 'Unit' }], rows, 80);
    expect(out.split('\n')).toHaveLength(200_002);
  });
});

describe('displayWidth by char code', () => {
  // The reference: every code point of the string (lone surrogates as themselves) measured one by one.
  const reference = (s: string): number => [...s].reduce((w, ch) => w + displayWidth(ch), 0);
  it('equals the sum of its code points, for any string (CJK, emoji, combining marks, lone surrogates)', async () => {
    const fc = (await import('fast-check')).default;
    const pieces = fc.constantFrom('a', ' ', '中', '〔', '１', '😀', '\u0301', '\u200b', '\ud800', '\udc00', 'é', '─', '…', '\u{20000}');
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces).map((p) => p.join(''))), (s) => {
      expect(displayWidth(s)).toBe(reference(s));
    }), { numRuns: 2000 });
    expect(displayWidth('林口县a😀')).toBe(9);
  });
});

describe('wrapPhrases: a sentence wrapped between its phrases', () => {
  it('never breaks inside brackets; breaks after 、 or at a space', () => {
    const line = '尚未报送（2021-12-05）：县财政局、县发改局、县教育局、县民政局、县司法局、县人社局、县住建局、县交通局（10 个单位中 8 个）';
    for (const width of [30, 40, 50, 60, 80]) {
      const lines = wrapPhrases(line, width).split('\n');
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      expect(lines.join('')).toBe(line.replace(/ (?![^（]*）)/g, ''));
      expect(lines.some((l) => l.includes('（10 个单位中 8 个）'))).toBe(true);
      for (const l of lines.slice(1)) expect(l).not.toMatch(/^[、，。；：]/);
    }
  });

  it('English keeps its spaces and its parenthesis whole', () => {
    const line = 'Finance, Development and Reform, Education have not returned their forms for 2021-12-05 (3 of 10)';
    const lines = wrapPhrases(line, 40).split('\n');
    expect(lines.join(' ')).toBe(line);
    expect(lines.at(-1)).toContain('(3 of 10)');
  });
});
