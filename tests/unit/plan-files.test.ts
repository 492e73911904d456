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
import { noControlBytes } from '../../src/load/control-bytes.js';
import { UNSAFE_IN_FILE } from '../../src/unsafe-text.js';
import { readOne, readText } from '../../src/load/plan-files.js';

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

  it.each([
    ['a byte that is not UTF-8 inside Chinese text', Buffer.concat([Buffer.from('a: 中文\nb: "中'), Buffer.from([0xff]), Buffer.from('文"\n')]), 'file-not-utf8'],
    ['a character cut short inside Chinese text', Buffer.concat([Buffer.from('a: 中文\nb: "中'), Buffer.from('文').subarray(0, 2), Buffer.from('"\n')]), 'file-not-utf8'],
    ['a NUL inside Chinese text', Buffer.from('a: 中文\nb: "中\u0000文"\n'), 'file-binary'],
  ])('refuses %s, on its line', (_name, bytes, code) => {
    expect(throughFile(bytes)).toMatchObject({ code, line: 2 });
  });
});

// The characters readOne refuses raw, as plan-files.ts says them.
const CONTROL = UNSAFE_IN_FILE;
// Each of them, their neighbours, and what surrounds them in a plan file.
const near = fc.oneof(
  fc.integer({ min: 0, max: 0x20 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7e, max: 0xa1 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x2028, max: 0x2030 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x2064, max: 0x206b }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x2008, max: 0x2011 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xfdcf, max: 0xfdf0 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xfefe, max: 0xff00 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xfff0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x205f, max: 0x2061 }).map((c) => String.fromCharCode(c)),
  fc.constantFrom(0x1fffe, 0x1ffff, 0x2fffd, 0x10fffe, 0x10ffff, 0xefffe, 0x1fffd, 0x1f600).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('\r\n', 'a', '中', '“', '…', '—', '😀', '，', '\u061c', '\u061b', '\u2080', '\u20aa', '\u01aa', '\u00c2'),
);

describe('control characters found in the bytes', () => {
  it('exactly where the expression over the text finds them, at every alignment', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof({ weight: 1, arbitrary: near }, { weight: 4, arbitrary: fc.constantFrom('a', ' ', '中', '\n') }), maxLength: 40 }), fc.nat({ max: 3 }), (text, shift) => {
        const bytes = Buffer.from(text, 'utf8');
        const shifted = Buffer.alloc(bytes.length + shift);
        bytes.copy(shifted, shift);
        expect(noControlBytes(shifted.subarray(shift)), JSON.stringify(text)).toBe(!CONTROL.test(text));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it.each([
    ['a DEL at the end', 'a: b\u007f'],
    ['a CR at the end', 'a: b\r'],
    ['a C1 control inside Chinese text', 'a: "中文\u0085中文"'],
    ['a bidi override inside Chinese text', 'a: "中文\u202e中文"'],
    ['an escape in the third byte of a word', 'abc\u001b'],
  ])('%s: refused at its place in characters', async (_name, text) => {
    const file = join(dir, `c${n++}.yaml`);
    writeFileSync(file, text);
    const read = await readOne({ kind: 'status', file, stem: 'x' });
    const at = CONTROL.exec(text)!.index;
    expect(read).toMatchObject({ diagnostic: { code: 'control-character', line: 1, col: at + 1 } });
  });
});
