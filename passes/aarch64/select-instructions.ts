// select-instructions: Lalloc -> La64var
//
// Purpose: turn each statement and tail of the control-flow graph into AArch64
// instructions, still over variables; calls into the runtime (the primitives,
// allocation and `dec`) and of the program's functions follow AAPCS64
// (arguments in x0-x7, then on the stack, result in x0; aarch64-calls); loads
// and stores of the heap are ldr and str at a base register and an offset
// (aarch64-memory); a function reference or a string literal (the address of a
// static string object) is loaded with adrp and add. Each function's first
// block starts by moving its parameters to variables.
//
// Before (Lalloc):                        After (La64var):
//   main.start:                             main.start:
//     y = (x + 1)                             add y, x, #1
//     c = (y < 10)                            cmp y, #10
//                                             cset c, lt
//     q = (y / 3)                             sdiv q, y, #3
//     r = (x % y)                             cbz y, qn_division_by_zero
//                                             sdiv quotient.1, x, y
//                                             msub r, quotient.1, y, x
//     print_bool(c)                           mov x0, c
//                                             bl qn_print_bool // x0
//     z = call &f(y, &g)                      mov x0, y
//                                             adrp x1, fn.g
//                                             add x1, x1, :lo12:fn.g
//                                             bl fn.f // x0, x1
//                                             mov z, x0
//     a = alloc_array(n, 0, 0x2)              mov x0, n
//                                             mov x1, #0
//                                             mov x2, #2
//                                             bl qn_array // x0, x1, x2
//                                             mov a, x0
//     check 0 <= i < n                        cmp i, n
//                                             b.hs qn_index_out_of_bounds
//     *(a + 24 + 8 * i) = z                   add address.2, a, i, lsl #3
//                                             str z, [address.2, #24]
//     w = *(a + 16): Int                      ldr w, [a, #16]
//     inc a                                   ldr count.3, [a, #0]
//                                             add count.3, count.3, #1
//                                             str count.3, [a, #0]
//     dec a                                   mov x0, a
//                                             bl qn_release // x0
//     s = "hi"                                adrp s, .Lstr0
//                                             add s, s, :lo12:.Lstr0
//     if y >= 3 goto main.block1 else ...     cmp y, #3
//                                             b.ge main.block1
//                                             b main.block2
//
// Bools are 0/1 and Unit is 0. `!b` is `eor b, #1`; shifts use lsl/asr, which
// take the count modulo 64 as Quastra wants. `/` and `%` are inline
// (aarch64-division). panic("msg") passes the address of the message's bytes
// (24 past its string object's, .Lstr<n>) and their count to qn_panic; a
// computed message, the object to qn_panic_string.

import type * as In from "../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../ir-defs/generated/La64var.js";
import { La64var } from "../../ir-defs/aarch64/la64var.js";
import { conclusionOf, functionSymbol } from "../../ir-defs/functions.js";
import { Lalloc } from "../../ir-defs/lalloc.js";
import { atomOperand as atom, fromSource } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { pass } from "../../il/pass.js";
import { divide } from "./select-instructions/division.js";
import { allocate, argumentRegisters, call, primitive, release } from "./select-instructions/calls.js";
import { checkIndex, increment, loadWord, storeWord } from "./select-instructions/memory.js";
import { imm, load, operand, reg, StringTable, unreachable, type Selection } from "./instructions.js";

const x0 = reg("x0");

const conditions = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
const operations = { "+": "Add", "-": "Sub", "*": "Mul", "&": "And", "|": "Orr", "^": "Eor", "<<": "Lsl", ">>": "Asr" } as const;

