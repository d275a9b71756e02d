// select-instructions: Lcfg -> La64var
//
// Purpose: turn each statement and tail of the control-flow graph into AArch64
// instructions, still over variables; calls into the runtime and of the
// program's functions follow AAPCS64 (arguments in x0-x7, then on the stack,
// result in x0), see call below; a function reference is loaded with adrp and
// add. Each function's first block starts by moving its parameters to variables.
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
//                                             bl qn_print_bool // x0
//     z = call &f(y, &g)                      mov x0, y
//                                             adrp x1, fn.g
//                                             add x1, x1, :lo12:fn.g
//                                             bl fn.f // x0, x1
//                                             mov z, x0
//     if y >= 3 goto main.block1 else ...     cmp y, #3
//                                             b.ge main.block1
//                                             b main.block2
//
// Bools are 0/1 and Unit is 0. `!b` is `eor b, #1`; shifts use lsl/asr, which
// take the count modulo 64 as Quastra wants. `/` and `%` are inline, see
// divide. panic("msg") passes the address of the message (a string of the
// program, named .Lstr<n>) and its length in bytes.

import type * as In from "../../ir-defs/generated/Lfun.js";
import type * as Out from "../../ir-defs/generated/La64var.js";
import { La64var } from "../../ir-defs/aarch64/la64var.js";
import { conclusionOf, functionSymbol } from "../../ir-defs/functions.js";
import { Lfun } from "../../ir-defs/lfun.js";
import { atomOperand as atom, fromSource } from "../../src/pass-helpers/both-targets.js";
import { freshNamer } from "../../src/pass-helpers/fresh-names.js";
import { pass } from "../../src/pass.js";
import { divide } from "../../src/pass-helpers/aarch64-division.js";
import { callRuntime, imm, mov, reg, StringTable, unreachable } from "../../src/pass-helpers/aarch64-instructions.js";

const x0 = reg("x0");
const x1 = reg("x1");
/** Where AAPCS64 passes the first eight arguments. */
const argumentRegisters = [x0, x1, reg("x2"), reg("x3"), reg("x4"), reg("x5"), reg("x6"), reg("x7")];

const conditions = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
const operations = { "+": "Add", "-": "Sub", "*": "Mul", "&": "And", "|": "Orr", "^": "Eor", "<<": "Lsl", ">>": "Asr" } as const;
const printers = { print_int: "qn_print_int", print_bool: "qn_print_bool", exit: "qn_exit" } as const;

/** A variable no other has the name of: `hint.N`. */
type Fresh = (hint: string) => Out.Var;


/** A primitive: its call into the runtime, then its value (if wanted) into dst. */
function primitive(p: In.Prim, dst: Out.Arg | null, strings: StringTable): Out.Instr[] {
  const result = p.op === "read_int" ? x0 : imm(0n); // every other primitive returns Unit
  const keep = dst ? [mov(dst, result)] : [];
  switch (p.op) {
    case "print_int":
    case "print_bool":
    case "exit":
      return [mov(x0, atom(p.args[0]!)), callRuntime(printers[p.op], [x0]), ...keep];
    case "read_int":
      return [callRuntime("qn_read_int", []), ...keep];
    case "panic": {
      const message = p.args[0];
      if (message?.kind !== "Str") throw new Error("panic takes a string literal");
      const { label: symbol, length } = strings.add(message.value);
      return [{ kind: "Adrp", dst: x0, symbol }, { kind: "AddLo12", dst: x0, src: x0, symbol }, mov(x1, imm(BigInt(length))), callRuntime("qn_panic", [x0, x1]), ...keep];
    }
    default: return unreachable(p.op);
  }
}

/** An atom into dst: a function reference is its code's address (adrp and add), anything else a mov. */
function load(a: In.Atom, dst: Out.Arg): Out.Instr[] {
  if (a.kind !== "FunRef") return [mov(dst, atom(a))];
  const symbol = functionSymbol(a.name);
  return [{ kind: "AdrpFn", dst, symbol }, { kind: "AddLo12Fn", dst, src: dst, symbol }];
}

