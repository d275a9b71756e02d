// insert-refcounts: Lborrowed -> Lrc
//
// Makes every change of a reference count explicit (spec/heap.md). The rule:
// each variable in a function's `refs` owns one reference to its object from
// where it gets its value to where it dies (its last use: each block says what
// is live at its start, uncover-live-references). So
//
// - a use that consumes the reference (copying it to a variable, passing it
//   as an argument, storing it in a field or element, returning it) moves it
//   when the variable dies there, and otherwise copies it: `inc x` first;
// - a variable that dies after a use that only borrows it is dropped: `dec x`
//   just after (one that is never used, just after it gets its value);
// - a variable that dies on the way from one block to another is dropped on
//   that edge: at the start of the next block, or in a new block on the edge;
// - a reference read from a field or element is one more reference: `inc x`
//   (before anything is dropped); a string literal is one too (name-string-literals);
// - a store drops the reference it overwrites (in `unions`: maybe an immediate).
//
// Parameters are owned by the callee (a borrowed one is not in `refs`), results
// by the caller. No inc is followed by a dec of the same variable on straight-
// line code: a dying variable is moved, never copied and then dropped.
//
// Before:                               After:
//   main.start:                           main.start:
//     s.1 = "ab"                            s.1 = "ab"
//                                           inc s.1
//     t.2 = concat(s.1, s.1)                t.2 = concat(s.1, s.1)
//                                           dec s.1
//     b.3 = new(t.2) refs 1                 b.3 = new(t.2) refs 1
//     u.4 = *(b.3 + 16): Ref                u.4 = *(b.3 + 16): Ref
//                                           inc u.4
//                                           dec b.3
//     print_string(u.4)                     print_string(u.4)
//                                           dec u.4
//     return ()                             return ()

import type * as In from "../ir-defs/generated/Lborrowed.js";
import type * as Out from "../ir-defs/generated/Lrc.js";
import { Lborrowed } from "../ir-defs/lborrowed.js";
import { Lrc } from "../ir-defs/lrc.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";
import { predecessors, readsOf, successors, usesOf } from "../ir-defs/reference-uses.js";

const inc = (name: string): Out.Inc => ({ kind: "Inc", name });
const dec = (name: string): Out.Dec => ({ kind: "Dec", name });

/** One statement (or the tail) with its counts, given the variables live after it. */
function counted<S extends In.CStmt | In.Tail>(s: S, liveAfter: ReadonlySet<string>, refs: ReadonlySet<string>, fresh: (hint: string) => string) {
  const before: Out.CStmt[] = [];
  const after: Out.CStmt[] = [];
  const defined = s.kind === "Assign" && refs.has(s.name) ? s.name : null;
  const survives = (v: string) => liveAfter.has(v) && v !== defined; // the value the variable holds before s lives on
  const { consumed, borrowed } = usesOf(s, refs);
  consumed.forEach((v, i) => {
    if (survives(v) || borrowed.has(v) || consumed.indexOf(v, i + 1) >= 0) before.push(inc(v));
  });
  const dying = [...borrowed].filter((v) => !survives(v)); // (a variable both consumed and borrowed was copied above)
  let out: In.CStmt | In.Tail = s;
  if (s.kind === "Store" && s.value.kind === "Var" && refs.has(s.value.name)) {
    const old = fresh("old"); // maybe an immediate, though the value stored is not (None set to Some(x))
    before.push({ kind: "Assign", name: old, value: { kind: "Load", base: s.base, offset: s.offset, size: s.size, index: s.index, type: "Union" } });
    after.push(dec(old), ...dying.map(dec));
    return { before, stmt: out, after, fresh: [[old, null]] as [string, string | null][] };
  }
  if (defined !== null && s.kind === "Assign") {
    const owned = s.value.kind === "Load" || s.value.kind === "Str" || s.value.kind === "StaticClosure"; // borrowed from an object, or a static one: counted now
    const live = liveAfter.has(defined);
    if (dying.includes(defined)) {
      // `x = f(x)` with x borrowed: the old x is dropped after, so the new value goes to a new variable first.
      const temp = fresh(defined.replace(/\.\d+$/, ""));
      out = { ...s, name: temp };
      after.push(...(owned && live ? [inc(temp)] : []), ...dying.map(dec), { kind: "Assign", name: defined, value: { kind: "Var", name: temp } });
      if (!live && !owned) after.push(dec(defined));
      return { before, stmt: out, after, fresh: [[temp, defined]] as [string, string | null][] };
    }
    if (owned && live) after.push({ ...inc(defined), ...(s.loc ? { loc: s.loc } : {}) }); // on the line that reads it
    after.push(...dying.map(dec));
    if (!live && !owned) after.push(dec(defined));
    return { before, stmt: out, after, fresh: [] as [string, string | null][] };
  }
  after.push(...dying.map(dec));
  return { before, stmt: out, after, fresh: [] as [string, string | null][] };
}

