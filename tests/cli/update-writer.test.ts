/**
 * What `plan update` writes: the file's own line ends and byte order mark,
 * entries that share YAML anchors, a repeat that changes nothing, and a
 * reopened task that loses its completion date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, plan } from '../helpers.js';

const at = (dir: string, asOf: string) => ['--plan', dir, '--as-of', asOf];

describe('plan update keeps the file as it is written', () => {
  it('keeps CRLF line ends and a byte order mark, with no mixed line ends', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    writeFileSync(file, `\ufeff${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
    expect(plan(['update', 'finance', '2.1.3', '--progress', '新进展', ...at(dir, '2021-10-01')]).code).toBe(0);
    expect(plan(['update', 'finance', '2.1.5', '--state', 'in_progress', ...at(dir, '2021-10-01')]).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('\ufeff# yaml-language-server')).toBe(true);
    expect(after).toContain('    progress: 新进展\r\n');
    expect(after).toContain('  "2.1.5":\r\n    state: in_progress\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(plan(['check', ...at(dir, '2021-10-01')]).code).toBe(0);
  });

  it('updates an entry that is an alias, or holds an anchor used elsewhere, without touching the other entry', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    writeFileSync(
      file,
      'unit: finance\ntasks:\n  "2.1.3": &shared\n    state: in_progress\n    progress: &p 同一进展\n  "2.1.5": *shared\n  "3.1":\n    state: in_progress\n    progress: *p\n',
    );
    expect(plan(['check', ...at(dir, '2021-10-01')]).code).toBe(0);
    const r1 = plan(['update', 'finance', '2.1.5', '--progress', '只改2.1.5', ...at(dir, '2021-10-01')]);
    expect(r1.stderr).toBe('');
    expect(r1.code).toBe(0);
    const r2 = plan(['update', 'finance', '2.1.3', '--state', 'blocked', '--reason', '等待', ...at(dir, '2021-10-01')]);
    expect(r2.stderr).toBe('');
    expect(r2.code).toBe(0);
    const json = JSON.parse(plan(['status', '--unit', 'finance', '--format', 'json', ...at(dir, '2021-10-01')]).stdout);
    const state = (id: string) => json.tasks.find((t: any) => t.id === id).assignments[0].state;
    expect([state('2.1.3'), state('2.1.5'), state('3.1')]).toEqual(['blocked', 'in_progress', 'in_progress']);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('progress: 只改2.1.5');
    // 3.1 keeps the progress its alias pointed at.
    expect(text).toMatch(/"3\.1":\n {4}state: in_progress\n {4}progress: (\*p|同一进展)\n/);
    expect(plan(['check', ...at(dir, '2021-10-01')]).code).toBe(0);
  });
});

describe('plan update records what happened', () => {
  it('records nothing and writes nothing when the update changes nothing', () => {
    const dir = copyPlan({ progress: true });
    const file = join(dir, 'status/finance.yaml');
    expect(plan(['update', 'finance', '2.1.3', '--state', 'in_progress', '--progress', '同样', ...at(dir, '2021-10-01')]).code).toBe(0);
    const once = readFileSync(file, 'utf8');
    const r = plan(['update', 'finance', '2.1.3', '--state', 'in_progress', '--progress', '同样', ...at(dir, '2021-10-02')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('unchanged 县财政局 · 2.1.3 做好财政信息公开: already in progress with the same details\n');
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('drops the completion date when a done task is reopened, and the history keeps the real completion', () => {
    const dir = copyPlan();
    const file = join(dir, 'status/finance.yaml');
    expect(plan(['update', 'finance', '2.1.3', '--state', 'done', ...at(dir, '2021-09-03')]).code).toBe(0);
    expect(plan(['update', 'finance', '2.1.3', '--state', 'in_progress', '--progress', '返工', ...at(dir, '2021-09-04')]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('completed:');
    expect(plan(['update', 'finance', '2.1.3', '--state', 'done', '--completed', '2021-09-18', ...at(dir, '2021-09-20')]).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('    completed: 2021-09-18\n');
    expect(text).toContain('      - date: 2021-09-20\n        from: in_progress\n        to: done\n        completed: 2021-09-18\n');
    const history = JSON.parse(plan(['history', 'finance', '2.1.3', '--format', 'json', ...at(dir, '2021-09-20')]).stdout).history;
    expect(history.map((h: any) => [h.date, h.to, h.completed])).toEqual([
      ['2021-09-03', 'done', undefined],
      ['2021-09-04', 'in_progress', undefined],
      ['2021-09-20', 'done', '2021-09-18'],
    ]);
    expect(plan(['check', ...at(dir, '2021-09-20')]).code).toBe(0);
  });

  it('refuses --completed for a task that would not be done', () => {
    const dir = copyPlan({ progress: true });
    const r = plan(['update', 'finance', '2.1.3', '--state', 'in_progress', '--completed', '2021-09-18', ...at(dir, '2021-09-20')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--completed is for a task that is done');
  });
});
