/**
 * Text that breaks a format: characters XML forbids (U+FFFE, U+FFFF, C0
 * controls, lone surrogates), other noncharacters, and what hides or reorders
 * text (zero-width, bidirectional marks, separators) — raw in a plan file or
 * written as a YAML escape — are refused by plan check and plan update at
 * file:line:col with the code point, and never reach a .docx, HTML or SVG.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/render/formats.js';
import { html } from '../../src/render/reports/html.js';
import { safeText } from '../../src/render/text.js';
import { UNSAFE_IN_VALUE } from '../../src/unsafe-text.js';
import { copyPlan, plan } from '../helpers.js';

const CASES: [string, string, string][] = [
  // name, how it is written in a double-quoted YAML string, the code point named
  ['U+FFFE', '\\uFFFE', 'U+FFFE'],
  ['U+FFFF', '\\uffff', 'U+FFFF'],
  ['a noncharacter of the Arabic block', '\\uFDD0', 'U+FDD0'],
  ['a plane’s last code point', '\\U0001FFFF', 'U+1FFFF'],
  ['a lone surrogate', '\\ud800', 'U+D800'],
  ['BEL', '\\a', 'U+0007'],
  ['ESC', '\\e', 'U+001B'],
  ['NEL', '\\N', 'U+0085'],
  ['a zero-width space', '\\u200b', 'U+200B'],
  ['a zero-width joiner', '\\u200D', 'U+200D'],
  ['a word joiner', '\\u2060', 'U+2060'],
  ['a byte order mark inside text', '\\ufeff', 'U+FEFF'],
  ['a right-to-left mark', '\\u200F', 'U+200F'],
  ['the Arabic letter mark', '\\u061c', 'U+061C'],
  ['a right-to-left override', '\\u202e', 'U+202E'],
  ['a line separator', '\\L', 'U+2028'],
  ['a paragraph separator', '\\u2029', 'U+2029'],
];

function planWith(unitShort: string, progress: string): string {
  const dir = copyPlan({ progress: true });
  const units = join(dir, 'units.yaml');
  writeFileSync(units, readFileSync(units, 'utf8').replace('short: 县财政局', `short: ${unitShort}`));
  const status = join(dir, 'status/finance.yaml');
  writeFileSync(status, readFileSync(status, 'utf8').replace(/progress: .*/, `progress: ${progress}`));
  return dir;
}
const lineCol = (file: string, needle: string): string => {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  return `${i + 1}:${lines[i]!.indexOf(needle) + 1}`;
};

describe('characters that break a format or hide text', () => {
  it.each(CASES)('%s written as an escape in a short name is refused at the escape, naming the code point', (_name, escape, cp) => {
    const dir = planWith(`"县财政局${escape}"`, '正常');
    const r = plan(['check', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${lineCol(join(dir, 'units.yaml'), escape)}  error`);
    expect(r.stdout).toContain(cp);
    expect(r.stdout).toContain('control-character-escaped');
    // Every command that reads the plan refuses it: nothing is rendered from it.
    expect(plan(['summary', '--format', 'docx', '--out', join(dir, '..', 's.docx'), '--plan', dir, '--as-of', '2021-09-06']).code).toBe(1);
  });

  it.each(CASES.filter(([, , cp]) => !/D800|0007|001B|0085/.test(cp)))('%s written raw in a progress note is refused where it stands', (_name, _escape, cp) => {
    const char = String.fromCodePoint(parseInt(cp.slice(2), 16));
    const dir = planWith('县财政局', `已备案${char}完成`);
    const r = plan(['check', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${lineCol(join(dir, 'status/finance.yaml'), char)}  error`);
    expect(r.stdout).toContain(`the file holds the character ${cp}`);
  });

  it('a byte order mark at the start of a file, CRLF line ends, tabs and emoji pairs are fine', () => {
    const dir = planWith('"县财政局😀"', '"已备案\\t完成\\n第二行 \\ud83d\\ude00"');
    const status = join(dir, 'status/finance.yaml');
    writeFileSync(status, `\ufeff${readFileSync(status, 'utf8').replace(/\n/g, '\r\n')}`);
    const r = plan(['check', '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.stdout + r.stderr).not.toContain('control-character');
  });

  it.each([['\ufffe'], ['\u200b'], ['\u202e'], ['\u2028'], ['\u0007']])('plan update refuses %j in a progress note and writes nothing', (char) => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    const before = readFileSync(file, 'utf8');
    const r = plan(['update', 'finance', '3.1', '--progress', `说明${char}内容`, '--plan', dir, '--as-of', '2021-09-06']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/U\+[0-9A-F]{4}/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('the writers never let one through, whatever reached them (HTML, SVG and .docx go through safeText)', () => {
    const all = '\u0000\u0008\u000b\u001f\u007f\u0085\u061c\u200b\u200e\u200f\u2028\u2029\u202e\u2060\u2066\ufeff\ufdd0\ufffe\uffff\ud800\udc00x\ud83f\udffe';
    for (const out of [safeText(all), html(all)]) {
      expect(out).not.toMatch(UNSAFE_IN_VALUE);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
    expect(safeText('a\ufffeb')).toBe('a\\ufffeb');
    expect(safeText('😀')).toBe('😀');
  });

  it('a character that hides in front of a formula prefix does not hide it from the CSV writer', () => {
    for (const lead of ['\u200b', '\ufeff', '\u2060', '\u202e', ' ', '\u200b\u200b']) {
      for (const prefix of ['=', '+', '-', '@']) expect(csvCell(`${lead}${prefix}HYPERLINK("x")`).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('正常文本')).toBe('正常文本');
  });
});
