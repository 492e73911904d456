/**
 * Lines of records named by a path of keys (a status file's review record, a
 * rule of scoring.yaml): the explanation of a score points at each by
 * file:line. The same locator as the diagnostics', one read per file.
 */
import type { Diagnostic } from '../diagnostic.js';
import { locateDiagnostics } from './positions.js';

export interface PathInFile {
  file: string;
  path: (string | number)[];
}

/** The 1-based line of each path, in order; undefined where the file cannot be read. */
export async function linesOf(wanted: readonly PathInFile[]): Promise<(number | undefined)[]> {
  const probes: Diagnostic[] = wanted.map((w) => ({ code: 'locate', severity: 'warning', file: w.file, path: w.path, args: {} }));
  await locateDiagnostics(probes);
  return probes.map((p) => p.line);
}
