// The runtime routine that the instruction ILs of both targets may jump to
// (runtime-asm/*/runtime.s). Every other runtime routine is called; this one
// is branched to, so a jump IL's invariant must know its name.

/** Panics with `division by zero` (status 101) and never returns. Compiled code
 * reaches it by a jump (x86-64 `je`/`jmp`, AArch64 `cbz`/`b`), never by a call,
 * so nothing is live after a jump to it. */
export const divisionByZero = "qn_division_by_zero";
