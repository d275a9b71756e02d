// drop-dead-code: Lalloc -> Lalloc, for both targets; an optimisation (--opt 1)
//
// Purpose: an assignment whose value nothing will need goes. step-pointers
// leaves such assignments behind in loops (the index a pointer replaced, the
// copy of the counter it was computed from, a running product only that index
// read), and each would still cost an instruction on every turn.
//
// What it proves first: which variables are needed at each point, by a
// backward dataflow to the least fixed point. A statement that does anything
// besides assigning (a store, a call, a check, a count, a receive, an
// allocation) and every block's ending need what they read. A pure
// assignment `x = e` (e a literal, a variable, a unary or binary operation
// other than / and %, which may panic, or a load, which reads memory and
// changes nothing) needs what e reads only when x is needed after it. Starting
// from nothing needed, a counter that only its own step reads (`p = p + 500`
// in a loop that reads p nowhere else) is never needed, where liveness, which
// counts the step's own read, would keep it. A pure assignment to a variable
// that is not needed right after it is dropped: no statement that does
// anything, and no ending, reads what it computed, directly or through others.
//
// Before (Lalloc):                        After (Lalloc):
//   main.block8:                            main.block8:
//     k.10 = k.10.next                        k.10.next = (k.10.next + 1)
//     k.10.next = (k.10.next + 1)             pointer.66 = (pointer.66 + 8)
//     pointer.66 = (pointer.66 + 8)           tmp.37 = *(pointer.66 + 24): Int
//     index.18 = (tmp.35 + k.10)              pointer.67 = (pointer.67 + 4000)
//     tmp.37 = *(pointer.66 + 24): Int        tmp.40 = *(pointer.67 + 24): Int
//     tmp.38 = product.49                     ...
//     product.49 = (product.49 + 500)
//     pointer.67 = (pointer.67 + 4000)
//     index.19 = (tmp.38 + j.8)
//     tmp.40 = *(pointer.67 + 24): Int

import type * as A from "../ir-defs/generated/Lalloc.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { reversePostorder, successors } from "../ir-defs/reference-uses.js";
import { forEachNode } from "../il/rewrite.js";
import { pass } from "../il/pass.js";

const pureKinds: ReadonlySet<string> = new Set(["Int", "Bool", "Unit", "Str", "Var", "StaticClosure", "FunRef", "Unary", "Load"]);
const isPure = (e: A.CExpr): boolean => pureKinds.has(e.kind) || (e.kind === "Binary" && e.op !== "/" && e.op !== "%");

const reads = new WeakMap<object, string[]>(); // each node's, found once: the dataflow asks again on every sweep

/** The variables a statement, an expression or an ending reads (an inc or a release reads the one it names). */
function readsOf(node: A.CStmt | A.CExpr | A.Tail): string[] {
  let names = reads.get(node);
  if (names) return names;
  reads.set(node, (names = []));
  forEachNode(Lalloc, node, (n) => void ((n.kind === "Var" || n.kind === "Inc" || n.kind === "Release") && names!.push(n.name as string)));
  return names;
}

/** What `s` does to the set of variables needed after it, making the set needed before it (in place). */
function transfer(s: A.CStmt, needed: Set<string>): void {
  if (s.kind === "Assign" && isPure(s.value)) {
    if (!needed.delete(s.name)) return; // not needed: it needs nothing
  } else if (s.kind === "Assign") {
    needed.delete(s.name);
    if (s.value.kind === "Receive") needed.delete(s.value.found);
  }
  for (const name of readsOf(s.kind === "Assign" ? s.value : s)) needed.add(name);
}

function dropDeadIn(def: A.Def): A.Def {
  const neededAtStart = new Map<string, Set<string>>(def.blocks.map((b) => [b.label, new Set()]));
  const neededAtEnd = (b: A.BasicBlock) => new Set([...readsOf(b.tail), ...successors(b.tail).flatMap((l) => [...neededAtStart.get(l)!])]);
  const order = reversePostorder(def.blocks).reverse(); // a backward flow: each block after those it leads to
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of order) {
      const needed = neededAtEnd(b);
      for (let i = b.stmts.length - 1; i >= 0; i--) transfer(b.stmts[i]!, needed);
      if (needed.size === neededAtStart.get(b.label)!.size) continue; // the sets only grow
      neededAtStart.set(b.label, needed);
      changed = true;
    }
  }
  let dropped = false;
  const blocks = def.blocks.map((b) => {
    const needed = neededAtEnd(b);
    const kept: A.CStmt[] = [];
    for (let i = b.stmts.length - 1; i >= 0; i--) {
      const s = b.stmts[i]!;
      if (s.kind === "Assign" && isPure(s.value) && !needed.has(s.name)) dropped = true;
      else kept.push(s);
      transfer(s, needed);
    }
    return kept.length === b.stmts.length ? b : { ...b, stmts: kept.reverse() };
  });
  return dropped ? { ...def, blocks } : def;
}

export const dropDeadCode = pass({
  name: "drop-dead-code",
  from: Lalloc,
  to: Lalloc,
  purpose: "an assignment of a value that nothing needs (no store, call, check or ending, directly or through others) is dropped",
  run(program: A.Program): A.Program {
    return { ...program, defs: program.defs.map(dropDeadIn) };
  },
});
