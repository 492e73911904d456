// Makes dist/bundle/plan.blob, a V8 startup snapshot (node --build-snapshot)
// of the bundle with the everyday commands' modules loaded (commander, the
// schema validators, the label tables, cli-table3) and their functions
// compiled: bin/plan starts Node from it, which skips compiling and
// initialising the bundle.
//
// What the snapshot holds was made when the package was built, so nothing in
// it may stand for the run: the environment, the working folder, the
// arguments, the clock, the terminal and the package's own folder are read when
// a command runs (main.ts, cli.ts), never when a module loads, and the
// deserialised main below sets the bundle's __filename/__dirname/import.meta.url
// from where the blob is at run time. tests/cli/snapshot.test.ts builds a blob
// under one environment and runs it under others.
//
// Beside the blob:
// - plan.blob.json: the Node version, platform and architecture it was made
//   by, and the id of the bundle it holds (bundle.mjs's first line);
// - plan.blob.node: a link to a Node binary that takes the blob. bin/plan
//   starts from the snapshot only when the `node` it would run is that very
//   file (`test -ef`, no process started); bin/plan.js makes the link again
//   when it runs on a Node of the blob's version (a package installed
//   elsewhere; npm does not pack links);
// - import.cjs: the loader's own import(), for the packages the bundle imports
//   lazily (a snapshot's code has none).
//
// The build warms the snapshot up by running the everyday commands on the
// repository's own plan/ with their output dropped (as code-cache.mjs does), so
// their functions are compiled in it. The runs leave no state that a later run
// could read as its own: the modules' caches are keyed by what they cache
// (file and text, date string) or hold no answers (shared strings), and the
// output compared across the snapshot (tests/cli/snapshot.test.ts) is of
// other plans.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { BUNDLE_ID_PREFIX, EXTERNAL, SCRIPT, SCRIPT_PARAMETERS } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) buildSnapshot({ warmUp: join(root, 'plan') });

/** Builds plan.blob beside the bundle `script` (warmed up on the plan in `warmUp`, if there is one). */
export function buildSnapshot({ script = SCRIPT, warmUp }) {
  const blob = join(dirname(script), 'plan.blob');
  for (const f of [blob, `${blob}.json`, `${blob}.node`]) rmSync(f, { force: true });
  const bundle = readFileSync(script, 'utf8');
  const idLine = bundle.slice(0, bundle.indexOf('\n'));
  const head = `(function (${SCRIPT_PARAMETERS.join(', ')}) {\n`;
  const rest = bundle.slice(idLine.length + 1);
  if (!idLine.startsWith(BUNDLE_ID_PREFIX) || !rest.startsWith(head) || !rest.endsWith('})\n')) throw new Error('snapshot: the bundle is not in the shape bundle.mjs writes');
  const scratch = mkdtempSync(join(tmpdir(), 'plan-snapshot-'));
  try {
    const entry = join(scratch, 'entry.cjs');
    writeFileSync(entry, entryScript(idLine, rest.slice(head.length, -'})\n'.length), warmUpRuns(warmUp)));
    writeFileSync(join(dirname(script), 'import.cjs'), '// The loader\'s own import(), for the startup snapshot\'s lazy imports (scripts/snapshot.mjs).\nmodule.exports = (name) => import(name);\n');
    // Built-ins that Node has not yet vouched for in a snapshot warn on stderr; the tests hold the output.
    execFileSync(process.execPath, ['--no-warnings', '--snapshot-blob', join(scratch, 'plan.blob'), '--build-snapshot', entry], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
    renameSync(join(scratch, 'plan.blob'), blob);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(`${blob}.json`, `${JSON.stringify({ node: process.version, platform: process.platform, arch: process.arch, bundle: idLine.slice(BUNDLE_ID_PREFIX.length) })}\n`);
  symlinkSync(process.execPath, `${blob}.node`);
}

/** The commands run while the snapshot is built (status, check, …; a unit's checklist and report). */
function warmUpRuns(plan) {
  if (!plan || !existsSync(join(plan, 'units.yaml'))) return [];
  const unit = parse(readFileSync(join(plan, 'units.yaml'), 'utf8'))?.units?.[0]?.id;
  const commands = [['status'], ['check'], ['overdue'], ['upcoming'], ...(unit ? [['checklist', unit], ['report', unit]] : [])];
  return commands.map((c) => [...c, '--plan', plan, '--as-of', '2021-12-01']);
}

/**
 * The script Node builds the snapshot from: the bundle's body inside a function
 * whose __filename, __dirname and __planModuleUrl are set when the snapshot
 * starts, a require() that defers the packages left outside the bundle to that
 * moment (while building, only built-ins can be loaded), and the main function.
 */
function entryScript(idLine, body, runs) {
  return `'use strict';
(function () {
const { startupSnapshot } = require('node:v8');
const { closeSync, openSync, readSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');
const builtin = require;
const EXTERNAL = ${JSON.stringify(EXTERNAL)};
const ID_LINE = ${JSON.stringify(idLine)};
let __filename, __dirname, __planModuleUrl, runtimeRequire, runtimeImport;

/** Built-ins now; a package outside the bundle is loaded on its first use, which is never while building. */
function bundleRequire(id) {
  if (runtimeRequire) return runtimeRequire(id);
  const pkg = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
  if (!EXTERNAL.includes(pkg)) return builtin(id);
  let real;
  const load = () => {
    if (!runtimeRequire) throw new Error('snapshot: package ' + id + ' used while the snapshot is built');
    return (real ??= runtimeRequire(id));
  };
  return new Proxy({}, {
    get: (_, key) => Reflect.get(load(), key),
    has: (_, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(load(), key);
      return d && { ...d, configurable: true };
    },
  });
}
const planImport = (name) => (runtimeImport ??= runtimeRequire('./import.cjs'))(name);

const module = { exports: {} };
(function (exports, require, module, __planImport) {
${body}})(module.exports, bundleRequire, module, planImport);
const plan = module.exports;

/** Whether dist/bundle/plan.js is still the bundle this snapshot holds (its first line, the hash of the rest). */
function sameBundle(file) {
  const buffer = Buffer.alloc(ID_LINE.length + 1);
  let fd;
  try {
    fd = openSync(file, 'r');
    return readSync(fd, buffer, 0, buffer.length, 0) === buffer.length && buffer.toString('latin1') === ID_LINE + '\\n';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function build() {
  await plan.preload();
  const write = [process.stdout.write, process.stderr.write];
  process.stdout.write = process.stderr.write = () => true;
  try {
    for (const argv of ${JSON.stringify(runs)}) await plan.run(argv);
  } finally {
    [process.stdout.write, process.stderr.write] = write;
    process.exitCode = undefined;
  }
  startupSnapshot.setDeserializeMainFunction(main);
}

function main() {
  const at = process.execArgv.findIndex((a) => a === '--snapshot-blob' || a.startsWith('--snapshot-blob='));
  const arg = process.execArgv[at];
  __dirname = dirname(resolve(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : process.execArgv[at + 1]));
  __filename = join(__dirname, 'plan.js');
  __planModuleUrl = pathToFileURL(__filename).href;
  runtimeRequire = builtin('node:module').createRequire(__filename);
  const argv = process.argv.slice(1);
  if (sameBundle(__filename)) return plan.run(argv);
  // Another bundle than the one held here: run it the usual way (bin/plan.js).
  const bin = join(__dirname, '../../bin/plan.js');
  process.argv = [process.execPath, bin, ...argv];
  return planImport(pathToFileURL(bin).href);
}

build();
})();
`;
}
