// Bundles src/ into a few ES module chunks in dist/bundle/ for bin/plan.js:
// one file to read and compile per command instead of ~40 small modules
// (module resolution and loading were ~20-30 ms of a ~200 ms run). Type-checking
// stays with tsc. npm packages stay external, so a lazy `import('yaml')` or
// `import('chalk')` still loads only when reached; code splitting keeps each
// lazily imported command in its own chunk, loaded only when that command runs.
// The one exception is commander, which every run loads: as CommonJS it went
// through Node's CJS loader and lexer, ~10 ms of CPU that inlining saves.
// BUNDLE_ALL_EXTERNAL=1 builds with every package external, to measure that.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // The commands are entry points too, so their chunks keep their names (dist/bundle/commands/status.js).
  entryPoints: [join(root, 'src/main.ts'), ...readdirSync(join(root, 'src/commands')).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'src/commands', f))],
  entryNames: '[dir]/[name]',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: process.env.BUNDLE_ALL_EXTERNAL ? 'external' : undefined,
  plugins: process.env.BUNDLE_ALL_EXTERNAL ? [] : [externalExcept(['commander'])],
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  // commander is CommonJS: its require('node:events') etc. need a require in an ES module.
  banner: { js: "import { createRequire as __planCreateRequire } from 'node:module'; const require = __planCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

/** Every npm package stays external except these, which every run loads anyway. */
function externalExcept(inline) {
  return {
    name: 'external-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return inline.includes(pkg) || args.path.startsWith('node:') ? undefined : { path: args.path, external: true };
      });
    },
  };
}
