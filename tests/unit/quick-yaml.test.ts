/**
 * The quick reader against the strict one: whenever the quick reader gives a
 * value, the strict reader must accept the same text and give the same value.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYamlFull } from '../../src/load/full-yaml.js';
import { locateQuick, pathKey, readQuickYaml } from '../../src/load/quick-yaml.js';
import { stringify } from 'yaml';
import { mkdtempSync } from 'node:fs';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
// @ts-expect-error: the generator is a plain script without types.
import { generatePlan } from '../../scripts/gen.mjs';
import { ROOT } from '../helpers.js';

function agree(text: string): 'quick' | 'full-only' | 'rejected' {
  const quick = readQuickYaml(text);
  const full = readYamlFull(text);
  if (quick === undefined) return full.ok ? 'full-only' : 'rejected';
  expect(full.ok ? null : full.problem, `strict reader rejects what the quick one read: ${JSON.stringify(text)}`).toBe(null);
  if (full.ok) expect(quick, text).toStrictEqual(full.value);
  return 'quick';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('quick reader', () => {
  // A small generated plan, as the benchmark makes them, joins the fixtures.
  const generated = mkdtempSync(join(tmpdir(), 'plan-gen-'));
  generatePlan({ tasks: 12, units: 30, out: generated, seed: 7 });
  const files = [...yamlFiles(join(ROOT, 'plan')), ...yamlFiles(join(ROOT, 'tests/fixtures')), ...yamlFiles(generated)];

  it.each(files.map((f) => [f.startsWith(ROOT) ? f.slice(ROOT.length + 1) : f.slice(generated.length - 12), f]))('reads %s as the strict reader does, itself', (_name, file) => {
    // The plan's own files are written in the subset: they must not need the slow path.
    expect(agree(readFileSync(file, 'utf8'))).toBe('quick');
  });

  it.each([
    'a: 1\nb: -2\nc: +3\nd: 0o17\ne: 0x1F\nf: 1.5\ng: .5\nh: 1e3\ni: -.inf\nj: .NaN\nk: 007\nl: 1_000\nm: 0x\n',
    'a: true\nb: False\nc: TRUE\nd: yes\ne: ~\nf: null\ng: NULL\nh:\ni: Null\n',
    'date: 2021-09-05\nid: "3.1"\nkey with spaces: value with spaces\nurl: https://example.org/a#b\n',
    "q: 'it''s'\nd: \"a\\\"b\\\\c\\u4e2d\\n\"\ncomment: value # trailing\nhash: a#b\n",
    'list: [a, "b", \'c\', 1, true]\nempty: []\nnested:\n  - x: 1\n    y: [2]\n  -\n    z: 3\n  - - deep\n',
    'top:\n- a\n- b\nnext: 1\n',
    '"3.10": x\n3.10: y\n',
    '\ufeffa: 1\r\nb: 2\r\n',
    '# only a comment\n',
    '',
    'a: b: c\n',
    'a: 1\na: 2\n',
    'a:\n  b: 1\n c: 2\n',
    'a: "unclosed\n',
    'a: [1, 2\n',
    '__proto__: {x: 1}\n',
    'a: |\n  text\n',
    'a: &x 1\nb: *x\n',
    '- a\n-b\n',
    'a:\tb\n',
    'a: x\n  continued\n',
    '? complex\n: key\n',
    'k: - x\n',
    'k: [a, ]\n',
    'k: [a]#c\n',
    'k: [https://x.org/a:b, a#b, c]\n',
    'k: [a:, b]\n',
    '---\na: 1\n',
    '--- \na: 1\n',
    'a: 1\n...\n',
    'a: 1\n---',
    '---a: 1\n',
    '...b: 1\n',
    'l:\n  - --\n  - ---x\n',
    // Characters outside ASCII next to the ones that decide the syntax.
    '中文键: 值\n"中\\"文": "值\\u4e2d“引”"\n',
    'k: [中:文, "引号\\"中", 中#文, 😀]\n',
    "k: '它''s 中'\n'键''': 😀\n",
    '😀: 😀 # 注\nk: 中 #注\n',
    'k: a\u0085b\nl: a\u00a0#b\nm: \u2028x\nn: a\ufeffb\no: \u00a0\n',
    'k: "\u3000"\nl: 中\u3000\nm:\u3000x\n',
    'k: "中\\\\"\nl: "\\"中\\""\nm: "中\\\n',
  ])('agrees on %j', (text) => {
    agree(text);
  });

  it('reads and locates in files of many short lines', () => {
    const text = `l:\n${'  - x\n'.repeat(600)}m:\n${'  - [1]\n'.repeat(300)}`;
    expect(agree(text)).toBe('quick');
    const at = locateQuick(text, new Set([pathKey(['l', 599]), pathKey(['m', 299, 0])]));
    expect(at?.get(pathKey(['l', 599]))).toEqual({ line: 601, col: 5 });
    expect(at?.get(pathKey(['m', 299, 0]))).toEqual({ line: 902, col: 6 });
  });

  it('keeps no file text alive through a plain value it returns', () => {
    // V8 makes a slice of 13 characters or more a view into the whole text.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const kept: unknown[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 40; i++) {
      // 200,000 characters of Chinese text (400 kB each), and the values a status file keeps.
      const text = `unit: a-unit-id-that-is-long-${i}\ntasks:\n  "1.1":\n    state: not_applicable\n    progress: "${'中文'.repeat(100_000)}"\n`;
      const data = readQuickYaml(text) as { unit: string; tasks: Record<string, { state: string }> };
      kept.push(data.unit, data.tasks['1.1']!.state);
    }
    gc();
    // Pinned, the 40 texts would be 16 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4_000_000);
    expect(kept).toHaveLength(80);
  });

  it('agrees on random mutations of plan files', () => {
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const pieces = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '"', "'", '[', ']', ',', '\n', '\t', '\\', '\\u4e2d', 'null', '3.1', '~', '&a', '*a', '|', '>', '{', '}', '?', '%', '---', '\r\n', '\u00a0', '中'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          let text = texts[which]!;
          for (const [at, cut, piece] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + piece + text.slice(i + (cut % 3));
          }
          agree(text);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), ...(process.env.FUZZ_RUNS ? {} : { seed: 20210830 }) },
    );
  }, 600_000);

  // Random documents written by the yaml package, and by hand with plain scalars
  // full of the characters that decide what a plain scalar is.
  const tricky = fc.string({ unit: fc.constantFrom('a', '中', ' ', ':', '#', '-', '"', "'", ',', '[', ']', '.', '1', '0', 'e', 'x', 'o', '~', '\\', '/', 'n', 'u', '?', '&', '*', '!', '|', '>', '%', '@', '`', '{', '}', '\u00a0', '\u3000', '\u001b') });
  const plainish = fc.string({ unit: fc.constantFrom('a', '中', '文', ' ', ':', '#', '-', '.', '1', '0', 'e', 'x', '/', '_', '，', '：', '“') });
  const text = fc.oneof({ weight: 3, arbitrary: plainish }, { weight: 1, arbitrary: tricky });
  const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  // Plan-shaped: a mapping at the root, collections never empty (`{}` and `[]` are not ours).
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
    map: fc.dictionary(text.filter((k) => k.trim() !== ''), tie('node'), { minKeys: 1, maxKeys: 4 }),
    list: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
  })).map;

  it('agrees on documents the yaml package writes', () => {
    const outcomes = { quick: 0, 'full-only': 0, rejected: 0 };
    fc.assert(
      fc.property(value, fc.nat({ max: 3 }), (v, style) => {
        outcomes[agree(stringify(v, { collectionStyle: style === 0 ? 'flow' : 'block', lineWidth: 0 }))]++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 600), ...(process.env.FUZZ_RUNS ? {} : { seed: 11 }) },
    );
    // The comparison means something only if the quick reader reads a fair number itself
    // (it leaves flow mappings, nested `- - ` and unusual escapes to the full reader).
    expect(outcomes.quick).toBeGreaterThan(Number(process.env.FUZZ_RUNS ?? 600) / 12);
  }, 600_000);

  it('agrees on plain scalars that look like numbers, dates, booleans', () => {
    const numberish = fc.string({ unit: fc.constantFrom('0', '1', '7', '9', '+', '-', '.', 'e', 'E', 'x', 'o', 'a', 'f', 'F', 'i', 'n', 'N', 'I', '_', ':', 't', 'u', 'l'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(numberish, (s) => {
        agree(`k: ${s}\n`);
      }),
      { numRuns: 2000, seed: 16 },
    );
    for (const s of ['2021-03-15', '0o17', '0x1F', '1e5', '-1.5e-3', '+.inf', '.NaN', '1_000', '12:30', '0x', '-', '+1', '.5', '5.', 'null', 'nul', 'Nope', 'trueish']) agree(`k: ${s}\n`);
  });

  it('agrees on hand-written plain scalars', () => {
    const key = fc.string({ unit: fc.constantFrom('a', '中', '1', '.', '-', ' ', ':', '#', '"', "'", '_'), minLength: 1, maxLength: 6 });
    const outcomes = { quick: 0, 'full-only': 0, rejected: 0 };
    fc.assert(
      fc.property(fc.array(fc.tuple(key, text, fc.nat({ max: 2 })), { minLength: 1, maxLength: 5 }), (entries) => {
        const doc = entries.map(([k, v, style]) => (style === 0 ? `${k}: ${v}` : style === 1 ? `${k}:\n  - ${v}` : `${k}: [${v}, ${v}]`)).join('\n');
        outcomes[agree(doc)]++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500), ...(process.env.FUZZ_RUNS ? {} : { seed: 12 }) },
    );
    expect(outcomes.quick).toBeGreaterThan(25);
  }, 600_000);
});
