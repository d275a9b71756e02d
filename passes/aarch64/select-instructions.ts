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
//     q = (y / 3)                             sdiv q, y, #3
//     r = (x % y)                             cbz y, qn_division_by_zero
//                                             sdiv quotient.1, x, y
//                                             msub r, quotient.1, y, x
//     print_bool(c)                           mov x0, c
//                                             bl qn_print_bool
//     if y >= 3 goto main.block1 else ...     cmp y, #3
//                                             b.ge main.block1
//                                             b main.block2
//
// Bools are 0/1 and Unit is 0. `!b` is `eor b, #1`; shifts use lsl/asr, which
// take the count modulo 64 as Quastra wants. `/` and `%` are inline, see
// divide. panic("msg") passes the address of the message (a string of the
// program, named .Lstr<n>) and its length in bytes.

import type * as In from "../../ir-defs/generated/Lcfg.js";
import type * as Out from "../../ir-defs/generated/La64var.js";
import { La64var, mainConclusion } from "../../ir-defs/aarch64/la64var.js";
import { Lcfg } from "../../ir-defs/lcfg.js";
import { divisionByZero } from "../../ir-defs/runtime-routines.js";
import { atomOperand as atom, fromSource, mainBlocks, powerOfTwo } from "../../src/pass-helpers/both-targets.js";
import { freshNamer } from "../../src/pass-helpers/fresh-names.js";
import { pass } from "../../src/pass.js";
import { call, imm, mov, reg, StringTable, unreachable } from "../../src/pass-helpers/aarch64-instructions.js";

const x0 = reg("x0");
const x1 = reg("x1");

const conditions = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
const operations = { "+": "Add", "-": "Sub", "*": "Mul", "&": "And", "|": "Orr", "^": "Eor", "<<": "Lsl", ">>": "Asr" } as const;
const printers = { print_int: "qn_print_int", print_bool: "qn_print_bool", exit: "qn_exit" } as const;

/** A variable no other has the name of: `hint.N`. */
type Fresh = (hint: string) => Out.Var;

/**
 * `a / b` and `a % b`. sdiv rounds toward zero and never traps: MIN / -1 gives
 * MIN, as Quastra wants. The remainder is a - (a / b) * b, one msub. Only a zero
 * divisor needs care (sdiv would give 0): cbz branches to the runtime's panic
 * (qn_division_by_zero, never returns). A constant divisor is known here: 0
 * always panics, a power of two takes shifts and masks, any other needs no check.
 */
function divide(e: In.Binary, dst: Out.Arg | null, fresh: Fresh): Out.Instr[] {
  const [a, b] = [atom(e.left), atom(e.right)];
  if (b.kind === "Imm" && b.value === 0n) return [{ kind: "B", target: divisionByZero }];
  const zeroCheck: Out.Instr[] = b.kind === "Imm" ? [] : [{ kind: "Cbz", src: b, target: divisionByZero }];
  if (dst === null) return zeroCheck; // only the panic is an effect
  const k = b.kind === "Imm" ? powerOfTwo(b.value) : null;
  if (k !== null) {
    // By 2^k: asr rounds toward minus infinity, so first add 2^k - 1 when a < 0
    // (the bias: a's sign, 0 or -1, masked to k bits). The remainder is a - (a / 2^k) * 2^k.
    const bias = fresh("bias");
    const biased: Out.Instr[] = [
      { kind: "Asr", dst: bias, left: a, right: imm(63n) },
      { kind: "And", dst: bias, left: bias, right: imm((1n << BigInt(k)) - 1n) },
      { kind: "Add", dst: bias, left: bias, right: a },
    ];
    if (e.op === "/") return [...biased, { kind: "Asr", dst, left: bias, right: imm(BigInt(k)) }];
    return [...biased, { kind: "And", dst: bias, left: bias, right: imm(-(1n << BigInt(k))) }, { kind: "Sub", dst, left: a, right: bias }];
  }
  if (e.op === "/") return [...zeroCheck, { kind: "Sdiv", dst, left: a, right: b }];
  const quotient = fresh("quotient");
  return [...zeroCheck, { kind: "Sdiv", dst: quotient, left: a, right: b }, { kind: "Msub", dst, left: quotient, right: b, from: a }];
}

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
function expression(e: In.CExpr, dst: Out.Arg | null, strings: StringTable, fresh: Fresh): Out.Instr[] {
  switch (e.kind) {
    case "Int": case "Bool": case "Unit": case "Var": case "Str":
      return dst ? [mov(dst, atom(e))] : [];
    case "Binary": {
      if (e.op === "/" || e.op === "%") return divide(e, dst, fresh);
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
    case "Prim": return primitive(e, dst, strings);
    case "Call": throw new Error("select-instructions: calls are not compiled yet");
    default: return unreachable(e);
  }
}

function statement(s: In.CStmt, strings: StringTable, fresh: Fresh): Out.Instr[] {
  switch (s.kind) {
    case "Assign": return expression(s.value, { kind: "Var", name: s.name }, strings, fresh);
    case "Do": return expression(s.expr, null, strings, fresh);
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
    const namer = freshNamer(Lcfg, program);
    const fresh: Fresh = (hint) => ({ kind: "Var", name: namer(hint) });
    const blocks = mainBlocks(program).map((b): Out.Block => ({
      kind: "Block",
      label: b.label,
      instrs: [...b.stmts.flatMap((s) => fromSource(statement(s, strings, fresh), s.loc)), ...fromSource(tail(b.tail), b.tail.loc)],
    }));
    return { kind: "Program", blocks, data: strings.data() };
  },
});
