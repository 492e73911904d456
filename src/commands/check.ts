/** `plan check`: every file against its schema, then the cross-file rules. */
import { countBySeverity, sortDiagnostics } from '../diagnostic.js';
import { EXIT, ExitCode } from '../errors.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from '../render/diagnostics.js';
import { label } from '../render/messages.js';
import { safeText } from '../render/text.js';
import { loadPlan, paintFor, print, sayRecovered, type Context } from './context.js';

export interface CheckOptions {
  format: DiagnosticFormat;
  maxWarnings?: number;
  /** A revision: judge who changed which file in every commit since it. */
  since?: string;
  /** With --since: judge the key that signed each commit, not its author. */
  signed?: boolean;
  /** Rewrite unit names written where an id belongs, then check again. */
  fix?: boolean;
}

export async function check(ctx: Context, options: CheckOptions): Promise<void> {
  // A completion after today is a mistake; one after a past --as-of date is only not yet in force.
  let result = await loadPlan(ctx, { completions: 'today' });
  if (options.fix) {
    const { fixUnitNames } = await import('../store/fix-names.js');
    const fixed = await fixUnitNames(ctx.planDir, result.diagnostics);
    if (fixed.recovered) sayRecovered(ctx, fixed.recovered);
    if (fixed.values > 0) {
      // On stderr, so that --format json stays one JSON document on stdout.
      process.stderr.write(`${label('fixed', ctx.lang)(fixed.values, fixed.files.map(safeText))}\n`);
      result = await loadPlan(ctx, { completions: 'today' });
    }
  }
  if (options.since !== undefined) {
    const judged = await (await import('./authorship.js')).authorshipDiagnostics(ctx, result.data, options.since, options.signed);
    // A decision written by the wrong author points at its record in the file as it stands.
    await (await import('../load/positions.js')).locateDiagnostics(judged.diagnostics.filter((d) => d.path !== undefined));
    for (const d of judged.diagnostics) result.diagnostics.push(d);
    sortDiagnostics(result.diagnostics);
    if (!judged.signed) process.stderr.write(`${label('authorIsFreeText', ctx.lang)}\n`);
  }
  const paint = await paintFor(ctx);
  const counts = result.data && { tasks: result.data.tasks.length, units: result.data.units.length };
  print(DIAGNOSTIC_FORMATS[options.format]({ diagnostics: result.diagnostics, lang: ctx.lang, paint, files: result.files, ...(counts && { counts }) }));
  const { errors, warnings } = countBySeverity(result.diagnostics);
  if (result.diagnostics.some((d) => d.unreadable)) throw new ExitCode(EXIT.usage);
  if (errors > 0) throw new ExitCode(EXIT.findings);
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`${label('tooManyWarnings', ctx.lang)(warnings, options.maxWarnings)}\n`);
    throw new ExitCode(EXIT.findings);
  }
}
