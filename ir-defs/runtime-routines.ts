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
};

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
