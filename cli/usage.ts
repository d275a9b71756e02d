import { escapeControls } from "../front-end/display.js";
import type { OptLevel } from "../passes/pipeline.js";

/** A problem with how qnano was called (exit status 2) or with what it was
 * given to read (status 1): reported in one line, never a stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

/** Thrown when what went wrong has already been said on stderr (diagnostics):
 * the command ends with this status and says nothing more. */
export class Reported extends Error {
  constructor(readonly status = 1) {
    super("already reported");
  }
}

/** `qnano: message`, for stderr; what the message quotes (a file name, a
 * tool's output) is shown with its control characters escaped. */
export function complaint(message: string): string {
  return `qnano: ${message.split("\n").map((line) => escapeControls(line)).join("\n")}`;
}

/** `--opt`: 0 (no optimisation: the pipeline without the optimisations) or 1 (the default). */
export function optOption(value: string | undefined): OptLevel {
  if (value === undefined) return 1;
  if (value !== "0" && value !== "1") throw new UsageError(`--opt takes 0 (no optimisation) or 1 (optimised), not \`${value}\``);
  return Number(value) as OptLevel;
}
