/**
 * The exit codes of every command, documented in the README. Scripts and CI branch on them, so they are
 * an API: never reuse a number for another meaning.
 */
export const EXIT = {
  /** Done; nothing wrong found. */
  ok: 0,
  /** The command ran and found problems (invalid objects, drift, missing secrets, over budget…). */
  problems: 1,
  /** The command line or an input value is wrong (unknown app, bad image reference, missing flag). */
  usage: 2,
  /** Something the command needs is unavailable: kubectl, git, the CRDs, a readable source file. */
  environment: 3,
  /** A bug in the CLI (printed with its stack trace): sysexits' EX_SOFTWARE. */
  bug: 70,
  /** The user cancelled an interactive prompt (Ctrl-C), like a shell's SIGINT exit. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An expected failure: printed as one message (plus a hint), never with a stack trace. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(exitCode: ExitCode, message: string, hint?: string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

export const usageError = (message: string, hint?: string) => new CliError(EXIT.usage, message, hint);
export const environmentError = (message: string, hint?: string) =>
  new CliError(EXIT.environment, message, hint);
export const problemsError = (message: string, hint?: string) => new CliError(EXIT.problems, message, hint);
