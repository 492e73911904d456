/**
 * `plan check --fix`: unit names and aliases written where an id belongs are
 * replaced by the id. Only the characters of each value change — comments,
 * quoting elsewhere, key order, line ends and a byte order mark stay as they
 * were — and each file is written atomically.
 */
import type { Diagnostic } from '../diagnostic.js';
import { resolve } from 'node:path';
import { editTogether, type FileEdit, type Recovery } from './journal.js';

export interface FixResult {
  /** Files rewritten, in the order written. */
  files: string[];
  /** Values replaced. */
  values: number;
  /** An earlier edit killed halfway, finished first. */
  recovered?: Recovery;
}

/** Applies every diagnostic's `fix` to its file; files that cannot be read or parsed are left alone. */
export async function fixUnitNames(planDir: string, diagnostics: readonly Diagnostic[]): Promise<FixResult> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.fix && d.path) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const result: FixResult = { files: [], values: 0 };
  if (byFile.size === 0) return result;
  const { parseWithPositions } = await import('../load/full-yaml.js');
  const { isMap, isScalar, isSeq, parse } = await import('yaml');
  const { recovered } = await editTogether(resolve(planDir), [...byFile.keys()].map((f) => resolve(f)), async (read) => {
    const changes: FileEdit[] = [];
    for (const [file, list] of byFile) {
      const text = read(resolve(file));
      if (text === undefined) continue;
      const { doc } = parseWithPositions(text);
      if (doc.errors.length > 0) continue;
      const edits: { start: number; end: number; to: string }[] = [];
      for (const d of list) {
        let node: unknown = doc.contents;
        for (const step of d.path!) {
          if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step))?.value;
          else if (isSeq(node) && typeof step === 'number') node = node.items[step];
          else node = undefined;
        }
        // Only a plain or quoted scalar holding the very name the check saw.
        if (!isScalar(node) || !node.range || typeof node.value !== 'string' || node.value.trim() !== String(d.args.value ?? d.args.id)) continue;
        const to = d.fix!.to;
        // An id such as 2021 or true would be read back as a number or boolean.
        const written = parse(to) === to ? to : JSON.stringify(to);
        edits.push({ start: node.range[0], end: node.range[1], to: written });
      }
      if (edits.length === 0) continue;
      let next = text;
      for (const e of edits.sort((a, b) => b.start - a.start)) next = next.slice(0, e.start) + e.to + next.slice(e.end);
      changes.push({ file: resolve(file), text: next });
      result.files.push(file);
      result.values += edits.length;
    }
    return { changes, result: undefined };
  });
  if (recovered) result.recovered = recovered;
  return result;
}
