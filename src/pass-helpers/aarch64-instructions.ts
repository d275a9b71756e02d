// Small helpers shared by the AArch64 passes: operand builders, the
// exhaustiveness check for switches on `kind`, constants built with movz/movk,
// and the table of string literals that becomes the program's read-only data.
import type * as A from "../../ir-defs/generated/La64var.js";

export type RegisterName = A.Reg["name"];

export const reg = (name: RegisterName): A.Reg => ({ kind: "Reg", name });
export { StringTable, unreachable } from "./both-targets.js";

export const imm = (value: bigint): A.Imm => ({ kind: "Imm", value });
export const mov = (dst: A.Arg, src: A.Arg): A.Mov => ({ kind: "Mov", dst, src });
/** A call of a routine of the runtime, reading the argument registers `args`. */
export const callRuntime = (target: string, args: A.Reg[]): A.Bl => ({ kind: "Bl", target, args });

/** Instructions that put the 64-bit constant `value` into register `dst`: one
 * mov when it fits in 16 bits, else movz for bits 0-15 and a movk for each
 * other non-zero 16-bit chunk. */
/** What loadConstant emits: instructions of La64patched and La64 alike. */
export type ConstantLoad =
  | { readonly kind: "Mov"; readonly dst: A.Reg; readonly src: A.Imm }
  | { readonly kind: "Movz" | "Movk"; readonly dst: A.Reg; readonly value: number; readonly shift: number };

export function loadConstant(dst: A.Reg, value: bigint): ConstantLoad[] {
  if (value >= 0n && value <= 0xffffn) return [{ kind: "Mov", dst, src: imm(value) }];
  const bits = BigInt.asUintN(64, value);
  const chunk = (shift: number) => Number((bits >> BigInt(shift)) & 0xffffn);
  const out: ConstantLoad[] = [{ kind: "Movz", dst, value: chunk(0), shift: 0 }];
  for (const shift of [16, 32, 48]) if (chunk(shift) !== 0) out.push({ kind: "Movk", dst, value: chunk(shift), shift });
  return out;
}
