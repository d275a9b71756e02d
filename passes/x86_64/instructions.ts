// Small helpers shared by the x86_64 passes: operand and instruction builders,
// the table of string literals that becomes the program's data, and how
// selection turns an atom into an operand (a string literal or a function
// reference needs a leaq first). Serves select-instructions (Lalloc -> Lx86select),
// lower-division (Lx86select -> Lx86calls), lower-calls (Lx86calls -> Lx86var),
// patch-instructions (Lx86homes -> Lx86patched) and drop-zero-compares (Lx86 -> Lx86).
import type * as In from "../../ir-defs/generated/Lalloc.js";
import type * as X86 from "../../ir-defs/generated/Lx86var.js";
import { functionSymbol } from "../../ir-defs/functions.js";
import { atomOperand, type StringTable } from "../shared/both-targets.js";

export { StringTable } from "../shared/both-targets.js";

/** The instructions of Lx86var that the ILs before it share (all but the calls, whose form lower-calls changes). */
export type Plain = Exclude<X86.Instr, { kind: "Callq" | "CallqIndirect" | "TailCall" | "TailCallIndirect" }>;

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

/** What select-instructions carries through a program: its strings and a maker of fresh variables (`hint.N`). */
export interface Selection {
  readonly strings: StringTable;
  readonly fresh: (hint: string) => X86.Var;
}

/** An atom into dst: a string literal or a static closure is its object's address and a
 * function reference its code's (each by leaq), anything else a move (none to itself). */
export function load(a: In.Atom, dst: X86.Arg, cx: Selection): Plain[] {
  if (a.kind === "Str") return [{ kind: "Leaq", label: cx.strings.add(a.value).label, dst }];
  if (a.kind === "FunRef") return [{ kind: "LeaFn", target: functionSymbol(a.name), dst }];
  if (a.kind === "StaticClosure") return [{ kind: "Leaq", label: cx.strings.closure(a.code), dst }];
  const src = atomOperand(a);
  return sameArg(src, dst) ? [] : [movq(src, dst)];
}

/** An atom as an operand: an immediate or a variable as it is, a string or a function in a fresh variable. */
export function operand(a: In.Atom, hint: string, cx: Selection): [Plain[], X86.Arg] {
  if (a.kind !== "Str" && a.kind !== "FunRef" && a.kind !== "StaticClosure") return [[], atomOperand(a)];
  const v = cx.fresh(hint);
  return [load(a, v, cx), v];
}

/** An atom as a place (the base or index of an address): a variable as it is, anything else in a fresh one. */
export function place(a: In.Atom, hint: string, cx: Selection): [Plain[], X86.Arg] {
  if (a.kind === "Var") return [[], { kind: "Var", name: a.name }];
  const v = cx.fresh(hint);
  return [load(a, v, cx), v];
}
