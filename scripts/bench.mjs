#!/usr/bin/env node
// The benchmark: whole `plan` processes against a bare `node -e 0`, run
// alternately on the same machine, several runs after a warm-up; medians, the
// ratio to that floor, and peak memory. `npm run bench -- --help` for options.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePlan } from './gen.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    province: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write('npm run bench [-- --runs N] [--province] [--json]\n  --province adds the 200 x 5,000 plan (1,000,000 status entries, ~380 MB; minutes to generate and run)\n');
  process.exit(0);
}
const runs = Math.max(1, Number(values.runs));

const SIZES = { county: [25, 40], city: [100, 500], province: [200, 5000] };
const AS_OF = '2021-12-01';

/** Generated plans live in bench-data/ (git-ignored) and are made again only when their size changes. */
function planOf(size) {
  const [tasks, units] = SIZES[size];
  const dir = join(root, 'bench-data', size);
  const stamp = join(dir, '.generated');
  const want = `${tasks}x${units} seed 1 gen ${readFileSync(join(root, 'scripts/gen.mjs'), 'utf8').length}`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    process.stderr.write(`generating the ${size} plan (${tasks} tasks x ${units} units)…\n`);
    generatePlan({ tasks, units, out: dir, seed: 1, asOf: AS_OF });
    writeFileSync(stamp, want);
  }
  return dir;
}

const probe = join(root, 'scripts/bench-probe.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'plan-bench-'));
const rssFile = join(scratch, 'rss');

function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require=${probe}`, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, rssMB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(name, planArgs, caseRuns = runs) {
  const cmd = ['bin/plan.js', ...planArgs];
  const floor = ['-e', '0'];
  once(floor);
  once(cmd);
  const t = [];
  const f = [];
  const rss = [];
  for (let i = 0; i < caseRuns; i++) {
    // Alternate, so a burst of load on the shared machine hits both.
    f.push(once(floor).ms);
    const m = once(cmd);
    t.push(m.ms);
    rss.push(m.rssMB);
  }
  const row = { name, command: `plan ${planArgs.join(' ')}`, runs: caseRuns, medianMs: median(t), floorMs: median(f), ratio: median(t) / median(f), peakRssMB: Math.max(...rss) };
  if (!values.json) process.stderr.write(`  ${name}: ${row.medianMs.toFixed(0)} ms\n`);
  return row;
}

const rows = [];
rows.push(measure('embedded status', ['status']));
rows.push(measure('embedded check', ['check']));
for (const size of ['county', 'city', ...(values.province ? ['province'] : [])]) {
  const dir = planOf(size);
  const caseRuns = size === 'province' ? Math.min(runs, 3) : runs;
  // At province size `overdue` prints half a million rows: a different question, left out.
  for (const command of size === 'province' ? ['status', 'check'] : ['status', 'check', 'overdue']) {
    rows.push(measure(`${size} ${command}`, [command, '--plan', dir, '--as-of', AS_OF], caseRuns));
  }
}
rmSync(scratch, { recursive: true, force: true });

const get = (name) => rows.find((r) => r.name === name);
const targets = [
  ['embedded status', '≤ 2× node -e 0', (r) => r.ratio <= 2],
  ['embedded check', '≤ 2× node -e 0', (r) => r.ratio <= 2],
  ['city status', '≤ 1.0 s, ≤ 200 MB', (r) => r.medianMs <= 1000 && r.peakRssMB <= 200],
  ['province status', '≤ 15 s, ≤ 1.5 GB', (r) => r.medianMs <= 15000 && r.peakRssMB <= 1536],
];
for (const [name, target, ok] of targets) {
  const r = get(name);
  if (r) Object.assign(r, { target, met: ok(r) });
}
const growth = get('province status') && get('city status') ? get('province status').medianMs / get('city status').medianMs : undefined;

if (values.json) {
  process.stdout.write(`${JSON.stringify({ node: process.version, runs, rows, growth: growth ?? null }, null, 2)}\n`);
} else {
  const table = [['case', 'median', 'node -e 0', 'ratio', 'peak RSS', 'target', '']];
  for (const r of rows) {
    table.push([r.name, `${r.medianMs.toFixed(0)} ms`, `${r.floorMs.toFixed(0)} ms`, `${r.ratio.toFixed(2)}×`, `${r.peakRssMB.toFixed(0)} MB`, r.target ?? '', r.target ? (r.met ? 'met' : 'MISSED') : '']);
  }
  if (growth !== undefined) table.push(['city → province time', `×${growth.toFixed(1)}`, '', '', '', '≤ ×22 for ×20 data', growth <= 22 ? 'met' : 'MISSED']);
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) => row.map((c, i) => (i === 0 || i >= 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  process.stdout.write(`plan-ledger benchmark · node ${process.version} · ${runs} runs per case (province: ${Math.min(runs, 3)}) · medians\n\n`);
  process.stdout.write(`${[line(table[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n')}\n`);
}
