// What the instruction ILs of both targets know of the runtime
// (runtime-asm/*/runtime.s, runtime-asm/README.md): the routines they call,
// with how many argument registers each reads, and the one they jump to.

/** Each routine that compiled code calls: how many argument registers it reads
 * (the first ones of the target's convention), and whether it gives a result
 * (in the result register; a routine without one leaves it undefined). */
export const runtimeRoutines: Readonly<Record<string, { readonly arguments: number; readonly result: boolean }>> = {
  qn_print_int: { arguments: 1, result: false },
  qn_print_bool: { arguments: 1, result: false },
  qn_exit: { arguments: 1, result: false },
  qn_read_int: { arguments: 0, result: true },
  qn_panic: { arguments: 2, result: false }, // the address and count of a message's bytes
  // The heap (spec/heap.md).
  qn_alloc: { arguments: 2, result: true },
  qn_array: { arguments: 3, result: true },
  qn_release: { arguments: 1, result: false },
  qn_concat: { arguments: 2, result: true },
  qn_string_eq: { arguments: 2, result: true },
  qn_string_cmp: { arguments: 2, result: true },
  qn_print_string: { arguments: 1, result: false },
  qn_panic_string: { arguments: 1, result: false },
  // What core.string and core.io are written over.
  qn_string_byte: { arguments: 2, result: true },
  qn_string_slice: { arguments: 3, result: true },
  qn_write_string: { arguments: 1, result: false },
  qn_input_line: { arguments: 0, result: true },
  // Tasks and channels (runtime-asm/README.md, "Concurrency").
  qn_scope_open: { arguments: 0, result: true },
  qn_scope_close: { arguments: 1, result: false },
  qn_spawn: { arguments: 3, result: false },
  qn_yield: { arguments: 0, result: false },
  qn_channel: { arguments: 2, result: true },
  qn_send: { arguments: 2, result: false },
  qn_try_send: { arguments: 2, result: true }, // 1: sent; 0: not (a reference is released)
  qn_recv: { arguments: 1, result: true }, // and a second result: runtimeResults
  qn_close: { arguments: 1, result: false },
};

/** How many argument registers each routine reads. */
export const runtimeArguments: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(runtimeRoutines).map(([name, r]) => [name, r.arguments]));

/** The routine that each primitive of Lalloc, `alloc`, `alloc_array` and `release`
 * become, on both targets. (`panic` with a literal message calls qn_panic with
 * the address and count of its bytes instead: no object needs reading.) */
export const routineOf = {
  print_int: "qn_print_int",
  print_bool: "qn_print_bool",
  print_string: "qn_print_string",
  exit: "qn_exit",
  read_int: "qn_read_int",
  concat: "qn_concat",
  string_eq: "qn_string_eq",
  string_cmp: "qn_string_cmp",
  string_byte: "qn_string_byte",
  string_slice: "qn_string_slice",
  write_string: "qn_write_string",
  input_line: "qn_input_line",
  panic: "qn_panic_string",
  alloc: "qn_alloc",
  alloc_array: "qn_array",
  release: "qn_release",
  // Tasks and channels: `recv(ch) found f` calls qn_recv, and `spawn(s, code, env)` qn_spawn.
  scope_open: "qn_scope_open",
  scope_close: "qn_scope_close",
  spawn: "qn_spawn",
  yield: "qn_yield",
  channel: "qn_channel",
  send: "qn_send",
  try_send: "qn_try_send",
  close: "qn_close",
} as const;

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
