// hoist-invariants: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a computation whose operands a loop never changes runs once, before
// the loop, not on every turn. matrix's inner loop computes `i * 500` for each
// k; an array's length loaded for a check that could not be dropped is the
// same on every turn while the array variable is not assigned in the loop.
//
// A loop is found from its way back: an edge b -> h where h dominates b (every
// path from the function's start to b goes through h); its blocks are h and
// those that reach b without going through h. Its preheader is the one block
// outside it that leads into h, when that block ends in `goto h`; a loop
// without one is left alone. Inner loops go first, so what leaves an inner
// loop may leave the outer one too.
//
// What it proves first, per statement `x = e` of the loop that moves to the
// end of the preheader:
// - e computes and cannot panic or change anything: an operator but / and %
//   (which panic on 0), or `*(a + 16)`, the length of an array variable a (the
//   base of an element access: that word never changes, and a holds an array
//   from before the loop, since the loop reads it and does not assign it);
// - each operand is a literal or a variable no statement of the loop assigns
//   (one moved out no longer counts), so e has the same value on every turn;
// - x is assigned by this statement alone in the whole function and is not a
//   parameter: every read of x comes after this assignment (a `let` inside the
//   loop), and now sees the same value, computed earlier.
// Before the loop, e may run where the loop would not have run it (no turn, a
// branch not taken): it changes nothing and cannot panic.
//
// Before:                                  After:
//   main.block10:                            main.block10:
//     s.9 = 0                                  s.9 = 0
//     k.10.next = 0                            k.10.next = 0
//     goto main.block8                         tmp.35 = (i.7 * 500)
//   main.block9:                               goto main.block8
//     k.10 = k.10.next                       main.block9:
//     k.10.next = (k.10.next + 1)              k.10 = k.10.next
//     tmp.35 = (i.7 * 500)                     k.10.next = (k.10.next + 1)
//     ...                                      ...

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { reversePostorder, successors } from "../ir-defs/reference-uses.js";
import { pass } from "../il/pass.js";
import { arraysOf, isLength } from "./shared/index-checks.js";

type Tail = Parameters<typeof successors>[0];
const next = (b: C.BasicBlock): string[] => successors(b.tail as unknown as Tail);

/** Each block's predecessors. */
function predecessors(def: C.Def): Map<string, string[]> {
  const preds = new Map<string, string[]>();
  for (const b of def.blocks) for (const s of next(b)) preds.set(s, [...(preds.get(s) ?? []), b.label]);
  return preds;
}

/** Each reached block's immediate dominator (Cooper, Harvey and Kennedy's iteration over reverse postorder), and each block's place in that order. */
function dominators(def: C.Def, preds: Map<string, string[]>): { idom: Map<string, string>; index: Map<string, number> } {
  // Reverse postorder puts the blocks not reached last: those (no dominator) have no predecessor reached before them.
  const order = reversePostorder(def.blocks as unknown as Parameters<typeof reversePostorder>[0]).map((b) => b.label);
  const index = new Map(order.map((l, i) => [l, i]));
  const idom = new Map([[order[0]!, order[0]!]]);
  const meet = (a: string, b: string) => {
    while (a !== b) {
      while (index.get(a)! > index.get(b)!) a = idom.get(a)!;
      while (index.get(b)! > index.get(a)!) b = idom.get(b)!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of order.slice(1)) {
      const done = (preds.get(b) ?? []).filter((p) => idom.has(p));
      const d = done.slice(1).reduce(meet, done[0]!);
      if (d === undefined || idom.get(b) === d) continue;
      idom.set(b, d);
      changed = true;
    }
  }
  return { idom, index };
}

/** The function's loops, innermost (fewest blocks) first: each header, its blocks and the blocks outside that lead into it. */
function loops(def: C.Def): { header: string; body: Set<string>; entries: string[] }[] {
  const preds = predecessors(def);
  const { idom, index } = dominators(def, preds);
  const dominates = (h: string, b: string): boolean => {
    let at = b;
    while (at !== h && idom.get(at) !== at) at = idom.get(at)!;
    return at === h;
  };
  const found = new Map<string, Set<string>>();
  for (const b of def.blocks) {
    for (const h of next(b)) {
      // A way back goes to a block no later in reverse postorder (only those are asked: the walk up is long from far).
      if (!idom.has(b.label) || index.get(h)! > index.get(b.label)! || !dominates(h, b.label)) continue;
      const body = found.get(h) ?? new Set([h]);
      for (const stack = [b.label]; stack.length > 0; ) {
        const at = stack.pop()!;
        if (body.has(at)) continue;
        body.add(at);
        stack.push(...(preds.get(at) ?? []));
      }
      found.set(h, body);
    }
  }
  const entries = (header: string, body: Set<string>) => (preds.get(header) ?? []).filter((p) => !body.has(p));
  return [...found].map(([header, body]) => ({ header, body, entries: entries(header, body) })).sort((a, b) => a.body.size - b.body.size);
}

function hoist(def: C.Def): C.Def {
  const arrays = arraysOf(def);
  const assigned = new Map<string, number>();
  for (const b of def.blocks) for (const s of b.stmts) if (s.kind === "Assign") assigned.set(s.name, (assigned.get(s.name) ?? 0) + 1);
  const blocks = new Map(def.blocks.map((b) => [b.label, b]));
  for (const { body, entries } of loops(def)) {
    const pre = entries.length === 1 && blocks.get(entries[0]!)!.tail.kind === "Goto" ? blocks.get(entries[0]!)! : null;
    if (!pre) continue;
    const changed = new Set<string>(); // what the loop assigns
    for (const l of body) for (const s of blocks.get(l)!.stmts) if (s.kind === "Assign") changed.add(s.name);
    const invariant = (a: C.Atom) => a.kind !== "Var" || !changed.has(a.name);
    const movable = (s: C.CStmt): s is C.Assign =>
      s.kind === "Assign" && assigned.get(s.name) === 1 && !def.params.includes(s.name) &&
      ((s.value.kind === "Binary" && s.value.op !== "/" && s.value.op !== "%" && invariant(s.value.left) && invariant(s.value.right)) ||
        (s.value.kind === "Unary" && invariant(s.value.arg)) ||
        (isLength(s.value, arrays) && invariant(s.value.base)));
    const moved: C.Assign[] = [];
    for (let more = true; more; ) {
      more = false;
      for (const l of body) {
        const b = blocks.get(l)!;
        const go = b.stmts.filter(movable);
        if (go.length === 0) continue;
        go.forEach((s) => [changed.delete(s.name), moved.push(s)]);
        blocks.set(l, { ...b, stmts: b.stmts.filter((s) => !go.includes(s as C.Assign)) });
        more = true;
      }
    }
    const into = blocks.get(pre.label)!;
    if (moved.length > 0) blocks.set(pre.label, { ...into, stmts: [...into.stmts, ...moved] });
  }
  return { ...def, blocks: def.blocks.map((b) => blocks.get(b.label)!) };
}

export const hoistInvariants = pass({
  name: "hoist-invariants",
  from: Lcfg,
  to: Lcfg,
  purpose: "a computation whose operands a loop does not change (arithmetic, an array's length) moves before the loop",
  run: (program: C.Program): C.Program => ({ ...program, defs: program.defs.map(hoist) }),
});
