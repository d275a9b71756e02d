// reuse-loads: Lalloc -> Lalloc, for both targets; an optimisation (--opt 1)
//
// Purpose: a word read from memory that a variable still holds is not read
// again. compile-match tests a union's constructors one after another, each
// test in a block of its own that loads the tag again (eval's `match e`: Num,
// then Add, then Mul, each `*(e + 16)`); the load becomes a copy of the
// variable that holds the tag, which the register allocator makes no
// instruction at all.
//
// What it proves first, along each chain of blocks where a block has one way
// in (the block before it in the chain, which branches or jumps to it): a load
// `x = *(b + offset + size * i)` reads what an earlier load of the same place
// `h = *(b + offset + size * i)` in the chain read when, between the two, no
// statement wrote memory (a store, a call, a primitive or receive, an
// allocation, an inc or a release: any of them may write any word) and none
// assigned b, i or h. Then the word is the same, h holds it, and `x = h` gives
// x what the load would. A block with more than one way in, and a function's
// entry, start with nothing known.
//
// Before (Lalloc):                          After (Lalloc):
//   eval.block3:                              eval.block3:
//     tmp.142 = *(scrutinee.80 + 16): Int       tmp.142 = *(scrutinee.80 + 16): Int
//     if tmp.142 == 1 goto eval.block4          if tmp.142 == 1 goto eval.block4
//       else eval.block6                          else eval.block6
//   eval.block6:                              eval.block6:
//     tmp.144 = *(scrutinee.80 + 16): Int       tmp.144 = tmp.142
//     if tmp.144 == 2 goto ...                  if tmp.144 == 2 goto ...

import type * as A from "../ir-defs/generated/Lalloc.js";
import { Lalloc } from "../ir-defs/lalloc.js";
import { predecessors, reversePostorder } from "../ir-defs/reference-uses.js";
import { pass } from "../il/pass.js";

/** At most this many places are followed at once (each assignment looks through them all). */
const mostKnown = 32;

/** What is known at a point: for each place loaded (by its key), the variable that holds its word. */
type Known = Map<string, { holder: string; reads: readonly string[] }>;

/** The place a load reads, as a key, and the variables that name it; null when it is not one this pass follows. */
function placeOf(load: A.Load): { key: string; reads: string[] } | null {
  const atom = (a: A.Atom | null): string | null => (a === null ? "-" : a.kind === "Var" ? `v:${a.name}` : a.kind === "Int" ? `i:${a.value}` : null);
  const [base, index] = [atom(load.base), atom(load.index)];
  if (load.base.kind !== "Var" || base === null || index === null) return null;
  const reads = [load.base.name, ...(load.index?.kind === "Var" ? [load.index.name] : [])];
  return { key: `${base} ${load.offset} ${load.size ?? "-"} ${index} ${load.type}`, reads };
}

/** Forgets what names `name` (its holder, or a variable of its place). */
function forgetName(known: Known, name: string): void {
  for (const [key, k] of known) if (k.holder === name || k.reads.includes(name)) known.delete(key);
}

/** The statement `s` with what is known before it; `known` becomes what is known after it. */
function step(s: A.CStmt, known: Known): A.CStmt {
  if (s.kind !== "Assign") {
    if (s.kind !== "CheckIndex") known.clear(); // a store, a Do, an inc or a release may write any word
    return s;
  }
  const value = s.value;
  if (value.kind === "Load") {
    const place = placeOf(value);
    const held = place && known.get(place.key);
    forgetName(known, s.name);
    if (held && held.holder !== s.name) return { kind: "Assign", name: s.name, value: { kind: "Var", name: held.holder, loc: value.loc }, loc: s.loc };
    if (place && !place.reads.includes(s.name)) {
      if (known.size >= mostKnown) known.delete(known.keys().next().value!); // the oldest goes
      known.set(place.key, { holder: s.name, reads: place.reads });
    }
    return s;
  }
  if (value.kind === "Call" || value.kind === "Prim" || value.kind === "Receive" || value.kind === "Alloc" || value.kind === "AllocArray") known.clear();
  forgetName(known, s.name);
  if (value.kind === "Receive") forgetName(known, value.found);
  return s;
}

function reuseIn(def: A.Def): A.Def {
  const ways = predecessors(def.blocks); // each block's ways in, by the blocks they come from
  const atEnd = new Map<string, Known>();
  const rewritten = new Map<string, A.BasicBlock>();
  // Each block after the one it comes from (a block whose one way in is a loop's back edge is reached from nowhere else: left alone).
  for (const b of reversePostorder(def.blocks)) {
    const from = ways.get(b.label) ?? [];
    const before = from.length === 1 && b !== def.blocks[0] ? atEnd.get(from[0]!) : undefined;
    const known: Known = new Map(before);
    const stmts = b.stmts.map((s) => step(s, known));
    if (stmts.some((s, i) => s !== b.stmts[i])) rewritten.set(b.label, { ...b, stmts });
    atEnd.set(b.label, known);
  }
  return rewritten.size === 0 ? def : { ...def, blocks: def.blocks.map((b) => rewritten.get(b.label) ?? b) };
}

export const reuseLoads = pass({
  name: "reuse-loads",
  from: Lalloc,
  to: Lalloc,
  purpose: "a load of a word that a variable still holds (no write to memory, base or holder since) becomes a copy of that variable",
  run(program: A.Program): A.Program {
    return { ...program, defs: program.defs.map(reuseIn) };
  },
});
