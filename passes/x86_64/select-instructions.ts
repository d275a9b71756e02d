// select-instructions: Lcfg -> Lx86var
//
// Purpose: turn each statement and tail of the control-flow graph into x86-64
// instructions over variables; `/` and `%` become idivq inline (see divide),
// the primitives become calls into the runtime, comparisons become cmpq plus
// setcc or a conditional jump, a call follows System V (see call below), and a
// function reference is loaded with leaq. Each function's first block starts
// by moving its parameters from %rdi, %rsi, ... (and the stack) to variables.
//
// Before (Lcfg):                        After (Lx86var):
//   main.start:                           main.start:
//     x = (a - b)                           movq a, x
//                                           subq b, x
//     c = (x < 10)                          cmpq $10, x
//                                           setl %al
//                                           movzbq %al, c
//     q = (x / 3)                           movq $3, divisor.1
//                                           movq x, %rax
//                                           cqto
//                                           idivq divisor.1
//                                           movq %rax, q
//     r = (a % b)                           cmpq $0, b
//                                           je qn_division_by_zero
//                                           movq a, %rax
//                                           movq $1, divisor.2
//                                           cmpq $-1, b
//                                           cmovne b, divisor.2
//                                           cqto
//                                           idivq divisor.2
//                                           movq %rdx, r
//     print_bool(c)                         movq c, %rdi
//                                           callq qn_print_bool
//     if x > 0 goto main.block1             cmpq $0, x
//       else main.block2                    jg main.block1
//                                           jmp main.block2

import type * as In from "../../ir-defs/generated/Lfun.js";
import type * as Out from "../../ir-defs/generated/Lx86var.js";
import { Lfun } from "../../ir-defs/lfun.js";
import { conclusionOf, functionSymbol } from "../../ir-defs/functions.js";
import { Lx86var } from "../../ir-defs/x86_64/lx86var.js";
import { atomOperand as atom, fromSource } from "../../src/pass-helpers/both-targets.js";
import { freshNamer } from "../../src/pass-helpers/fresh-names.js";
import { pass } from "../../src/pass.js";
import { divide } from "../../src/pass-helpers/x86_64-division.js";
import { callRuntime, imm, movq, reg, sameArg, StringTable, unreachable } from "../../src/pass-helpers/x86_64-instructions.js";

const [rax, rcx, rdx, rdi, rsi, al, cl, rsp] = [reg("rax"), reg("rcx"), reg("rdx"), reg("rdi"), reg("rsi"), reg("al"), reg("cl"), reg("rsp")];
/** Where System V passes the first six arguments. */
const argumentRegisters = [rdi, rsi, rdx, rcx, reg("r8"), reg("r9")];

const conditionCode: Readonly<Record<In.Branch["op"], Out.JmpIf["cc"]>> = { "==": "e", "!=": "ne", "<": "l", "<=": "le", ">": "g", ">=": "ge" };
const arithmetic = { "+": "Addq", "-": "Subq", "*": "Imulq", "&": "Andq", "|": "Orq", "^": "Xorq" } as const;
const commutative: ReadonlySet<string> = new Set(["+", "*", "&", "|", "^"]);
const printRoutine = { print_int: "qn_print_int", print_bool: "qn_print_bool", exit: "qn_exit" } as const;

/** A variable no other has the name of: `hint.N`. */
type Fresh = (hint: string) => Out.Var;

/** `movq src, dst`, or nothing when src already is dst. */
const move = (src: Out.Arg, dst: Out.Arg): Out.Instr[] => (sameArg(src, dst) ? [] : [movq(src, dst)]);


function binary(e: In.Binary, dst: Out.Arg | null, fresh: Fresh): Out.Instr[] {
  if (e.op === "/" || e.op === "%") return divide(e, dst, fresh);
  if (dst === null) return []; // no effect to keep
  const [left, right] = [atom(e.left), atom(e.right)];
  switch (e.op) {
    case "==": case "!=": case "<": case "<=": case ">": case ">=":
      return [{ kind: "Cmpq", right, left }, { kind: "Set", cc: conditionCode[e.op], dst: al }, { kind: "Movzbq", src: al, dst }];
    case "<<": case ">>": {
      const kind = e.op === "<<" ? "Salq" : "Sarq";
      // The machine takes the count mod 64, as Quastra does; a constant count is masked here.
      if (right.kind === "Imm") return [...move(left, dst), { kind, count: imm(BigInt.asUintN(6, right.value)), dst }];
      return [movq(right, rcx), ...move(left, dst), { kind, count: cl, dst }];
    }
    case "+": case "-": case "*": case "&": case "|": case "^": {
      const kind = arithmetic[e.op];
      if (sameArg(left, dst)) return [{ kind, src: right, dst }];
      if (sameArg(right, dst)) {
        if (commutative.has(e.op)) return [{ kind, src: left, dst }];
        return [{ kind: "Negq", dst }, { kind: "Addq", src: left, dst }]; // x = a - x  is  x = -x + a
      }
      return [movq(left, dst), { kind, src: right, dst }];
    }
    default: return unreachable(e.op);
  }
}

function unary(e: In.Unary, dst: Out.Arg | null): Out.Instr[] {
  if (dst === null) return [];
  const op: Out.Instr = e.op === "-" ? { kind: "Negq", dst } : e.op === "~" ? { kind: "Notq", dst } : { kind: "Xorq", src: imm(1n), dst };
  return [...move(atom(e.arg), dst), op];
}

