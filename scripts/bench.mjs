#!/usr/bin/env node
// The benchmark of issue 15's table: whole `plan` processes timed against a bare
// `node -e 0` (the floor), run alternately in pairs on the same machine, so a
// burst of load from elsewhere hits both; medians, the ratio to the floor, CPU
// and peak memory of every process. Not a test: a script whose figures go in
// the README.
//
//   npm run bench [-- options]        (builds first; `node scripts/bench.mjs` does not)
//
// Options:
//   --runs <n>            measured pairs per command on the embedded and city plans (default 7)
//   --province-runs <n>   measured pairs per command on the province plan (default 3)
//   --sizes <list>        which plans, comma-separated, of embedded,features,city,province (default: all four;
//                         the province plan is 200 tasks x 5,000 units, 1,000,000 status entries,
//                         ~380 MB on disk, and takes several minutes to generate and to run)
//   --only <text>         only the rows whose name contains this text (e.g. "city check")
//   --json <file>         also save the result (rows, floor, noise, commit, machine) as JSON
//   --baseline <file>     after running, compare with a result saved earlier by --json
//   --label <text>        name the result (default: the git commit, +dirty when src/bin/scripts changed)
//   --against <dir>       also run <dir>'s `plan` (another checkout, built: its bin/plan, or
//                         `node bin/plan.js` in checkouts from before the snapshot) in every round,
//                         right after this one, under the same load: a before/after that the
//                         machine's noise cannot fake; its figures are printed beside this checkout's
//   --no-snapshot         every row without the startup snapshot (PLAN_LEDGER_NO_SNAPSHOT=1), both
//                         checkouts: the whole table as it would be without it
//   --compare <a> <b>     run nothing: compare two saved results (e.g. two commits), b against a
//   --help                this text
//
// The plans live in bench-data/ (git-ignored) and are generated again only when
// scripts/gen.mjs or the embedded plan changes: "embedded" is plan/ with a status
// file for every unit (every assigned task, every state present), "features" the
// same with review required, calendar: cn, a monthly checkpoint and review and
// extension records (a checkout from before round three cannot read it: its
// rows are then not paired), "city" is
// 100 tasks x 500 units, "province" 200 x 5,000, all reported as of 2021-12-01.
//
// Every row runs `plan` as npm installs it, bin/plan, which starts Node from
// the startup snapshot the build makes (scripts/snapshot.mjs), with the Node
// running this script first on PATH. The embedded rows run three times: as
// built; without the snapshot (PLAN_LEDGER_NO_SNAPSHOT=1: bin/plan.js and the
// V8 code cache); and cold, with neither (PLAN_LEDGER_NO_CODE_CACHE=1 too: what
// a Node of another version than the build's gets).
//
// Peak memory is the process's maximum resident set size, read by /usr/bin/time
// (-f %M) when it is installed, else by a preloaded probe (scripts/bench-probe.cjs,
// process.resourceUsage().maxRSS at exit). CPU (user + system) always comes from
// the probe, which every measured process, the floor included, loads.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fillPlan, generatePlan } from './gen.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '7' },
    'province-runs': { type: 'string', default: '3' },
    sizes: { type: 'string', default: 'embedded,features,city,province' },
    only: { type: 'string' },
    json: { type: 'string' },
    baseline: { type: 'string' },
    label: { type: 'string' },
    against: { type: 'string' },
    compare: { type: 'boolean', default: false },
    'no-snapshot': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  const header = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1).filter((l) => l.startsWith('//')).map((l) => l.slice(3));
  process.stdout.write(`${header.join('\n')}\n`);
  process.exit(0);
}

const AS_OF = '2021-12-01';
const MB = 1024 * 1024;

