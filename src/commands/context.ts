/**
 * What every command gets from the command line, and the one way a command
 * loads a plan: read → validate → (on errors) report and stop.
 */
import { countBySeverity, sortDiagnostics } from '../diagnostic.js';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { capPerFile, locateDiagnostics } from '../load/positions.js';
import { listPlanFiles, PlanFolderMissing } from '../load/plan-files.js';
import type { PlanData } from '../model.js';
import { DIAGNOSTIC_FORMATS } from '../render/diagnostics.js';
import { label } from '../render/messages.js';
import { safeText, terminalSafe } from '../render/text.js';
import type { Recorded } from '../store/index.js';
import { recoverEdit, type Recovery } from '../store/journal.js';
import { validatePlan, type Validated, type ValidateOptions } from '../validate/index.js';
import type { Lang, Paint } from '../render/lang.js';

/** What a command asks of the load: texts for some entries, a report date before the as-of date, the completion rule. */
export type LoadOptions = Pick<ValidateOptions, 'details' | 'replayAt' | 'completions'> & {
  /** An as-of date before the plan was signed is refused (a document for the record: 通报, report) rather than warned of. */
  refuseBeforeSigned?: boolean;
};

export interface Context {
  planDir: string;
  /** No --plan and no plan folder found: the folder the search started from (for the message). */
  planSearchedFrom?: string;
  asOf?: string;
  lang: Lang;
  color: boolean;
  verbose: boolean;
  now: Date;
  columns: number;
}

const PLAIN: Paint = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

/** Colour only when asked for; chalk is loaded only then. */
export async function paintFor(ctx: Context): Promise<Paint> {
  if (!ctx.color) return PLAIN;
  colourOn = true;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, green: c.green, dim: c.dim, bold: c.bold };
}

/** Reads and validates the plan folder; throws UsageError when there is none. */
export async function loadPlan(ctx: Context, load: boolean | LoadOptions = false): Promise<Validated> {
  const options: LoadOptions = typeof load === 'boolean' ? { details: load } : load;
  try {
    // An edit of several files killed halfway is finished before anything is read.
    const recovered = await recoverEdit(ctx.planDir);
    if (recovered) sayRecovered(ctx, recovered);
    const result = await validatePlan(ctx.planDir, listPlanFiles(ctx.planDir), {
      ...(ctx.asOf !== undefined && { asOf: ctx.asOf }),
      now: ctx.now,
      ...options,
    });
    // A hostile file can hold 40,000 problems: each file lists its first ones and a count.
    result.diagnostics = capPerFile(result.diagnostics);
    await locateDiagnostics(result.diagnostics);
    sortDiagnostics(result.diagnostics);
    return result;
  } catch (e) {
    if (e instanceof PlanFolderMissing) {
      throw ctx.planSearchedFrom !== undefined ? new UsageError('no-plan-found', { from: ctx.planSearchedFrom }) : new UsageError('no-plan-folder', { dir: e.dir });
    }
    throw e;
  }
}

/**
 * For the reports: a plan with errors cannot be reported on. Its diagnostics go
 * to stderr and the process ends with the check's exit code.
 */
export async function loadValidPlan(ctx: Context, load: boolean | LoadOptions = false): Promise<{ data: PlanData; asOf: string }> {
  const result = await loadPlan(ctx, load);
  const { errors } = countBySeverity(result.diagnostics);
  if (errors > 0 || !result.data) {
    const errorsOnly = result.diagnostics.filter((d) => d.severity === 'error');
    process.stderr.write(DIAGNOSTIC_FORMATS.stylish({ diagnostics: errorsOnly, lang: ctx.lang, paint: await paintFor({ ...ctx, color: ctx.color && process.stderr.isTTY === true }) }));
    process.stderr.write(ctx.lang === 'zh' ? '计划文件有错误，请先修正（plan check 可列出全部问题）。\n' : 'the plan has errors; fix them first (plan check lists them all)\n');
    throw new ExitCode(result.diagnostics.some((d) => d.unreadable) ? EXIT.usage : EXIT.findings);
  }
  // Nothing was due before the plan existed: a report on such a date would show its tasks as merely "not started".
  const signed = result.data.plan.signed;
  if (signed !== undefined && result.asOf < signed) {
    if (typeof load === 'object' && load.refuseBeforeSigned) throw new UsageError('as-of-before-signed', { asOf: result.asOf, signed });
    process.stderr.write(`${label('asOfBeforeSigned', ctx.lang)(result.asOf, signed)}\n`);
  }
  return { data: result.data, asOf: result.asOf };
}

/** On stderr: an earlier edit of several files was killed halfway, and this command finished it. */
export function sayRecovered(ctx: Context, recovered: Recovery): void {
  process.stderr.write(`${label('journalFinished', ctx.lang)(recovered.files.map(safeText))}\n`);
}

/** Whether this run paints its output: only then may the tool's own colour codes reach the terminal. */
let colourOn = false;

/** Writes a command's output; to a terminal, through terminalSafe (the data may hold control characters). */
export function print(text: string): void {
  const line = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  process.stdout.write(process.stdout.isTTY === true ? terminalSafe(line, colourOn) : line);
}

/** The errors that refused an edit of the store, for stderr. */
export async function refusalText(ctx: Context, recorded: Recorded<unknown>): Promise<string> {
  const zh = ctx.lang === 'zh';
  return (
    DIAGNOSTIC_FORMATS.stylish({ diagnostics: recorded.errors, lang: ctx.lang, paint: await paintFor({ ...ctx, color: false }) }) +
    safeText(zh ? `未写入：修改后的 ${recorded.file} 不符合规则。` : `not written: ${recorded.file} would break the rules above`) + '\n'
  );
}
