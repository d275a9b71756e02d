// lower-calls: Lx86calls -> Lx86var
//
// Purpose: follow the System V calling convention, which select-instructions
// left to this pass: it said what each call passes and where its result goes,
// `call fn.f(x, $1) => y`, and this pass says how. The first six arguments go
// to %rdi, %rsi, %rdx, %rcx, %r8, %r9; the rest are pushed, the last first
// (after 8 bytes of padding when there is an odd number of them, so that %rsp
// stays 16-byte aligned at the call), and dropped once it returns; the result
// comes back in %rax. A callq lists the argument registers it reads, so that
// liveness knows them. A function's `params` takes its parameters from the
// same registers (and the caller's pushes: `stackarg k`), `return v` puts v in
// %rax and jumps to the function's conclusion, and a tail call (at most six
// arguments: mark-tail-calls sees to it) fills the registers and leaves.
// An argument that is an address (`$.Lstr0`, `$fn.g`) is loaded with leaq.
//
// Before (Lx86calls):                     After (Lx86var):
//   main.start:                             main.start:
//     call fn.f(x, $.Lstr0) => y              movq x, %rdi
//                                             leaq .Lstr0(%rip), %rsi
//                                             callq fn.f # %rdi, %rsi
//                                             movq %rax, y
//   fn.f ... f.start:                       f.start:
//     params a.1, s.2                         movq %rdi, a.1
//                                             movq %rsi, s.2
//     return a.1                              movq a.1, %rax
//                                             jmp f.conclusion

import type * as In from "../../ir-defs/generated/Lx86calls.js";
import type * as Out from "../../ir-defs/generated/Lx86var.js";
import { conclusionOf, functionOfLabel, functionOfSymbol } from "../../ir-defs/functions.js";
import { Lx86calls } from "../../ir-defs/x86_64/lx86calls.js";
import { Lx86var } from "../../ir-defs/x86_64/lx86var.js";
import { machine } from "../../ir-defs/x86_64/machine.js";
import { fromSource } from "../shared/both-targets.js";
import { pass } from "../../il/pass.js";
import { imm, movq, reg, sameArg, type Plain } from "./instructions.js";

const [rax, rdx, rsp] = [reg("rax"), reg("rdx"), reg("rsp")];
const registers = machine.argumentRegisters.map((r) => reg(r as Out.Reg["name"]));

/** An argument into a register: an address by leaq (and addq of its offset), anything else by a move (none to itself). */
function load(a: In.Operand, dst: Out.Reg): Plain[] {
  if (a.kind !== "Address") return sameArg(a, dst) ? [] : [movq(a, dst)];
  const address: Plain = functionOfSymbol(a.label) === null ? { kind: "Leaq", label: a.label, dst } : { kind: "LeaFn", target: a.label, dst };
  return a.offset === null ? [address] : [address, { kind: "Addq", src: imm(a.offset), dst }];
}

/** A call's arguments: the first six to their registers (which it lists), the rest pushed around it.
 * A second result (qn_recv's found flag, in %rdx) is moved out before the first, so that the allocator,
 * seeing %rax still live there, gives `found` any home but %rax. */
function call(args: readonly In.Operand[], jump: (used: Out.Reg[]) => Out.Instr, result: In.Arg | null, found: In.Arg | null = null): Out.Instr[] {
  const onStack = args.slice(registers.length);
  const padding = onStack.length % 2;
  const pushes = [...onStack].reverse().flatMap((a): Out.Instr[] => (a.kind === "Address" ? [...load(a, rax), { kind: "Pushq", src: rax }] : [{ kind: "Pushq", src: a }]));
  const used = registers.slice(0, Math.min(args.length, registers.length));
  const dropped = BigInt(8 * (onStack.length + padding));
  return [
    ...(padding ? [{ kind: "Subq", src: imm(8n), dst: rsp } as const] : []),
    ...pushes,
    ...used.flatMap((r, i) => load(args[i]!, r)),
    jump(used),
    ...(dropped > 0n ? [{ kind: "Addq", src: imm(dropped), dst: rsp } as const] : []),
    ...(found ? [movq(rdx, found)] : []),
    ...(result ? [movq(rax, result)] : []),
  ];
}

function lower(i: In.Instr, fn: string): Out.Instr[] {
  switch (i.kind) {
    case "Call": return call(i.args, (used) => ({ kind: "Callq", target: i.target, args: used }), i.result, i.found);
    case "CallIndirect": return call(i.args, (used) => ({ kind: "CallqIndirect", callee: i.callee, args: used }), i.result);
    case "TailCall": case "TailCallIndirect": {
      const used = registers.slice(0, i.args.length);
      const moves = used.flatMap((r, k) => load(i.args[k]!, r));
      return [...moves, i.kind === "TailCall" ? { kind: "TailCall", target: i.target, args: used } : { kind: "TailCallIndirect", callee: i.callee, args: used }];
    }
    case "Params": return i.params.map((p, k) => movq(registers[k] ?? { kind: "StackArg", index: k - registers.length }, p));
    case "Return": return [...load(i.value, rax), { kind: "Jmp", target: conclusionOf(fn) }];
    default: return [i];
  }
}

export const lowerCalls = pass({
  name: "lower-calls",
  from: Lx86calls,
  to: Lx86var,
  purpose: "calls, parameters and returns by the System V convention: arguments in %rdi, %rsi, ... and pushed, the result in %rax",
  run(program: In.Program): Out.Program {
    const blocks = program.blocks.map((b) => ({ ...b, instrs: b.instrs.flatMap((i) => fromSource(lower(i, functionOfLabel(b.label)), i.loc)) }));
    return { ...program, blocks };
  },
});
