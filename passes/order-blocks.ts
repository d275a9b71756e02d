// order-blocks: Ltail -> Ltail
//
// Purpose: put each function's blocks in reading order. explicate-control
// builds code backwards, so its blocks come out in the order they were made;
// here they are listed depth-first from the entry (a branch's then-side first)
// and renamed `main.block1`, `main.block2`, ... in that order. Blocks that
// nothing reaches (code after a break, a return, exit or panic, or the return
// that a tail call left behind) are left out. The walk uses an explicit stack,
// not recursion.
//
// Before:                                After:
//   main.start:                            main.start:
//     i.1 = 0                                i.1 = 0
//     goto main.block2                       goto main.block1
//   main.block1:  return ()                main.block1:  if i.1 < 3 goto main.block2 else main.block3
//   main.block3:                           main.block2:
//     print_int(i.1)                         print_int(i.1)
//     i.1 = (i.1 + 1)                        i.1 = (i.1 + 1)
//     goto main.block2                       goto main.block1
//   main.block2:  if i.1 < 3 goto          main.block3:  return ()
//     main.block3 else main.block1

import type * as Tail from "../ir-defs/generated/Ltail.js";
import { Ltail } from "../ir-defs/ltail.js";
import { pass } from "../il/pass.js";
import { unreachable } from "../il/node.js";

const successors = (tail: Tail.Tail): string[] => {
  switch (tail.kind) {
    case "Goto": return [tail.target];
    case "Branch": return [tail.then, tail.else];
    case "Return": case "TailCall": return [];
    default: return unreachable(tail);
  }
};

function ordered(def: Tail.Def): Tail.Def {
  const blocks = new Map(def.blocks.map((b) => [b.label, b] as const));
  const entry = def.blocks[0]!.label;
  const order: string[] = [];
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const label = stack.pop()!;
    if (seen.has(label)) continue;
    seen.add(label);
    order.push(label);
    const block = blocks.get(label);
    if (!block) throw new Error(`no block is labelled ${label}`);
    for (const next of successors(block.tail).reverse()) if (!seen.has(next)) stack.push(next);
  }
  const names = new Map(order.map((label, i) => [label, i === 0 ? entry : `${def.name}.block${i}`] as const));
  const rename = (label: string) => names.get(label)!;
  const blocksInOrder = order.map((label): Tail.BasicBlock => {
    const block = blocks.get(label)!;
    const tail = block.tail;
    const renamed: Tail.Tail =
      tail.kind === "Goto" ? { ...tail, target: rename(tail.target) }
      : tail.kind === "Branch" ? { ...tail, then: rename(tail.then), else: rename(tail.else) }
      : tail;
    return { ...block, label: rename(label), tail: renamed };
  });
  return { ...def, blocks: blocksInOrder };
}

export const orderBlocks = pass({
  name: "order-blocks",
  from: Ltail,
  to: Ltail,
  purpose: "list each function's blocks depth-first from its entry, renamed in that order; drop those nothing reaches",
  run: (program: Tail.Program): Tail.Program => ({ ...program, defs: program.defs.map(ordered) }),
});
