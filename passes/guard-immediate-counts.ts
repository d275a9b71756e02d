// guard-immediate-counts: Lrc -> Lguarded
//
// A union's value is a reference, or an immediate (a constructor without
// fields: an odd word, ir-defs/heap-layout.ts) that has no count. `inc x` and
// `dec x` change the count at x's address, inline on both targets (dec by way
// of expand-decrements), so where x is one of its function's `unions` they run
// only when x's low bit is 0: the block is split there, a branch on `1 & x` to
// a block of its own that counts, and both ways go on in the rest of the
// block. The new blocks are `F.countN` and `F.afterN` (spec/symbols.md), put
// right after the block they come from.
//
// Before:                           After:
//   f.start:                          f.start:
//     inc xs.3                          low.7 = (1 & xs.3)
//     y.4 = call &g(xs.3)               if low.7 == 0 goto f.count1 else f.after1
//     return y.4                      f.count1:
//                                       inc xs.3
//                                       goto f.after1
//                                     f.after1:
//                                       y.4 = call &g(xs.3)
//                                       return y.4

import type * as In from "../ir-defs/generated/Lrc.js";
import type * as Out from "../ir-defs/generated/Lguarded.js";
import { Lguarded } from "../ir-defs/lguarded.js";
import { Lrc } from "../ir-defs/lrc.js";
import { pass } from "../il/pass.js";
import { cutBlock } from "./shared/cut-blocks.js";
import { freshNamer } from "./shared/fresh-names.js";

export const guardImmediateCounts = pass({
  name: "guard-immediate-counts",
  from: Lrc,
  to: Lguarded,
  purpose: "put each inc and dec of a variable that may hold a union's immediate behind a test of its low bit",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lrc, program);
    const defs = program.defs.map(({ unions, borrows: _, ...def }): Out.Def => {
      const guarded = new Set(unions);
      /** Whether a statement is an inc or dec that needs the guard. */
      const counted = (s: In.BasicBlock["stmts"][number]) => (s.kind === "Inc" || s.kind === "Dec") && guarded.has(s.name);
      let n = 0;
      /** The block cut at each guarded inc and dec. */
      const split = (block: In.BasicBlock): Out.BasicBlock[] => {
        const all = block.stmts;
        return cutBlock(block, counted, (label, from, at) => {
          const [x, low, k] = [(all[at] as In.Inc | In.Dec).name, fresh("low"), ++n];
          const [count, after] = [`${def.name}.count${k}`, `${def.name}.after${k}`];
          const loc = all[at]!.loc;
          const test: Out.CStmt = { kind: "Assign", name: low, value: { kind: "Binary", op: "&", left: { kind: "Int", value: 1n, loc }, right: { kind: "Var", name: x, loc }, loc }, loc };
          const blocks: Out.BasicBlock[] = [
            { ...block, label, stmts: [...all.slice(from, at), test], tail: { kind: "Branch", left: { kind: "Var", name: low, loc }, op: "==", right: { kind: "Int", value: 0n, loc }, then: count, else: after, loc } },
            { kind: "BasicBlock", label: count, stmts: [all[at]!], tail: { kind: "Goto", target: after, loc }, loc },
          ];
          return { blocks, rest: after };
        }, (label, stmts) => ({ ...block, label, stmts }));
      };
      return { ...def, blocks: def.blocks.flatMap(split) };
    });
    return { ...program, defs };
  },
});
