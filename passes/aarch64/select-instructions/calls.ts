// Calls for AArch64's select-instructions (AAPCS64): of the program's functions,
// and of the runtime's routines, which the primitives, `alloc`, `alloc_array`
// and `dec` become (spec/heap.md).
import type * as In from "../../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../../ir-defs/generated/La64var.js";
import { functionSymbol } from "../../../ir-defs/functions.js";
import { callRuntime, imm, load, mov, operand, reg, type Selection } from "../instructions.js";
import { elementsOffset } from "../../../ir-defs/heap-layout.js";
import { routineOf, runtimeRoutines } from "../../../ir-defs/runtime-routines.js";

const [x0, x1] = [reg("x0"), reg("x1")];
/** Where AAPCS64 passes the first eight arguments. */
export const argumentRegisters = [x0, x1, reg("x2"), reg("x3"), reg("x4"), reg("x5"), reg("x6"), reg("x7")];

/**
 * A call: arguments after the eighth are stored at the bottom of this
 * function's frame (`outarg k`, where the callee finds them as `stackarg k`),
 * the first eight go to x0-x7, the result comes back in x0. A function
 * reference is called directly (bl), a variable indirectly (blr).
 */
export function call(e: In.Call, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  const stores = e.args.slice(argumentRegisters.length).flatMap((a, k): Out.Instr[] => {
    const [setup, value] = operand(a, "argument", cx);
    return [...setup, mov({ kind: "OutArg", index: k }, value)];
  });
  const used = argumentRegisters.slice(0, Math.min(e.args.length, argumentRegisters.length));
  const moves = used.flatMap((r, i) => load(e.args[i]!, r, cx));
  const callee = e.callee;
  const [setCallee, target] = callee.kind === "FunRef" ? [[], null] : operand(callee, "callee", cx);
  const jump: Out.Instr = target === null ? { kind: "Bl", target: functionSymbol((callee as In.FunRef).name), args: used } : { kind: "Blr", callee: target, args: used };
  return [...setCallee, ...stores, ...moves, jump, ...(dst ? [mov(dst, x0)] : [])];
}

/** A routine of the runtime on atoms (and constants): arguments to x0, x1, x2, then the
 * result from x0 into dst, or Unit (0) when the routine gives none. */
function runtime(symbol: string, args: readonly (In.Atom | bigint)[], dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  const result = runtimeRoutines[symbol]!.result;
  const used = argumentRegisters.slice(0, args.length);
  const moves = args.flatMap((a, i) => (typeof a === "bigint" ? [mov(used[i]!, imm(a))] : load(a, used[i]!, cx)));
  return [...moves, callRuntime(symbol, used), ...(dst ? [mov(dst, result ? x0 : imm(0n))] : [])];
}

/** A primitive: a call of its routine (ir-defs/runtime-routines.ts). A literal panic message needs no object:
 * qn_panic takes the address of its bytes (elementsOffset past the object's) and their count. */
export function primitive(e: In.Prim, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  const routine = routineOf[e.op];
  const arity = runtimeRoutines[routine]!.arguments;
  if (e.args.length !== arity) throw new Error(`select-instructions: ${e.op} takes ${arity} argument(s), not ${e.args.length}`);
  const a = e.args[0];
  if (e.op !== "panic" || a!.kind !== "Str") return runtime(routine, e.args, dst, cx);
  const { length } = cx.strings.add(a!.value);
  const bytes: Out.Instr = { kind: "Add", dst: x0, left: x0, right: imm(BigInt(elementsOffset)) };
  return [...load(a!, x0, cx), bytes, mov(x1, imm(BigInt(length))), callRuntime("qn_panic", [x0, x1]), ...(dst ? [mov(dst, imm(0n))] : [])];
}

/** `alloc(bytes, info)` and `alloc_array(length, init, info)`: qn_alloc and qn_array. */
export function allocate(e: In.Alloc | In.AllocArray, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  if (e.kind === "Alloc") return runtime(routineOf.alloc, [e.bytes, e.info], dst, cx);
  return runtime(routineOf.alloc_array, [e.length, e.init, e.info], dst, cx);
}

/** `dec x`: qn_release(x), which frees the object when its count reaches zero. */
export const release = (s: In.Dec, cx: Selection): Out.Instr[] => runtime(routineOf.dec, [{ kind: "Var", name: s.name }], null, cx);
