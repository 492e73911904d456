#!/usr/bin/env node
// Runs the bundle, dist/bundle/plan.js: one script compiled by node:vm (see
// scripts/bundle.mjs for why, and for the parameters its wrapper takes), from
// the V8 code cache the build made for it (scripts/code-cache.mjs) when that
// cache was made from exactly these bytes; else compiled as usual.
// bin/plan, the command npm installs, runs this file when it does not start
// Node from the startup snapshot (scripts/snapshot.mjs).
// Built-ins come from process.getBuiltinModule (Node ≥ 20.16), not `import`:
// an ES module import of a built-in builds a facade of all its exports.
const { createRequire } = process.getBuiltinModule?.('node:module') ?? (await import('node:module'));
const builtin = process.getBuiltinModule ?? createRequire(import.meta.url);
const { readFileSync } = builtin('node:fs');

const url = new URL('../dist/bundle/plan.js', import.meta.url);
const file = builtin('node:url').fileURLToPath(url);
const module = { exports: {} };
compile().runInThisContext()(module.exports, createRequire(file), module, file, builtin('node:path').dirname(file), url.href, (name) => import(name));
await module.exports.run(process.argv.slice(2));

/** The bundle as a vm.Script; the files' bytes (~2 MB) are garbage once it is compiled. */
function compile() {
  const source = readFileSync(file);
  vouchForSnapshot(source);
  return new (builtin('node:vm').Script)(source.toString('utf8'), { filename: file, cachedData: codeCache(source) });
}

/**
 * The cache's V8 data, if the cache starts with exactly the bytes of `source`
 * (compared whole: as sure as a hash and cheaper than loading node:crypto,
 * ~3-7 ms).
 */
function codeCache(source) {
  // For the benchmark's cold rows (and anyone who doubts the cache): compile as if there were none.
  if (process.env.PLAN_LEDGER_NO_CODE_CACHE) return undefined;
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  return cache.length > source.length && source.equals(cache.subarray(0, source.length)) ? cache.subarray(source.length) : undefined;
}

/**
 * bin/plan starts from the startup snapshot only when its `node` is the binary
 * that dist/bundle/plan.blob.node links to. The build makes the link; a package
 * built elsewhere comes without it (npm packs no links), so it is made here
 * when this Node is of the version, platform and architecture that made the
 * blob and the blob holds this very bundle. Where the package's folder cannot
 * be written, nothing changes.
 */
function vouchForSnapshot(source) {
  const blob = file.replace(/\.js$/, '.blob');
  try {
    const made = JSON.parse(readFileSync(`${blob}.json`, 'utf8'));
    const id = source.subarray(0, source.indexOf(10)).toString('latin1');
    if (made.node !== process.version || made.platform !== process.platform || made.arch !== process.arch || !id.endsWith(`:${made.bundle}`)) return;
    const fs = builtin('node:fs');
    let linked;
    try {
      linked = fs.readlinkSync(`${blob}.node`);
    } catch {}
    if (linked === process.execPath) return;
    const temporary = `${blob}.node.${process.pid}`;
    fs.symlinkSync(process.execPath, temporary);
    fs.renameSync(temporary, `${blob}.node`);
  } catch {}
}
