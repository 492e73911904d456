/**
 * The few kinds of failure. main.ts alone turns them into exit codes:
 * a UsageError is the user's to fix (message, no stack, exit 2); an ExitCode
 * carries a result that has already been printed; anything else is a bug.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export class UsageError extends Error {
  constructor(
    message: string,
    /** A hint on what to do next, shown under the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The command has printed its result; the process should end with `code`. */
export class ExitCode {
  constructor(readonly code: number) {}
}
