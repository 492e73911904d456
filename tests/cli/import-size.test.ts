/** plan import of very large documents: what it writes, plan check can read; what no plan is, it refuses at once with the size. */
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../helpers.js';

function csv(rows: number, text: (i: number) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-import-size-')), 'big.csv');
  const lines = ['序号,工作任务,牵头单位,完成时限'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${text(i)},县财政局,2021年12月31日前`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('plan import of large documents', () => {
  it('splits a part whose task file would pass the reader’s limit, so plan check reads what import wrote', { timeout: 60_000 }, () => {
    const file = csv(3000, (i) => `公开第${i}项${'政务公开内容'.repeat(250)}`);
    const out = join(mkdtempSync(join(tmpdir(), 'plan-import-size-')), 'plan');
    const r = plan(['import', file, '--out', out, '--as-of', '2021-09-01'], {});
    expect(r.stdout).toContain(`to ${out}`);
    const tasks = readdirSync(join(out, 'tasks'));
    expect(tasks.length).toBeGreaterThan(1);
    for (const t of tasks) expect(statSync(join(out, 'tasks', t)).size).toBeLessThan(8 * 1024 * 1024);
    const check = plan(['check', '--plan', out, '--as-of', '2021-09-01', '--format', 'json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });

  it('refuses a 200,000-row table before importing it: exit 2, the count and the size, nothing written, in about a second', () => {
    const file = csv(200_000, (i) => `公开第${i}项`);
    expect(statSync(file).size).toBeGreaterThan(10_000_000);
    const out = join(mkdtempSync(join(tmpdir(), 'plan-import-size-')), 'plan');
    const start = Date.now();
    const r = plan(['import', file, '--out', out, '--as-of', '2021-09-01']);
    const ms = Date.now() - start;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has 200001 lines and table rows, more than an import takes \(50000\)/);
    expect(existsSync(out)).toBe(false);
    expect(ms).toBeLessThan(6000);
  });
});
