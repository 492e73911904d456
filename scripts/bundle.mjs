// Bundles src/ into ONE script, dist/bundle/plan.js, that bin/plan.js compiles
// with node:vm. One script instead of ~55 ES module chunks: Node 20's ES module
// loader resolved, linked and built a facade for every chunk and built-in
// (embedded plan, CPU paired with the chunks: status 216 → 201 ms, check
// 167 → 156, checklist 225 → 212), and only a vm.Script can be given a V8
// code cache (scripts/code-cache.mjs).
// Code a command does not reach costs little: esbuild wraps every module in a
// lazy initialiser, so a lazily imported command is parsed but not run, and V8
// compiles a function only when it is first called.
//
// Packages stay inside the script, except the heavy ones that a few commands
// import lazily (workbooks, Word, PDF, HTML, calendars), pinyin-pro (a 320 KB
// dictionary for the importer's names) and yaml (260 KB; the plan's files are
// read by load/quick-yaml.ts, the full parser only for positions and edits):
// Node loads those from node_modules when a command reaches them. A static
// import of one becomes require(), a dynamic one import(); a package imported
// both ways must resolve to the same file both ways (yaml's is CommonJS for
// either), or two copies of it would load: the build checks that.
//
// The script is a function expression, `(function (exports, require, module,
// __filename, __dirname, __planModuleUrl, __planImport) { … })`:
// - import.meta.url is __planModuleUrl, the script's own file URL;
// - a dynamic import() of an external package is __planImport(name), the
//   loader's own import(): a vm.Script's import() needs an experimental vm
//   option that warns on stderr, and it is lost when V8 uses a code cache.
// The first line is the bundle's id (BUNDLE_ID_PREFIX). The wrapper is part of the file, so the code cache's check (the bundle's bytes, compared whole) covers every byte
// V8 compiles.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');
export const SCRIPT = join(outdir, 'plan.js');
/**
 * The bundle's first line names it by the hash of the rest: the startup snapshot
 * (scripts/snapshot.mjs) holds a copy of one bundle and compares this line with
 * the file's before it runs.
 */
export const BUNDLE_ID_PREFIX = '// plan-ledger bundle sha256:';
export const SCRIPT_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__planModuleUrl', '__planImport'];
export const EXTERNAL = ['exceljs', 'docx', 'pdfjs-dist', 'mammoth', 'htmlparser2', 'ical-generator', 'pinyin-pro', 'yaml'];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundle();

async function bundle() {
  rmSync(outdir, { recursive: true, force: true });
  const dynamic = new Set();
  const required = new Set();
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    write: false,
    outfile: SCRIPT,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__planModuleUrl' },
    plugins: [externalPackages(EXTERNAL, dynamic, required)],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const require = createRequire(join(root, 'src/main.ts'));
  const twice = [...dynamic].filter((p) => required.has(p) && pathToFileURL(require.resolve(p)).href !== import.meta.resolve(p));
  if (twice.length) throw new Error(`bundle: ${twice.join(', ')} imported both with import() and require(), which resolve to different files: two copies would load`);
  let code = result.outputFiles[0].text;
  let replaced = 0;
  code = code.replace(/\bimport\(("[^"\n]+")\)/g, (whole, name) => (dynamic.has(packageOf(JSON.parse(name))) ? (replaced++, `__planImport(${name})`) : whole));
  // Any import() left would fail at run time: stop the build instead.
  if (/\bimport\(/.test(code)) throw new Error(`bundle: an import() is left that is not a lazily imported package (${replaced} rewritten)`);
  mkdirSync(outdir, { recursive: true });
  const wrapped = `(function (${SCRIPT_PARAMETERS.join(', ')}) {\n${code}})\n`;
  writeFileSync(SCRIPT, `${BUNDLE_ID_PREFIX}${createHash('sha256').update(wrapped).digest('hex')}\n${wrapped}`);
}

/** These packages stay in node_modules; noted by how they are imported. */
function externalPackages(external, dynamic, required) {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const pkg = packageOf(args.path);
        if (!external.includes(pkg)) return undefined;
        (args.kind === 'dynamic-import' ? dynamic : required).add(pkg);
        return { path: args.path, external: true };
      });
    },
  };
}

function packageOf(specifier) {
  return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
}
