// skip-known-tests: Lguarded -> Lguarded
//
// A union's value is a pointer (low bit 0) or an immediate (low bit 1,
// ir-defs/heap-layout.ts), and its code tests that bit again and again: in each
// constructor test of a decision tree, and in each guard of an inc or dec
// (guard-immediate-counts). Often the answer is known where the test runs: in
// the arm of `Num(n)` s is a pointer, so the guard of `dec s` passes; once s
// failed the tag test of `Num`, the next pointer test repeats the first one.
//
// Facts: the variables whose low bit is known at the start of each block, to
// a fixed point. A branch on `t == 0`, where the block set `t = (1 & x)`,
// tells x's bit on each way; `x == k` (an Int k) on the equal way; `x = 5` and
// `x = y` set or copy it; any other write of x forgets it. A fact holds at a
// block when it holds on every way in. A branch whose way is known becomes a
// goto; a way into a block that only tests a known bit (`t = (1 & x)`, read by
// its branch alone) or only jumps goes straight where that block would lead.
// Blocks no longer reached and `t = (1 & x)` no longer read are dropped; again
// until nothing changes.
//
// Before:                                        After:
//   f.start:                                       f.start:
//     if s.1 == 1 goto f.block1 else f.block2        if s.1 == 1 goto f.after1 else f.block2
//   f.block1:                                      f.after1:  return 0
//     low.5 = (1 & s.1)
//     if low.5 == 0 goto f.count1 else f.after1
//   f.count1:  { dec s.1; goto f.after1 }          f.block2: ...
//   f.after1:  return 0

import type * as G from "../ir-defs/generated/Lguarded.js";
import { Lguarded } from "../ir-defs/lguarded.js";
import { pass } from "../il/pass.js";
import { countReads } from "../il/rewrite.js";
import { reversePostorder } from "../ir-defs/reference-uses.js";

type Bits = ReadonlyMap<string, bigint>; // the variables whose low bit is known, and that bit
type Way = [to: string, bits: Bits];

/** x, when `e` is `(1 & x)` or `(x & 1)`. */
const masked = (e: G.CExpr): string | null =>
  e.kind !== "Binary" || e.op !== "&" ? null
  : e.left.kind === "Int" && e.left.value === 1n && e.right.kind === "Var" ? e.right.name
  : e.right.kind === "Int" && e.right.value === 1n && e.left.kind === "Var" ? e.left.name : null;

/** The x whose low bit `t` holds at the end of the block: its last write of t is `t = (1 & x)`, and x is not written after it. */
function lowBitOf(block: G.BasicBlock, t: string): string | null {
  let x: string | null = null;
  for (const s of block.stmts) if (s.kind === "Assign") x = s.name === t ? masked(s.value) : s.name === x ? null : x;
  return x;
}

/** The variable the block's branch compares with an Int, and the Int. */
function compared(t: G.Tail): [string, bigint] | null {
  if (t.kind !== "Branch" || (t.op !== "==" && t.op !== "!=")) return null;
  if (t.left.kind === "Var" && t.right.kind === "Int") return [t.left.name, t.right.value];
  return t.right.kind === "Var" && t.left.kind === "Int" ? [t.right.name, t.left.value] : null;
}

/** What the block's branch says of a low bit: x's on the then way and on the else way (null: nothing). */
function branchFact(block: G.BasicBlock): { x: string; then: bigint | null; else: bigint | null } | null {
  const [v, k] = compared(block.tail) ?? [null, 0n];
  const x = v === null ? null : lowBitOf(block, v);
  if (v === null || (x !== null && k !== 0n && k !== 1n)) return null;
  const [eq, ne] = x !== null ? [k, 1n - k] : [k & 1n, null]; // `t == k` tells both ways, `x == k` the equal one
  return (block.tail as G.Branch).op === "==" ? { x: x ?? v, then: eq, else: ne } : { x: x ?? v, then: ne, else: eq };
}

/** The facts at the end of the block's statements. */
function through(block: G.BasicBlock, entry: Bits): Map<string, bigint> {
  const bits = new Map(entry);
  for (const s of block.stmts.filter((s): s is G.Assign => s.kind === "Assign")) {
    const known = s.value.kind === "Int" ? s.value.value & 1n : s.value.kind === "Var" ? bits.get(s.value.name) : undefined;
    if (known === undefined) bits.delete(s.name);
    else bits.set(s.name, known);
  }
  return bits;
}

