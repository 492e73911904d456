/**
 * The layers of docs/architecture.md, as the imports in src/ stand: every
 * import goes down (or stays in its folder), no module circles, and only the
 * folders that may touch the file system import node:fs or run programs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = join(ROOT, 'src');

/** Lower numbers are lower floors. A folder not listed here fails the test: give it a floor in docs/architecture.md first. */
const FLOORS: Record<string, number> = {
  core: 0,
  load: 1,
  validate: 2,
  ledger: 3,
  importer: 3,
  render: 4,
  'render/reports': 5,
  'render/documents': 5,
  'render/calendar': 5,
  site: 5,
  workbook: 5,
  repository: 5,
  store: 6,
  commands: 7,
  entry: 8,
};

/** Renderers of one floor may use each other's pieces (a document shows a report's table); circles are still refused below. */
const SIDEWAYS_FLOOR = 5;
const MAY_TOUCH_FILES = new Set(['load', 'store', 'commands']);

function folderOf(file: string): string {
  const rel = relative(SRC, file);
  const dir = dirname(rel);
  if (dir === '.') return rel === 'cli.ts' || rel === 'main.ts' ? 'entry' : 'core';
  // A folder's own subfolders (the importer's adapters, the schemas) belong to it.
  return dir.startsWith('validate/') ? 'validate' : dir.startsWith('importer/') ? 'importer' : dir;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(SRC);
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
    return [file, specs];
  }),
);

describe('the layers', () => {
  it('every folder has a floor', () => {
    const unknown = [...new Set(files.map(folderOf))].filter((f) => !(f in FLOORS));
    expect(unknown).toEqual([]);
  });

  it('imports go down, never back up', () => {
    const upward: string[] = [];
    for (const [file, specs] of imports) {
      const from = folderOf(file);
      for (const spec of specs) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        const to = folderOf(target);
        if (to === from) continue;
        const [a, b] = [FLOORS[from]!, FLOORS[to]!];
        if (b < a || (a === b && a === SIDEWAYS_FLOOR)) continue;
        upward.push(`${relative(ROOT, file)} → ${relative(ROOT, target)} (${from} → ${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no module imports itself round a circle', () => {
    const edges = new Map<string, string[]>();
    for (const [file, specs] of imports) {
      edges.set(
        file,
        specs.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts')),
      );
    }
    // Tarjan's strongly connected components: any with two or more modules is a circle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(relative(SRC, w));
        } while (w !== v);
        if (scc.length > 1) circles.push(scc.sort());
      }
    };
    for (const f of files) if (!idx.has(f)) visit(f);
    expect(circles).toEqual([]);
  });

  it('only load, store and the commands touch the file system or run programs', () => {
    const touching = files
      .filter((f) => !MAY_TOUCH_FILES.has(folderOf(f).split('/')[0]!))
      .filter((f) => imports.get(f)!.some((s) => /^node:(fs|child_process)(\/|$)/.test(s)));
    expect(touching.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
