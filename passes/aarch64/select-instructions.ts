// select-instructions: Lalloc -> La64select
//
// Purpose: turn each statement and tail of the control-flow graph into AArch64
// instructions, still over variables: comparisons cmp and cset or b.<cond> (an
// index check one unsigned cmp), a function reference or a string literal (the
// address of a static string object) adrp and add. Bools are 0/1 and Unit is 0;
// `!b` is `eor b, #1`; shifts use lsl/asr, which take the count modulo 64 as
// Quastra wants. Some things stay one pseudo-instruction each, for a pass of
// their own: `/` and `%` (lower-division), the heap's loads, stores and inc
// (lower-memory), and calls, with the parameters a function takes and the
// value it returns (lower-calls): the primitives, allocation and `release` are
// calls of the runtime's routines (passes/shared/runtime-calls.ts).
//
// Before (Lalloc):                        After (La64select):
//   main.start:                             main.start:
//     y = (x + 1)                             add y, x, #1
//     c = (y < 10)                            cmp y, #10
//                                             cset c, lt
//     q = (y / 3)                             div y, #3 => q
//     z = call &f(y, &g)                      call fn.f(y, =fn.g) => z
//     a = alloc_array(n, 0, 0x2)              call qn_array(n, #0, #2) => a
//     check 0 <= i < n                        cmp i, n
//                                             b.hs qn_index_out_of_bounds
//     *(a + 24 + 8 * i) = z                   str z, [a + 24 + 8 * i]
//     inc a                                   inc [a]
//     s = "hi"                                adrp s, .Lstr0
//                                             add s, s, :lo12:.Lstr0
//     if y >= 3 goto main.block1 else ...     cmp y, #3
//                                             b.ge main.block1
//                                             b main.block2

import type * as In from "../../ir-defs/generated/Lalloc.js";
import type * as Out from "../../ir-defs/generated/La64select.js";
import { unreachable } from "../../il/node.js";
import { La64select } from "../../ir-defs/aarch64/la64calls.js";
import { Lalloc } from "../../ir-defs/lalloc.js";
import { indexOutOfBounds } from "../../ir-defs/runtime-routines.js";
import { atomOperand as atom, fromSource } from "../shared/both-targets.js";
import { freshNamer } from "../shared/fresh-names.js";
import { argument, functionCall, functionTailCall, heapCall, primitive, receive, type Routines } from "../shared/runtime-calls.js";
import { pass } from "../../il/pass.js";
import { imm, load, mov, StringTable, type Selection } from "./instructions.js";

type Cx = Selection & Routines<Out.Arg, Out.Instr>;

