// hoist-invariants: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a computation whose operands a loop never changes runs once, before
// the loop, not on every turn. matrix's inner loop computes `i * 500` for each
// k; an array's length loaded for a check that could not be dropped is the
// same on every turn while the array variable is not assigned in the loop.
//
// A loop is found (passes/shared/loops.ts) from its way back: an edge b -> h where h dominates b (every
// path from the function's start to b goes through h); its blocks are h and
// those that reach b without going through h (blocks never reached are in no
// loop: what they read may be set nowhere). Its preheader is the one block
// outside it that leads into h, when that block ends in `goto h`; a loop
// without one is left alone. Inner loops go first, so what leaves an inner
// loop may leave the outer one too.
//
// What it proves first, per statement `x = e` of the loop that moves to the
// end of the preheader:
// - e computes and cannot panic or change anything: an operator but / and %
//   (which panic on 0), or `*(a + 16)`, the length of an array variable a (the
//   base of an element access: that word never changes, and a holds an array
//   from before the loop, since the loop reads it and does not assign it), or,
//   in a loop that writes no memory (no store, call, primitive or receive: no
//   other code runs either), a field `*(p + k)` of an object p, a reference
//   variable that is never a union's immediate (a record's `acc.scale`);
// - each operand is a literal or a variable no statement of the loop assigns
//   (one moved out no longer counts), so e has the same value on every turn;
// - x is assigned by this statement alone in the whole function and is not a
//   parameter: every read of x comes after this assignment (a `let` inside the
//   loop), and now sees the same value, computed earlier.
// Before the loop, e may run where the loop would not have run it (no turn, a
// branch not taken): it changes nothing and cannot panic. A value moved out of
// the loop a second time (the same text) is not: the variable of the first
// holds it, and its own variable's reads read that one (one variable live
// across the loop, not thousands for an array's thousands of checks); a loop
// around takes such a read for one of the holder, which it may assign.
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
import { pass } from "../il/pass.js";
import { rewriter } from "../il/rewrite.js";
import { arraysOf, isLength } from "./shared/index-checks.js";
import { loops } from "./shared/loops.js";

/** A value's text, locs aside: two values of the same text compute the same (in the same loop, of operands it does not change). */
const textOf = (e: C.CExpr): string => JSON.stringify(e, (key, v) => (key === "loc" ? undefined : typeof v === "bigint" ? `${v}n` : v));

function hoist(def: C.Def): C.Def {
  const arrays = arraysOf(def);
  const objects = new Set(def.refs.filter((r) => !def.unions.includes(r))); // each always an object's address
  const assigned = new Map<string, number>();
  for (const b of def.blocks) for (const s of b.stmts) if (s.kind === "Assign") assigned.set(s.name, (assigned.get(s.name) ?? 0) + 1);
  const blocks = new Map(def.blocks.map((b) => [b.label, b]));
  const renamed = new Map<string, string>(); // a variable whose value was moved already, and the variable that holds it
  const holder = (name: string): string => (renamed.has(name) ? holder(renamed.get(name)!) : name);
  for (const { body, entries } of loops(def.blocks)) {
    const pre = entries.length === 1 && blocks.get(entries[0]!)!.tail.kind === "Goto" ? blocks.get(entries[0]!)! : null;
    if (!pre) continue;
    const changed = new Set<string>(); // what the loop assigns
    for (const l of body) for (const s of blocks.get(l)!.stmts) if (s.kind === "Assign") changed.add(s.name);
    // (A variable renamed is read as its holder: an outer loop may assign the holder.)
    const invariant = (a: C.Atom) => a.kind !== "Var" || !changed.has(holder(a.name));
    const readsOnly = [...body].every((l) => blocks.get(l)!.stmts.every((s) => s.kind === "CheckIndex" || (s.kind === "Assign" && !["Call", "Prim", "Receive"].includes(s.value.kind))));
    const field = (e: C.CExpr) => readsOnly && e.kind === "Load" && e.index === null && e.base.kind === "Var" && objects.has(e.base.name);
    const movable = (s: C.CStmt): s is C.Assign =>
      s.kind === "Assign" && assigned.get(s.name) === 1 && !def.params.includes(s.name) &&
      ((s.value.kind === "Binary" && s.value.op !== "/" && s.value.op !== "%" && invariant(s.value.left) && invariant(s.value.right)) ||
        (s.value.kind === "Unary" && invariant(s.value.arg)) ||
        ((isLength(s.value, arrays) || field(s.value)) && invariant((s.value as C.Load).base)));
    const moved: C.Assign[] = [];
    const first = new Map<string, string>(); // each value moved, by its text, and the variable it went to
    for (let more = true; more; ) {
      more = false;
      for (const l of body) {
        const b = blocks.get(l)!;
        const go = b.stmts.filter(movable);
        if (go.length === 0) continue;
        for (const s of go) {
          changed.delete(s.name);
          // The same Int value moved already: its variable is read instead (one variable live across the loop, not one per copy).
          const went = s.value.kind === "Load" && !isLength(s.value, arrays) ? undefined : first.get(textOf(s.value));
          if (went !== undefined) renamed.set(s.name, went);
          else [moved.push(s), first.set(textOf(s.value), s.name)];
        }
        blocks.set(l, { ...b, stmts: b.stmts.filter((s) => !go.includes(s as C.Assign)) });
        more = true;
      }
    }
    const into = blocks.get(pre.label)!;
    if (moved.length > 0) blocks.set(pre.label, { ...into, stmts: [...into.stmts, ...moved] });
  }
  const hoisted = { ...def, blocks: def.blocks.map((b) => blocks.get(b.label)!) };
  if (renamed.size === 0) return hoisted;
  return rewriter<C.Node, undefined>(Lcfg, { Var: (v) => (renamed.has(v.name) ? { ...v, name: holder(v.name) } : v) })(hoisted, undefined) as C.Def;
}

export const hoistInvariants = pass({
  name: "hoist-invariants",
  from: Lcfg,
  to: Lcfg,
  purpose: "a computation whose operands a loop does not change (arithmetic, an array's length, a field in a loop that writes nothing) moves before the loop",
  run: (program: C.Program): C.Program => ({ ...program, defs: program.defs.map(hoist) }),
});
