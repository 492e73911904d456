/**
 * Fuzz target for the readers: random YAML structure (block and flow
 * collections, anchors and aliases, quoted and plain keys such as 3.10,
 * duplicates, comments, deep nesting) scaled up to megabytes by repetition
 * and nesting. Whatever the text, the read path never throws, ends in time,
 * and when the quick reader returns a value it is the strict reader's.
 *
 * PLAN_FUZZ_RUNS=200 npm test runs more cases, with a new seed each time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYamlFull } from '../../src/load/full-yaml.js';
import { readQuickYaml } from '../../src/load/quick-yaml.js';
import { copyPlan } from '../helpers.js';
import { checkInProcess } from './pipeline.js';

const runs = Number(process.env.PLAN_FUZZ_RUNS ?? 12);
const seeded = process.env.PLAN_FUZZ_RUNS ? {} : { seed: 16 };

type Tree =
  | { kind: 'scalar'; text: string }
  | { kind: 'alias'; name: string }
  | { kind: 'map'; flow: boolean; anchor?: string; entries: [string, Tree][] }
  | { kind: 'seq'; flow: boolean; anchor?: string; items: Tree[] }
  | { kind: 'repeat'; times: number; body: Tree }
  | { kind: 'deep'; levels: number; flow: boolean; leaf: Tree };

const key = fc.constantFrom('unit', 'tasks', 'state', 'progress', 'evidence', '"2.1.3"', '2.1.3', '3.10', '3.1', "'3.1'", '"3.1"', 'x', '__proto__', 'true', 'null', '~', '? a', '"a\\u001bb"', 'k');
const scalar = fc.constantFrom('done', 'in_progress', '2021-09-01', '"引号 \\"转义\\""', "'单引号 ''x'''", '3.10', '-1', '.inf', '0x1f', 'plain text # comment', '|\n  block\n  text', '>-\n  folded', '"\\u00e9\\t"', '', '"unterminated', '[a, b', '{a: 1', '&a v', '*a', '!!str x', '" leading', '  ', '\\');
const anchorName = fc.constantFrom('a', 'b', 'c');

const tree = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((text): Tree => ({ kind: 'scalar', text })),
    anchorName.map((name): Tree => ({ kind: 'alias', name })),
    fc.record({ kind: fc.constant('map' as const), flow: fc.boolean(), anchor: fc.option(anchorName, { nil: undefined }), entries: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('seq' as const), flow: fc.boolean(), anchor: fc.option(anchorName, { nil: undefined }), items: fc.array(tie('tree'), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('repeat' as const), times: fc.integer({ min: 100, max: 30_000 }), body: tie('tree') }),
    fc.record({ kind: fc.constant('deep' as const), levels: fc.integer({ min: 10, max: 3000 }), flow: fc.boolean(), leaf: tie('tree') }),
  ),
})).tree;

const MAX_CHARS = 6_000_000;

/** Block YAML for a tree at an indentation; flow YAML inside flow. Stops growing past MAX_CHARS. */
function render(t: Tree, indent: number, flow: boolean, budget: { left: number }): string {
  if (budget.left <= 0) return 'x';
  const pad = ' '.repeat(indent);
  const anchor = (a?: string): string => (a ? `&${a} ` : '');
  let out: string;
  switch (t.kind) {
    case 'scalar':
      out = flow ? t.text.replace(/\n/g, ' ') : t.text.replace(/\n/g, `\n${pad}`);
      break;
    case 'alias':
      out = `*${t.name}`;
      break;
    case 'map':
      if (flow || t.flow) out = `${anchor(t.anchor)}{${t.entries.map(([k, v]) => `${k}: ${render(v, 0, true, budget)}`).join(', ')}}`;
      else out = `${anchor(t.anchor)}\n${t.entries.map(([k, v]) => `${pad}${k}: ${render(v, indent + 2, false, budget)}`).join('\n')}`;
      break;
    case 'seq':
      if (flow || t.flow) out = `${anchor(t.anchor)}[${t.items.map((v) => render(v, 0, true, budget)).join(', ')}]`;
      else out = `${anchor(t.anchor)}\n${t.items.map((v) => `${pad}- ${render(v, indent + 2, false, budget)}`).join('\n')}`;
      break;
    case 'repeat': {
      const one = render(t.body, indent, flow, budget);
      const times = Math.max(1, Math.min(t.times, Math.floor(budget.left / Math.max(1, one.length))));
      out = flow ? `[${Array(times).fill(one).join(', ')}]` : `\n${Array.from({ length: times }, (_, i) => `${pad}k${i}: ${one}`).join('\n')}`;
      break;
    }
    case 'deep': {
      const levels = Math.min(t.levels, Math.floor(Math.sqrt(Math.max(1, budget.left))));
      if (flow || t.flow) out = `${'['.repeat(levels)}${render(t.leaf, 0, true, budget)}${']'.repeat(levels)}`;
      else out = Array.from({ length: levels }, (_, i) => `\n${' '.repeat(indent + i * 2)}a:`).join('') + ` ${render(t.leaf, indent + levels * 2, false, budget)}`;
      break;
    }
  }
  budget.left -= out.length;
  return out;
}

function documentOf(t: Tree): string {
  const body = render(t, 2, false, { left: MAX_CHARS });
  return `unit: finance\ntasks:${body.startsWith('\n') ? body : ` ${body}`}\n`;
}

const dir = copyPlan({ progress: true });

describe('fuzzing the readers with random structure at large sizes', () => {
  it('never throw, end in time, and agree', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (t) => {
        const text = documentOf(t);
        writeFileSync(join(dir, 'status/finance.yaml'), text);
        const start = performance.now();
        const result = await checkInProcess(dir, '2021-12-31');
        const ms = performance.now() - start;
        expect(ms, `${text.length} chars took ${ms.toFixed(0)} ms`).toBeLessThan(10_000);
        for (const d of result.diagnostics) expect(typeof d.code).toBe('string');
        const quick = readQuickYaml(text);
        if (quick !== undefined) {
          const full = readYamlFull(text);
          expect(full.ok).toBe(true);
          if (full.ok) expect(quick).toEqual(full.value);
        }
      }),
      { numRuns: runs, ...seeded },
    );
  }, 600_000);
});