/**
 * A call: arguments after the eighth are stored at the bottom of this
 * function's frame (`outarg k`, where the callee finds them as `stackarg k`),
 * the first eight go to x0-x7, the result comes back in x0. A function
 * reference is called directly (bl), a variable indirectly (blr).
 */
function call(e: In.Call, dst: Out.Arg | null, fresh: Fresh): Out.Instr[] {
  const stores = e.args.slice(argumentRegisters.length).flatMap((a, k): Out.Instr[] => {
    const outarg: Out.OutArg = { kind: "OutArg", index: k };
    if (a.kind !== "FunRef") return [mov(outarg, atom(a))];
    const address = fresh("address");
    return [...load(a, address), mov(outarg, address)];
  });
  const used = argumentRegisters.slice(0, Math.min(e.args.length, argumentRegisters.length));
  const moves = used.flatMap((r, i) => load(e.args[i]!, r));
  const callee = e.callee;
  const jump: Out.Instr = callee.kind === "FunRef" ? { kind: "Bl", target: functionSymbol(callee.name), args: used } : { kind: "Blr", callee: atom(callee), args: used };
  return [...stores, ...moves, jump, ...(dst ? [mov(dst, x0)] : [])];
}

/** The instructions that compute e into dst; dst null: only e's effects are wanted. */
function expression(e: In.CExpr, dst: Out.Arg | null, strings: StringTable, fresh: Fresh): Out.Instr[] {
  switch (e.kind) {
    case "Int": case "Bool": case "Unit": case "Var": case "Str": case "FunRef":
      return dst ? load(e, dst) : [];
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
    case "Call": return call(e, dst, fresh);
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

function tail(t: In.Tail, fn: string): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "B", target: t.target }];
    case "Branch":
      return [
        { kind: "Cmp", left: atom(t.left), right: atom(t.right) },
        { kind: "BCond", cond: conditions[t.op], target: t.then },
        { kind: "B", target: t.else },
      ];
    case "Return": return [...load(t.value, x0), { kind: "B", target: conclusionOf(fn) }];
    case "TailCall": { // arguments in registers (at most six: explicate-control sees to it), then leave for the callee
      const used = argumentRegisters.slice(0, t.args.length);
      const moves = used.flatMap((r, i) => load(t.args[i]!, r));
      const callee = t.callee;
      return [...moves, callee.kind === "FunRef" ? { kind: "TailCall", target: functionSymbol(callee.name), args: used } : { kind: "TailCallIndirect", callee: atom(callee), args: used }];
    }
    default: return unreachable(t);
  }
}

/** A function's blocks; the first starts by taking the parameters from where the caller put them. */
function definition(def: In.Def, strings: StringTable, fresh: Fresh): Out.Block[] {
  const parameters = def.params.map((name, i) => mov({ kind: "Var", name }, argumentRegisters[i] ?? { kind: "StackArg", index: i - argumentRegisters.length }));
  return def.blocks.map((b, index): Out.Block => ({
    kind: "Block",
    label: b.label,
    instrs: [...(index === 0 ? parameters : []), ...b.stmts.flatMap((s) => fromSource(statement(s, strings, fresh), s.loc)), ...fromSource(tail(b.tail, def.name), b.tail.loc)],
  }));
}

export const selectInstructions = pass({
  name: "select-instructions",
  from: Lfun,
  to: La64var,
  purpose: "each statement and tail becomes AArch64 instructions over variables; calls follow AAPCS64",
  run(program: In.Program): Out.Program {
    const strings = new StringTable();
    const namer = freshNamer(Lfun, program);
    const fresh: Fresh = (hint) => ({ kind: "Var", name: namer(hint) });
    const blocks = program.defs.flatMap((def) => definition(def, strings, fresh));
    return { kind: "Program", blocks, data: strings.data() };
  },
});
