// Division and remainder for AArch64's select-instructions: sdiv never traps
// (MIN / -1 is MIN), so only a zero divisor needs a check.
import type * as In from "../../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../../ir-defs/generated/La64var.js";
import { divisionByZero } from "../../../ir-defs/runtime-routines.js";
import { atomOperand as atom, powerOfTwo } from "../../shared/both-targets.js";
import { imm } from "../instructions.js";

/**
 * `a / b` and `a % b`. sdiv rounds toward zero and never traps: MIN / -1 gives
 * MIN, as Quastra wants. The remainder is a - (a / b) * b, one msub. Only a zero
 * divisor needs care (sdiv would give 0): cbz branches to the runtime's panic
 * (qn_division_by_zero, never returns). A constant divisor is known here: 0
 * always panics, a power of two takes shifts and masks, any other needs no check.
 */
export function divide(e: In.Binary, dst: Out.Arg | null, fresh: (hint: string) => Out.Var): Out.Instr[] {
  const [a, b] = [atom(e.left), atom(e.right)];
  if (b.kind === "Imm" && b.value === 0n) return [{ kind: "B", target: divisionByZero }];
  const zeroCheck: Out.Instr[] = b.kind === "Imm" ? [] : [{ kind: "Cbz", src: b, target: divisionByZero }];
  if (dst === null) return zeroCheck; // only the panic is an effect
  const k = b.kind === "Imm" ? powerOfTwo(b.value) : null;
  if (k !== null) {
    // By 2^k: asr rounds toward minus infinity, so first add 2^k - 1 when a < 0
    // (the bias: a's sign, 0 or -1, masked to k bits). The remainder is a - (a / 2^k) * 2^k.
    const bias = fresh("bias");
    const biased: Out.Instr[] = [
      { kind: "Asr", dst: bias, left: a, right: imm(63n) },
      { kind: "And", dst: bias, left: bias, right: imm((1n << BigInt(k)) - 1n) },
      { kind: "Add", dst: bias, left: bias, right: a },
    ];
    if (e.op === "/") return [...biased, { kind: "Asr", dst, left: bias, right: imm(BigInt(k)) }];
    return [...biased, { kind: "And", dst: bias, left: bias, right: imm(-(1n << BigInt(k))) }, { kind: "Sub", dst, left: a, right: bias }];
  }
  if (e.op === "/") return [...zeroCheck, { kind: "Sdiv", dst, left: a, right: b }];
  const quotient = fresh("quotient");
  return [...zeroCheck, { kind: "Sdiv", dst: quotient, left: a, right: b }, { kind: "Msub", dst, left: quotient, right: b, from: a }];
}