/** The instructions that compute e into dst; dst null: only e's effects are wanted. */
function expression(e: In.CExpr, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  switch (e.kind) {
    case "Int": case "Bool": case "Unit": case "Var": case "Str": case "FunRef":
      return dst ? load(e, dst, cx) : [];
    case "Binary": {
      if (e.op === "/" || e.op === "%") return divide(e, dst, cx.fresh);
      const [left, right] = [atom(e.left), atom(e.right)];
      if (!dst) return [];
      if (e.op in conditions) {
        const cond = conditions[e.op as keyof typeof conditions];
        return [{ kind: "Cmp", left, right }, { kind: "Cset", dst, cond }];
      }
      return [{ kind: operations[e.op as keyof typeof operations], dst, left, right }];
    }
    case "Unary": {
      if (!dst) return [];
      const src = atom(e.arg);
      if (e.op === "-") return [{ kind: "Neg", dst, src }];
      if (e.op === "~") return [{ kind: "Mvn", dst, src }];
      return [{ kind: "Eor", dst, left: src, right: imm(1n) }];
    }
    case "Prim": return primitive(e, dst, cx);
    case "Call": return call(e, dst, cx);
    case "Load": return loadWord(e, dst, cx);
    case "Alloc": case "AllocArray": return allocate(e, dst, cx);
    default: return unreachable(e);
  }
}

function statement(s: In.CStmt, cx: Selection): Out.Instr[] {
  switch (s.kind) {
    case "Assign": return expression(s.value, { kind: "Var", name: s.name }, cx);
    case "Do": return expression(s.expr, null, cx);
    case "Store": return storeWord(s, cx);
    case "CheckIndex": return checkIndex(s);
    case "Inc": return increment(s, cx);
    case "Dec": return release(s, cx);
    default: return unreachable(s);
  }
}

function tail(t: In.Tail, fn: string, cx: Selection): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "B", target: t.target }];
    case "Branch":
      return [
        { kind: "Cmp", left: atom(t.left), right: atom(t.right) },
        { kind: "BCond", cond: conditions[t.op], target: t.then },
        { kind: "B", target: t.else },
      ];
    case "Return": return [...load(t.value, x0, cx), { kind: "B", target: conclusionOf(fn) }];
    case "TailCall": { // arguments in registers (at most six: explicate-control sees to it), then leave for the callee
      const used = argumentRegisters.slice(0, t.args.length);
      const moves = used.flatMap((r, i) => load(t.args[i]!, r, cx));
      const callee = t.callee;
      if (callee.kind === "FunRef") return [...moves, { kind: "TailCall", target: functionSymbol(callee.name), args: used }];
      const [setCallee, target] = operand(callee, "callee", cx);
      return [...setCallee, ...moves, { kind: "TailCallIndirect", callee: target, args: used }];
    }
    default: return unreachable(t);
  }
}

/** A function's blocks; the first starts by taking the parameters from where the caller put them. */
function definition(def: In.Def, cx: Selection): Out.Block[] {
  const parameters = def.params.map((name, i): Out.Instr => ({ kind: "Mov", dst: { kind: "Var", name }, src: argumentRegisters[i] ?? { kind: "StackArg", index: i - argumentRegisters.length } }));
  return def.blocks.map((b, index): Out.Block => ({
    kind: "Block",
    label: b.label,
    instrs: [...(index === 0 ? parameters : []), ...b.stmts.flatMap((s) => fromSource(statement(s, cx), s.loc)), ...fromSource(tail(b.tail, def.name, cx), b.tail.loc)],
  }));
}

export const selectInstructions = pass({
  name: "select-instructions",
  from: Lalloc,
  to: La64var,
  purpose: "each statement and tail becomes AArch64 instructions over variables: ldr and str for the heap, calls by AAPCS64, runtime calls for the primitives and allocation",
  run(program: In.Program): Out.Program {
    const strings = new StringTable();
    const namer = freshNamer(Lalloc, program);
    const cx: Selection = { strings, fresh: (hint) => ({ kind: "Var", name: namer(hint) }) };
    const blocks = program.defs.flatMap((def) => definition(def, cx));
    return { kind: "Program", blocks, data: strings.data() };
  },
});
