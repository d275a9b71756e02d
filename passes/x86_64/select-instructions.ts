// select-instructions: Lalloc -> Lx86select
//
// Purpose: turn each statement and tail of the control-flow graph into x86-64
// instructions over variables. Comparisons become cmpq plus setcc or a
// conditional jump, loads and stores of the heap movq with an address
// (x86_64/memory.ts), a function reference or a string literal (the address of
// a static string object) leaq. Three things stay one pseudo-instruction each,
// for a pass of its own: `/` and `%` (lower-division), and calls, with the
// parameters a function takes and the value it returns (lower-calls): the
// primitives, allocation and `release` are calls of the runtime's routines
// (ir-defs/runtime-routines.ts).
//
// Before (Lalloc):                      After (Lx86select):
//   main.start:                           main.start:
//     x = (a - b)                           movq a, x
//                                           subq b, x
//     c = (x < 10)                          cmpq $10, x
//                                           setl %al
//                                           movzbq %al, c
//     q = (x / 3)                           div x, $3 => q
//     print_bool(c)                         callq qn_print_bool(c)
//     a = alloc_array(n, 0, 0x2)            callq qn_array(n, $0, $2) => a
//     check 0 <= i < n                      cmpq n, i
//                                           jae qn_index_out_of_bounds
//     *(a + 24 + 8 * i) = x                 movq x, 24(a,i,8)
//     inc a                                 addq $1, (a)
//     s = "hi"                              leaq .Lstr0(%rip), s
//     if x > 0 goto main.block1             cmpq $0, x
//       else main.block2                    jg main.block1
//                                           jmp main.block2
//   main.block1:  return x                main.block1:  return x

import type * as In from "../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../ir-defs/generated/Lx86select.js";
import { unreachable } from "../../il/node.js";
import { Lalloc } from "../../ir-defs/lalloc.js";
import { Lx86select } from "../../ir-defs/x86_64/lx86calls.js";
import { atomOperand as atom, fromSource } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { argument, functionCall, functionTailCall, heapCall, primitive, receive, type Routines } from "../shared/runtime-calls.js";
import { pass } from "../../il/pass.js";
import { checkIndex, increment, loadWord, storeWord } from "./memory.js";
import { imm, load, movq, reg, sameArg, StringTable, type Selection } from "./instructions.js";

const [rcx, al, cl] = [reg("rcx"), reg("al"), reg("cl")];

const conditionCode: Readonly<Record<In.Branch["op"], Out.JmpIf["cc"]>> = { "==": "e", "!=": "ne", "<": "l", "<=": "le", ">": "g", ">=": "ge" };
const arithmetic = { "+": "Addq", "-": "Subq", "*": "Imulq", "&": "Andq", "|": "Orq", "^": "Xorq" } as const;
const commutative: ReadonlySet<string> = new Set(["+", "*", "&", "|", "^"]);

type Cx = Selection & Routines<Out.Arg, Out.Instr>;

/** `movq src, dst`, or nothing when src already is dst. */
const move = (src: Out.Arg, dst: Out.Arg): Out.Instr[] => (sameArg(src, dst) ? [] : [movq(src, dst)]);

/** n * 3, n * 5 and n * 9 as one leaq (n,n,2|4|8), which takes a cycle where imulq takes three. */
function timesScale(n: Out.Arg, by: Out.Arg): ((dst: Out.Arg) => Out.Instr) | null {
  if (by.kind !== "Imm" || n.kind === "Imm" || ![3n, 5n, 9n].includes(by.value)) return null;
  return (dst) => ({ kind: "LeaScaled", base: n, index: n, scale: by.value - 1n, dst });
}

function binary(e: In.Binary, dst: Out.Arg | null): Out.Instr[] {
  const [left, right] = [atom(e.left), atom(e.right)];
  if (e.op === "/" || e.op === "%") return [{ kind: "Divide", op: e.op === "/" ? "div" : "rem", left, right, dst }]; // (even unused: it may panic)
  if (dst === null) return []; // no effect to keep
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
      const scaled = e.op === "*" ? timesScale(left, right) ?? timesScale(right, left) : null;
      if (scaled) return [scaled(dst)];
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

/** The instructions that compute `e` into `dst`, or only its effects when dst is null. */
function expression(e: In.CExpr, dst: Out.Arg | null, cx: Cx): Out.Instr[] {
  switch (e.kind) {
    case "Binary": return binary(e, dst);
    case "Unary": {
      if (dst === null) return [];
      const op: Out.Instr = e.op === "-" ? { kind: "Negq", dst } : e.op === "~" ? { kind: "Notq", dst } : { kind: "Xorq", src: imm(1n), dst };
      return [...move(atom(e.arg), dst), op];
    }
    case "Prim": return primitive(e, dst, cx);
    case "Call": return [functionCall(e.callee, e.args, dst, cx.strings)];
    case "Load": return loadWord(e, dst, cx);
    case "Alloc": case "AllocArray": return heapCall(e, dst, cx);
    case "Receive": return [receive(e, dst, { kind: "Var", name: e.found }, cx)];
    default: return dst ? load(e, dst, cx) : [];
  }
}

function statement(s: In.CStmt, cx: Cx): Out.Instr[] {
  switch (s.kind) {
    case "Assign": return expression(s.value, { kind: "Var", name: s.name }, cx);
    case "Do": return expression(s.expr, null, cx);
    case "Store": return storeWord(s, cx);
    case "CheckIndex": return checkIndex(s);
    case "Inc": return increment(s);
    case "Release": return heapCall(s, null, cx);
    default: return unreachable(s);
  }
}

function tail(t: In.Tail, cx: Cx): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "Jmp", target: t.target }];
    case "Branch":
      return [{ kind: "Cmpq", right: atom(t.right), left: atom(t.left) }, { kind: "JmpIf", cc: conditionCode[t.op], target: t.then }, { kind: "Jmp", target: t.else }];
    case "Return": return [{ kind: "Return", value: argument(t.value, cx.strings) }];
    case "TailCall": return [functionTailCall(t.callee, t.args, cx.strings)];
    default: return unreachable(t);
  }
}

export const selectInstructions = pass<In.Program, Out.Program>({
  name: "select-instructions",
  from: Lalloc,
  to: Lx86select,
  purpose: "x86-64 instructions for each statement: movq with addresses for the heap, cmpq and jumps; / and % and calls each still one pseudo-instruction",
  run(program) {
    const strings = new StringTable();
    const namer = freshNamer(Lalloc, program);
    const cx: Cx = { strings, fresh: (hint) => ({ kind: "Var", name: namer(hint) }), zero: (dst) => movq(imm(0n), dst) };
    const blocks = program.defs.flatMap((def) =>
      def.blocks.map((b, index): Out.Block => {
        const params: Out.Instr[] = index === 0 && def.params.length > 0 ? [{ kind: "Params", params: def.params.map((name) => ({ kind: "Var", name })) }] : [];
        const body = b.stmts.flatMap((s) => fromSource(statement(s, cx), s.loc));
        return { kind: "Block", label: b.label, instrs: [...params, ...body, ...fromSource(tail(b.tail, cx), b.tail.loc)] };
      }),
    );
    return { kind: "Program", blocks, data: strings.data() };
  },
});
