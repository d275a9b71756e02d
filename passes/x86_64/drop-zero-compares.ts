// drop-zero-compares: Lx86 -> Lx86; an optimisation (--opt 1)
//
// Purpose: a `cmpq $0, x` right after an `andq`, `orq` or `xorq` into x goes:
// those instructions already set the flags as that compare would. Instruction
// selection compares every condition on its own, so `n % 2 == 0` (a mask, after
// mask-remainders) and a divisor `j | 1` checked against zero each compare a
// result the instruction before has just computed.
//
// What it proves first: the compare is the very next instruction of the same
// block, its right operand is the immediate 0 and its left operand is the same
// place (register or frame slot) the and, or or xor wrote. Then the flags are
// the same for every condition code: and, or and xor set zero and sign from
// their result and clear carry and overflow, as `cmpq $0` of that result does
// (result - 0 neither borrows nor overflows), so whatever reads the flags next
// (j<cc>, set<cc>, cmov<cc>) reads the same. add and sub are not taken: they
// set overflow and carry from the addition.
//
// Before (Lx86):                     After (Lx86):
//   main.block2:                       main.block2:
//     movq %rcx, %rdx                    movq %rcx, %rdx
//     andq $1, %rdx                      andq $1, %rdx
//     cmpq $0, %rdx
//     jne main.block9                    jne main.block9

import type * as X86 from "../../ir-defs/generated/Lx86.js";
import { Lx86 } from "../../ir-defs/x86_64/lx86.js";
import { pass } from "../../il/pass.js";
import { sameArg } from "./instructions.js";

/** The instructions that set the flags as `cmpq $0, dst` after them would. */
export const setsFlagsOfResult: ReadonlySet<string> = new Set(["Andq", "Orq", "Xorq"]);

/** Whether `instr`, right after `before`, compares with 0 what `before` has just computed. */
export function comparesResult(before: X86.Instr | undefined, instr: X86.Instr): boolean {
  return before !== undefined && setsFlagsOfResult.has(before.kind) && instr.kind === "Cmpq" && instr.right.kind === "Imm" && instr.right.value === 0n && sameArg(instr.left, (before as X86.Andq).dst);
}

export const dropZeroCompares = pass({
  name: "drop-zero-compares",
  from: Lx86,
  to: Lx86,
  purpose: "a cmpq $0 of what an andq, orq or xorq just computed goes: its flags are already set",
  run(program: X86.Program): X86.Program {
    const blocks = program.blocks.map((b) => {
      const instrs = b.instrs.filter((instr, k) => !comparesResult(b.instrs[k - 1], instr));
      return instrs.length === b.instrs.length ? b : { ...b, instrs };
    });
    return { ...program, blocks };
  },
});
