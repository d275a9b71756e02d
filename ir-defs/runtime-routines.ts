// What the instruction ILs of both targets know of the runtime
// (runtime-asm/*/runtime.s, runtime-asm/README.md): the routines they call,
// with how many argument registers each reads, and the one they jump to.

/** How many argument registers each routine that compiled code calls reads. */
export const runtimeArguments: Readonly<Record<string, number>> = {
  qn_print_int: 1,
  qn_print_bool: 1,
  qn_exit: 1,
  qn_read_int: 0,
  qn_panic: 2,
  // The heap (spec/heap.md).
  qn_alloc: 2,
  qn_array: 3,
  qn_release: 1,
  qn_concat: 2,
  qn_string_eq: 2,
  qn_print_string: 1,
  qn_panic_string: 1,
  // Tasks and channels (runtime-asm/README.md, "Concurrency").
  qn_scope_open: 0,
  qn_scope_close: 1,
  qn_spawn: 3,
  qn_yield: 0,
  qn_channel: 2,
  qn_send: 2,
  qn_recv: 1,
  qn_close: 1,
};

/** How many result registers a routine sets, when not one (or none): qn_recv
 * gives the value in the first (x86-64 `%rax`, AArch64 `x0`) and 1 (found) or
 * 0 (closed and empty) in the second (`%rdx`, `x1`). */
export const runtimeResults: Readonly<Record<string, number>> = {
  qn_recv: 2,
};

/** The routines that may switch to another task (runtime-asm/README.md,
 * "Concurrency"): every other routine returns to its caller without running
 * any other task. A switch keeps the callee-saved registers, as any call does. */
export const switchingRoutines: ReadonlySet<string> = new Set(["qn_scope_close", "qn_yield", "qn_send", "qn_recv"]);

/** Panics with `stack overflow` (status 101) and never returns. Each function's
 * prelude jumps to it when the stack pointer, once the frame is made, is below
 * `qn_stack_limit`, a word of the runtime's data that _start sets. */
export const stackOverflow = "qn_stack_overflow";
export const stackLimit = "qn_stack_limit";

/** Panics with `division by zero` (status 101) and never returns. Compiled code
 * reaches it by a jump (x86-64 `je`/`jmp`, AArch64 `cbz`/`b`), never by a call,
 * so nothing is live after a jump to it. */
export const divisionByZero = "qn_division_by_zero";

/** Panics with `index out of bounds` (status 101) and never returns; compiled
 * code jumps to it, like qn_division_by_zero, when an index check fails. */
export const indexOutOfBounds = "qn_index_out_of_bounds";
