#!/usr/bin/env node
/**
 * How well `plan import` reads the genre: runs the built CLI on every test
 * document in tests/fixtures/import/genre (or the folder given) and compares
 * what it wrote with the answer file NAME.expected.json beside it.
 *
 *   node scripts/import-eval.mjs [folder] [--json]
 *
 * Prints task recall and the exact-match rates of leads, responsible lists and
 * deadlines, in all and per class of document (the answer file's `class`) and per
 * form (txt, flattened txt, text tables, HTML, .docx, PDF, .xlsx, .csv), plus the
 * checks of the issue: no unit name carrying 牵头/负责/等有关部门/按职责分工, no
 * silent empty import, every plan passes `plan check`. Run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/plan.js');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const folder = args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'tests/fixtures/import/genre');
const BAD_NAME = /牵头|负责|等有关部门|等相关部门|按职责分工|配合|参加$|落实$/;

const run = (argv) => {
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C', TZ: 'UTC' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const deadlineOf = (t) => t.deadline ?? (t.deadlineText ? 'ongoing' : 'none');
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The form of a test document, from its name: 'txt (flattened)' for NAME-flat.txt, 'txt (tab table)' for NAME-tab.txt … */
function formOf(file) {
  const ext = extname(file).slice(1);
  const style = /-(flat|tab|pipe|space)\.txt$/.exec(file)?.[1];
  return style ? `txt (${{ flat: 'flattened', tab: 'tab table', pipe: '| table', space: 'space-aligned table' }[style]})` : ext;
}

