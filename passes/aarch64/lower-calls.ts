// lower-calls: La64calls -> La64var
//
// Purpose: follow AAPCS64, the calling convention that select-instructions
// left to this pass: it said what each call passes and where its result goes,
// `call fn.f(x, #1) => y`, and this pass says how. The first eight arguments go
// to x0-x7; the rest are stored at the bottom of the caller's frame (`outarg
// k`, where the callee finds them as `stackarg k`); the result comes back in
// x0. A direct call is bl, an indirect one blr; each lists the argument
// registers it reads, so that liveness knows them. A function's `params` takes
// its parameters from the same places, `return v` puts v in x0 and branches to
// the function's conclusion, and a tail call (its arguments all in registers:
// mark-tail-calls sees to it) fills the registers and leaves. An argument that
// is an address (`=.Lstr0`, `=fn.g`, `=.Lstr0+24`) is made with adrp and add.
//
// Before (La64calls):                     After (La64var):
//   main.start:                             main.start:
//     call fn.f(y, =fn.g) => z                mov x0, y
//                                             adrp x1, fn.g
//                                             add x1, x1, :lo12:fn.g
//                                             bl fn.f // x0, x1
//                                             mov z, x0
//   f.start:                                f.start:
//     params a.1, g.2                         mov a.1, x0
//                                             mov g.2, x1
//     return a.1                              mov x0, a.1
//                                             b f.conclusion

import type * as In from "../../ir-defs/generated/La64calls.js";
import type * as Out from "../../ir-defs/generated/La64var.js";
import { La64calls } from "../../ir-defs/aarch64/la64calls.js";
import { La64var } from "../../ir-defs/aarch64/la64var.js";
import { machine } from "../../ir-defs/aarch64/machine.js";
import { conclusionOf, functionOfLabel, functionOfSymbol } from "../../ir-defs/functions.js";
import { fromSource } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { pass } from "../../il/pass.js";
import { imm, loadAddress, mov, reg, type Plain, type RegisterName } from "./instructions.js";

const [x0, x1] = [reg("x0"), reg("x1")];
const registers = machine.argumentRegisters.map((r) => reg(r as RegisterName));

/** An argument into a register (or variable): an address by adrp and add (and its offset), anything else by a mov. */
function load(a: In.Operand, dst: Out.Arg): Plain[] {
  if (a.kind !== "Address") return [mov(dst, a)];
  const address = loadAddress(a.label, functionOfSymbol(a.label) !== null, dst);
  return a.offset === null ? address : [...address, { kind: "Add", dst, left: dst, right: imm(a.offset) }];
}

export const lowerCalls = pass({
  name: "lower-calls",
  from: La64calls,
  to: La64var,
  purpose: "calls, parameters and returns by AAPCS64: arguments in x0-x7 and outgoing stack cells, the result in x0",
  run(program: In.Program): Out.Program {
    const namer = freshNamer(La64calls, program);
    /** A call's arguments: the ninth and later to outgoing cells, the first eight to their registers (which it lists).
     * A second result (qn_recv's found flag, in x1) is moved out before the first, so that the allocator, seeing
     * x0 still live there, gives `found` any home but x0. */
    const call = (args: readonly In.Operand[], jump: (used: Out.Reg[]) => Out.Instr, result: In.Arg | null, found: In.Arg | null = null): Out.Instr[] => {
      const stores = args.slice(registers.length).flatMap((a, k): Out.Instr[] => {
        if (a.kind !== "Address") return [mov({ kind: "OutArg", index: k }, a)];
        const value: Out.Var = { kind: "Var", name: namer("argument") };
        return [...load(a, value), mov({ kind: "OutArg", index: k }, value)];
      });
      const used = registers.slice(0, Math.min(args.length, registers.length));
      return [...stores, ...used.flatMap((r, i) => load(args[i]!, r)), jump(used), ...(found ? [mov(found, x1)] : []), ...(result ? [mov(result, x0)] : [])];
    };
    const lower = (i: In.Instr, fn: string): Out.Instr[] => {
      switch (i.kind) {
        case "Call": return call(i.args, (used) => ({ kind: "Bl", target: i.target, args: used }), i.result, i.found);
        case "CallIndirect": return call(i.args, (used) => ({ kind: "Blr", callee: i.callee, args: used }), i.result);
        case "TailCall": case "TailCallIndirect": {
          const used = registers.slice(0, i.args.length);
          const moves = used.flatMap((r, k) => load(i.args[k]!, r));
          return [...moves, i.kind === "TailCall" ? { kind: "TailCall", target: i.target, args: used } : { kind: "TailCallIndirect", callee: i.callee, args: used }];
        }
        case "Params": return i.params.map((p, k) => mov(p, registers[k] ?? { kind: "StackArg", index: k - registers.length }));
        case "Return": return [...load(i.value, x0), { kind: "B", target: conclusionOf(fn) }];
        default: return [i];
      }
    };
    const blocks = program.blocks.map((b) => ({ ...b, instrs: b.instrs.flatMap((i) => fromSource(lower(i, functionOfLabel(b.label)), i.loc)) }));
    return { ...program, blocks };
  },
});