/** Every row of the issue's table: what is run, at what size, and the target it is held to. */
const EVERYDAY = ['status', 'check', 'overdue', 'upcoming', 'checklist', 'report'];
const ROWS = [
  ...EVERYDAY.map((command) => ({ size: 'embedded', command, target: { ratio: 1.5 } })),
  // Without the startup snapshot (bin/plan.js with the V8 code cache), and cold, without either: what a
  // Node of another version than the build's gets.
  ...EVERYDAY.map((command) => ({ size: 'embedded', command, way: 'no snapshot', target: { ratio: 1.5 } })),
  ...EVERYDAY.map((command) => ({ size: 'embedded', command, way: 'cold', target: { ratio: 1.5 } })),
  // The embedded plan with this round's features in use: review required, China's working calendar
  // (next working day, days counted in working days), a monthly checkpoint, review and extension records.
  ...EVERYDAY.map((command) => ({ size: 'features', command, target: { ratio: 1.5 } })),
  { size: 'city', command: 'status', target: { ms: 500 } },
  ...['check', 'overdue', 'upcoming', 'checklist', 'report', 'export'].map((command) => ({ size: 'city', command, target: { ms: 1000, mb: 200 } })),
  { size: 'province', command: 'status', target: { ms: 5000, mb: 400 } },
  ...['check', 'overdue', 'upcoming', 'checklist', 'report', 'export'].map((command) => ({ size: 'province', command, target: { ms: 15000, mb: 1024 } })),
];
/**
 * The unit whose checklist and report are asked for: a town in the embedded plan, the second unit
 * in the generated ones (the first receives the reports, so it reports at no checkpoint itself).
 */
const UNIT = { embedded: 'town-linkou', features: 'town-linkou', city: 'unit-00002', province: 'unit-00002' };
const ARGS = {
  status: [],
  check: [],
  overdue: [],
  upcoming: [],
  checklist: (size) => [UNIT[size]],
  report: (size) => [UNIT[size]],
  export: ['--format', 'json'],
};
const GROWTH_LIMIT = 20; // the province plan holds 20x the city's status entries

// ---------------------------------------------------------------- compare only
if (values.compare) {
  if (positionals.length !== 2) fail('--compare needs two result files: --compare a.json b.json');
  const [a, b] = positionals.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  process.stdout.write(comparison(a, b, positionals[0], positionals[1]));
  process.exit(0);
}

// ---------------------------------------------------------------- run
const sizes = values.sizes.split(',').map((s) => s.trim());
for (const s of sizes) if (!['embedded', 'features', 'city', 'province'].includes(s)) fail(`unknown size "${s}": use embedded, features, city or province`);
const runsOf = (size) => Math.max(1, Number(size === 'province' ? values['province-runs'] : values.runs));
const rows = ROWS.filter((r) => sizes.includes(r.size) && !(values['no-snapshot'] && r.way === 'no snapshot')).map((r) => ({ ...r, name: `${r.size} ${r.command}${r.way ? `, ${r.way}` : ''}` })).filter((r) => !values.only || r.name.includes(values.only));
if (rows.length === 0) fail('no row matches --sizes/--only');

/** How a checkout's `plan` is started: its bin/plan (the startup snapshot's launcher) or, before there was one, node bin/plan.js. */
const planOf = (dir) => (existsSync(join(dir, 'bin/plan')) ? [join(dir, 'bin/plan')] : [process.execPath, join(dir, 'bin/plan.js')]);
const thisPlan = planOf(root);
if (values.against && !existsSync(join(values.against, 'bin/plan.js'))) fail(`--against: no ${join(values.against, 'bin/plan.js')}`);
const otherPlan = values.against ? planOf(values.against) : undefined;
const FLOOR = [process.execPath, '-e', '0'];
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const probe = join(root, 'scripts/bench-probe.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'plan-bench-'));
const probeFile = join(scratch, 'probe');
const timeFile = join(scratch, 'time');

const WAYS = {
  'no snapshot': { PLAN_LEDGER_NO_SNAPSHOT: '1' },
  cold: { PLAN_LEDGER_NO_SNAPSHOT: '1', PLAN_LEDGER_NO_CODE_CACHE: '1' },
};
/** The `node` that bin/plan finds on PATH is the one running this script (and the build). */
const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

/** One process: wall time seen from here, CPU from the probe, peak RSS from /usr/bin/time (or the probe). */
function once(command, way, { mayFail = false } = {}) {
  const argv = timeBin ? [timeBin, '-f', '%M', '-o', timeFile, ...command] : command;
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: root,
    env: { ...process.env, PATH, NO_COLOR: '1', COLUMNS: '120', LANG: 'en_US.UTF-8', NODE_OPTIONS: `--require=${probe}`, BENCH_PROBE_FILE: probeFile, ...(values['no-snapshot'] && WAYS['no snapshot']), ...WAYS[way] },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * MB,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    if (mayFail) return undefined;
    fail(`${command.join(' ')} exited ${r.status}:\n${r.stderr}`);
  }
  const [maxRssKB, cpuMicros] = readFileSync(probeFile, 'utf8').split(' ').map(Number);
  const rssKB = timeBin ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : maxRssKB;
  return { ms, cpuMs: cpuMicros / 1000, rssMB: rssKB / 1024 };
}

