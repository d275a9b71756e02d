// What the passes that drop index checks share (drop-checks-in-range,
// drop-checks-below-length; hoist-invariants reads which variables are arrays
// and which loads are lengths): a forward analysis of one Lcfg function to a
// fixed point, for any domain of what is known at a point; which variables
// hold arrays and which terms are worth knowing; and the rewrite that drops
// the checks a domain proves, with the length loads only they read.
//
// A term is a variable, or `len a`: the length of the array variable a holds.
// An array variable is the base of an element access (a load or store with an
// index) somewhere in the function; its word at offset 16 is its length, which
// nothing changes (lower-data-layout stores elements at 24 + 8 * i only).
// Locals change only by assignment: a call cannot write its caller's variables.

import type * as C from "../../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../../ir-defs/lcfg.js";
import { lengthOffset } from "../../ir-defs/heap-layout.js";
import { reversePostorder } from "../../ir-defs/reference-uses.js";
import { forEachNode } from "../../il/rewrite.js";

export type Cmp = C.Branch["op"];
/** What a function's analysis reads: its arrays and the terms worth knowing (the rest need not be). */
export interface Scope { readonly arrays: ReadonlySet<string>; readonly relevant: ReadonlySet<string> }

/** A domain of what is known at a point: K, changed in place by a statement or a branch taken. */
export interface Domain<K> {
  readonly entry: () => K;
  readonly copy: (k: K) => K;
  /** Past statement s (a check that ran holds past it). */
  readonly step: (k: K, s: C.CStmt) => void;
  /** Past a branch's way where `l op r` holds; false when it cannot hold (the way is never taken). */
  readonly assume: (k: K, l: C.Atom, op: Cmp, r: C.Atom) => boolean;
  /** Where ways meet: what holds on both; `changes`: how often the block's start has changed (to widen). */
  readonly join: (old: K, now: K, changes: number) => K;
  readonly equal: (a: K, b: K) => boolean;
}

