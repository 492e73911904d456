/** A unit's checklist as it reads at a terminal. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, plan } from '../helpers.js';

describe('the checklist’s checkpoints, read at 80 columns (issue 26)', () => {
  it('in date order with a monthly cadence among written dates, wrapped between dates, with a full-width colon', () => {
    const dir = copyPlan();
    edit(join(dir, 'plan.yaml'), /^checkpoints:\n/m, 'checkpoints:\n  - every: month\n    day: 20\n    reporters: [towns, "leads:departments"]\n    recipient: gov-office\n');
    const r = plan(['checklist', 'town-linkou', '--plan', dir, '--as-of', '2021-10-01', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const start = r.stdout.indexOf('\n报送节点：') + 1;
    const block = r.stdout.slice(start, r.stdout.indexOf('\n\n', start));
    const dates = block.match(/\d{4}-\d{2}-\d{2}/g)!;
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(['2021-09-05', '2021-09-20', '2021-10-20', '2021-11-20', '2021-12-05', '2021-12-20']);
    for (const line of block.split('\n')) expect(line).toMatch(/^(报送节点：)?(\d{4}-\d{2}-\d{2}[、（])/);
    expect(block).toContain('（均报县政府办）');
    expect(r.stdout).toContain('\n任务内容：\n');
  });
});
