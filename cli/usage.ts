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