/** The ways out of a block that may be taken, each with the facts on it; one way when the branch's is known. */
function ways(block: G.BasicBlock, entry: Bits): Way[] {
  const [after, t, f] = [through(block, entry), block.tail, branchFact(block)];
  if (t.kind !== "Branch") return t.kind === "Goto" ? [[t.target, after]] : [];
  const bit = f ? after.get(f.x) : undefined;
  if (f && bit !== undefined && f.then !== null && f.then !== bit) return [[t.else, after]];
  if (f && bit !== undefined && f.else !== null && f.else !== bit) return [[t.then, after]];
  const on = (b: bigint | null): Bits => (b === null || !f ? after : new Map(after).set(f.x, b));
  return [[t.then, on(f?.then ?? null)], [t.else, on(f?.else ?? null)]];
}

/** The facts at the start of each block reached (in reverse postorder, one sweep meets every way into a join). */
function factsOf(blocks: ReadonlyMap<string, G.BasicBlock>, entry: string): Map<string, Bits> {
  const facts = new Map<string, Bits>([[entry, new Map()]]);
  for (let changed = true, order = reversePostorder([...blocks.values()]); changed; ) {
    changed = false;
    for (const b of order) for (const [to, bits] of facts.has(b.label) ? ways(b, facts.get(b.label)!) : []) {
      const old = facts.get(to);
      const met = old ? new Map([...old].filter(([x, bit]) => bits.get(x) === bit)) : bits;
      if (!old || met.size < old.size) [changed] = [true, facts.set(to, met)];
    }
  }
  return facts;
}

function skip(def: G.Def): G.Def {
  const [blocks, reads] = [new Map(def.blocks.map((b) => [b.label, b] as const)), new Map<string, number>()];
  const recount = () => {
    reads.clear();
    for (const b of blocks.values()) countReads(Lguarded, b, reads);
  };
  /** Whether a block only computes the low bit its own branch reads (or nothing), then branches or jumps. */
  const onlyTests = (b: G.BasicBlock) => b.stmts.every((s) => s.kind === "Assign" && masked(s.value) !== null && reads.get(s.name) === 1 && compared(b.tail)?.[0] === s.name);
  /** Where a way ends up: past every block that only tests what its facts know. */
  const follow = (from: string, [to, bits]: Way): string => {
    for (const seen = new Set([from]); !seen.has(to) && onlyTests(blocks.get(to)!); seen.add(to)) {
      const next = ways(blocks.get(to)!, bits);
      if (next.length !== 1) break;
      [[to, bits]] = next as [Way];
    }
    return to;
  };
  for (let changed = true; changed; ) {
    changed = false;
    recount();
    const facts = factsOf(blocks, def.blocks[0]!.label);
    for (const b of [...blocks.values()]) {
      if (!facts.has(b.label) && blocks.delete(b.label)) continue; // reached no more
      const [t, w] = [b.tail, ways(b, facts.get(b.label)!).map((way) => follow(b.label, way))];
      const tail: G.Tail =
        t.kind === "Goto" ? { ...t, target: w[0]! }
        : t.kind !== "Branch" ? t
        : w.length === 1 ? { kind: "Goto", target: w[0]!, loc: t.loc }
        : { ...t, then: w[0]!, else: w[1]! };
      const same = tail.kind === t.kind && (t.kind === "Goto" ? t.target === w[0] : t.kind !== "Branch" || (t.then === w[0] && t.else === w[1]));
      if (!same) [changed] = [true, blocks.set(b.label, { ...b, tail })];
    }
    recount();
    for (const b of blocks.values()) {
      const stmts = b.stmts.filter((s) => s.kind !== "Assign" || masked(s.value) === null || reads.has(s.name));
      if (stmts.length < b.stmts.length) blocks.set(b.label, { ...b, stmts });
    }
  }
  return { ...def, blocks: [...blocks.values()] };
}

export const skipKnownTests = pass({
  name: "skip-known-tests",
  from: Lguarded,
  to: Lguarded,
  purpose: "a test of a union value's low bit (pointer or immediate) whose answer is known on every way to it is skipped",
  run: (program: G.Program): G.Program => ({ ...program, defs: program.defs.map(skip) }),
});
