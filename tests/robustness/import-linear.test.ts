/**
 * Every importer pattern runs in linear time: each reader is run on long
 * adversarial input (the shapes that make backtracking regexes explode) and
 * must finish in well under 2 s.
 */
import { describe, expect, it } from 'vitest';
import { findAnnotation, labelLine } from '../../src/importer/annotation.js';
import { deadlineInText, parseDeadline } from '../../src/importer/deadline.js';
import { documentFacts } from '../../src/importer/facts.js';
import { readCheckpoints } from '../../src/importer/checkpoints.js';
import { importDocument } from '../../src/importer/index.js';
import { NameBook } from '../../src/importer/names.js';
import { readClauses, splitUnits } from '../../src/importer/owners.js';
import { readTable } from '../../src/importer/table.js';
import { unflatten } from '../../src/importer/unflatten.js';
import { parseCsv } from '../../src/importer/forms/sheet.js';

const N = 100_000;
const inputs: [string, string][] = [
  ['spaces', ' '.repeat(2 * N)],
  ['open brackets', '（'.repeat(N)],
  ['close brackets', '）'.repeat(N)],
  ['labels', '牵头单位：'.repeat(N / 5)],
  ['label and spaces', `完成时限：${' '.repeat(N)}x`],
  ['unit list', `（${'县财政局、'.repeat(N / 5)}负责）`],
  ['unit list with 和', `${'县财政局和'.repeat(N / 5)}县审计局负责`],
  ['dates', '2021年12月底前'.repeat(N / 10)],
  ['date fragments', '2021年'.repeat(N / 5)],
  ['month runs', '12月'.repeat(N / 3)],
  ['headings', '1.'.repeat(N / 2)],
  ['checkpoint bait', '于2021年9月5日报'.repeat(N / 10)],
  ['metadata bait', `标题：${'a '.repeat(N / 2)}`],
  ['role words', '牵头负责配合'.repeat(N / 6)],
  ['relative bait', '自本方案印发之日起'.repeat(N / 9)],
  ['brackets with roles', '（县财政局负责）'.repeat(N / 8)],
  ['quotes', '"'.repeat(N)],
];

const fast = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

describe('importer patterns are linear on adversarial input', () => {
  it.each(inputs)('%s', (_name, text) => {
    const lines = [text];
    const ms = [
      fast(() => findAnnotation(text)),
      fast(() => labelLine(text)),
      fast(() => parseDeadline(text, 2021)),
      fast(() => deadlineInText(text, { year: 2021, signed: '2021-01-01' })),
      fast(() => splitUnits(text)),
      fast(() => readClauses(text)),
      fast(() => unflatten(lines)),
      fast(() => documentFacts(lines, [])),
      fast(() => readCheckpoints(lines, 2021, new NameBook(undefined), () => false)),
      fast(() => readTable([[text, text], [text, text]])),
      fast(() => parseCsv(text)),
      fast(() => importDocument(`${text}\n一、任务\n1.甲。（县财政局负责）\n${text}`, { sourceName: 'x' })),
    ];
    expect(Math.max(...ms)).toBeLessThan(1_500);
  });

  it('many tasks and many units stay linear (no quadratic lookups)', () => {
    // Warm up: the pinyin dictionary loads on first use.
    importDocument('一、任务\n1.甲。（县财政局负责）', { sourceName: 'x' });
    const body = Array.from({ length: 5_000 }, (_, i) => `${(i % 99) + 1}.任务${i}。（县单位${i % 500}局、县财政局负责，2021年12月底前完成）`).join('\n');
    expect(fast(() => importDocument(`一、任务\n${body}`, { sourceName: 'x' }))).toBeLessThan(2_000);
  });
});
