// fuse-multiply-add: La64var -> La64var; an optimisation (--opt 1), AArch64 only
//
// Purpose: a product that is only added to something (or taken from it)
// becomes one instruction: `mul t, a, b` then `add d, c, t` is `madd d, a, b, c`
// (d = c + a * b), and `sub d, c, t` is `msub d, a, b, c` (d = c - a * b).
// Instruction selection gives each operator of the source its own instruction,
// so a sum of products (matrix's `s += a[i * n + k] * b[k * n + j]`, loops'
// `x = x * 6364136223846793005 + 1442695040888963407`) takes two where the
// machine has one. x86-64 has no such instruction: this pass is AArch64's.
//
// What it proves first, in each function: the mul writes a variable t that the
// function reads once only, at an add (t one operand, the other not t) or as
// the right operand of a sub, later in the same block; no instruction between
// them writes t, a or b (a call writes every caller-saved register). Then the
// add reads the product the mul made, the product is needed nowhere else, and
// a and b still hold what the mul read: madd computes the same value, wrapping
// as mul and add do, and neither sets the flags.
//
// Before (La64var):                   After (La64var):
//   main.block8:                        main.block8:
//     ldr t.5, [a.1, #24]                 ldr t.5, [a.1, #24]
//     ldr t.6, [b.2, #24]                 ldr t.6, [b.2, #24]
//     mul t.7, t.5, t.6                   madd s.3, t.5, t.6, s.3
//     add s.3, s.3, t.7

import type * as A64 from "../../ir-defs/generated/La64var.js";
import { La64var } from "../../ir-defs/aarch64/la64var.js";
import { machine } from "../../ir-defs/aarch64/machine.js";
import { blocksByFunction } from "../../ir-defs/functions.js";
import type { AnyNode } from "../../il/node.js";
import { pass } from "../../il/pass.js";

const uses = (i: A64.Instr) => machine.uses(i as unknown as AnyNode);
const isVar = (a: A64.Arg, name: string): boolean => a.kind === "Var" && a.name === name;

/** The addend of `instr` when it adds the variable t to it or takes t from it, and which: else null. */
function accumulates(instr: A64.Instr, t: string): { from: A64.Arg; kind: "Madd" | "Msub" } | null {
  if (instr.kind === "Add" && isVar(instr.left, t) !== isVar(instr.right, t)) return { from: isVar(instr.left, t) ? instr.right : instr.left, kind: "Madd" };
  if (instr.kind === "Sub" && isVar(instr.right, t) && !isVar(instr.left, t)) return { from: instr.left, kind: "Msub" };
  return null;
}

/** One function's blocks, each product that only one add or sub reads fused into it. */
function fuse(blocks: readonly A64.Block[]): A64.Block[] {
  const reads = new Map<string, number>();
  for (const b of blocks) for (const i of b.instrs) for (const r of uses(i).reads) reads.set(r, (reads.get(r) ?? 0) + 1);
  return blocks.map((b) => {
    const instrs = [...b.instrs];
    for (let p = instrs.length - 1; p >= 0; p--) {
      const mul = instrs[p]!;
      if (mul.kind !== "Mul" || mul.dst.kind !== "Var" || reads.get(mul.dst.name) !== 1) continue;
      const [t, operands] = [mul.dst.name, uses(mul).reads];
      for (let q = p + 1; q < instrs.length; q++) {
        const instr = instrs[q]!;
        const sum = accumulates(instr, t);
        if (sum !== null && (sum.from.kind === "Var" || sum.from.kind === "Reg")) {
          instrs[q] = { kind: sum.kind, dst: (instr as A64.Add).dst, left: mul.left, right: mul.right, from: sum.from, loc: instr.loc };
          instrs.splice(p, 1); // the instructions after p, already seen, move down one
          break;
        }
        const { reads: read, writes } = uses(instr);
        if (read.includes(t) || writes.some((w) => w === t || operands.includes(w))) break;
      }
    }
    return instrs.length === b.instrs.length ? b : { ...b, instrs };
  });
}

export const fuseMultiplyAdd = pass({
  name: "fuse-multiply-add",
  from: La64var,
  to: La64var,
  purpose: "a product only added to a value (or taken from it) and the add become one madd (or msub)",
  run(program: A64.Program): A64.Program {
    return { ...program, blocks: blocksByFunction(program.blocks).flatMap((f) => fuse(f.blocks)) };
  },
});
