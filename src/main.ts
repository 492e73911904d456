/**
 * The process boundary: runs the CLI and turns every outcome into an exit
 * code. This is the only place that sets one (see EXIT in errors.ts).
 */
import { EXIT, ExitCode, fsUsageError, UsageError } from './errors.js';
import { langOf, usageMessage } from './render/messages.js';
import { safeText } from './render/text.js';

export async function run(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  // A reader that stops early (plan status | head) is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    throw e;
  });
  try {
    const { buildProgram } = await import('./cli.js');
    await buildProgram({ argv, env: process.env, now: new Date() }).parseAsync(argv, { from: 'user' });
    process.exitCode = EXIT.ok;
  } catch (e) {
    process.exitCode = exitCodeFor(e, argv, verbose);
  }
}

function exitCodeFor(error: unknown, argv: string[], verbose: boolean): number {
  if (error instanceof ExitCode) return error.code;
  // A full disk, a read-only folder, no permission: the user's situation, worded, exit 2.
  const e = fsUsageError(error) ?? error;
  if (e instanceof UsageError) {
    const { message, hint } = usageMessage(e.code, e.args, langOf(argv, process.env));
    process.stderr.write(`plan: ${safeText(message)}\n${hint ? `  ${safeText(hint)}\n` : ''}`);
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
  process.stderr.write(`plan: internal error: ${safeText((e as Error)?.message ?? String(e))}\n`);
  process.stderr.write(verbose ? `${(e as Error)?.stack}\n` : '  This is a bug in plan-ledger; please report it with the output of --verbose.\n');
  return EXIT.internal;
}