const plans = {};
const pairable = new Map();
const floorAll = [];
const results = [];
for (const row of rows) {
  const dir = (plans[row.size] ??= benchPlan(row.size));
  const extra = typeof ARGS[row.command] === 'function' ? ARGS[row.command](row.size) : ARGS[row.command];
  const args = [row.command, ...extra, '--plan', dir, '--as-of', AS_OF];
  const runs = runsOf(row.size);
  process.stderr.write(`  ${row.name}: plan ${args.join(' ').replace(dir, `bench-data/${row.size}`)} `);
  // One warm-up pair (file cache, lazy compilation caches) except on the province plan, where a run takes long enough not to need one.
  if (otherPlan && row.size === 'province') pairable.set(row.name, true);
  if (row.size !== 'province') {
    once(FLOOR);
    once([...thisPlan, ...args], row.way);
    // A checkout from before this round cannot read the features plan (its keys are new): then that row has no pair.
    if (otherPlan) pairable.set(row.name, once([...otherPlan, ...args], row.way, { mayFail: row.size === 'features' }) !== undefined);
  }
  const pairs = [];
  for (let i = 0; i < runs; i++) {
    const floor = once(FLOOR);
    const cmd = once([...thisPlan, ...args], row.way);
    const other = otherPlan && pairable.get(row.name) ? once([...otherPlan, ...args], row.way) : undefined;
    pairs.push({ floor, cmd, other });
    floorAll.push(floor.ms);
    process.stderr.write('.');
  }
  const wall = pairs.map((p) => p.cmd.ms);
  const result = {
    name: row.name,
    size: row.size,
    command: `${Object.entries({ ...(values['no-snapshot'] && WAYS['no snapshot']), ...WAYS[row.way] }).map(([k, v]) => `${k}=${v} `).join('')}plan ${args.join(' ').replace(dir, `bench-data/${row.size}`)}`,
    runs,
    medianMs: median(wall),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    cpuMs: median(pairs.map((p) => p.cmd.cpuMs)),
    floorMs: median(pairs.map((p) => p.floor.ms)),
    floorCpuMs: median(pairs.map((p) => p.floor.cpuMs)),
    // The median of the pairs' ratios: each pair ran back to back, under the same load.
    ratio: median(pairs.map((p) => p.cmd.ms / p.floor.ms)),
    cpuRatio: median(pairs.map((p) => p.cmd.cpuMs / p.floor.cpuMs)),
    peakRssMB: Math.max(...pairs.map((p) => p.cmd.rssMB)),
    floorRssMB: median(pairs.map((p) => p.floor.rssMB)),
    target: targetText(row.target),
    ...(otherPlan && pairable.get(row.name) && { against: { medianMs: median(pairs.map((p) => p.other.ms)), cpuMs: median(pairs.map((p) => p.other.cpuMs)), ratio: median(pairs.map((p) => p.other.ms / p.floor.ms)), peakRssMB: Math.max(...pairs.map((p) => p.other.rssMB)) } }),
  };
  result.met = meets(row.target, result);
  results.push(result);
  process.stderr.write(` ${result.medianMs.toFixed(0)} ms\n`);
}
rmSync(scratch, { recursive: true, force: true });

