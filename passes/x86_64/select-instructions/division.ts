// Division and remainder for x86-64's select-instructions: idivq traps on a
// zero divisor and on MIN / -1, so what Quastra's `/` and `%` need around it.
import type * as In from "../../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../../ir-defs/generated/Lx86var.js";
import { divisionByZero } from "../../../ir-defs/runtime-routines.js";
import { atomOperand as atom, powerOfTwo } from "../../shared/both-targets.js";
import { imm, movq, reg, sameArg } from "../instructions.js";

const [rax, rdx] = [reg("rax"), reg("rdx")];
/** `movq src, dst`, or nothing when src already is dst. */
const move = (src: Out.Arg, dst: Out.Arg): Out.Instr[] => (sameArg(src, dst) ? [] : [movq(src, dst)]);

/**
 * `a / b` and `a % b`. idivq divides %rdx:%rax (cqto sign-extends a from %rax)
 * by its operand: the quotient lands in %rax, the remainder in %rdx. It traps
 * on a zero divisor and on MIN / -1, so neither may reach it:
 * - b == 0 jumps to the runtime's panic (qn_division_by_zero, never returns);
 * - b == -1 divides -a by 1 instead (a cmov each, no branch): the same
 *   quotient, -a (which wraps to MIN for MIN), and the same remainder, 0 (for
 *   which a by 1 does as well).
 * A constant divisor is known here: 0 always panics, -1 is a negq (or 0), a
 * power of two takes shifts and masks, and any other needs no check at all.
 */
export function divide(e: In.Binary, dst: Out.Arg | null, fresh: (hint: string) => Out.Var): Out.Instr[] {
  const [a, b] = [atom(e.left), atom(e.right)];
  const quotient = e.op === "/";
  if (b.kind === "Imm") {
    if (b.value === 0n) return [{ kind: "Jmp", target: divisionByZero }];
    if (dst === null) return []; // no effect to keep
    if (b.value === -1n) return quotient ? [...move(a, dst), { kind: "Negq", dst }] : [movq(imm(0n), dst)];
    const k = powerOfTwo(b.value);
    if (k !== null) {
      // By 2^k: a >> k rounds toward minus infinity, so first add 2^k - 1 when a < 0
      // (the bias: a's sign, 0 or -1, masked to k bits). The remainder is a - (a / 2^k) * 2^k.
      const bias = fresh("bias");
      const biased: Out.Instr[] = [movq(a, bias), { kind: "Sarq", count: imm(63n), dst: bias }, { kind: "Andq", src: imm((1n << BigInt(k)) - 1n), dst: bias }, { kind: "Addq", src: a, dst: bias }];
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
