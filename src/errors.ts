/**
 * The few kinds of failure. main.ts alone turns them into exit codes:
 * a UsageError is the user's to fix (message, no stack, exit 2); an ExitCode
 * carries a result that has already been printed; anything else is a bug.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** A mistake in how the tool was called, as data: render/messages.ts words it. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** The command has printed its result; the process should end with `code`. */
export class ExitCode {
  constructor(readonly code: number) {}
}