function countFunction(def: In.Def, fresh: (hint: string) => string): Out.Def {
  const [refs, unions] = [new Set(def.refs), new Set(def.unions)];
  const live = new Map(def.blocks.map((b) => [b.label, new Set(b.live)] as const));
  const waysIn = predecessors(def.blocks);
  const start = def.blocks[0]!;
  if (waysIn.has(start.label)) throw new Error(`insert-refcounts: ${start.label} is jumped to`);
  const out = new Map<string, Out.BasicBlock>();
  const extra: Out.BasicBlock[] = [];
  const entering = new Map<string, string[]>(); // drops at the start of a block with one predecessor
  for (const b of def.blocks) {
    const after = new Set([...successors(b.tail).flatMap((s) => [...live.get(s)!]), ...(b.tail.kind === "Branch" ? readsOf(b.tail, refs) : [])]); // live at its end, and a branch's operands (a union's test)
    let tail: Out.Tail = b.tail;
    const ending: Out.CStmt[] = [];
    // Variables that die on an edge: dropped where the edge leads, on it, or at the end of this block.
    const edge = (target: string): string => {
      const drops = [...after].filter((v) => !live.get(target)!.has(v)).sort();
      if (drops.length === 0) return target;
      if (waysIn.get(target)?.length === 1) {
        entering.set(target, drops);
        return target;
      }
      if (successors(b.tail).length === 1) {
        ending.push(...drops.map(dec));
        return target;
      }
      const label = `${def.name}.drop${extra.length + 1}`;
      extra.push({ kind: "BasicBlock", label, stmts: drops.map(dec), tail: { kind: "Goto", target } });
      return label;
    };
    if (tail.kind === "Goto") tail = { ...tail, target: edge(tail.target) };
    if (tail.kind === "Branch") tail = { ...tail, then: edge(tail.then), else: edge(tail.else) };
    const t = counted(b.tail, new Set(), refs, fresh); // after a tail nothing is live
    const pieces: Out.CStmt[][] = [[...t.before, ...ending]]; // the block's statements, last first
    const liveNow = new Set([...after, ...readsOf(b.tail, refs)]);
    for (let i = b.stmts.length - 1; i >= 0; i--) {
      const s = b.stmts[i]!;
      const c = counted(s, liveNow, refs, fresh);
      c.fresh.forEach(([v, like]) => { refs.add(v); if (like === null || unions.has(like)) unions.add(v); }); // v holds what `like` holds (null: maybe an immediate)
      pieces.push([...c.before, c.stmt as Out.CStmt, ...c.after]);
      if (s.kind === "Assign") liveNow.delete(s.name); // (counted is done with the set)
      readsOf(s, refs).forEach((v) => liveNow.add(v));
    }
    out.set(b.label, { kind: "BasicBlock", label: b.label, stmts: pieces.reverse().flat(), tail, ...(b.loc ? { loc: b.loc } : {}) });
  }
  // What died on the way into a block with one predecessor is dropped at its start; parameters never used, at once.
  entering.set(start.label, def.params.filter((p) => refs.has(p) && !live.get(start.label)!.has(p)));
  for (const [label, drops] of entering) {
    const target = out.get(label)!;
    out.set(label, { ...target, stmts: [...drops.map(dec), ...target.stmts] });
  }
  return { ...def, refs: [...refs].sort(), unions: [...unions].sort(), blocks: [...def.blocks.map((b) => out.get(b.label)!), ...extra] };
}

export const insertRefcounts = pass({
  name: "insert-refcounts",
  from: Lborrowed,
  to: Lrc,
  purpose: "make reference counting explicit: inc where a reference is copied, dec where one dies",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lborrowed, program);
    return { ...program, defs: program.defs.map((d) => countFunction(d, fresh)) };
  },
});
