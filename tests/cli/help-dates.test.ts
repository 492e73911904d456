/** Examples in help use the plan's own dates, not a year the plan does not cover (issue 26). */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, plan } from '../helpers.js';

describe('examples in help', () => {
  it('name the plan’s next checkpoint, else its last', () => {
    const dir = copyPlan();
    // The embedded plan's checkpoints are both past: its last.
    expect(plan(['forms', '--help'], { cwd: dirname(dir) }).stdout).toContain('plan forms --out forms/ --checkpoint 2021-12-05');
    edit(join(dir, 'plan.yaml'), /2021-12-05/g, '2099-06-30');
    const r = plan(['summary', '--help'], { cwd: dirname(dir) });
    expect(r.stdout).toContain('--checkpoint 2099-06-30');
    expect(r.stdout).not.toContain('2021-12-05');
    // And so does the example in the message for a date that does not exist.
    const bad = plan(['status', '--as-of', '2021-02-30'], { cwd: dirname(dir) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('e.g. 2099-06-30');
  });
});