const conditions = { "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const;
const commutative: ReadonlySet<string> = new Set(["+", "*", "&", "|", "^"]);
const operations = { "+": "Add", "-": "Sub", "*": "Mul", "&": "And", "|": "Orr", "^": "Eor", "<<": "Lsl", ">>": "Asr" } as const;

/** The instructions that compute e into dst; dst null: only e's effects are wanted. */
function expression(e: In.CExpr, dst: Out.Arg | null, cx: Cx): Out.Instr[] {
  switch (e.kind) {
    case "Int": case "Bool": case "Unit": case "Var": case "Str": case "FunRef": case "StaticClosure":
      return dst ? load(e, dst, cx) : [];
    case "Binary": {
      const [left, right] = [atom(e.left), atom(e.right)];
      if (e.op === "/" || e.op === "%") return [{ kind: "Divide", op: e.op === "/" ? "div" : "rem", left, right, dst }]; // (even unused: it may panic)
      if (!dst) return [];
      if (e.op in conditions) return [{ kind: "Cmp", left, right }, { kind: "Cset", dst, cond: conditions[e.op as keyof typeof conditions] }];
      // An immediate goes on the right, the only side that takes one: `1 & x` is `and dst, x, #1`.
      const swap = commutative.has(e.op) && left.kind === "Imm" && right.kind !== "Imm";
      return [{ kind: operations[e.op as keyof typeof operations], dst, left: swap ? right : left, right: swap ? left : right }];
    }
    case "Unary": {
      if (!dst) return [];
      const src = atom(e.arg);
      if (e.op === "-") return [{ kind: "Neg", dst, src }];
      if (e.op === "~") return [{ kind: "Mvn", dst, src }];
      return [{ kind: "Eor", dst, left: src, right: imm(1n) }];
    }
    case "Prim": return primitive(e, dst, cx);
    case "Call": return [functionCall(e.callee, e.args, dst, cx.strings)];
    case "Load": return dst ? [{ kind: e.size === 1n ? "LoadHeapByte" : "LoadHeap", dst, base: argument(e.base, cx.strings), offset: e.offset, index: e.index && argument(e.index, cx.strings) }] : [];
    case "Alloc": case "AllocArray": return heapCall(e, dst, cx);
    case "Receive": return [receive(e, dst, { kind: "Var", name: e.found }, cx)];
    default: return unreachable(e);
  }
}

/**
 * `check 0 <= index < length`: one unsigned comparison, so a negative index
 * (a huge unsigned one) fails too, and a branch to the runtime's panic:
 * `cmp index, length; b.hs qn_index_out_of_bounds`. A constant index is
 * compared the other way round (`cmp length, #k; b.ls`), two constants not at all.
 */
function checkIndex(s: In.CheckIndex): Out.Instr[] {
  const [index, length] = [atom(s.index), atom(s.length)];
  const fail: Out.Instr = { kind: "B", target: indexOutOfBounds };
  if (index.kind === "Imm" && index.value < 0n) return [fail];
  if (index.kind === "Imm" && length.kind === "Imm") return index.value < length.value ? [] : [fail];
  if (index.kind === "Imm") return [{ kind: "Cmp", left: length, right: index }, { kind: "BCond", cond: "ls", target: indexOutOfBounds }];
  return [{ kind: "Cmp", left: index, right: length }, { kind: "BCond", cond: "hs", target: indexOutOfBounds }];
}

function statement(s: In.CStmt, cx: Cx): Out.Instr[] {
  switch (s.kind) {
    case "Assign": return expression(s.value, { kind: "Var", name: s.name }, cx);
    case "Do": return expression(s.expr, null, cx);
    case "Store": return [{ kind: s.size === 1n ? "StoreHeapByte" : "StoreHeap", src: argument(s.value, cx.strings), base: argument(s.base, cx.strings), offset: s.offset, index: s.index && argument(s.index, cx.strings) }];
    case "CheckIndex": return checkIndex(s);
    case "Inc": return [{ kind: "IncHeap", base: { kind: "Var", name: s.name } }];
    case "Release": return heapCall(s, null, cx);
    default: return unreachable(s);
  }
}

function tail(t: In.Tail, cx: Cx): Out.Instr[] {
  switch (t.kind) {
    case "Goto": return [{ kind: "B", target: t.target }];
    case "Branch": return [{ kind: "Cmp", left: atom(t.left), right: atom(t.right) }, { kind: "BCond", cond: conditions[t.op], target: t.then }, { kind: "B", target: t.else }];
    case "Return": return [{ kind: "Return", value: argument(t.value, cx.strings) }];
    case "TailCall": return [functionTailCall(t.callee, t.args, cx.strings)];
    default: return unreachable(t);
  }
}

export const selectInstructions = pass({
  name: "select-instructions",
  from: Lalloc,
  to: La64select,
  purpose: "each statement and tail becomes AArch64 instructions over variables: ldr and str for the heap, cmp and branches; / and % and calls each still one pseudo-instruction",
  run(program: In.Program): Out.Program {
    const strings = new StringTable();
    const namer = freshNamer(Lalloc, program);
    const cx: Cx = { strings, fresh: (hint) => ({ kind: "Var", name: namer(hint) }), zero: (dst) => mov(dst, imm(0n)) };
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
