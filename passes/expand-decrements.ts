// expand-decrements: Lguarded -> Lreleased
//
// `dec x` takes one from the count of x's object and frees the object when
// that was the last reference. Most decs leave a count above zero, and a call
// of the runtime for each (qn_release) costs more than the count itself, so
// the count is read and tested inline: when it is 1, x is the last reference
// and `release x` calls the runtime to free the object; otherwise the count,
// less one, is stored back in place, and no call is made. Since Lguarded, x is
// a reference (guard-immediate-counts put a union's dec behind its test), so
// the count is there to read, at countOffset (ir-defs/heap-layout.ts).
//
// The block is split at the dec: the test ends it, `F.keepN` (the count is
// stored) comes right after it, `F.releaseN` (the call, the rarer way when
// objects are shared) goes to the end of the function, out of the way, and
// both go on to `F.restN`, the rest of the block. A dec that ends a block
// which only goes on (`goto L`) needs no `F.restN`: both ways go to L.
//
// Before:                           After:
//   f.start:                          f.start:
//     dec p.3                           count.7 = *(p.3 + 0): Int
//     y.4 = call &g(q.5)                if count.7 == 1 goto f.release1 else f.keep1
//     return y.4                      f.keep1:
//                                       count.8 = (count.7 - 1)
//                                       *(p.3 + 0) = count.8
//                                       goto f.rest1
//                                     f.rest1:
//                                       y.4 = call &g(q.5)
//                                       return y.4
//                                     f.release1:
//                                       release p.3
//                                       goto f.rest1

import type * as In from "../ir-defs/generated/Lguarded.js";
import type * as Out from "../ir-defs/generated/Lreleased.js";
import { countOffset } from "../ir-defs/heap-layout.js";
import { Lguarded } from "../ir-defs/lguarded.js";
import { Lreleased } from "../ir-defs/lreleased.js";
import { pass } from "../il/pass.js";
import { cutBlock } from "./shared/cut-blocks.js";
import { freshNamer } from "./shared/fresh-names.js";

export const expandDecrements = pass({
  name: "expand-decrements",
  from: Lguarded,
  to: Lreleased,
  purpose: "write each dec out: the count read and tested inline, stored less one in place, the runtime's release only for the last reference",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lguarded, program);
    const defs = program.defs.map((def): Out.Def => {
      let n = 0;
      const releases: Out.BasicBlock[] = [];
      /** The block cut at each of its decs. */
      const split = (block: In.BasicBlock): Out.BasicBlock[] => {
        const all = block.stmts;
        /** Statements of `all` with no dec, as they are in the output. */
        const kept = (a: number, b?: number) => all.slice(a, b) as Out.CStmt[];
        return cutBlock(block, (s) => s.kind === "Dec", (label, from, at) => {
          // insert-refcounts' decs carry no source line: the code they become
          // belongs to the statement they come before.
          const { name } = all[at] as In.Dec;
          let located = at;
          while (located < all.length && !all[located]!.loc) located++;
          const loc = located < all.length ? all[located]!.loc : block.tail.loc;
          const [k, count, less] = [++n, fresh("count"), fresh("count")];
          const [keep, release, rest] = [`${def.name}.keep${k}`, `${def.name}.release${k}`, `${def.name}.rest${k}`];
          // Nothing left to do but go on: both ways go straight there.
          const next = at + 1 === all.length && block.tail.kind === "Goto" ? block.tail.target : rest;
          const x: Out.Var = { kind: "Var", name, loc };
          const word = { base: x, offset: BigInt(countOffset), size: null, index: null, loc };
          const read: Out.CStmt = { kind: "Assign", name: count, value: { kind: "Load", ...word, type: "Int" }, loc };
          const goOn: Out.Goto = { kind: "Goto", target: next, loc };
          releases.push({ kind: "BasicBlock", label: release, stmts: [{ kind: "Release", name, loc }], tail: goOn, loc });
          const stored: Out.CStmt[] = [
            { kind: "Assign", name: less, value: { kind: "Binary", op: "-", left: { kind: "Var", name: count, loc }, right: { kind: "Int", value: 1n, loc }, loc }, loc },
            { kind: "Store", ...word, value: { kind: "Var", name: less, loc }, loc },
          ];
          const blocks: Out.BasicBlock[] = [
            { ...block, label, stmts: [...kept(from, at), read], tail: { kind: "Branch", left: { kind: "Var", name: count, loc }, op: "==", right: { kind: "Int", value: 1n, loc }, then: release, else: keep, loc } },
            { kind: "BasicBlock", label: keep, stmts: stored, tail: goOn, loc },
          ];
          return { blocks, rest: next === rest ? rest : null };
        }, (label, stmts) => ({ ...block, label, stmts: stmts as Out.CStmt[] }));
      };
      const blocks = def.blocks.flatMap(split);
      return { ...def, blocks: [...blocks, ...releases] };
    });
    return { ...program, defs };
  },
});