const growth = [];
for (const r of results.filter((x) => x.size === 'province')) {
  const city = results.find((x) => x.size === 'city' && x.name.endsWith(r.name.slice('province'.length)));
  if (city) {
    const factor = r.medianMs / city.medianMs;
    // CPU too: on a loaded machine the wall time of the short city runs swells more than the long ones'.
    growth.push({ name: `growth city → province ${r.name.slice('province '.length)}`, factor, cpuFactor: r.cpuMs / city.cpuMs, target: `≤ ×${GROWTH_LIMIT} (×20 data)`, met: factor <= GROWTH_LIMIT });
  }
}

const result = {
  commit: values.label ?? git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain', '--untracked-files=no', '--', 'src', 'bin', 'scripts', 'package.json']) ? '+dirty' : ''),
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadavgAtEnd: loadavg().map((x) => Number(x.toFixed(2))) },
  rssBy: timeBin ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS',
  asOf: AS_OF,
  snapshot: !values['no-snapshot'],
  noise: noise(floorAll),
  rows: results,
  growth,
};
process.stdout.write(report(result));
if (otherPlan) process.stdout.write(`\n${againstReport(result)}`);
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`saved ${values.json}\n`);
}
if (values.baseline) process.stdout.write(`\n${comparison(JSON.parse(readFileSync(values.baseline, 'utf8')), result, values.baseline, 'this run')}`);

// ---------------------------------------------------------------- helpers

/** Generated plans are kept and made again only when what they are made from changes. */
function benchPlan(size) {
  const dir = join(root, 'bench-data', size);
  const stamp = join(dir, '.generated');
  const sources = [readFileSync(join(root, 'scripts/gen.mjs'))];
  if (size === 'embedded' || size === 'features') for (const f of ['plan.yaml', 'units.yaml', ...readdirSync(join(root, 'plan/tasks')).map((t) => `tasks/${t}`)]) sources.push(readFileSync(join(root, 'plan', f)));
  const want = `${size} seed 1 as of ${AS_OF} ${createHash('sha256').update(Buffer.concat(sources)).digest('hex')}`;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    process.stderr.write(`generating the ${size} plan in bench-data/${size}…\n`);
    if (size === 'embedded' || size === 'features') fillPlan({ from: join(root, 'plan'), out: dir, seed: 1, asOf: AS_OF, features: size === 'features' });
    else generatePlan({ ...(size === 'city' ? { tasks: 100, units: 500 } : { tasks: 200, units: 5000 }), out: dir, seed: 1, asOf: AS_OF });
    writeFileSync(stamp, want);
  }
  return dir;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}

/** The spread of `node -e 0` over the whole run: what this machine's load does to a process that does nothing. */
function noise(xs) {
  const m = median(xs);
  return { runs: xs.length, medianMs: m, minMs: Math.min(...xs), maxMs: Math.max(...xs), p25Ms: quantile(xs, 0.25), p75Ms: quantile(xs, 0.75), iqrPct: ((quantile(xs, 0.75) - quantile(xs, 0.25)) / m) * 100 };
}

function targetText(t) {
  if (t.ratio) return `≤ ${t.ratio}× node -e 0`;
  return [`≤ ${t.ms >= 1000 ? `${t.ms / 1000} s` : `${t.ms} ms`}`, ...(t.mb ? [`≤ ${t.mb >= 1024 ? `${t.mb / 1024} GB` : `${t.mb} MB`}`] : [])].join(', ');
}

function meets(t, r) {
  if (t.ratio) return r.ratio <= t.ratio;
  return r.medianMs <= t.ms && (!t.mb || r.peakRssMB <= t.mb);
}

