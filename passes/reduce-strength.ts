// reduce-strength: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: a loop's product of its counter by a literal, `k * 500`, becomes a
// running product: a variable set to `k * 500` before the loop and stepped by
// `500 * c` where the counter is stepped by c. A multiplication takes three
// cycles and one port of the processor; the add, one. matrix's inner loop
// reads b[k * n + j]: after this pass it multiplies once per turn, not twice.
//
// A loop is found as hoist-invariants finds it (passes/shared/loops.ts) and
// needs the same preheader: the one block outside it that leads into its
// header, ending in `goto` the header. What it proves first:
// - the counter v is an induction variable: the loop assigns it once, by
//   `v = v + c` (or `c + v`, `v - c`) with c a literal, and the preheader
//   assigns it, so it has a value at the preheader's end, where the running
//   product starts as `v * m`. Its step, `m * c` right after `v = v + c`,
//   wraps as Int arithmetic wraps: (v + c) * m = v * m + c * m, modulo 2^64.
//   So the running product is v * m at every statement of the loop;
// - a product `x * m` (or `m * x`), m a literal other than 0 and 1, names the
//   counter, or a copy of it, `x = v`, that the loop assigns once, earlier in
//   the same block (`for k in 0..n` reads k, a copy of its counter `k.next`).
//   A copy taken before the counter's step and read after it holds
//   (v - c) * m: then the running product steps after the last such read
//   instead, unless a read that wants v * m comes between (that read keeps
//   its multiplication). Where the step goes matters to the processor as much
//   as the multiplication: stepping right after the counter, with the copy
//   read through a copy of the running product, took matrix just as long.
//
// Before:                                  After:
//   main.block10:                            main.block10:
//     k.10.next = 0                            k.10.next = 0
//     goto main.block8                         product.49 = (k.10.next * 500)
//   main.block9:                               goto main.block8
//     k.10 = k.10.next                       main.block9:
//     k.10.next = (k.10.next + 1)              k.10 = k.10.next
//     ...                                      k.10.next = (k.10.next + 1)
//     tmp.38 = (k.10 * 500)                    ...
//     index.19 = (tmp.38 + j.8)                tmp.38 = product.49
//                                              product.49 = (product.49 + 500)
//                                              index.19 = (tmp.38 + j.8)

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { wrap } from "../ir-defs/semantics.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { assignmentsOf, countersOf, loops } from "./shared/loops.js";

const variable = (name: string): C.Var => ({ kind: "Var", name });
const assign = (name: string, value: C.CExpr): C.Assign => ({ kind: "Assign", name, value });

/** `x * m` or `m * x`, m an Int literal other than 0 and 1 (left to fold-constants): [x, m]. */
function productOf(e: C.CExpr): [string, bigint] | null {
  if (e.kind !== "Binary" || e.op !== "*") return null;
  const [x, m] = e.left.kind === "Var" ? [e.left, e.right] : [e.right, e.left];
  return x.kind === "Var" && m.kind === "Int" && m.value !== 0n && m.value !== 1n ? [x.name, m.value] : null;
}

/** A product `t = x * m` to be read from a running product of the counter v by m: `now` when x
 * is v there (the running product holds v * m), not when x is a copy of v taken before v's step
 * in the same block (it holds (v - c) * m until the running product's own step, moved after it). */
type Use = { readonly stmt: C.Assign; readonly counter: string; readonly factor: bigint; readonly now: boolean; readonly block: string; readonly at: number };

function reduce(def: C.Def, fresh: (hint: string) => string): C.Def {
  const blocks = new Map(def.blocks.map((b) => [b.label, b]));
  for (const { body, entries } of loops(def.blocks)) {
    const pre = entries.length === 1 && blocks.get(entries[0]!)!.tail.kind === "Goto" ? blocks.get(entries[0]!)! : null;
    if (!pre) continue;
    const where = new Map<C.CStmt, [string, number]>(); // each statement's block and place in it
    for (const l of body) blocks.get(l)!.stmts.forEach((s, i) => where.set(s, [l, i]));
    const assigned = assignmentsOf(where.keys()) as Map<string, C.Assign[]>; // what the loop assigns, by each assignment
    const once = (name: string): C.Assign | null => (assigned.get(name)?.length === 1 ? assigned.get(name)![0]! : null);
    const steps = countersOf(assigned, pre.stmts); // the induction variables, each with its step
    // Each product of a counter, or of a copy of one taken earlier in its block, by a literal.
    const uses = new Map<string, Use[]>(); // by `counter*factor`
    for (const [stmt, [block, at]] of where) {
      const product = stmt.kind === "Assign" ? productOf(stmt.value) : null;
      if (!product) continue;
      const [x, factor] = product;
      const copy = steps.has(x) ? null : once(x);
      const counter = copy ? (copy.value.kind === "Var" && steps.has(copy.value.name) ? copy.value.name : null) : steps.has(x) ? x : null;
      if (counter === null || (copy && (where.get(copy)![0] !== block || where.get(copy)![1] > at))) continue;
      const [stepBlock, stepAt] = where.get(once(counter)!)!;
      const now = !copy || stepBlock !== block || stepAt < where.get(copy)![1] || stepAt > at;
      const key = `${counter}*${factor}`;
      uses.set(key, [...(uses.get(key) ?? []), { stmt: stmt as C.Assign, counter, factor, now, block, at }]);
    }
    const replaced = new Map<C.CStmt, C.CStmt[]>();
    const starts: C.Assign[] = [];
    for (const list of uses.values()) {
      const { counter, factor } = list[0]!;
      const step = once(counter)!;
      const stepAt = where.get(step)![1];
      // The running product steps after the last use that wants it not stepped yet, unless a use
      // that wants it stepped comes between; those uses then keep their multiplication.
      const last = list.filter((u) => !u.now).reduce<Use | null>((a, u) => (a && a.at > u.at ? a : u), null);
      const blocked = last !== null && list.some((u) => u.now && u.block === last.block && u.at > stepAt && u.at < last.at);
      const kept = list.filter((u) => u.now || !blocked);
      const name = fresh("product");
      starts.push(assign(name, { kind: "Binary", op: "*", left: variable(counter), right: { kind: "Int", value: factor } }));
      for (const u of kept) replaced.set(u.stmt, [assign(u.stmt.name, variable(name))]);
      const stepped = assign(name, { kind: "Binary", op: "+", left: variable(name), right: { kind: "Int", value: wrap(factor * steps.get(counter)!.step) } });
      const after = last && !blocked ? last.stmt : step;
      replaced.set(after, [...(replaced.get(after) ?? [after]), stepped]);
    }
    for (const l of body) {
      const b = blocks.get(l)!;
      blocks.set(l, { ...b, stmts: b.stmts.flatMap((s) => replaced.get(s) ?? [s]) });
    }
    const into = blocks.get(pre.label)!;
    blocks.set(pre.label, { ...into, stmts: [...into.stmts, ...starts] });
  }
  return { ...def, blocks: def.blocks.map((b) => blocks.get(b.label)!) };
}

export const reduceStrength = pass({
  name: "reduce-strength",
  from: Lcfg,
  to: Lcfg,
  purpose: "a loop's product of its counter by a literal (k * 500) becomes a sum, started before the loop and stepped with the counter",
  run(program: C.Program): C.Program {
    const fresh = freshNamer(Lcfg, program);
    return { ...program, defs: program.defs.map((d) => reduce(d, fresh)) };
  },
});
