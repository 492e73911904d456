/**
 * A finding about the plan's files, as data. The wording lives in one place,
 * src/render/messages.ts, so a message can be Chinese or English and tests
 * assert codes and positions, not prose.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable, kebab-case: `task-no-deadline`, `yaml-syntax`, … */
  code: string;
  severity: Severity;
  /** The file as the user named it (relative to where they ran the command). */
  file: string;
  /** 1-based; absent only when the file has no text to point into. */
  line?: number;
  col?: number;
  /** Path of keys inside the file, used to find line and column. */
  path?: (string | number)[];
  /** Values for the message template. */
  args: Record<string, string | number>;
  /** The file could not be read at all (exit 2 rather than 1). */
  unreadable?: boolean;
  /** A safe rewrite of the value at `path` (`plan check --fix`). */
  fix?: { to: string };
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Stable order: by file, then position, then code. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
