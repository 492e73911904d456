/** The quick reader's positions (used to locate diagnostics in plain files) are the strict parser's. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseWithPositions } from '../../src/load/full-yaml.js';
import { locateQuick, pathKey } from '../../src/load/quick-yaml.js';
import { ROOT } from '../helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

/** Every key and sequence item with the position the strict parser gives it. */
function strictPositions(text: string): Map<string, { line: number; col: number }> {
  const { doc, lineCounter } = parseWithPositions(text);
  const out = new Map<string, { line: number; col: number }>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isScalar(p.key)) continue;
        const step = String(p.key.value);
        out.set(pathKey([...path, step]), lineCounter.linePos(p.key.range![0]!));
        walk(p.value, [...path, step]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        out.set(pathKey([...path, i]), lineCounter.linePos((item as { range: number[] }).range[0]!));
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

describe('positions from the quick reader', () => {
  const all = [...files(join(ROOT, 'plan')), ...files(join(ROOT, 'tests/fixtures/progress'))];
  it.each(all.map((f) => [f.slice(ROOT.length + 1), f]))('%s: every key and item where the strict parser puts it', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const strict = strictPositions(text);
    const quick = locateQuick(text, new Set(strict.keys()));
    expect(quick).toBeDefined();
    expect(Object.fromEntries(quick!)).toEqual(Object.fromEntries(strict));
  });
});