function fmtMs(ms) {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

function table(head, body, rightFrom = 1) {
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => [...String(row[i] ?? '')].length)));
  const line = (row) => row.map((c, i) => (i === 0 || i < rightFrom || i >= head.length - 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function report(r) {
  const n = r.noise;
  const out = [
    `plan-ledger benchmark · ${r.commit} · node ${r.node} · ${r.machine.cpus} × ${r.machine.model} · ${r.date.slice(0, 16)}Z`,
    `pairs per row: ${values.runs} (province ${values['province-runs']}), floor and command alternating; as of ${r.asOf}; peak RSS by ${r.rssBy}${r.snapshot ? '' : '; WITHOUT the startup snapshot (--no-snapshot)'}`,
    `noise: node -e 0 over ${n.runs} runs took ${n.minMs.toFixed(0)}–${n.maxMs.toFixed(0)} ms, median ${n.medianMs.toFixed(0)} ms, interquartile ${n.p25Ms.toFixed(0)}–${n.p75Ms.toFixed(0)} ms (±${(n.iqrPct / 2).toFixed(0)}% of the median); load average at the end ${r.machine.loadavgAtEnd.join(' ')}`,
    '',
    table(
      ['row', 'median', 'min–max', 'CPU', 'floor', '×floor', '×CPU', 'peak RSS', 'target', 'verdict'],
      r.rows.map((x) => [x.name, fmtMs(x.medianMs), `${fmtMs(x.minMs)}–${fmtMs(x.maxMs)}`, fmtMs(x.cpuMs), fmtMs(x.floorMs), `${x.ratio.toFixed(2)}×`, `${x.cpuRatio.toFixed(2)}×`, `${x.peakRssMB.toFixed(0)} MB`, x.target, x.met ? 'met' : 'MISSED']).concat(r.growth.map((g) => [g.name, `×${g.factor.toFixed(1)}`, '', `×${g.cpuFactor.toFixed(1)}`, '', '', '', '', g.target, g.met ? 'met' : 'MISSED'])),
    ),
    '',
    'commands (in bench-data/<size>; plan is bin/plan):',
    ...r.rows.map((x) => `  ${x.name}: ${x.command}`),
    '',
  ];
  return out.join('\n');
}

/** This checkout against the other one, run in the same rounds. */
function againstReport(r) {
  const body = r.rows.filter((x) => x.against).map((x) => [x.name, fmtMs(x.against.medianMs), fmtMs(x.medianMs), `${(((x.medianMs - x.against.medianMs) / x.against.medianMs) * 100).toFixed(0)}%`, fmtMs(x.against.cpuMs), fmtMs(x.cpuMs), `${(((x.cpuMs - x.against.cpuMs) / x.against.cpuMs) * 100).toFixed(0)}%`, `${x.against.ratio.toFixed(2)}× → ${x.ratio.toFixed(2)}×`, `${x.against.peakRssMB.toFixed(0)} → ${x.peakRssMB.toFixed(0)} MB`]);
  return [`against ${values.against} (run in the same rounds): wall and CPU medians, other → this`, '', table(['row', 'other', 'this', 'change', 'CPU other', 'CPU this', 'change', '×floor', 'peak RSS'], body, 1), ''].join('\n');
}

function comparison(a, b, an, bn) {
  const body = [];
  for (const y of b.rows) {
    const x = a.rows.find((r) => r.name === y.name);
    if (!x) continue;
    body.push([y.name, fmtMs(x.medianMs), fmtMs(y.medianMs), `${(((y.medianMs - x.medianMs) / x.medianMs) * 100).toFixed(0)}%`, `${x.ratio.toFixed(2)}× → ${y.ratio.toFixed(2)}×`, `${x.peakRssMB.toFixed(0)} → ${y.peakRssMB.toFixed(0)} MB`, x.met ? 'met' : 'MISSED', y.met ? 'met' : 'MISSED']);
  }
  for (const g of b.growth ?? []) {
    const h = (a.growth ?? []).find((x) => x.name === g.name);
    if (h) body.push([g.name, `×${h.factor.toFixed(1)}`, `×${g.factor.toFixed(1)}`, '', '', '', h.met ? 'met' : 'MISSED', g.met ? 'met' : 'MISSED']);
  }
  return [
    `comparison: a = ${an} (${a.commit}, ${a.date.slice(0, 16)}Z), b = ${bn} (${b.commit}, ${b.date.slice(0, 16)}Z)`,
    `noise (node -e 0 interquartile): a ±${(a.noise.iqrPct / 2).toFixed(0)}% of ${a.noise.medianMs.toFixed(0)} ms, b ±${(b.noise.iqrPct / 2).toFixed(0)}% of ${b.noise.medianMs.toFixed(0)} ms`,
    '',
    table(['row', 'a', 'b', 'change', '×floor', 'peak RSS', 'a', 'b'], body),
    '',
  ].join('\n');
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
