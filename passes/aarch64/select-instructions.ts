// select-instructions: Lcfg -> La64var
//
// Purpose: turn each statement and tail of the control-flow graph into AArch64
// instructions, still over variables; calls into the runtime follow AAPCS64
// (arguments in x0, x1, result in x0).
//
// Before (Lcfg):                          After (La64var):
//   main.start:                             main.start:
//     y = (x + 1)                             add y, x, #1
//     c = (y < 10)                            cmp y, #10
//                                             cset c, lt
//     q = (y / 3)                             mov x0, y
//                                             mov x1, #3
//                                             bl qn_div
//                                             mov q, x0
//     print_bool(c)                           mov x0, c
//                                             bl qn_print_bool
//     if y >= 3 goto main.block1 else ...     cmp y, #3
//                                             b.ge main.block1
//                                             b main.block2
//
// Bools are 0/1 and Unit is 0. `!b` is `eor b, #1`; shifts use lsl/asr, which
// take the count modulo 64 as Quastra wants. `/` and `%` call qn_div/qn_rem,
// which check for zero and handle MIN / -1. panic("msg") passes the address of
// the message (a string of the program, named .Lstr<n>) and its length in bytes.

import type * as In from "../../ir-defs/generated/Lcfg.js";
import type * as Out from "../../ir-defs/generated/La64var.js";
import { La64var, mainConclusion } from "../../ir-defs/aarch64/la64var.js";
import { Lcfg } from "../../ir-defs/lcfg.js";
import { atomOperand as atom, fromSource } from "../../src/pass-helpers/both-targets.js";
import { pass } from "../../src/pass.js";
import { call, imm, mov, reg, StringTable, unreachable } from "../../src/pass-helpers/aarch64-instructions.js";

const x0 = reg("x0");
const x1 = reg("x1");

const conditions = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
const operations = { "+": "Add", "-": "Sub", "*": "Mul", "&": "And", "|": "Orr", "^": "Eor", "<<": "Lsl", ">>": "Asr" } as const;
const runtimeOperations = { "/": "qn_div", "%": "qn_rem" } as const;
const printers = { print_int: "qn_print_int", print_bool: "qn_print_bool", exit: "qn_exit" } as const;

/** A primitive: its call into the runtime, then its value (if wanted) into dst. */
function primitive(p: In.Prim, dst: Out.Arg | null, strings: StringTable): Out.Instr[] {
  const result = p.op === "read_int" ? x0 : imm(0n); // every other primitive returns Unit
  const keep = dst ? [mov(dst, result)] : [];
  switch (p.op) {
    case "print_int":
    case "print_bool":
    case "exit":
      return [mov(x0, atom(p.args[0]!)), call(printers[p.op]), ...keep];
    case "read_int":
      return [call("qn_read_int"), ...keep];
    case "panic": {
      const message = p.args[0];
      if (message?.kind !== "Str") throw new Error("panic takes a string literal");
      const { label: symbol, length } = strings.add(message.value);
      return [{ kind: "Adrp", dst: x0, symbol }, { kind: "AddLo12", dst: x0, src: x0, symbol }, mov(x1, imm(BigInt(length))), call("qn_panic"), ...keep];
    }
    default: return unreachable(p.op);
  }
}

/** The instructions that compute e into dst; dst null: only e's effects are wanted. */
function expression(e: In.CExpr, dst: Out.Arg | null, strings: StringTable): Out.Instr[] {
  switch (e.kind) {
    case "Int": case "Bool": case "Unit": case "Var": case "Str":
      return dst ? [mov(dst, atom(e))] : [];
    case "Binary": {
      const [left, right] = [atom(e.left), atom(e.right)];
      if (e.op === "/" || e.op === "%") {
        return [mov(x0, left), mov(x1, right), call(runtimeOperations[e.op]), ...(dst ? [mov(dst, x0)] : [])];
      }
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
    case "Prim": return primitive(e, dst, strings);
    default: return unreachable(e);
  }
}

function statement(s: In.CStmt, strings: StringTable): Out.Instr[] {
  switch (s.kind) {
    case "Assign": return expression(s.value, { kind: "Var", name: s.name }, strings);
    case "Do": return expression(s.expr, null, strings);
    default: return unreachable(s);
  }
}

function tail(t: In.Tail): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "B", target: t.target }];
    case "Branch":
      return [
        { kind: "Cmp", left: atom(t.left), right: atom(t.right) },
        { kind: "BCond", cond: conditions[t.op], target: t.then },
        { kind: "B", target: t.else },
      ];
    case "Return": return [mov(x0, atom(t.value)), { kind: "B", target: mainConclusion }];
    default: return unreachable(t);
  }
}

export const selectInstructions = pass({
  name: "select-instructions",
  from: Lcfg,
  to: La64var,
  purpose: "each statement and tail becomes AArch64 instructions over variables",
  run(program: In.Program): Out.Program {
    const strings = new StringTable();
    const blocks = program.blocks.map((b): Out.Block => ({
      kind: "Block",
      label: b.label,
      instrs: [...b.stmts.flatMap((s) => fromSource(statement(s, strings), s.loc)), ...fromSource(tail(b.tail), b.tail.loc)],
    }));
    return { kind: "Program", blocks, data: strings.data() };
  },
});
