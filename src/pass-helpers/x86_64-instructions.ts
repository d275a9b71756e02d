// Small helpers shared by the x86_64 passes: operand and instruction builders,
// the exhaustiveness check for switches on `kind`, and the table of string
// literals that becomes the program's read-only data.
import type * as X86 from "../../ir-defs/generated/Lx86var.js";

export { StringTable, unreachable } from "./both-targets.js";

export const imm = (value: bigint): X86.Imm => ({ kind: "Imm", value });
export const reg = (name: X86.Reg["name"]): X86.Reg => ({ kind: "Reg", name });
export const movq = (src: X86.Arg, dst: X86.Arg): X86.Movq => ({ kind: "Movq", src, dst });
/** A call of a routine of the runtime, reading the argument registers `args`. */
export const callRuntime = (target: string, args: X86.Reg[]): X86.Callq => ({ kind: "Callq", target, args });

/** Whether two operands are the same place or value (Imm, Reg, Var, Slot or Mem). */
export function sameArg(a: { readonly kind: string }, b: { readonly kind: string }): boolean {
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return x.kind === y.kind && x.value === y.value && x.name === y.name && x.index === y.index && x.offset === y.offset && x.base === y.base;
}