export const lenOf = (array: string) => `len ${array}`;
export const negated = { "<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "==" } as const;
/** `l op r` as orders x < y (strict) or x <= y. */
export function ordersOf(l: C.Atom, op: Cmp, r: C.Atom): [C.Atom, C.Atom, boolean][] {
  switch (op) {
    case "<": return [[l, r, true]];
    case "<=": return [[l, r, false]];
    case ">": return [[r, l, true]];
    case ">=": return [[r, l, false]];
    case "==": return [[l, r, false], [r, l, false]];
    case "!=": return [];
  }
}
/** Whether e is `*(a + 16)`, the length of an array variable a. */
export const isLength = (e: C.CExpr, arrays: ReadonlySet<string>): e is C.Load & { base: C.Var } =>
  e.kind === "Load" && e.index === null && e.offset === BigInt(lengthOffset) && e.base.kind === "Var" && arrays.has(e.base.name);

/** The array variables of a function: the bases of its element accesses (loads and stores with an index). */
export function arraysOf(def: C.Def): Set<string> {
  const arrays = new Set<string>();
  for (const b of def.blocks) for (const s of b.stmts) {
    const access = s.kind === "Store" ? s : s.kind === "Assign" && s.value.kind === "Load" ? s.value : null;
    if (access && access.index !== null && access.base.kind === "Var") arrays.add(access.base.name);
  }
  return arrays;
}

/** Where control goes from block b entered knowing k, and what is known on each way. */
function ways<K>(b: C.BasicBlock, k: K, d: Domain<K>): [string, K][] {
  const out = d.copy(k);
  b.stmts.forEach((s) => d.step(out, s));
  const t = b.tail;
  if (t.kind === "Goto" || (t.kind === "Branch" && t.then === t.else)) return [[t.kind === "Goto" ? t.target : t.then, out]];
  if (t.kind !== "Branch") return [];
  const yes = d.copy(out);
  const taken: [string, K][] = d.assume(yes, t.left, t.op, t.right) ? [[t.then, yes]] : [];
  return d.assume(out, t.left, negated[t.op], t.right) ? [...taken, [t.else, out]] : taken;
}

/** What is known at the start of each block reached, swept in reverse postorder to a fixed point; null after 100 sweeps. */
export function analyse<K>(def: C.Def, d: Domain<K>): Map<string, K> | null {
  const at = new Map<string, K>([[def.blocks[0]!.label, d.entry()]]);
  const changes = new Map<string, number>();
  // Lcfg's goto and branch are Lfun's, which reversePostorder follows.
  const order = reversePostorder(def.blocks as unknown as Parameters<typeof reversePostorder>[0]) as unknown as readonly C.BasicBlock[];
  const dirty = new Set([def.blocks[0]!.label]); // the blocks whose start has changed since they last ran
  for (let sweep = 0; dirty.size > 0; sweep++) {
    if (sweep > 100) return null;
    for (const b of order) {
      if (!dirty.delete(b.label)) continue;
      for (const [label, now] of ways(b, at.get(b.label)!, d)) {
        const old = at.get(label);
        const next = old === undefined ? now : d.join(old, now, changes.get(label) ?? 0);
        if (old !== undefined && d.equal(old, next)) continue;
        at.set(label, next);
        changes.set(label, (changes.get(label) ?? 0) + 1);
        dirty.add(label);
      }
    }
  }
  return at;
}

/** The terms worth knowing: an index and a length checked, and, back to a fixed point, what they are computed or compared from. */
function relevantTerms(def: C.Def, arrays: ReadonlySet<string>): Set<string> {
  const relevant = new Set<string>();
  let grew = true;
  const add = (t: C.Atom | string) => {
    const name = typeof t === "string" ? t : t.kind === "Var" ? t.name : null;
    if (name === null || relevant.has(name)) return;
    relevant.add(name);
    grew = true;
  };
  for (const b of def.blocks) for (const s of b.stmts) if (s.kind === "CheckIndex") [s.index, s.length].forEach(add);
  while (grew) {
    grew = false;
    for (const b of def.blocks) {
      for (const s of b.stmts) {
        if (s.kind !== "Assign") continue;
        const v = s.value;
        if (relevant.has(s.name) && isLength(v, arrays)) add(lenOf(v.base.name));
        if (relevant.has(s.name)) (v.kind === "Binary" ? [v.left, v.right] : v.kind === "Var" ? [v] : []).forEach(add);
        if (relevant.has(lenOf(s.name)) && v.kind === "NewArray") add(v.length);
        if (relevant.has(lenOf(s.name)) && v.kind === "Var") add(lenOf(v.name));
      }
      const t = b.tail;
      if (t.kind === "Branch" && [t.left, t.right].some((a) => a.kind === "Var" && relevant.has(a.name))) [t.left, t.right].forEach(add);
    }
  }
  return relevant;
}

/** `def` without the checks that `proved` accepts, each asked with what is known just before it (the domain made
 * by `domain` for the function), and without the length loads only they read. A function too large for the
 * analysis (a sweep steps through every statement and block, each step costing up to the number of terms)
 * keeps its checks: one long block of thousands of checks took minutes. */
export function dropProvedChecks<K>(def: C.Def, domain: (scope: Scope) => Domain<K>, proved: (k: K, s: C.CheckIndex) => boolean): C.Def {
  if (!def.blocks.some((b) => b.stmts.some((s) => s.kind === "CheckIndex"))) return def;
  const arrays = arraysOf(def);
  const scope: Scope = { arrays, relevant: relevantTerms(def, arrays) };
  const d = domain(scope);
  const steps = def.blocks.reduce((n, b) => n + b.stmts.length + 1, 0);
  const at = scope.relevant.size * steps <= 500_000 ? analyse(def, d) : null;
  if (!at) return def;
  const lengths = new Set<string>(); // the length variables of the checks dropped
  const blocks = def.blocks.map((b) => {
    const k = at.get(b.label);
    if (!k) return b;
    const stmts = b.stmts.filter((s) => {
      const gone = s.kind === "CheckIndex" && proved(k, s);
      if (gone && s.length.kind === "Var") lengths.add(s.length.name);
      d.step(k, s);
      return !gone;
    });
    return stmts.length === b.stmts.length ? b : { ...b, stmts };
  });
  const read = new Set<string>();
  forEachNode(Lcfg, { ...def, blocks }, (n) => void (n.kind === "Var" && read.add(n.name as string)));
  const unread = (s: C.CStmt) => s.kind === "Assign" && lengths.has(s.name) && !read.has(s.name) && isLength(s.value, arrays);
  return { ...def, blocks: blocks.map((b) => (b.stmts.some(unread) ? { ...b, stmts: b.stmts.filter((s) => !unread(s)) } : b)) };
}
