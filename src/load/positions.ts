/**
 * Finds line and column for diagnostics that carry a path inside a file. Only
 * files with a diagnostic are read again, with the strict reader, which keeps
 * every node's offset.
 */
import type { Diagnostic } from '../diagnostic.js';
import { readText } from './plan-files.js';

export async function locateDiagnostics(diagnostics: Diagnostic[]): Promise<void> {
  const pending = diagnostics.filter((d) => d.line === undefined && d.path !== undefined && !d.unreadable);
  if (pending.length === 0) return;
  const { parseWithPositions } = await import('./full-yaml.js');
  const { isMap, isScalar, isSeq } = await import('yaml');
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of pending) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, list] of byFile) {
    const text = readText(file);
    if (typeof text !== 'string') continue;
    const { doc, lineCounter } = parseWithPositions(text);
    for (const d of list) {
      // Walk the path as far as it exists: a missing property points at its parent.
      let node: unknown = doc.contents;
      let offset = (node as { range?: number[] } | null)?.range?.[0] ?? 0;
      for (const step of d.path!) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && (String(p.key.value) === String(step) || p.key.source === String(step)));
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
