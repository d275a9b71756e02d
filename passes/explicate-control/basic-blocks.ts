// Helpers of explicate-control: code built backwards, and the blocks of the
// finished control-flow graph put in reading order.
//
// Ordering: blocks are listed in depth-first order from the entry (a branch's
// then-side first) and renamed `main.block1`, `main.block2`, ... in that order;
// blocks that nothing reaches (code after a break, exit or panic) are left out.
// The walk uses an explicit stack, not recursion.

import type * as Cfg from "../../ir-defs/generated/Lcfg.js";

/** Code being built backwards: statements (last first) in front of a tail. */
export interface Code {
  readonly reversed: Cfg.CStmt[];
  readonly tail: Cfg.Tail;
}

export const code = (tail: Cfg.Tail): Code => ({ reversed: [], tail });

/** Puts `stmt` in front of `c` (which is used up: the result replaces it). */
export const prepend = (stmt: Cfg.CStmt, c: Code): Code => (c.reversed.push(stmt), c);

/** The finished block: its statements in running order. */
export const basicBlock = (label: string, c: Code): Cfg.BasicBlock => ({ kind: "BasicBlock", label, stmts: c.reversed.reverse(), tail: c.tail });

const successors = (tail: Cfg.Tail): string[] => {
  switch (tail.kind) {
    case "Goto": return [tail.target];
    case "Branch": return [tail.then, tail.else];
    case "Return": case "TailCall": return [];
    default: {
      const never: never = tail;
      throw new Error(`unknown tail ${(never as { kind: string }).kind}`);
    }
  }
};

export function orderBlocks(entry: string, blocks: ReadonlyMap<string, Cfg.BasicBlock>, prefix: string): Cfg.BasicBlock[] {
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
  const names = new Map(order.map((label, i) => [label, i === 0 ? entry : `${prefix}${i}`] as const));
  const rename = (label: string) => names.get(label)!;
  return order.map((label) => {
    const block = blocks.get(label)!;
    const tail = block.tail;
    const renamed: Cfg.Tail =
      tail.kind === "Goto" ? { ...tail, target: rename(tail.target) }
      : tail.kind === "Branch" ? { ...tail, then: rename(tail.then), else: rename(tail.else) }
      : tail;
    return { ...block, label: rename(label), tail: renamed };
  });
}