function evaluate(input, expected) {
  const dir = mkdtempSync(join(tmpdir(), 'import-eval-'));
  const out = join(dir, 'plan');
  const result = { input: basename(input), class: expected.class ?? 'round two', form: formOf(basename(input)), expected: expected.tasks.length, found: 0, lead: 0, responsible: 0, deadline: 0, extra: 0, badNames: [], checkErrors: 0, silentEmpty: false, exit: null, mismatches: [] };
  try {
    const imp = run(['import', input, '--out', out]);
    result.exit = imp.code;
    if (imp.code !== 0 && imp.code !== 1) {
      result.mismatches.push(`import exit ${imp.code}: ${imp.stderr.trim().split('\n')[0]}`);
      return result;
    }
    const check = run(['check', '--plan', out, '--format', 'json', '--as-of', '2030-01-01']);
    try {
      const diags = JSON.parse(check.stdout);
      const list = Array.isArray(diags) ? diags : (diags.diagnostics ?? []);
      result.checkErrors = list.filter((d) => d.severity === 'error').length;
      for (const d of list.filter((x) => x.severity === 'error')) result.mismatches.push(`plan check: ${d.code} ${d.file ?? ''}:${d.line ?? ''}`);
    } catch {
      if (check.code !== 0) result.checkErrors = 1;
    }
    const ex = run(['export', '--plan', out, '--as-of', '2030-01-01']);
    if (ex.code !== 0) {
      result.silentEmpty = imp.code === 0;
      result.mismatches.push(`export failed (${ex.code}): ${ex.stderr.trim().split('\n')[0]}`);
      return result;
    }
    const data = JSON.parse(ex.stdout);
    if (data.tasks.length === 0 && imp.code === 0) result.silentEmpty = true;
    const nameOf = (id) => {
      const u = data.units.find((x) => x.id === id);
      return u ? u.name : (data.groups.find((g) => g.id === id)?.name ?? `?${id}`);
    };
    for (const u of [...data.units, ...data.groups]) if (BAD_NAME.test(u.name)) result.badNames.push(u.name);
    const matched = new Set();
    for (const want of expected.tasks) {
      const hits = data.tasks.filter((t) => t.text.includes(want.find) || t.title.includes(want.find));
      if (hits.length !== 1) {
        result.mismatches.push(`${want.find}: ${hits.length} tasks match`);
        continue;
      }
      const t = hits[0];
      matched.add(t.id);
      result.found++;
      const got = { lead: t.lead.map(nameOf), responsible: t.responsible.map(nameOf), deadline: deadlineOf(t) };
      if (same(got.lead, want.lead)) result.lead++;
      else result.mismatches.push(`${want.find}: lead ${JSON.stringify(got.lead)} ≠ ${JSON.stringify(want.lead)}`);
      if (same(got.responsible, want.responsible)) result.responsible++;
      else result.mismatches.push(`${want.find}: responsible ${JSON.stringify(got.responsible)} ≠ ${JSON.stringify(want.responsible)}`);
      const milestones = (t.milestones ?? []).map((m) => m.date);
      if (got.deadline === want.deadline && (!want.milestones || same(milestones, want.milestones))) result.deadline++;
      else result.mismatches.push(`${want.find}: deadline ${got.deadline} ${JSON.stringify(milestones)} ≠ ${want.deadline} ${JSON.stringify(want.milestones ?? [])}`);
    }
    result.extra = data.tasks.filter((t) => !matched.has(t.id)).length;
    for (const t of data.tasks.filter((x) => !matched.has(x.id))) result.mismatches.push(`extra task ${t.id}: ${t.title}`);
    for (const [key, value] of Object.entries(expected.facts ?? {})) {
      if (data.plan[key] !== value) result.mismatches.push(`plan.${key}: ${JSON.stringify(data.plan[key])} ≠ ${JSON.stringify(value)}`);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const files = readdirSync(folder).sort();
const results = [];
for (const f of files.filter((x) => x.endsWith('.expected.json'))) {
  const stem = f.slice(0, -'.expected.json'.length);
  const expected = JSON.parse(readFileSync(join(folder, f), 'utf8'));
  const inputs = expected.inputs ?? files.filter((x) => x !== f && !x.endsWith('.json') && basename(x, extname(x)) === stem);
  for (const input of inputs) results.push(evaluate(join(folder, input), expected));
}

/** Rates over a set of results. */
function tally(list) {
  const sum = (k) => list.reduce((n, r) => n + (typeof r[k] === 'number' ? r[k] : 0), 0);
  const expectedTotal = sum('expected');
  const rate = (n) => (expectedTotal === 0 ? 0 : n / expectedTotal);
  return {
    documents: list.length,
    tasks: expectedTotal,
    recall: rate(sum('found')),
    lead: rate(sum('lead')),
    responsible: rate(sum('responsible')),
    deadline: rate(sum('deadline')),
    extraTasks: sum('extra'),
    badUnitNames: list.flatMap((r) => r.badNames),
    silentEmpty: list.filter((r) => r.silentEmpty).map((r) => r.input),
    checkErrors: sum('checkErrors'),
  };
}
const groupBy = (key) => Object.fromEntries([...new Set(results.map((r) => r[key]))].sort().map((k) => [k, tally(results.filter((r) => r[key] === k))]));
const totals = tally(results);
const byClass = groupBy('class');
const byForm = groupBy('form');

if (asJson) process.stdout.write(`${JSON.stringify({ totals, byClass, byForm, results }, null, 2)}\n`);
else {
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  for (const r of results) {
    console.log(`${r.input.padEnd(36)} tasks ${r.found}/${r.expected}  lead ${r.lead}  responsible ${r.responsible}  deadline ${r.deadline}  extra ${r.extra}  check errors ${r.checkErrors}  exit ${r.exit}`);
    for (const m of r.mismatches) console.log(`    ${m}`);
  }
  const row = (name, t) => `${name.padEnd(30)} ${String(t.documents).padStart(3)} docs ${String(t.tasks).padStart(4)} tasks  recall ${pct(t.recall).padStart(6)}  lead ${pct(t.lead).padStart(6)}  responsible ${pct(t.responsible).padStart(6)}  deadline ${pct(t.deadline).padStart(6)}  extra ${t.extraTasks}  check errors ${t.checkErrors}`;
  console.log('\nBy class:');
  for (const [k, t] of Object.entries(byClass)) console.log(`  ${row(k, t)}`);
  console.log('\nBy form:');
  for (const [k, t] of Object.entries(byForm)) console.log(`  ${row(k, t)}`);
  console.log('');
  console.log(`${totals.documents} documents, ${totals.tasks} tasks: recall ${pct(totals.recall)}, lead ${pct(totals.lead)}, responsible ${pct(totals.responsible)}, deadline ${pct(totals.deadline)}`);
  console.log(`extra tasks ${totals.extraTasks}; unit names with role words ${totals.badUnitNames.length}; silent empty imports ${totals.silentEmpty.length}; plan check errors ${totals.checkErrors}`);
}
