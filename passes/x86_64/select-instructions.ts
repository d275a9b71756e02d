// select-instructions: Lalloc -> Lx86var
//
// Purpose: turn each statement and tail of the control-flow graph into x86-64
// instructions over variables; `/` and `%` become idivq inline (x86_64-division),
// the primitives, allocation and `dec` become calls into the runtime, a call
// follows System V (x86_64-calls), comparisons become cmpq plus setcc or a
// conditional jump, loads and stores of the heap are movq with an address
// (x86_64-memory), and a function reference or a string literal (the address
// of a static string object) is loaded with leaq. Each function's first block
// starts by moving its parameters from %rdi, %rsi, ... (and the stack) to variables.
//
// Before (Lalloc):                      After (Lx86var):
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
//     r = (a % b)                           (a zero check, cmov for -1, idivq:
//                                            see x86_64-division)
//     print_bool(c)                         movq c, %rdi
//                                           callq qn_print_bool # %rdi
//     a = alloc_array(n, 0, 0x2)            movq n, %rdi
//                                           movq $0, %rsi
//                                           movq $2, %rdx
//                                           callq qn_array # %rdi, %rsi, %rdx
//                                           movq %rax, a
//     check 0 <= i < n                      cmpq n, i
//                                           jae qn_index_out_of_bounds
//     *(a + 24 + 8 * i) = x                 movq x, 24(a,i,8)
//     y = *(a + 24 + 8 * i): Int            movq 24(a,i,8), y
//     inc a                                 addq $1, (a)
//     dec a                                 movq a, %rdi
//                                           callq qn_release # %rdi
//     s = "hi"                              leaq .Lstr0(%rip), s
//     if x > 0 goto main.block1             cmpq $0, x
//       else main.block2                    jg main.block1
//                                           jmp main.block2

import type * as In from "../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../ir-defs/generated/Lx86var.js";
import { Lalloc } from "../../ir-defs/lalloc.js";
import { conclusionOf, functionSymbol } from "../../ir-defs/functions.js";
import { Lx86var } from "../../ir-defs/x86_64/lx86var.js";
import { atomOperand as atom, fromSource } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { pass } from "../../il/pass.js";
import { divide } from "./select-instructions/division.js";
import { allocate, argumentRegisters, call, primitive, release } from "./select-instructions/calls.js";
import { checkIndex, increment, loadWord, storeWord } from "./memory.js";
import { imm, load, movq, operand, reg, sameArg, StringTable, unreachable, type Selection } from "./instructions.js";

const [rax, rcx, al, cl] = [reg("rax"), reg("rcx"), reg("al"), reg("cl")];

const conditionCode: Readonly<Record<In.Branch["op"], Out.JmpIf["cc"]>> = { "==": "e", "!=": "ne", "<": "l", "<=": "le", ">": "g", ">=": "ge" };
const arithmetic = { "+": "Addq", "-": "Subq", "*": "Imulq", "&": "Andq", "|": "Orq", "^": "Xorq" } as const;
const commutative: ReadonlySet<string> = new Set(["+", "*", "&", "|", "^"]);

/** `movq src, dst`, or nothing when src already is dst. */
const move = (src: Out.Arg, dst: Out.Arg): Out.Instr[] => (sameArg(src, dst) ? [] : [movq(src, dst)]);

function binary(e: In.Binary, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  if (e.op === "/" || e.op === "%") return divide(e, dst, cx.fresh);
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

/** The instructions that compute `e` into `dst`, or only its effects when dst is null. */
function expression(e: In.CExpr, dst: Out.Arg | null, cx: Selection): Out.Instr[] {
  switch (e.kind) {
    case "Binary": return binary(e, dst, cx);
    case "Unary": return unary(e, dst);
    case "Prim": return primitive(e, dst, cx);
    case "Call": return call(e, dst, cx);
    case "Load": return loadWord(e, dst, cx);
    case "Alloc": case "AllocArray": return allocate(e, dst, cx);
    default: return dst ? load(e, dst, cx) : [];
  }
}

function statement(s: In.CStmt, cx: Selection): Out.Instr[] {
  switch (s.kind) {
    case "Assign": return expression(s.value, { kind: "Var", name: s.name }, cx);
    case "Do": return expression(s.expr, null, cx);
    case "Store": return storeWord(s, cx);
    case "CheckIndex": return checkIndex(s);
    case "Inc": return increment(s);
    case "Dec": return release(s, cx);
    default: return unreachable(s);
  }
}

function tail(t: In.Tail, fn: string, cx: Selection): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "Jmp", target: t.target }];
    case "Branch":
      return [{ kind: "Cmpq", right: atom(t.right), left: atom(t.left) }, { kind: "JmpIf", cc: conditionCode[t.op], target: t.then }, { kind: "Jmp", target: t.else }];
    case "Return": return [...load(t.value, rax, cx), { kind: "Jmp", target: conclusionOf(fn) }];
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
  const parameters = def.params.map((name, i): Out.Instr => {
    const from: Out.Arg = argumentRegisters[i] ?? { kind: "StackArg", index: i - argumentRegisters.length };
    return movq(from, { kind: "Var", name });
  });
  return def.blocks.map((b, index): Out.Block => {
    const body = b.stmts.flatMap((s) => fromSource(statement(s, cx), s.loc));
    return { kind: "Block", label: b.label, instrs: [...(index === 0 ? parameters : []), ...body, ...fromSource(tail(b.tail, def.name, cx), b.tail.loc)] };
  });
}

export const selectInstructions = pass<In.Program, Out.Program>({
  name: "select-instructions",
  from: Lalloc,
  to: Lx86var,
  purpose: "x86-64 instructions for each statement: idivq inline for / %, movq with addresses for the heap, calls by the System V convention, runtime calls for the primitives and allocation",
  run(program) {
    const strings = new StringTable();
    const namer = freshNamer(Lalloc, program);
    const cx: Selection = { strings, fresh: (hint) => ({ kind: "Var", name: namer(hint) }) };
    const blocks = program.defs.flatMap((def) => definition(def, cx));
    return { kind: "Program", blocks, data: strings.data() };
  },
});
