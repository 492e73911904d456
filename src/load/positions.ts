/**
 * Finds line and column for diagnostics that carry a path inside a file. Only
 * files with a diagnostic are read again, with the strict reader, which keeps
 * every node's offset. Linear in the file and the diagnostics: each mapping's
 * keys are indexed once, and a file reports at most PER_FILE diagnostics.
 */
import type { Diagnostic } from '../diagnostic.js';
import { readText } from './plan-files.js';
import { locateQuick, pathKey } from './quick-yaml.js';

/** Diagnostics listed per file; the rest are counted in one `more-problems` line. */
export const PER_FILE = 100;

/**
 * Keeps the first PER_FILE diagnostics of each file (in the order found) and
 * adds, per file that had more, one diagnostic saying how many were left out.
 */
export function capPerFile(diagnostics: Diagnostic[], perFile = PER_FILE): Diagnostic[] {
  const counts = new Map<string, { listed: number; errors: number; warnings: number }>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    let c = counts.get(d.file);
    if (!c) counts.set(d.file, (c = { listed: 0, errors: 0, warnings: 0 }));
    if (d.code === 'more-problems') {
      // A count made earlier (by the schema check) stands for the problems it counts.
      c.errors += Number(d.args.errors ?? 0);
      c.warnings += Number(d.args.warnings ?? 0);
    } else if (c.listed < perFile) {
      c.listed++;
      kept.push(d);
    } else if (d.severity === 'error') c.errors++;
    else c.warnings++;
  }
  for (const [file, { errors, warnings }] of counts) {
    const count = errors + warnings;
    if (count > 0) kept.push({ code: 'more-problems', severity: errors > 0 ? 'error' : 'warning', file, args: { count, shown: perFile, errors, warnings } });
  }
  return kept;
}

export async function locateDiagnostics(diagnostics: Diagnostic[]): Promise<void> {
  const pending = diagnostics.filter((d) => d.line === undefined && d.path !== undefined && !d.unreadable);
  if (pending.length === 0) return;
  const { LIMITS, parsedFor, tooDeep } = await import('./full-yaml.js');
  const { isMap, isScalar, isSeq } = await import('yaml');
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of pending) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    const text = readText(file);
    if (typeof text !== 'string') continue;
    // A plain file (nearly all) is located by the quick reader in one pass, however large.
    const wanted = new Set<string>();
    for (const d of list) for (let n = 0; n <= d.path!.length; n++) wanted.add(pathKey(d.path!.slice(0, n)));
    const quick = locateQuick(text, wanted);
    if (quick) {
      for (const d of list) {
        // The deepest step of the path that exists: a missing property points at its parent.
        let at: { line: number; col: number } | undefined;
        for (let n = d.path!.length; n > 0 && !at; n--) at = quick.get(pathKey(d.path!.slice(0, n)));
        d.line = at?.line ?? 1;
        d.col = at?.col ?? 1;
      }
      continue;
    }
    if (tooDeep(text) || text.length > LIMITS.strictChars) continue;
    const { doc, lineCounter } = parsedFor(file, text);
    // Per mapping, its pairs by the text of their keys (`3.10` stays "3.10"), built on first use.
    const index = new Map<unknown, Map<string, { key: unknown; value: unknown }>>();
    const pairsOf = (map: { items: { key: unknown; value: unknown }[] }): Map<string, { key: unknown; value: unknown }> => {
      let byKey = index.get(map);
      if (!byKey) {
        byKey = new Map();
        for (const p of map.items) {
          if (!isScalar(p.key)) continue;
          const name = typeof p.key.value === 'string' ? p.key.value : (p.key.source ?? String(p.key.value));
          if (!byKey.has(name)) byKey.set(name, p);
        }
        index.set(map, byKey);
      }
      return byKey;
    };
    for (const d of list) {
      // Walk the path as far as it exists: a missing property points at its parent.
      let node: unknown = doc.contents;
      let offset = (node as { range?: number[] } | null)?.range?.[0] ?? 0;
      for (const step of d.path!) {
        if (isMap(node)) {
          const pair = pairsOf(node as { items: { key: unknown; value: unknown }[] }).get(String(step));
          if (!pair) break;
          offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
          node = pair.value;
        } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
          node = node.items[step];
          offset = (node as { range?: number[] }).range?.[0] ?? offset;
        } else break;
      }
      const at = lineCounter.linePos(offset);
      d.line = at.line;
      d.col = at.col;
    }
  }
}
