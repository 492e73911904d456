/**
 * The process boundary: runs the CLI and turns every outcome into an exit
 * code. This is the only place that sets one (see EXIT in errors.ts).
 */
import { EXIT, ExitCode, fsUsageError, UsageError } from './errors.js';
import { locatePlanFolder, planLanguage, type PlanLocation } from './load/plan-folder.js';
import { langOf, usageMessage } from './render/messages.js';
import { safeText } from './render/text.js';
import type { Lang } from './render/lang.js';

export async function run(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  // A reader that stops early (plan status | head) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    // Output that cannot be written (plan export > /dev/full): the user's situation, worded, exit 2.
    process.exit(exitCodeFor(Object.assign(e, { path: e.path ?? (langOf(argv, process.env) === 'zh' ? '标准输出' : 'standard output') }), langOf(argv, process.env), verbose));
  });
  // The plan folder and its language are known before the arguments are parsed,
  // so that help and the parser's own errors speak the plan's language too.
  let location: PlanLocation | undefined;
  let planLang: Lang | undefined;
  try {
    location = locatePlanFolder(argv, process.cwd());
    planLang = location.found ? planLanguage(location.dir) : undefined;
    const { buildProgram } = await import('./cli.js');
    await buildProgram({ argv, env: process.env, now: new Date(), location, ...(planLang && { planLang }) }).parseAsync(argv, { from: 'user' });
    process.exitCode = EXIT.ok;
  } catch (e) {
    process.exitCode = exitCodeFor(e, langOf(argv, process.env, planLang), verbose);
  }
}

function exitCodeFor(error: unknown, lang: Lang, verbose: boolean): number {
  if (error instanceof ExitCode) return error.code;
  // A full disk, a read-only folder, no permission: the user's situation, worded, exit 2.
  const e = fsUsageError(error) ?? error;
  if (e instanceof UsageError) {
    const { message, hint } = usageMessage(e.code, e.args, lang);
    // A hint may run over lines (an example file): each line is made safe on its own.
    process.stderr.write(`plan: ${safeText(message)}\n${hint ? `${hint.split('\n').map((l) => `  ${safeText(l)}`).join('\n')}\n` : ''}`);
    if (verbose) process.stderr.write(`${(error as Error).stack ?? e.stack}\n`);
    return EXIT.usage;
  }
  // commander reports its own usage errors and sets their exit code.
  const commanderCode = (e as { code?: string; exitCode?: number } | null)?.code;
  if (typeof commanderCode === 'string' && commanderCode.startsWith('commander.')) {
    const exit = (e as { exitCode: number }).exitCode;
    return exit === 0 ? EXIT.ok : EXIT.usage;
  }
  if ((e as NodeJS.ErrnoException | null)?.code === 'EPIPE') return EXIT.ok;
  const [what, report] = lang === 'zh' ? ['plan：内部错误：', '  这是 plan-ledger 的缺陷，请附上 --verbose 的输出报告。'] : ['plan: internal error: ', '  This is a bug in plan-ledger; please report it with the output of --verbose.'];
  process.stderr.write(`${what}${safeText((e as Error)?.message ?? String(e))}\n`);
  process.stderr.write(verbose ? `${(e as Error)?.stack}\n` : `${report}\n`);
  return EXIT.internal;
}

/**
 * For the startup snapshot (scripts/snapshot.mjs): the modules of the everyday
 * commands initialised, nothing run. Their top levels must not read the
 * environment, the clock or the terminal: they run when the package is built.
 */
export async function preload(): Promise<void> {
  await Promise.all([
    import('./cli.js'),
    import('./commands/status.js'),
    import('./commands/check.js'),
    import('./commands/overdue.js'),
    import('./commands/upcoming.js'),
    import('./commands/checklist.js'),
    import('./commands/report.js'),
  ]);
}
