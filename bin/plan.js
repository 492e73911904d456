#!/usr/bin/env node
// Runs the bundle, dist/bundle/plan.js: one script compiled by node:vm (see
// scripts/bundle.mjs for why, and for the parameters its wrapper takes).
// Built-ins come from process.getBuiltinModule (Node ≥ 20.16), not `import`:
// an ES module import of a built-in builds a facade of all its exports.
const { createRequire } = process.getBuiltinModule?.('node:module') ?? (await import('node:module'));
const builtin = process.getBuiltinModule ?? createRequire(import.meta.url);
const { readFileSync } = builtin('node:fs');

const url = new URL('../dist/bundle/plan.js', import.meta.url);
const file = builtin('node:url').fileURLToPath(url);
const script = new (builtin('node:vm').Script)(readFileSync(file, 'utf8'), { filename: file });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, builtin('node:path').dirname(file), url.href, (name) => import(name));
await module.exports.run(process.argv.slice(2));
