// lower-division: Lx86select -> Lx86calls
//
// Purpose: write out Quastra's `/` and `%` (the pseudo-instructions div and rem
// that select-instructions leaves) with idivq, which divides %rdx:%rax (cqto
// sign-extends the dividend from %rax) by its operand: the quotient lands in
// %rax, the remainder in %rdx. It traps on a zero divisor and on MIN / -1, so
// neither may reach it:
// - b == 0 jumps to the runtime's panic (qn_division_by_zero, never returns);
// - b == -1 divides -a by 1 instead (a cmov each, no branch): the same
//   quotient, -a (which wraps to MIN for MIN), and the same remainder, 0 (for
//   which a by 1 does as well).
// A constant divisor is known here: 0 always panics, -1 is a negq (or 0), a
// power of two takes shifts and masks, and any other needs no check at all.
//
// Before (Lx86select):                   After (Lx86calls):
//   div x, $3 => q                         movq $3, divisor.1
//                                          movq x, %rax
//                                          cqto
//                                          idivq divisor.1
//                                          movq %rax, q
//   rem a, b => r                          cmpq $0, b
//                                          je qn_division_by_zero
//                                          movq a, %rax
//                                          movq $1, divisor.2
//                                          cmpq $-1, b
//                                          cmovne b, divisor.2
//                                          cqto
//                                          idivq divisor.2
//                                          movq %rdx, r

import type * as In from "../../ir-defs/generated/Lx86select.js";
import type * as Out from "../../ir-defs/generated/Lx86calls.js";
import { divisionByZero } from "../../ir-defs/runtime-routines.js";
import { Lx86calls, Lx86select } from "../../ir-defs/x86_64/lx86calls.js";
import { fromSource, powerOfTwo } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { pass } from "../../il/pass.js";
import { imm, movq, reg, sameArg } from "./instructions.js";

const [rax, rdx] = [reg("rax"), reg("rdx")];
/** `movq src, dst`, or nothing when src already is dst. */
const move = (src: Out.Arg, dst: Out.Arg): Out.Instr[] => (sameArg(src, dst) ? [] : [movq(src, dst)]);

/** `a / b` or `a % b` into dst; with no dst, only the panic (a zero divisor) is an effect. */
function divide(d: In.Divide, fresh: (hint: string) => Out.Var): Out.Instr[] {
  const { left: a, right: b, dst } = d;
  const quotient = d.op === "div";
  if (b.kind === "Imm") {
    if (b.value === 0n) return [{ kind: "Jmp", target: divisionByZero }];
    if (dst === null) return []; // no effect to keep
    if (b.value === -1n) return quotient ? [...move(a, dst), { kind: "Negq", dst }] : [movq(imm(0n), dst)];
    const k = powerOfTwo(b.value);
    if (k !== null) {
      // By 2^k: a >> k rounds toward minus infinity, so first add 2^k - 1 when a < 0
      // (the bias: a's sign, 0 or -1, its low k bits shifted down; by 2, the sign bit alone).
      // The remainder is a - (a / 2^k) * 2^k.
      const bias = fresh("bias");
      const sign: Out.Instr[] = k === 1 ? [] : [{ kind: "Sarq", count: imm(63n), dst: bias }];
      const biased: Out.Instr[] = [movq(a, bias), ...sign, { kind: "Shrq", count: imm(BigInt(64 - k)), dst: bias }, { kind: "Addq", src: a, dst: bias }];
      if (quotient) return [...biased, { kind: "Sarq", count: imm(BigInt(k)), dst: bias }, movq(bias, dst)];
      return [...biased, { kind: "Andq", src: imm(-(1n << BigInt(k))), dst: bias }, ...move(a, dst), { kind: "Subq", src: bias, dst }];
    }
    const divisor = fresh("divisor"); // idivq takes no immediate
    return [movq(b, divisor), movq(a, rax), { kind: "Cqto" }, { kind: "Idivq", src: divisor }, movq(quotient ? rax : rdx, dst)];
  }
  const zeroCheck: Out.Instr[] = [{ kind: "Cmpq", right: imm(0n), left: b }, { kind: "JmpIf", cc: "e", target: divisionByZero }];
  if (dst === null) return zeroCheck; // only the panic is an effect
  const divisor = fresh("divisor");
  const negated = quotient ? fresh("negated") : null;
  return [
    ...zeroCheck,
    movq(a, rax),
    ...(negated ? [movq(rax, negated), { kind: "Negq", dst: negated } as const] : []),
    movq(imm(1n), divisor),
    { kind: "Cmpq", right: imm(-1n), left: b },
    { kind: "Cmov", cc: "ne", src: b, dst: divisor }, // the divisor is b, or 1 when b == -1
    ...(negated ? [{ kind: "Cmov", cc: "e", src: negated, dst: rax } as const] : []), // and the dividend -a
    { kind: "Cqto" },
    { kind: "Idivq", src: divisor },
    movq(quotient ? rax : rdx, dst),
  ];
}

export const lowerDivision = pass({
  name: "lower-division",
  from: Lx86select,
  to: Lx86calls,
  purpose: "/ and % with idivq, around which a zero divisor panics and MIN / -1 divides -MIN by 1; constant divisors without it where they can",
  run(program: In.Program): Out.Program {
    const namer = freshNamer(Lx86select, program);
    const fresh = (hint: string): Out.Var => ({ kind: "Var", name: namer(hint) });
    const blocks = program.blocks.map((b) => ({ ...b, instrs: b.instrs.flatMap((i): Out.Instr[] => (i.kind === "Divide" ? fromSource(divide(i, fresh), i.loc) : [i])) }));
    return { ...program, blocks };
  },
});
