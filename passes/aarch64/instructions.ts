// Small helpers shared by the AArch64 passes: operand builders, constants
// built with movz/movk, the table of string literals that becomes the
// program's data, and how selection turns an atom into an operand (a string
// literal or a function reference needs adrp and add first). Serves
// select-instructions (Lalloc -> La64select), lower-division (La64select ->
// La64memory), lower-memory (La64memory -> La64calls), lower-calls (La64calls ->
// La64var), patch-instructions (La64homes -> La64patched) and
// add-prelude-and-conclusion (La64patched -> La64).
import type * as In from "../../ir-defs/generated/Lalloc.js";
import type * as A from "../../ir-defs/generated/La64var.js";
import { functionSymbol } from "../../ir-defs/functions.js";
import { atomOperand, type StringTable } from "../shared/both-targets.js";

export type RegisterName = A.Reg["name"];

export const reg = (name: RegisterName): A.Reg => ({ kind: "Reg", name });
export { StringTable } from "../shared/both-targets.js";

/** The instructions of La64var that the ILs before it share (all but the calls, whose form lower-calls changes). */
export type Plain = Exclude<A.Instr, { kind: "Bl" | "Blr" | "TailCall" | "TailCallIndirect" }>;

export const imm = (value: bigint): A.Imm => ({ kind: "Imm", value });
export const mov = (dst: A.Arg, src: A.Arg): A.Mov => ({ kind: "Mov", dst, src });
/** A call of a routine of the runtime, reading the argument registers `args`. */
export const callRuntime = (target: string, args: A.Reg[]): A.Bl => ({ kind: "Bl", target, args });

/** What select-instructions carries through a program: its strings and a maker of fresh variables (`hint.N`). */
export interface Selection {
  readonly strings: StringTable;
  readonly fresh: (hint: string) => A.Var;
}

/** An atom into dst: a string literal or a static closure is its object's address and a
 * function reference its code's (each by adrp and add), anything else a mov. */
export function load(a: In.Atom, dst: A.Arg, cx: Selection): Plain[] {
  if (a.kind === "Str") return loadAddress(cx.strings.add(a.value).label, false, dst);
  if (a.kind === "FunRef") return loadAddress(functionSymbol(a.name), true, dst);
  if (a.kind === "StaticClosure") return loadAddress(cx.strings.closure(a.code), false, dst);
  return [mov(dst, atomOperand(a))];
}

/** The address of a static object (or, `code`, of a function's code) into dst: adrp and add. */
export const loadAddress = (symbol: string, code: boolean, dst: A.Arg): Plain[] =>
  code ? [{ kind: "AdrpFn", dst, symbol }, { kind: "AddLo12Fn", dst, src: dst, symbol }] : [{ kind: "Adrp", dst, symbol }, { kind: "AddLo12", dst, src: dst, symbol }];

/** An atom as an operand: an immediate or a variable as it is, a string or a function in a fresh variable. */
export function operand(a: In.Atom, hint: string, cx: Selection): [Plain[], A.Arg] {
  if (a.kind !== "Str" && a.kind !== "FunRef" && a.kind !== "StaticClosure") return [[], atomOperand(a)];
  const v = cx.fresh(hint);
  return [load(a, v, cx), v];
}

/** An atom as a place (the base or index of an address): a variable as it is, anything else in a fresh one. */
export function place(a: In.Atom, hint: string, cx: Selection): [Plain[], A.Arg] {
  if (a.kind === "Var") return [[], { kind: "Var", name: a.name }];
  const v = cx.fresh(hint);
  return [load(a, v, cx), v];
}

/** What loadConstant emits: instructions of La64patched and La64 alike. */
export type ConstantLoad =
  | { readonly kind: "Mov"; readonly dst: A.Reg; readonly src: A.Imm }
  | { readonly kind: "Movz" | "Movk"; readonly dst: A.Reg; readonly value: number; readonly shift: number };

/** Instructions that put the 64-bit constant `value` into register `dst`: one
 * mov when it fits in 16 bits, else movz for bits 0-15 and a movk for each
 * other non-zero 16-bit chunk. */
export function loadConstant(dst: A.Reg, value: bigint): ConstantLoad[] {
  if (value >= 0n && value <= 0xffffn) return [{ kind: "Mov", dst, src: imm(value) }];
  const bits = BigInt.asUintN(64, value);
  const chunk = (shift: number) => Number((bits >> BigInt(shift)) & 0xffffn);
  const out: ConstantLoad[] = [{ kind: "Movz", dst, value: chunk(0), shift: 0 }];
  for (const shift of [16, 32, 48]) if (chunk(shift) !== 0) out.push({ kind: "Movk", dst, value: chunk(shift), shift });
  return out;
}
