// lower-division: La64select -> La64memory
//
// Purpose: write out Quastra's `/` and `%` (the pseudo-instructions div and rem
// that select-instructions leaves). sdiv rounds toward zero and never traps:
// MIN / -1 gives MIN, as Quastra wants. The remainder is a - (a / b) * b, one
// msub. Only a zero divisor needs care (sdiv would give 0): cbz branches to the
// runtime's panic (qn_division_by_zero, never returns). A constant divisor is
// known here: 0 always panics, a power of two takes shifts and masks, any other
// needs no check.
//
// Before (La64select):                   After (La64memory):
//   div y, #3 => q                         sdiv q, y, #3
//   rem x, y => r                          cbz y, qn_division_by_zero
//                                          sdiv quotient.1, x, y
//                                          msub r, quotient.1, y, x
//   div x, #4 => h                         asr bias.2, x, #63
//                                          and bias.2, bias.2, #3
//                                          add bias.2, bias.2, x
//                                          asr h, bias.2, #2

import type * as In from "../../ir-defs/generated/La64select.js";
import type * as Out from "../../ir-defs/generated/La64memory.js";
import { La64memory, La64select } from "../../ir-defs/aarch64/la64calls.js";
import { divisionByZero } from "../../ir-defs/runtime-routines.js";
import { fromSource, powerOfTwo } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { pass } from "../../il/pass.js";
import { imm } from "./instructions.js";

/** `a / b` or `a % b` into dst; with no dst, only the panic (a zero divisor) is an effect. */
function divide(d: In.Divide, fresh: (hint: string) => Out.Var): Out.Instr[] {
  const { left: a, right: b, dst } = d;
  if (b.kind === "Imm" && b.value === 0n) return [{ kind: "B", target: divisionByZero }];
  const zeroCheck: Out.Instr[] = b.kind === "Imm" ? [] : [{ kind: "Cbz", src: b, target: divisionByZero }];
  if (dst === null) return zeroCheck; // only the panic is an effect
  const k = b.kind === "Imm" ? powerOfTwo(b.value) : null;
  if (k !== null) {
    // By 2^k: asr rounds toward minus infinity, so first add 2^k - 1 when a < 0
    // (the bias: a's sign, 0 or -1, its low k bits shifted down; by 2, the sign bit alone).
    // The remainder is a - (a / 2^k) * 2^k.
    const bias = fresh("bias");
    const sign: Out.Instr[] = k === 1 ? [] : [{ kind: "Asr", dst: bias, left: a, right: imm(63n) }];
    const biased: Out.Instr[] = [
      ...sign,
      { kind: "Lsr", dst: bias, left: k === 1 ? a : bias, right: imm(BigInt(64 - k)) },
      { kind: "Add", dst: bias, left: bias, right: a },
    ];
    if (d.op === "div") return [...biased, { kind: "Asr", dst, left: bias, right: imm(BigInt(k)) }];
    return [...biased, { kind: "And", dst: bias, left: bias, right: imm(-(1n << BigInt(k))) }, { kind: "Sub", dst, left: a, right: bias }];
  }
  if (d.op === "div") return [...zeroCheck, { kind: "Sdiv", dst, left: a, right: b }];
  const quotient = fresh("quotient");
  return [...zeroCheck, { kind: "Sdiv", dst: quotient, left: a, right: b }, { kind: "Msub", dst, left: quotient, right: b, from: a }];
}

export const lowerDivision = pass({
  name: "lower-division",
  from: La64select,
  to: La64memory,
  purpose: "/ and % with sdiv (and msub), a zero divisor branching to the runtime's panic; constant divisors without them where they can",
  run(program: In.Program): Out.Program {
    const namer = freshNamer(La64select, program);
    const fresh = (hint: string): Out.Var => ({ kind: "Var", name: namer(hint) });
    const blocks = program.blocks.map((b) => ({ ...b, instrs: b.instrs.flatMap((i): Out.Instr[] => (i.kind === "Divide" ? fromSource(divide(i, fresh), i.loc) : [i])) }));
    return { ...program, blocks };
  },
});
