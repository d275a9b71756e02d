// uncover-live-references: Lfun -> Lfunlive
//
// Purpose: find, for each block, which of its function's reference variables
// (`refs`) are live when it starts: read later on some path before they are
// assigned again. A statement reads what it consumes or borrows
// (ir-defs/reference-uses.ts); a block's live set is what its statements
// read, walking backwards from what its successors need, less what they
// assign. Loops make that a fixed point: blocks are revisited, from a work
// list, until no set grows. insert-refcounts drops a reference where its
// variable stops being live.
//
// Before (Lfun):                         After (Lfunlive):
//   main.start:                            main.start:
//     s.1 = "ab"                             s.1 = "ab"
//     goto main.block1                       goto main.block1
//   main.block1:                           main.block1: # live: s.1
//     if i.2 < 3 goto main.block2 ...        if i.2 < 3 goto main.block2 ...
//   main.block2:                           main.block2: # live: s.1
//     print_string(s.1)                      print_string(s.1)
//     goto main.block1                       goto main.block1

import type * as In from "../ir-defs/generated/Lfun.js";
import type * as Out from "../ir-defs/generated/Lfunlive.js";
import { Lfun } from "../ir-defs/lfun.js";
import { Lfunlive } from "../ir-defs/lfunlive.js";
import { pass } from "../il/pass.js";
import { readsOf, reversePostorder, successors } from "../ir-defs/reference-uses.js";

/** The variables of `refs` live at the start of each block: a fixed point over the graph. */
function liveIn(blocks: readonly In.BasicBlock[], refs: ReadonlySet<string>): Map<string, Set<string>> {
  const transfer = (b: In.BasicBlock, out: ReadonlySet<string>): Set<string> => {
    const live = new Set(out);
    readsOf(b.tail, refs).forEach((v) => live.add(v));
    for (let i = b.stmts.length - 1; i >= 0; i--) {
      const s = b.stmts[i]!;
      if (s.kind === "Assign") live.delete(s.name);
      readsOf(s, refs).forEach((v) => live.add(v));
    }
    return live;
  };
  const live = new Map(blocks.map((b) => [b.label, new Set<string>()] as const));
  const byLabel = new Map(blocks.map((b) => [b.label, b] as const));
  const predecessors = new Map(blocks.map((b) => [b.label, [] as string[]] as const));
  for (const b of blocks) for (const s of successors(b.tail)) predecessors.get(s)!.push(b.label);
  const work = reversePostorder(blocks).map((b) => b.label); // the last first: liveness flows backwards
  const queued = new Set(work); // what `work` holds, to ask in constant time
  while (work.length > 0) {
    const label = work.pop()!;
    queued.delete(label);
    const b = byLabel.get(label)!;
    const out = new Set(successors(b.tail).flatMap((s) => [...live.get(s)!]));
    const next = transfer(b, out);
    if (next.size !== live.get(label)!.size) {
      live.set(label, next);
      for (const p of predecessors.get(label)!) if (!queued.has(p)) (queued.add(p), work.push(p));
    }
  }
  return live;
}

export const uncoverLiveReferences = pass({
  name: "uncover-live-references",
  from: Lfun,
  to: Lfunlive,
  purpose: "the reference variables live at the start of each block, by dataflow to a fixed point",
  run(program: In.Program): Out.Program {
    const defs = program.defs.map((def): Out.Def => {
      if (def.refs.length === 0) return { ...def, blocks: def.blocks.map((b) => ({ ...b, live: [] })) }; // (no reference: nothing to walk)
      const live = liveIn(def.blocks, new Set(def.refs));
      return { ...def, blocks: def.blocks.map((b) => ({ ...b, live: [...live.get(b.label)!].sort() })) };
    });
    return { ...program, defs };
  },
});
