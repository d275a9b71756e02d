// step-pointers: Lalloc -> Lalloc, for both targets; an optimisation (--opt 1)
//
// Purpose: an array word that a loop reads or writes at an index moving with
// its counter, `a[i * n + k]` in matrix's inner loop, is reached through a
// pointer that steps with the counter: `*(pointer + 24)`, not `*(a + 24 + 8 *
// index)`. The processor reaches a register and offset a cycle sooner than a
// scaled index, and the index is no longer needed (drop-dead-code removes it).
//
// What it proves first, in a loop with one block leading into it (its entry):
// - the counter v is an induction variable: the loop assigns it once, by
//   `v = v + c` (c a literal), and the entry assigns it (as in reduce-strength);
// - where the access reads its index x, x = v + k + t: x was computed earlier
//   in the block (or the header) from v or a copy, adding literals (k) and at
//   most one variable t the loop does not assign; each step of v in between
//   takes c off k. The loop does not assign the array; only such accesses read x.
// Then p (one per array, counter and t) is set at the end of the entry to a +
// 8 * (v + t + m), m the least k of its accesses, and steps by 8 * c right after
// v: p = a + 8 * (v + t + m) all through the loop (modulo 2^64, as Int and
// addresses wrap), so an access at k reads *(p + 24 + 8 * (k - m)), the same
// word. The array stays alive: its counts were placed before (insert-refcounts).
//
// Before (Lalloc):                          After (Lalloc):
//   main.block7:                              main.block7:
//     k.10.next = 0                             k.10.next = 0
//     if k.10.next < 500 goto main.block8       pointer.66 = (k.10.next + tmp.35)
//       else main.block9                        pointer.66 = (pointer.66 + -1)
//   main.block8:                                pointer.66 = (pointer.66 * 8)
//     k.10 = k.10.next                          pointer.66 = (a.2 + pointer.66)
//     k.10.next = (k.10.next + 1)               if k.10.next < 500 goto main.block8 ...
//     index.18 = (tmp.35 + k.10)              main.block8:
//     tmp.37 = *(a.2 + 24 + 8 * index.18)       k.10 = k.10.next
//                                               k.10.next = (k.10.next + 1)
//                                               pointer.66 = (pointer.66 + 8)
//   (index.18 is read no more)                  index.18 = (tmp.35 + k.10)
//                                               tmp.37 = *(pointer.66 + 24): Int

import type * as A from "../ir-defs/generated/Lalloc.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { wrap } from "../ir-defs/semantics.js";
import { countReads } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { assignmentsOf, countersOf, loops } from "./shared/loops.js";

/** An index where an access reads it: the counter's value then, plus k, plus t (a variable the loop does not assign). */
type Form = { readonly counter: string; readonly k: bigint; readonly t: string | null };
type Found = { readonly stmt: A.Assign | A.Store; readonly access: A.Load | A.Store; readonly x: string; readonly key: string; readonly form: Form };

const variable = (name: string): A.Var => ({ kind: "Var", name });
const assign = (name: string, left: A.Atom, op: "+" | "*", right: A.Atom): A.Assign => ({ kind: "Assign", name, value: { kind: "Binary", op, left, right } });
const int = (value: bigint): A.Int => ({ kind: "Int", value });

/** The word accesses of the loop's blocks whose index moves with a counter, with its form where they read it. */
function accesses(blocks: Map<string, A.BasicBlock>, header: string, body: Set<string>, counters: Map<string, { stmt: A.Assign; step: bigint }>, assigned: Map<string, A.Assign[]>): Found[] {
  const found: Found[] = [];
  const invariant = (name: string) => !assigned.has(name);
  let leaving = new Map<string, Form>(); // the header's forms at its end that hold all through the turn
  for (const l of [header, ...[...body].filter((b) => b !== header)]) {
    const forms = new Map(leaving); // each variable assigned earlier in this block (or the header), as a form
    const formOf = (a: A.Atom): Form | null => (a.kind !== "Var" ? null : counters.has(a.name) ? { counter: a.name, k: 0n, t: null } : (forms.get(a.name) ?? null));
    const formOfValue = (e: A.CExpr): Form | null => {
      if (e.kind === "Var") return formOf(e);
      if (e.kind !== "Binary" || (e.op !== "+" && e.op !== "-")) return null;
      const sides: [Form | null, A.Atom][] = [[formOf(e.left), e.right], [e.op === "+" ? formOf(e.right) : null, e.left]];
      for (const [f, other] of sides.filter(([f]) => f !== null) as [Form, A.Atom][]) {
        if (other.kind === "Int") return { ...f, k: wrap(e.op === "+" ? f.k + other.value : f.k - other.value) };
        if (e.op === "+" && other.kind === "Var" && f.t === null && invariant(other.name)) return { ...f, t: other.name };
      }
      return null;
    };
    for (const s of blocks.get(l)!.stmts) {
      const access = s.kind === "Store" ? s : s.kind === "Assign" && s.value.kind === "Load" ? s.value : null;
      const form = access?.size === 8n && access.index?.kind === "Var" ? formOf(access.index) : null;
      if (access && form && access.base.kind === "Var" && invariant(access.base.name)) {
        const key = `${access.base.name} ${form.counter} ${form.t}`;
        found.push({ stmt: s as A.Assign | A.Store, access, x: (access.index as A.Var).name, key, form });
      }
      if (s.kind !== "Assign") continue;
      const counter = counters.get(s.name);
      if (counter?.stmt === s) {
        for (const [name, f] of forms) if (f.counter === s.name) forms.set(name, { ...f, k: wrap(f.k - counter.step) });
        continue;
      }
      const f = formOfValue(s.value);
      void (f ? forms.set(s.name, f) : forms.delete(s.name));
      if (s.value.kind === "Receive") forms.delete(s.value.found); // assigned too
    }
    // Every other block of the loop comes after the header in the same turn: a variable the loop assigns
    // only there keeps its form, when its counter steps only there too (so no step comes in between).
    const here = l === header ? new Set(blocks.get(header)!.stmts) : null;
    if (here) leaving = new Map([...forms].filter(([name, f]) => assigned.get(name)?.length === 1 && here.has(counters.get(f.counter)!.stmt)));
  }
  return found;
}