/** An atom into dst: a function reference is its code's address (leaq), anything else a move. */
function load(a: In.Atom, dst: Out.Arg): Out.Instr[] {
  return a.kind === "FunRef" ? [{ kind: "LeaFn", target: functionSymbol(a.name), dst }] : move(atom(a), dst);
}

/**
 * A call: arguments after the sixth are pushed, the last first (after 8 bytes
 * of padding when there is an odd number of them, so that %rsp stays 16-byte
 * aligned at the call), the first six go to their registers, and once the
 * call returns the pushed ones are dropped and the result is taken from %rax.
 * A function reference is called directly; a variable, indirectly.
 */
function call(e: In.Call, dst: Out.Arg | null): Out.Instr[] {
  const onStack = e.args.slice(argumentRegisters.length);
  const padding = onStack.length % 2;
  const pushes = [...onStack].reverse().flatMap((a): Out.Instr[] => (a.kind === "FunRef" ? [...load(a, rax), { kind: "Pushq", src: rax }] : [{ kind: "Pushq", src: atom(a) }]));
  const used = argumentRegisters.slice(0, Math.min(e.args.length, argumentRegisters.length));
  const moves = used.flatMap((r, i) => load(e.args[i]!, r));
  const callee = e.callee;
  const jump: Out.Instr = callee.kind === "FunRef" ? { kind: "Callq", target: functionSymbol(callee.name), args: used } : { kind: "CallqIndirect", callee: atom(callee), args: used };
  const dropped = BigInt(8 * (onStack.length + padding));
  return [
    ...(padding ? [{ kind: "Subq", src: imm(8n), dst: rsp } as const] : []),
    ...pushes,
    ...moves,
    jump,
    ...(dropped > 0n ? [{ kind: "Addq", src: imm(dropped), dst: rsp } as const] : []),
    ...(dst ? [movq(rax, dst)] : []),
  ];
}

function primitive(e: In.Prim, dst: Out.Arg | null, strings: StringTable): Out.Instr[] {
  const arg = (): In.Atom => {
    if (e.args.length !== 1) throw new Error(`select-instructions: ${e.op} takes one argument, not ${e.args.length}`);
    return e.args[0]!;
  };
  switch (e.op) {
    case "print_int": case "print_bool": case "exit":
      return [movq(atom(arg()), rdi), callRuntime(printRoutine[e.op], [rdi]), ...(dst ? [movq(imm(0n), dst)] : [])];
    case "read_int":
      return [callRuntime("qn_read_int", []), ...(dst ? [movq(rax, dst)] : [])];
    case "panic": {
      const message = arg();
      if (message.kind !== "Str") throw new Error("select-instructions: panic takes a string literal");
      const { label, length } = strings.add(message.value);
      return [{ kind: "Leaq", label, dst: rdi }, movq(imm(BigInt(length)), rsi), callRuntime("qn_panic", [rdi, rsi])];
    }
    default: return unreachable(e.op);
  }
}

/** The instructions that compute `e` into `dst`, or only its effects when dst is null. */
function expression(e: In.CExpr, dst: Out.Arg | null, strings: StringTable, fresh: Fresh): Out.Instr[] {
  switch (e.kind) {
    case "Binary": return binary(e, dst, fresh);
    case "Unary": return unary(e, dst);
    case "Prim": return primitive(e, dst, strings);
    case "Call": return call(e, dst);
    default: return dst ? load(e, dst) : [];
  }
}

function tail(t: In.Tail, fn: string): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "Jmp", target: t.target }];
    case "Branch":
      return [{ kind: "Cmpq", right: atom(t.right), left: atom(t.left) }, { kind: "JmpIf", cc: conditionCode[t.op], target: t.then }, { kind: "Jmp", target: t.else }];
    case "Return": return [...load(t.value, rax), { kind: "Jmp", target: conclusionOf(fn) }];
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
  const parameters = def.params.map((name, i): Out.Instr => {
    const from: Out.Arg = argumentRegisters[i] ?? { kind: "StackArg", index: i - argumentRegisters.length };
    return movq(from, { kind: "Var", name });
  });
  return def.blocks.map((b, index): Out.Block => {
    const body = b.stmts.flatMap((s) =>
      fromSource(s.kind === "Assign" ? expression(s.value, { kind: "Var", name: s.name }, strings, fresh) : expression(s.expr, null, strings, fresh), s.loc),
    );
    return { kind: "Block", label: b.label, instrs: [...(index === 0 ? parameters : []), ...body, ...fromSource(tail(b.tail, def.name), b.tail.loc)] };
  });
}

export const selectInstructions = pass<In.Program, Out.Program>({
  name: "select-instructions",
  from: Lfun,
  to: Lx86var,
  purpose: "x86-64 instructions for each statement: idivq inline for / %, calls by the System V convention, runtime calls for the primitives",
  run(program) {
    const strings = new StringTable();
    const namer = freshNamer(Lfun, program);
    const fresh: Fresh = (hint) => ({ kind: "Var", name: namer(hint) });
    const blocks = program.defs.flatMap((def) => definition(def, strings, fresh));
    return { kind: "Program", blocks, data: strings.data() };
  },
});
