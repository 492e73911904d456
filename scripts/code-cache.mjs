// Makes dist/bundle/plan.js.cache, the V8 code cache that bin/plan.js gives
// V8 with the bundle, so that a run starts from compiled bytecode instead of
// parsing and compiling ~1 MB of JavaScript and then every function it calls.
// The cache is made after running the commands a plan is read with most
// (status, check, a unit's checklist) on the repository's own plan/, so the
// functions they call are in it; without plan/ (a copy of the package's
// sources) it holds the top level only.
//
// Never stale: the file starts with a copy of the bundle it was made from,
// and bin/plan.js uses it only when the bundle is byte for byte that copy;
// V8 itself rejects a cache of another V8 version or other flags, and then
// compiles.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'dist/bundle/plan.js');
const cacheFile = `${file}.cache`;
rmSync(cacheFile, { force: true });

const source = readFileSync(file);
const script = new Script(source.toString('utf8'), { filename: file });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href, (name) => import(name));

const plan = join(root, 'plan');
if (existsSync(join(plan, 'units.yaml'))) {
  const unit = parse(readFileSync(join(plan, 'units.yaml'), 'utf8'))?.units?.[0]?.id;
  const write = process.stdout.write;
  process.stdout.write = () => true;
  try {
    for (const command of [['status'], ['check'], ...(unit ? [['checklist', unit]] : [])]) {
      await module.exports.run([...command, '--plan', plan, '--as-of', '2021-12-01']);
    }
  } finally {
    process.stdout.write = write;
  }
  process.exitCode = 0;
}
writeFileSync(cacheFile, Buffer.concat([source, script.createCachedData()]));
