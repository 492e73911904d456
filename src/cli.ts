/**
 * The command line: options become typed objects, and each command's module
 * is imported only when that command runs, so start-up stays small.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { isRealDate } from './calendar.js';
import type { Context } from './commands/context.js';
import { langFrom } from './render/messages.js';

export interface Ambient {
  env: NodeJS.ProcessEnv;
  now: Date;
  cwd: string;
}

interface GlobalOptions {
  plan: string;
  asOf?: string;
  lang?: string;
  color: boolean;
  verbose?: boolean;
}

function asOfDate(value: string): string {
  if (!isRealDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD, e.g. 2021-09-06');
  return value;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

export function buildProgram(ambient: Ambient): Command {
  const program = new Command('plan')
    .description('plan-ledger: a county work plan (实施方案) as a ledger (工作台账) of tasks, owners and deadlines')
    .option('--plan <dir>', 'plan folder', 'plan')
    .option('--as-of <date>', 'the date to report as of, YYYY-MM-DD (default: today in the plan’s time zone)', asOfDate)
    .addOption(new Option('--lang <lang>', 'language of labels and messages (default: from the locale)').choices(['zh', 'en']))
    .option('--no-color', 'no colours (also when NO_COLOR is set or output is not a terminal)')
    .option('--verbose', 'show stack traces for errors')
    .exitOverride()
    .showHelpAfterError('(run plan --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  const context = (command: Command): Context => {
    const g = command.optsWithGlobals<GlobalOptions>();
    const stdout = process.stdout;
    const forced = ambient.env.FORCE_COLOR !== undefined && ambient.env.FORCE_COLOR !== '0';
    return {
      planDir: g.plan,
      ...(g.asOf !== undefined && { asOf: g.asOf }),
      lang: langFrom(g.lang, ambient.env),
      color: g.color && !ambient.env.NO_COLOR && (stdout.isTTY === true || forced),
      verbose: g.verbose === true,
      now: ambient.now,
      cwd: ambient.cwd,
      columns: terminalColumns(ambient.env, stdout.isTTY === true ? stdout.columns : undefined),
    };
  };

  program
    .command('check')
    .description('check the plan files: schemas and cross-file rules (for CI)')
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'github', 'junit']).default('stylish'))
    .option('--max-warnings <n>', 'fail when there are more warnings than this', wholeNumber)
    .action(async (options, command: Command) => (await import('./commands/check.js')).check(context(command), options));

  const reportFormat = (): Option => new Option('--format <format>', 'output format').choices(['table', 'json', 'csv', 'md']).default('table');

  program
    .command('status')
    .description('deadline table: one row per task with owners, deadline, progress and light (任务进度表)')
    .addOption(new Option('--format <format>', 'output format (html: one page to open, print or attach)').choices(['table', 'json', 'csv', 'md', 'html']).default('table'))
    .option('--unit <unit>', 'only tasks of this unit (id, name or alias)')
    .option('--group <group>', 'only tasks of units in this group')
    .option('--section <section>', 'only tasks of this section, e.g. 二(一) or 2.1')
    .addOption(new Option('--light <light>', 'only tasks with this light').choices(['red', 'yellow', 'green', 'done', 'done-late', 'ongoing']))
    .addOption(new Option('--state <state>', 'only tasks with an assignment in this state').choices(['not_started', 'in_progress', 'done', 'blocked', 'not_applicable']))
    .action(async (options, command: Command) => (await import('./commands/status.js')).status(context(command), options));

  program
    .command('overdue')
    .description('every overdue assignment, by unit or by task (逾期清单)')
    .addOption(reportFormat())
    .addOption(new Option('--by <by>', 'group the list by').choices(['unit', 'task']).default('unit'))
    .option('--unit <unit>', 'only this unit, or the units of this group')
    .option('--fail', 'exit 1 when anything is overdue (for a scheduled CI job)')
    .action(async (options, command: Command) => (await import('./commands/overdue.js')).overdue(context(command), options));

  program
    .command('upcoming')
    .description('what falls due soon, by date (即将到期)')
    .addOption(reportFormat())
    .option('--within <days>', 'days ahead (default: the plan’s warning window)', wholeNumber)
    .action(async (options, command: Command) => (await import('./commands/upcoming.js')).upcoming(context(command), options));

  program
    .command('checklist')
    .description('everything one unit must do, with the checkpoints it reports at (单位任务清单)')
    .argument('[unit]', 'unit id, name or alias, e.g. 县财政局')
    .addOption(reportFormat())
    .option('--all', 'one checklist per unit')
    .option('--out <dir>', 'with --all: write one Markdown file per unit into this folder')
    .action(async (unit: string | undefined, options, command: Command) =>
      (await import('./commands/checklist.js')).checklist(context(command), unit, options),
    );

  program
    .command('report')
    .description('the progress report a unit hands in at a checkpoint: its tasks and what changed (进展报告)')
    .argument('<unit>', 'unit id, name or alias; a group gives one report per member')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--checkpoint <date>', 'the checkpoint, YYYY-MM-DD (default: the next one on or after the as-of date)', asOfDate)
    .option('--out <dir>', 'write one Markdown file per unit into this folder')
    .action(async (unit: string, options, command: Command) => (await import('./commands/report.js')).report(context(command), unit, options));

  program
    .command('update')
    .description('record progress: set one unit’s entry for one task (更新进展)')
    .argument('<unit>', 'unit id, name or alias')
    .argument('<task>', 'task id, e.g. 2.1.3')
    .addOption(new Option('--state <state>', 'the new state').choices(['not_started', 'in_progress', 'done', 'blocked', 'not_applicable']))
    .option('--progress <text>', 'what has been done (进展情况)')
    .option('--evidence <url>', 'a link to evidence; may be given more than once', (url: string, list: string[] = []) => [...list, url])
    .option('--completed <date>', 'completion date, YYYY-MM-DD (done without it: the as-of date)', asOfDate)
    .option('--reason <text>', 'why the task is blocked or not applicable')
    .option('--dry-run', 'show the change as a diff; write nothing')
    .action(async (unit: string, task: string, options, command: Command) => (await import('./commands/update.js')).update(context(command), unit, task, options));

  program
    .command('history')
    .description('the recorded changes of one unit, for one task or all (变更记录)')
    .argument('<unit>', 'unit id, name or alias')
    .argument('[task]', 'task id')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (unit: string, task: string | undefined, options, command: Command) =>
      (await import('./commands/history.js')).history(context(command), unit, task, options),
    );

  program
    .command('import')
    .description('turn a work-plan document (plain text) into a draft plan folder (导入文件)')
    .argument('<document>', 'the document as plain text: UTF-8, UTF-8 with BOM, GB18030/GBK or UTF-16')
    .option('--out <dir>', 'the plan folder to write')
    .option('--units <file>', 'resolve unit names against this units.yaml (aliases too)')
    .option('--dry-run', 'print the report and the files; write nothing')
    .option('--force', 'write into a folder that already holds a plan')
    .addOption(new Option('--encoding <encoding>', 'the document’s encoding').choices(['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be']).default('auto'))
    .action(async (document: string, options, command: Command) => (await import('./commands/import.js')).importPlan(context(command), document, options));

  program
    .command('export')
    .description('the resolved plan as JSON, a stable contract for scripts')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .option('--include-contacts', 'include the units’ contact forms (personal data: names and phone numbers)')
    .action(async (options, command: Command) => (await import('./commands/export.js')).exportPlan(context(command), options));

  return program;
}

/** `COLUMNS` wins; else the terminal's width; else 100 (not a terminal). */
function terminalColumns(env: NodeJS.ProcessEnv, ttyColumns: number | undefined): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  return ttyColumns && ttyColumns >= 20 ? ttyColumns : 100;
}
