/** plan check on the office's records: decisions about claims, answers to requests, dates in order, reasons where required. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyPlan, edit, lineOf, plan } from '../helpers.js';

it('names file:line:col for a decision without a claim, an answer without a decision, dates out of order and missing reasons', () => {
  const dir = copyPlan();
  edit(join(dir, 'plan.yaml'), /^warnDays: 14$/m, 'review: required\nwarnDays: 14');
  const file = join(dir, 'status/finance.yaml');
  writeFileSync(
    file,
    `unit: finance
tasks:
  "2.1.3":
    state: in_progress
    review:
      - { date: 2021-11-22, decision: accepted, by: gov-office }
      - { date: 2021-11-20, decision: returned, by: gov-office }
  "2.3.1":
    state: in_progress
    extensions:
      - { requested: 2021-11-25, to: 2021-12-20, reason: 系统改造, decision: granted, decided: 2021-11-20 }
      - { requested: 2021-11-26, to: 2021-12-25, reason: 再延, decision: denied, decided: 2021-11-27 }
      - { requested: 2021-11-28, to: 2021-11-29, reason: 又延, decidedBy: gov-office }
`,
  );
  const r = plan(['check', '--plan', dir, '--format', 'json', '--as-of', '2021-12-01']);
  expect(r.code).toBe(1);
  const found = (JSON.parse(r.stdout) as { code: string; file: string; line: number; column?: number; col?: number }[]).filter((d) => d.file.endsWith('finance.yaml'));
  const at = (code: string): number[] => found.filter((d) => d.code === code).map((d) => d.line);
  expect(at('review-without-claim')).toEqual([lineOf(file, 'decision: accepted'), lineOf(file, 'decision: returned')]);
  expect(at('review-out-of-order')).toEqual([lineOf(file, 'decision: returned')]);
  expect(at('review-reason-missing')).toEqual([lineOf(file, 'decision: returned')]);
  expect(at('extension-decided-before-request')).toEqual([lineOf(file, '系统改造')]);
  expect(at('extension-reason-missing')).toEqual([lineOf(file, '再延')]);
  expect(at('extension-answer-without-decision')).toEqual([lineOf(file, '又延')]);
  expect(at('extension-not-later')).toEqual([lineOf(file, '又延')]);
  const stylish = plan(['check', '--plan', dir, '--as-of', '2021-12-01']).stdout;
  expect(stylish).toMatch(new RegExp(`${lineOf(file, 'decision: accepted')}:\\d+ +error +task 2\\.1\\.3: the decision \\(accepted, 2021-11-22\\) is about no claim`));
});
