// Calls for x86-64's select-instructions (System V): of the program's functions,
// and of the runtime's routines, which the primitives, `alloc`, `alloc_array`
// and `dec` become (spec/heap.md).
import type * as In from "../../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../../ir-defs/generated/Lx86var.js";
import { functionSymbol } from "../../../ir-defs/functions.js";
import { callRuntime, imm, load, movq, operand, reg, type Selection } from "../instructions.js";
import { elementsOffset } from "../../../ir-defs/heap-layout.js";
import { routineOf, runtimeRoutines } from "../../../ir-defs/runtime-routines.js";

const [rax, rdi, rsi, rsp] = [reg("rax"), reg("rdi"), reg("rsi"), reg("rsp")];
/** Where System V passes the first six arguments. */
export const argumentRegisters = [rdi, rsi, reg("rdx"), reg("rcx"), reg("r8"), reg("r9")];

/**
 * A call: arguments after the sixth are pushed, the last first (after 8 bytes
 * of padding when there is an odd number of them, so that %rsp stays 16-byte
 * aligned at the call), the first six go to their registers, and once the
 * call returns the pushed ones are dropped and the result is taken from %rax.
 * A function reference is called directly; a variable, indirectly.
 */
export function call(e: In.Call, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  const onStack = e.args.slice(argumentRegisters.length);
  const padding = onStack.length % 2;
  const pushes = [...onStack].reverse().flatMap((a): Out.Instr[] => {
    const [setup, src] = a.kind === "Str" || a.kind === "FunRef" ? [load(a, rax, cx), rax] : operand(a, "argument", cx);
    return [...setup, { kind: "Pushq", src }];
  });
  const used = argumentRegisters.slice(0, Math.min(e.args.length, argumentRegisters.length));
  const moves = used.flatMap((r, i) => load(e.args[i]!, r, cx));
  const callee = e.callee;
  const [setCallee, target] = callee.kind === "FunRef" ? [[], null] : operand(callee, "callee", cx);
  const jump: Out.Instr = target === null ? { kind: "Callq", target: functionSymbol((callee as In.FunRef).name), args: used } : { kind: "CallqIndirect", callee: target, args: used };
  const dropped = BigInt(8 * (onStack.length + padding));
  return [
    ...setCallee,
    ...(padding ? [{ kind: "Subq", src: imm(8n), dst: rsp } as const] : []),
    ...pushes,
    ...moves,
    jump,
    ...(dropped > 0n ? [{ kind: "Addq", src: imm(dropped), dst: rsp } as const] : []),
    ...(dst ? [movq(rax, dst)] : []),
  ];
}

/** A routine of the runtime on atoms (and constants): arguments to %rdi, %rsi, %rdx, then the
 * result from %rax into dst, or Unit (0) when the routine gives none. */
function runtime(symbol: string, args: readonly (In.Atom | bigint)[], dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  const result = runtimeRoutines[symbol]!.result;
  const used = argumentRegisters.slice(0, args.length);
  const moves = args.flatMap((a, i) => (typeof a === "bigint" ? [movq(imm(a), used[i]!)] : load(a, used[i]!, cx)));
  return [...moves, callRuntime(symbol, used), ...(dst ? [movq(result ? rax : imm(0n), dst)] : [])];
}

/** A primitive: a call of its routine (ir-defs/runtime-routines.ts). A literal panic message needs no object:
 * qn_panic takes the address of its bytes (elementsOffset past the object's) and their count. */
export function primitive(e: In.Prim, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  const routine = routineOf[e.op];
  const arity = runtimeRoutines[routine]!.arguments;
  if (e.args.length !== arity) throw new Error(`select-instructions: ${e.op} takes ${arity} argument(s), not ${e.args.length}`);
  const a = e.args[0];
  if (e.op !== "panic" || a!.kind !== "Str") return runtime(routine, e.args, dst, cx);
  const { label, length } = cx.strings.add(a!.value);
  return [{ kind: "Leaq", label, dst: rdi }, { kind: "Addq", src: imm(BigInt(elementsOffset)), dst: rdi }, movq(imm(BigInt(length)), rsi), callRuntime("qn_panic", [rdi, rsi]), ...(dst ? [movq(imm(0n), dst)] : [])];
}

/** `alloc(bytes, info)` and `alloc_array(length, init, info)`: qn_alloc and qn_array. */
export function allocate(e: In.Alloc | In.AllocArray, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  if (e.kind === "Alloc") return runtime(routineOf.alloc, [e.bytes, e.info], dst, cx);
  return runtime(routineOf.alloc_array, [e.length, e.init, e.info], dst, cx);
}

/** `dec x`: qn_release(x), which frees the object when its count reaches zero. */
export const release = (s: In.Dec, cx: Selection): Out.Instr[] => runtime(routineOf.dec, [{ kind: "Var", name: s.name }], null, cx);
