import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, plan } from '../helpers.js';

function withHistory(): string {
  const dir = copyPlan();
  const run = (args: string[], asOf: string): void => {
    expect(plan(['update', ...args, '--plan', dir, '--as-of', asOf]).code).toBe(0);
  };
  run(['finance', '3.1', '--state', 'done', '--evidence', 'https://example.org/a'], '2021-09-03');
  run(['finance', '3.3', '--state', 'done', '--evidence', 'https://example.org/b', '--progress', '已完成回头看自查'], '2021-09-09');
  run(['finance', '2.1.3', '--state', 'in_progress', '--progress', '预算公开范围扩大'], '2021-09-20');
  return dir;
}

describe('plan report', () => {
  it('reports at the next checkpoint what changed since the one before', () => {
    const dir = withHistory();
    const out = JSON.parse(plan(['report', '县财政局', '--plan', dir, '--as-of', '2021-11-30', '--format', 'json']).stdout);
    expect([out.unit, out.from, out.to, out.checkpoint]).toEqual(['finance', '2021-09-05', '2021-12-05', { date: '2021-12-05', recipient: 'gov-office' }]);
    expect(out.tasks).toHaveLength(16);
    expect(out.tasks.find((t: any) => t.task === '3.3')).toMatchObject({ state: 'done', completed: '2021-09-09', progress: '已完成回头看自查', evidence: ['https://example.org/b'] });
    // 3.1 was done on 2021-09-03, before the first checkpoint: reported then, not now.
    expect(out.changes.map((c: any) => [c.date, c.task, c.from, c.to])).toEqual([
      ['2021-09-09', '3.3', 'not_started', 'done'],
      ['2021-09-20', '2.1.3', 'not_started', 'in_progress'],
    ]);
  });

  it('for the first checkpoint counts from the signing of the plan', () => {
    const dir = withHistory();
    const out = JSON.parse(plan(['report', 'finance', '--checkpoint', '2021-09-05', '--plan', dir, '--as-of', '2021-11-30', '--format', 'json']).stdout);
    expect([out.from, out.to]).toEqual(['2021-08-30', '2021-09-05']);
    expect(out.changes.map((c: any) => c.task)).toEqual(['3.1']);
  });

  it('writes one Markdown report per unit of a group', () => {
    const dir = withHistory();
    const out = join(mkdtempSync(join(tmpdir(), 'plan-report-')), 'r');
    expect(plan(['report', '各镇人民政府', '--out', out, '--plan', dir, '--as-of', '2021-11-30']).code).toBe(0);
    expect(readdirSync(out)).toHaveLength(11);
    const md = readFileSync(join(out, 'town-linkou-2021-12-05.md'), 'utf8');
    expect(md).toContain('# 林口镇 · Progress report');
    expect(md).toContain('Checkpoint: 2021-12-05 → 县政府办');
    expect(md).toContain('No change was recorded in this period.');
  });

  it('shows progress and evidence in the Markdown table', () => {
    const dir = withHistory();
    const md = plan(['report', 'finance', '--plan', dir, '--as-of', '2021-11-30', '--lang', 'zh']).stdout;
    expect(md).toContain('| 3.3 | 狠抓任务落实 | 责任 | 2021-09-10 | 已完成（2021-09-09，提前1天完成） | 已完成 | 已完成回头看自查<br><https://example.org/b> |');
    expect(md).toContain('- 2021-09-20 **2.1.3 做好财政信息公开**: 未启动 → 推进中 — 预算公开范围扩大');
  });
});
