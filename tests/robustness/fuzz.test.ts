/**
 * Random damage to valid plan files: `plan check` and `plan status` may only
 * ever answer with diagnostics and a documented exit code, never a crash.
 * FUZZ_RUNS=5000 npm test runs longer, with a new seed each time.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/ledger/index.js';
import { STATUS_FORMATS } from '../../src/render/reports/status.js';
import { copyPlan, plan } from '../helpers.js';
import { checkInProcess } from './pipeline.js';

const runs = Number(process.env.FUZZ_RUNS ?? 150);
const seeded = process.env.FUZZ_RUNS ? {} : { seed: 42 };

const dir = copyPlan({ progress: true });
const files = ['plan.yaml', 'units.yaml', ...readdirSync(join(dir, 'tasks')).map((f) => `tasks/${f}`), ...readdirSync(join(dir, 'status')).filter((f) => f.endsWith('.yaml')).map((f) => `status/${f}`)];
const originals = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

const values = ['123', 'true', 'null', '[]', '{}', '"x"', '2021/9/5', '2021-02-30', '~', '[a, b]', '-1', '"\\u001b[31m"', '&a', '*a', '!!str x', '|', "'"];
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: fc.constantFrom(...values) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 6 }) }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -2, max: 3 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = m.at % Math.max(1, lines.length);
  switch (m.op) {
    case 'delete-line':
      return lines.filter((_, k) => k !== i).join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
    case 'retype':
      return lines.map((l, k) => (k === i ? l.replace(/(:\s+|- ).*$/, `$1${m.value}`) : l)).join('\n');
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'indent':
      return lines.map((l, k) => (k === i ? (m.by >= 0 ? ' '.repeat(m.by) + l : l.slice(-m.by)) : l)).join('\n');
  }
}

const damage = fc.record({ file: fc.constantFrom(...files), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

function apply({ file, mutations }: { file: string; mutations: Mutation[] }): void {
  for (const [f, text] of originals) writeFileSync(join(dir, f), text);
  writeFileSync(join(dir, file), mutations.reduce(mutate, originals.get(file)!));
}

describe('fuzzing plan files', () => {
  it('the read path and the report never throw', async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        apply(d);
        const result = await checkInProcess(dir, '2021-12-31');
        for (const diag of result.diagnostics) {
          expect(typeof diag.code).toBe('string');
          expect(diag.file.startsWith(dir)).toBe(true);
        }
        if (result.data && !result.diagnostics.some((x) => x.severity === 'error')) {
          const ledger = buildLedger(result.data, result.asOf);
          for (const format of ['table', 'json', 'csv', 'md'] as const) {
            STATUS_FORMATS[format]({ ledger, rows: ledger.rows }, { lang: 'zh', paint: { red: String, yellow: String, green: String, dim: String, bold: String }, columns: 80 });
          }
        }
      }),
      { numRuns: runs, ...seeded },
    );
  }, 600_000);

  it('the CLI ends with 0, 1 or 2 and a message, never an internal error', () => {
    fc.assert(
      fc.property(damage, (d) => {
        apply(d);
        for (const command of ['check', 'status']) {
          const r = plan([command, '--plan', dir, '--as-of', '2021-12-31']);
          expect([0, 1, 2], `${command} ${JSON.stringify(d)}: ${r.stderr}`).toContain(r.code);
          expect(r.stderr).not.toContain('internal error');
          if (r.code !== 0) expect((r.stdout + r.stderr).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: Math.max(8, Math.round(runs / 12)), ...seeded },
    );
  }, 600_000);
});