function stepPointersIn(def: A.Def, fresh: (hint: string) => string): A.Def {
  const blocks = new Map(def.blocks.map((b) => [b.label, b]));
  let changed = false;
  const reads = new Map<string, number>(); // each variable's reads, counted when first needed (changing accesses only takes some away)
  for (const { header, body, entries } of loops(def.blocks)) {
    if (entries.length !== 1) continue;
    const entry = blocks.get(entries[0]!)!;
    const assigned = assignmentsOf([...body].flatMap((l) => blocks.get(l)!.stmts)) as Map<string, A.Assign[]>;
    const counters = countersOf(assigned, entry.stmts);
    const found = accesses(blocks, header, body, counters, assigned);
    if (found.length === 0) continue;
    if (reads.size === 0) countReads(Lalloc, def, reads);
    const only = found.filter((f) => found.filter((g) => g.x === f.x).length === reads.get(f.x));
    if (only.length === 0) continue;
    const pointers = new Map<string, { name: string; least: bigint }>();
    for (const f of only) {
      const p = pointers.get(f.key);
      pointers.set(f.key, { name: p?.name ?? fresh("pointer"), least: p && p.least < f.form.k ? p.least : f.form.k });
    }
    const replaced = new Map<A.CStmt, A.CStmt[]>();
    for (const f of only) {
      const p = pointers.get(f.key)!;
      const access = { ...f.access, base: variable(p.name), offset: wrap(f.access.offset + 8n * (f.form.k - p.least)), size: null, index: null };
      replaced.set(f.stmt, [f.stmt.kind === "Store" ? (access as A.Store) : { ...f.stmt, value: access as A.Load }]);
      changed = true;
    }
    const setup: A.Assign[] = [];
    for (const [key, p] of pointers) {
      const f = only.find((g) => g.key === key)!;
      const { counter, t } = f.form;
      const step = counters.get(counter)!;
      setup.push(assign(p.name, variable(counter), "+", t === null ? int(p.least) : variable(t)));
      if (t !== null && p.least !== 0n) setup.push(assign(p.name, variable(p.name), "+", int(p.least)));
      setup.push(assign(p.name, variable(p.name), "*", int(8n)), assign(p.name, f.access.base, "+", variable(p.name)));
      replaced.set(step.stmt, [...(replaced.get(step.stmt) ?? [step.stmt]), assign(p.name, variable(p.name), "+", int(wrap(8n * step.step)))]);
    }
    for (const l of body) {
      const b = blocks.get(l)!;
      blocks.set(l, { ...b, stmts: b.stmts.flatMap((s) => replaced.get(s) ?? [s]) });
    }
    blocks.set(entry.label, { ...blocks.get(entry.label)!, stmts: [...blocks.get(entry.label)!.stmts, ...setup] });
  }
  return changed ? { ...def, blocks: def.blocks.map((b) => blocks.get(b.label)!) } : def;
}

export const stepPointers = pass({
  name: "step-pointers",
  from: Lalloc,
  to: Lalloc,
  purpose: "an array element a loop reaches at its counter plus a fixed index is read through a pointer stepped with the counter",
  run(program: A.Program): A.Program {
    const fresh = freshNamer(Lalloc, program);
    return { ...program, defs: program.defs.map((d) => stepPointersIn(d, fresh)) };
  },
});
