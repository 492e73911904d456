/**
 * plan score on a season whose scores are worked out by hand below, from
 * tests/fixtures/score/plan (review: required; rules in its scoring.yaml):
 *
 *   closed-on-time   lead +2, responsible +1
 *   closed-late      lead -1 per day (cap 5), responsible -1 per started week
 *   open-overdue     lead -2 per started week (cap 6), responsible -1 per week (cap 3)
 *   returned -2 (all returns of a unit capped at 3) · extension granted -0.5, denied -1
 *   report-late      1–3 days: -0.5 per day; 4 days or more: -3 · report-missing -6
 *   base 100, floor 85
 * Tasks: 1.1 due 09-30 (lead finance; towns), 1.2 due 11-30 (lead water;
 * finance, towns), 1.3 due 12-20 (lead finance, water; east). Checkpoints
 * 09-15 and 12-05: towns and the lead units (finance, water) report.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { edit, lineOf, plan, ROOT } from '../helpers.js';
import { commitAll, FINANCE, initRepo, ISOLATED, write } from '../repo/git.js';

const FIXTURE = join(ROOT, 'tests/fixtures/score/plan');

function season(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'score-')), 'plan');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const score = (dir: string, args: string[]) => {
  const r = plan(['score', '--plan', dir, ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
};
const ranking = (dir: string, args: string[]) =>
  Object.fromEntries(JSON.parse(score(dir, [...args, '--format', 'json']).stdout).units.map((u: any) => [u.unit, [u.rank, u.total]]));

describe('plan score: a season scored by hand', () => {
  it('ranks the units on 2021-12-31, ties sharing a rank', () => {
    const dir = season();
    // finance (lead 1.1 and 1.3, responsible 1.2; reports as a lead unit):
    //   1.1 returned 10-02                                       -2
    //   1.1 accepted 10-10, done 10-08 vs 09-30: 8 days, -1/day = -8, cap 5   -5
    //   1.2 extension granted 11-22 (to 12-10)                   -0.5
    //   1.2 accepted 12-09, done 12-08 ≤ 12-10 in force: on time  +1
    //   1.3 returned 12-03 and 12-08                          -2 -2
    //   returns cap: -2 -2 -2 = -6, capped at 3                  +3
    //   1.3 accepted 12-16, done 12-15 ≤ 12-20: on time           +2
    //   report 12-05 received 12-07: 2 days × -0.5                -1
    //   100 - 2 - 5 - 0.5 + 1 - 4 + 3 + 2 - 1                  = 93.5
    // water (lead 1.2 and 1.3):
    //   1.2 extension denied 11-26 -1; still open on 12-31, 31 days late =
    //   5 started weeks × -2 = -10, cap 6 → -6; 1.3 accepted 12-19, on time +2;
    //   report 09-15 received 09-20, 5 days late (band 4+) -3; 12-05 missing -6
    //   100 - 1 - 6 + 2 - 3 - 6                                 = 86
    // east (responsible): 1.1 on time +1; 1.2 done 12-02, 2 days late, 1 week -1;
    //   1.3 claimed 12-30, still awaiting review: nothing yet; reports on time
    //   100 + 1 - 1                                             = 100
    // west (responsible): 1.1 done 10-05, 5 days late, 1 week -1; 1.2 never
    //   started, 31 days = 5 weeks × -1 = -5, cap 3 → -3; two reports missing -12
    //   100 - 1 - 3 - 12 = 84, below the floor                  → 85
    // north (since 2021-10-01): 1.1 was due before it joined and 09-15 too: not
    //   scored; 1.2 accepted 11-30, on time +1; report 12-05 2 days late -1
    //   100 + 1 - 1                                             = 100
    // office: assigned nothing, receives the reports: not ranked.
    expect(ranking(dir, ['--to', '2021-12-31'])).toEqual({ east: [1, 100], north: [1, 100], finance: [3, 93.5], water: [4, 86], west: [5, 85] });
    const table = score(dir, ['--to', '2021-12-31']).stdout;
    expect(table.split('\n').filter((l) => /^\s+\d+\s/.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['1', '东镇', '100'],
      ['1', '北镇', '100'],
      ['3', '县财政局', '93.5'],
      ['4', '县水务局', '86'],
      ['5', '西镇', '85'],
    ]);
  });

  it('gives the score as it stood on a past day, and over a period', () => {
    const dir = season();
    // On 10-31: finance -2 (returned 10-02) -5 (closed late 10-10) = 93; water: report
    // 5 days late -3 = 97; east: 1.1 on time +1 = 101; west: 1.1 late -1, 09-15
    // missing -6 = 93; north: nothing yet = 100. 1.2 is not yet due.
    expect(ranking(dir, ['--to', '2021-10-31'])).toEqual({ east: [1, 101], north: [2, 100], water: [3, 97], finance: [4, 93], west: [4, 93] });
    // On 10-05 finance's 1.1 was returned and open: 5 days late, 1 week × -2.
    expect(ranking(dir, ['--to', '2021-10-05']).finance).toEqual([4, 100 - 2 - 2]);
    // December only: finance 1.2 on time +1, returns -4 capped at 3 (+1), 1.3 +2,
    // late report -1 = 99; east 1.2 late -1 = 99; north late report -1 = 99;
    // west open-overdue -3 and 12-05 missing -6 = 91; water open-overdue -6,
    // 1.3 +2, 12-05 missing -6 = 90.
    expect(ranking(dir, ['--from', '2021-12-01', '--to', '2021-12-31'])).toEqual({ finance: [1, 99], east: [1, 99], north: [1, 99], west: [4, 91], water: [5, 90] });
    // The same record, the same result, whatever the machine's clock says.
    expect(score(dir, ['--to', '2021-12-31', '--format', 'csv']).stdout).toBe(score(dir, ['--to', '2021-12-31', '--format', 'csv', '--as-of', '2030-01-01']).stdout);
  });

  it('scores a claim when it closes under review: none (the completion dates it)', () => {
    const dir = season();
    edit(join(dir, 'plan.yaml'), 'review: required', 'review: none');
    // east's 1.3, done 12-30 against 12-20: 10 days late, 2 started weeks × -1.
    expect(ranking(dir, ['--to', '2021-12-31']).east).toEqual([2, 100 + 1 - 1 - 2]);
  });

  it('explains every point, and each explanation leads to its record', () => {
    const dir = season();
    for (const unit of ['finance', 'water', 'east', 'west', 'north']) {
      const x = JSON.parse(score(dir, ['--to', '2021-12-31', '--explain', unit, '--format', 'json']).stdout);
      // The lines add up to the total.
      expect(Math.round(x.lines.reduce((n: number, l: any) => n + l.points, 0) * 1e6) / 1e6).toBe(x.total);
      for (const l of x.lines) {
        // The rule, at the line named in scoring.yaml: the item there is the rule shown.
        const rule = itemAt(l.rule.file, l.rule.line);
        if (l.event === 'base') expect(rule).toBe('base: 100');
        else if (l.event === 'cap') expect(rule).toBe(`${l.capped}: 3`);
        else if (l.event === 'floor') expect(rule).toBe('floor: 85');
        else expect(parse(rule.replace(/^- /, '  '))).toEqual(parse(l.rule.text));
        // Each record, at the line named in its file.
        for (const r of l.records) {
          const item = itemAt(r.file, r.line);
          const expected: Record<string, string[]> = {
            acceptance: [`date: ${l.date}`, 'decision: accepted'],
            return: [`date: ${l.date}`],
            claim: ['to: done'],
            extension: [`decided: ${l.date}`],
            deadline: [r.file.endsWith('1.yaml') ? 'deadline: ' : 'grantedTo: '],
            form: [`received: ${l.date}`, `checkpoint: ${l.checkpoint}`],
            checkpoint: [`date: ${l.checkpoint}`],
            state: [],
          };
          for (const words of expected[r.kind]!) expect(item, `${unit} ${l.event} ${r.kind}`).toContain(words);
          if (r.kind === 'return') expect(item).toMatch(/decision: returned|from: done\n\s*to: in_progress/);
          if (r.kind === 'state') expect(item).toMatch(/state: |to: /);
        }
      }
    }
    const finance = JSON.parse(score(dir, ['--to', '2021-12-31', '--explain', '县财政局', '--format', 'json']).stdout);
    expect(finance.lines.map((l: any) => [l.date, l.task ?? l.checkpoint, l.event, l.points])).toEqual([
      ['2021-08-30', null, 'base', 100],
      ['2021-10-02', '1.1', 'returned', -2],
      ['2021-10-10', '1.1', 'closed-late', -5],
      ['2021-11-22', '1.2', 'extension-granted', -0.5],
      ['2021-12-03', '1.3', 'returned', -2],
      ['2021-12-07', '2021-12-05', 'report-late', -1],
      ['2021-12-08', '1.3', 'returned', -2],
      ['2021-12-09', '1.2', 'closed-on-time', 1],
      ['2021-12-16', '1.3', 'closed-on-time', 2],
      ['2021-12-31', null, 'cap', 3],
    ]);
    // The capped line says what it would have been.
    expect(finance.lines[2]).toMatchObject({ days: 8, count: 8, uncapped: -8 });
    const text = score(dir, ['--to', '2021-12-31', '--explain', 'finance']).stdout;
    expect(text).toContain(`${join(dir, 'scoring.yaml')}:${lineOf(join(dir, 'scoring.yaml'), 'cap: 5') - 4}  { event: closed-late, role: lead, per: day, points: -1, cap: 5 }`);
    expect(text).toContain(`${join(dir, 'status/finance.yaml')}:${lineOf(join(dir, 'status/finance.yaml'), 'date: 2021-10-10')}  acceptance`);
  });

  it('puts the scores into the summary, the workbook and the internal site', async () => {
    const dir = season();
    const summary = plan(['summary', '--plan', dir, '--as-of', '2021-12-31', '--lang', 'zh']);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/## [一二三四五六七]、考核情况/);
    expect(summary.stdout).toContain('| 3 | 县财政局 | 93.5 | +6 | -12.5 |');
    const out = join(mkdtempSync(join(tmpdir(), 'score-out-')), 'ledger.xlsx');
    expect(plan(['export', '--plan', dir, '--format', 'xlsx', '--out', out, '--as-of', '2021-12-31', '--lang', 'zh']).code).toBe(0);
    const { default: excel } = await import('exceljs');
    const book = new excel.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('考核评分')!;
    expect(sheet.getRow(4).values).toEqual([undefined, 3, '县财政局', 'finance', 93.5, 6, -12.5, 9]);
    expect(book.getWorksheet('评分明细')!.rowCount).toBeGreaterThan(20);

    const site = mkdtempSync(join(tmpdir(), 'score-site-'));
    expect(plan(['site', '--plan', dir, '--out', site, '--as-of', '2021-12-31']).code).toBe(0);
    expect(readFileSync(join(site, 'score.html'), 'utf8')).toContain(`status/finance.yaml:${lineOf(join(dir, 'status/finance.yaml'), 'date: 2021-10-10')}`);
    const pub = mkdtempSync(join(tmpdir(), 'score-pub-'));
    expect(plan(['site', '--plan', dir, '--out', pub, '--public', '--as-of', '2021-12-31']).code).toBe(0);
    expect(() => readFileSync(join(pub, 'score.html'))).toThrow();
    writeFileSync(join(dir, 'scoring.yaml'), `${readFileSync(join(dir, 'scoring.yaml'), 'utf8')}public: true\n`);
    expect(plan(['site', '--plan', dir, '--out', pub, '--public', '--as-of', '2021-12-31']).code).toBe(0);
    const page = readFileSync(join(pub, 'score.html'), 'utf8');
    expect(page).toContain('93.5');
    expect(page).not.toContain('status/finance.yaml');
  });
});

describe('plan score without rules, and plan check of the rules', () => {
  it('says how to write a rules file when there is none (exit 2)', () => {
    const dir = season();
    writeFileSync(join(dir, 'scoring.yaml'), '');
    expect(plan(['check', '--plan', dir, '--as-of', '2021-12-31']).code).toBe(1);
    const bare = season();
    rmSync(join(bare, 'scoring.yaml'));
    const r = plan(['score', '--plan', bare, '--as-of', '2021-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no scoring rules at "${join(bare, 'scoring.yaml')}"`);
    expect(r.stderr).toMatch(/\n {4}base: 100\n {4}rules:\n {6}- \{ event: /);
    expect(r.stdout).toBe('');
  });

  it('reports unknown events, points that are not numbers, overlapping rules and bad caps at file:line:col', () => {
    const dir = season();
    const file = join(dir, 'scoring.yaml');
    writeFileSync(
      file,
      [
        'base: 100',
        'rules:',
        '  - { event: closed-lat, per: day, points: -1 }',
        '  - { event: returned, points: 两分 }',
        '  - { event: report-late, per: day, days: { max: 5 }, points: -0.5 }',
        '  - { event: report-late, days: { min: 3 }, points: -3 }',
        '  - { event: closed-on-time, role: lead, points: 2 }',
        '  - { event: closed-on-time, points: 1 }',
        '  - { event: open-overdue, per: week, points: -1, cap: -2 }',
        'caps:',
        '  reopened: 5',
        '',
      ].join('\n'),
    );
    const r = plan(['check', '--plan', dir, '--as-of', '2021-12-31', '--format', 'json']);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).diagnostics ?? JSON.parse(r.stdout);
    const at = (found as any[]).filter((d) => d.file === file).map((d) => `${d.line}:${d.col} ${d.code}`);
    expect(at).toEqual([
      '3:7 scoring-unknown-event',
      '4:24 schema-type',
      '6:5 scoring-overlap',
      '8:5 scoring-overlap',
      '9:51 scoring-cap-not-positive',
      '11:3 scoring-unknown-event',
    ]);
    const text = plan(['check', '--plan', dir, '--as-of', '2021-12-31']).stdout;
    expect(text).toContain('did you mean closed-late?');
    expect(text).toContain('rule 4 and rule 3 both apply to the same report-late occurrence');
  });
});

describe('plan score from git', () => {
  it('names the commit of a record read from git when the status file keeps no history', () => {
    const dir = initRepo({ asOf: '2026-01-05' });
    // The example plan: 1.1 due 2026-02-04, finance responsible. Done by hand, no history list.
    // The example plan asks for review: the office accepts the claim the next day.
    write(dir, 'plan/status/finance.yaml', 'unit: finance\ntasks:\n  "1.1":\n    state: done\n    completed: 2026-02-10\n    evidence: [https://example.org/f]\n    review:\n      - date: 2026-02-11\n        decision: accepted\n        claim: 2026-02-10\n');
    const sha = commitAll(dir, 'finance: 1.1 done', FINANCE, '2026-02-10T10:00:00+08:00');
    const r = plan(['score', '--explain', 'finance', '--format', 'json', '--as-of', '2026-02-20'], { cwd: dir, env: ISOLATED });
    // The rules are still plan init's example: said, and scored all the same.
    expect(r.stderr).toContain('these scores follow the example rules in');
    expect(JSON.parse(r.stdout).example).toBe(true);
    const late = JSON.parse(r.stdout).lines.find((l: any) => l.task === '1.1');
    // The example rules: responsible, closed late, -0.5 per day, 6 days late (done 02-10 vs 02-04, closed 02-11).
    expect(late).toMatchObject({ event: 'closed-late', days: 6, points: -3 });
    expect(late.records[0]).toMatchObject({ kind: 'acceptance', file: 'plan/status/finance.yaml' });
    expect(itemAt(join(dir, late.records[0].file), late.records[0].line)).toMatch(/^- date: 2026-02-11\n\s+decision: accepted/);
    expect(late.records[1]).toMatchObject({ kind: 'claim', file: 'plan/status/finance.yaml', commit: sha });
    expect(itemAt(join(dir, late.records[1].file), late.records[1].line)).toMatch(/^"1.1":\n\s+state: done\n\s+completed: 2026-02-10/);
  });
});

describe('the example rules plan init writes', () => {
  it('rank nothing in the 通报, the site or the workbook until the office adopts them; plan score says they are the example', () => {
    const dir = initRepo({ asOf: '2026-01-05' });
    write(dir, 'plan/status/finance.yaml', 'unit: finance\ntasks:\n  "1.1":\n    state: done\n    completed: 2026-02-10\n    evidence: [https://example.org/f]\n    review:\n      - date: 2026-02-11\n        decision: accepted\n        claim: 2026-02-10\n');
    const run = (args: string[]) => plan([...args, '--as-of', '2026-02-20', '--lang', 'zh'], { cwd: dir, env: ISOLATED });
    const scoring = join(dir, 'plan/scoring.yaml');
    expect(readFileSync(scoring, 'utf8')).toMatch(/^example: true$/m);
    const adopt = '删去 example: true 一行即采用';

    const summary = run(['summary']);
    expect(summary.code).toBe(0);
    expect(summary.stdout).not.toContain('考核情况');
    expect(summary.stderr.split(adopt)).toHaveLength(2); // once
    expect(summary.stderr).toContain('未列出考核情况：plan/scoring.yaml 是 plan init 写的示例');
    const site = mkdtempSync(join(tmpdir(), 'example-site-'));
    const built = run(['site', '--out', site]);
    expect(built.code).toBe(0);
    expect(existsSync(join(site, 'score.html'))).toBe(false);
    expect(built.stderr.split(adopt)).toHaveLength(2);
    const out = join(mkdtempSync(join(tmpdir(), 'example-xlsx-')), 'ledger.xlsx');
    const exported = run(['export', '--format', 'xlsx', '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(adopt);

    const ranked = run(['score']);
    expect(ranked.code).toBe(0);
    expect(ranked.stderr).toContain('注意：以下按 plan/scoring.yaml 中的示例规则（example: true）评分');
    expect(ranked.stdout.split('\n').slice(0, 2).join('\n')).toContain('（示例规则，非本单位考核办法）');
    expect(plan(['score', '--format', 'md', '--as-of', '2026-02-20'], { cwd: dir, env: ISOLATED }).stdout).toContain("(the example rules, not your office's scheme)");

    // Adopted: the flag gone, the scores are everyone's, and nothing is said.
    edit(scoring, /^example: true\n/m, '');
    const adopted = run(['summary']);
    expect(adopted.stdout).toContain('考核情况');
    expect(adopted.stderr).toBe('');
    expect(run(['site', '--out', site]).stderr).toBe('');
    expect(existsSync(join(site, 'score.html'))).toBe(true);
    const plain = run(['score']);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).not.toContain('示例规则');
  });

  it('are commented in the plan’s language: Chinese for a Chinese plan, whoever runs init', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'example-lang-')), 'repo');
    expect(plan(['init', dir, '--lang', 'en'], { env: ISOLATED }).code).toBe(0);
    const text = readFileSync(join(dir, 'plan/scoring.yaml'), 'utf8');
    expect(text).toContain('# 由 `plan init` 写的示例');
    expect(text).not.toMatch(/^# AN EXAMPLE/m);
  });
});

/** The YAML item that starts at a line: that line and the lines under it indented deeper, dedented. */
function itemAt(file: string, line: number): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const first = lines[line - 1] ?? '';
  const indent = first.length - first.trimStart().length;
  const deeper = indent + (first.trimStart().startsWith('- ') ? 2 : 1);
  const out = [first];
  for (let i = line; i < lines.length && lines[i]!.trim() !== '' && lines[i]!.length - lines[i]!.trimStart().length >= deeper; i++) out.push(lines[i]!);
  return out.map((l) => l.slice(indent)).join('\n');
}

describe('the score’s period without --from (issue 26)', () => {
  it('starts at the plan’s start, never at an ellipsis', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-score-period-'));
    cpSync(join(ROOT, 'tests/fixtures/score/plan'), dir, { recursive: true });
    const r = plan(['score', '--plan', dir, '--as-of', '2021-12-31', '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    const start = parse(readFileSync(join(dir, 'plan.yaml'), 'utf8')).span?.start ?? parse(readFileSync(join(dir, 'plan.yaml'), 'utf8')).signed;
    expect(r.stdout).toContain(`${String(start instanceof Date ? start.toISOString().slice(0, 10) : start)} 至 2021-12-31`);
    expect(r.stdout).not.toContain('…');
  });
});
