/**
 * Reading a plan file's bytes: the faster ways of decoding and checking them
 * must give what the plain ones give (`toString('utf8')`, the control regex),
 * on every kind of UTF-8 text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/load/plan-files.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-files-'));
let n = 0;
function throughFile(bytes: Buffer): string | object {
  const file = join(dir, `f${n++}.yaml`);
  writeFileSync(file, bytes);
  return readText(file);
}

// Code points from every UTF-8 length, and the ones readers treat specially.
const char = fc.oneof(
  fc.constantFrom('a', ' ', '\n', ':', '"', '\\', '中', '文', '，', '“', '…', '\ufeff', '\u00a0', '\u0085', '\u2028', '\ufffe', '\uffff', '😀', '\u{10ffff}', 'é'),
  fc.integer({ min: 1, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
);

describe('reading a UTF-8 plan file', () => {
  it('gives the text toString("utf8") gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 200 }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(throughFile(bytes)).toBe(bytes.toString('utf8'));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it.each([
    ['empty', ''],
    ['ASCII only', 'unit: a\ntasks:\n  "1.1":\n    state: done\n'],
    ['a byte-order mark first', '\ufeffunit: a\n'],
    ['past 64 K characters (a large string)', `progress: "${'中文，'.repeat(30_000)}😀"\n`],
  ])('%s', (_name, text) => {
    expect(throughFile(Buffer.from(text, 'utf8'))).toBe(text);
  });
});
