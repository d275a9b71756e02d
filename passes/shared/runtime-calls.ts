// What both targets' select-instructions make of calls: of the program's
// functions, and of the runtime's routines (ir-defs/runtime-routines.ts) that
// the primitives, `alloc`, `alloc_array` and `release` become, as the
// pseudo-instructions `call f(args) => dst` and `tailcall f(args)`
// (ir-defs/pseudo-instructions.ts) that lower-calls then makes follow the
// target's calling convention. Serves select-instructions (Lalloc -> Lx86select,
// Lalloc -> La64select).

import type * as Alloc from "../../ir-defs/generated/Lalloc.js";
import { functionSymbol } from "../../ir-defs/functions.js";
import { elementsOffset } from "../../ir-defs/heap-layout.js";
import { routineOf, runtimeRoutines } from "../../ir-defs/runtime-routines.js";
import { atomOperand, type StringTable } from "./both-targets.js";

/** An argument of a call before lower-calls: an operand, or an address (of a string object, or of its bytes, or of a function). */
export type Operand = ReturnType<typeof atomOperand> | { kind: "Address"; label: string; offset: bigint | null };
/** The pseudo-instruction `call target(args) => result found f` (both targets' L<t>calls); only
 * qn_recv's call has a `found`, its second result. */
export type Call<A> = { kind: "Call"; target: string; args: Operand[]; result: A | null; found: A | null };
type Callee = ReturnType<typeof atomOperand>;

/** A call of a function of the program: direct of a fn item (`&f`), else of the function a variable holds. */
export function functionCall<A>(callee: Alloc.Atom, args: readonly Alloc.Atom[], result: A | null, strings: StringTable): Call<A> | { kind: "CallIndirect"; callee: Callee; args: Operand[]; result: A | null } {
  const operands = args.map((a) => argument(a, strings));
  return callee.kind === "FunRef" ? { kind: "Call", target: functionSymbol(callee.name), args: operands, result, found: null } : { kind: "CallIndirect", callee: atomOperand(callee), args: operands, result };
}

/** A tail call, likewise. */
export function functionTailCall(callee: Alloc.Atom, args: readonly Alloc.Atom[], strings: StringTable): { kind: "TailCall"; target: string; args: Operand[] } | { kind: "TailCallIndirect"; callee: Callee; args: Operand[] } {
  const operands = args.map((a) => argument(a, strings));
  return callee.kind === "FunRef" ? { kind: "TailCall", target: functionSymbol(callee.name), args: operands } : { kind: "TailCallIndirect", callee: atomOperand(callee), args: operands };
}

/** An atom as a call's argument: a string literal, a static closure or a function reference is its address. */
export function argument(a: Alloc.Atom, strings: StringTable): Operand {
  if (a.kind === "Str") return { kind: "Address", label: strings.add(a.value).label, offset: null };
  if (a.kind === "FunRef") return { kind: "Address", label: functionSymbol(a.name), offset: null };
  if (a.kind === "StaticClosure") return { kind: "Address", label: strings.closure(a.code), offset: null };
  return atomOperand(a);
}

/** What a target makes of a runtime call: the table of strings, and `dst = 0` (a routine without a result gives Unit). */
export interface Routines<A, I> {
  readonly strings: StringTable;
  readonly zero: (dst: A) => I;
}

/** A call of a routine of the runtime on atoms and constants. */
export function runtimeCall<A, I>(routine: string, args: readonly (Alloc.Atom | bigint)[], dst: A | null, cx: Routines<A, I>): (Call<A> | I)[] {
  const result = runtimeRoutines[routine]!.result;
  const operands = args.map((a): Operand => (typeof a === "bigint" ? { kind: "Imm", value: a } : argument(a, cx.strings)));
  return [{ kind: "Call", target: routine, args: operands, result: result ? dst : null, found: null }, ...(dst !== null && !result ? [cx.zero(dst)] : [])];
}

/** A primitive: a call of its routine. A literal panic message needs no object:
 * qn_panic takes the address of its bytes (elementsOffset past the object's) and their count. */
export function primitive<A, I>(e: Alloc.Prim, dst: A | null, cx: Routines<A, I>): (Call<A> | I)[] {
  const routine = routineOf[e.op];
  const arity = runtimeRoutines[routine]!.arguments;
  if (e.args.length !== arity) throw new Error(`select-instructions: ${e.op} takes ${arity} argument(s), not ${e.args.length}`);
  const a = e.args[0];
  if (e.op !== "panic" || a!.kind !== "Str") return runtimeCall(routine, e.args, dst, cx);
  const { label, length } = cx.strings.add(a!.value);
  const call: Call<A> = { kind: "Call", target: "qn_panic", args: [{ kind: "Address", label, offset: BigInt(elementsOffset) }, { kind: "Imm", value: BigInt(length) }], result: null, found: null };
  return [call, ...(dst !== null ? [cx.zero(dst)] : [])];
}

/** `dst = recv(ch) found f`: qn_recv, its value into dst and its found flag into `found` (f). */
export function receive<A>(e: Alloc.Receive, dst: A | null, found: A, cx: { readonly strings: StringTable }): Call<A> {
  return { kind: "Call", target: "qn_recv", args: [argument(e.chan, cx.strings)], result: dst, found };
}

/** `alloc`, `alloc_array` and `release`, by their routines. */
export function heapCall<A, I>(s: Alloc.Alloc | Alloc.AllocArray | Alloc.Release, dst: A | null, cx: Routines<A, I>): (Call<A> | I)[] {
  switch (s.kind) {
    case "Alloc": return runtimeCall(routineOf.alloc, [s.bytes, s.info], dst, cx);
    case "AllocArray": return runtimeCall(routineOf.alloc_array, [s.length, s.init, s.info], dst, cx);
    case "Release": return runtimeCall(routineOf.release, [{ kind: "Var", name: s.name }], null, cx);
  }
}
