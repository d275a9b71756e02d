// drop-checks-below-length: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: an index check that cannot fail, because the index is at least 0
// and below the array's length by a chain of comparisons on every path to it,
// goes; so does the load of the length that only it read. `for x in a` and
// `for i in 0..len(a)` count i from 0 up while `i < len(a)`: whatever a's
// length, a[i] is in bounds. drop-checks-in-range, before it, knows only
// ranges of values, so not this when the length is not known.
//
// What it proves first, per function, by a forward analysis to a fixed point
// (passes/shared/index-checks.ts): at the check `check 0 <= i < n`, a chain
// 0 <= ... <= i (0 is a term too) and a chain i ... < n with one step at
// least strict, of facts `x < y` or `x <= y` between terms (a variable, `len
// a`, 0) that hold on every path that reaches the check. They come from
// - an assignment: a copy, `*(a + 16)` (len a), `array(n, v)` (len a = n), a
//   literal (x = 0; above 0; below 0), and x = y + 1 when some fact y < z
//   holds: then y < x and x <= z (y < z <= MAX, so y + 1 does not wrap); x = y
//   - 1 the same downwards, from some z < y (or 0 <= y: a length is at least
//   0, and `len(a) - 1` is below len(a)). Of a larger step nothing is
//   known: from i < n, i + 2 may wrap (i = MAX - 1); drop-checks-in-range may
//   still bound it by ranges;
// - a branch, on each way out (past `if i < n`, i < n; the other way n <= i);
// - a check that ran: past it 0 <= i and i < n.
// An assignment to x forgets the facts of x and of len x, keeping what they
// implied between other terms (a < x and x <= b give a < b). Where ways
// meet, the facts that hold on both are kept. Terms are finitely many and a
// block's facts only shrink as the analysis goes: it ends.
//
// Before:                                  After:
//   sum.block3:                              sum.block3:
//     i.4 = i.4.next                           i.4 = i.4.next
//     i.4.next = (i.4.next + 1)                i.4.next = (i.4.next + 1)
//     tmp.9 = *(a.1 + 16): Int                 tmp.10 = *(a.1 + 24 + 8 * i.4): Int
//     check 0 <= i.4 < tmp.9
//     tmp.10 = *(a.1 + 24 + 8 * i.4): Int
//   (its only way in: if i.4.next < i.4.end ..., i.4.end = *(a.1 + 16))

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { pass } from "../il/pass.js";
import { dropProvedChecks, isLength, lenOf, ordersOf, type Domain, type Scope } from "./shared/index-checks.js";

/** Facts: `k.get(x).get(y)` is true when x < y is known, false when x <= y is. */
type Facts = Map<string, Map<string, boolean>>;

const termOf = (a: C.Atom): string | null => (a.kind === "Var" ? a.name : a.kind === "Int" && a.value === 0n ? "0" : null);
function fact(k: Facts, x: string, y: string, strict: boolean): void {
  if (x === y) return;
  const m = k.get(x) ?? new Map<string, boolean>();
  k.set(x, m.set(y, strict || (m.get(y) ?? false)));
}
/** x = y: x <= y and y <= x. */
const same = (k: Facts, x: string, y: string): void => void (fact(k, x, y, false), fact(k, y, x, false));
/** Forget term t, keeping what it implied: a < t and t <= b give a < b. */
function forget(k: Facts, t: string): void {
  const after = k.get(t) ?? new Map<string, boolean>();
  k.delete(t);
  for (const [a, m] of k) {
    const strict = m.get(t);
    if (strict === undefined) continue;
    m.delete(t);
    for (const [b, s] of after) fact(k, a, b, strict || s);
  }
}
/** Whether x < y (strict) or x <= y follows from a chain of facts. */
function follows(k: Facts, x: string, y: string, strict: boolean): boolean {
  const reached = new Map<string, boolean>([[x, false]]); // term -> x < term (true) or x <= term
  for (const queue = [x]; queue.length > 0; ) {
    const t = queue.shift()!;
    for (const [u, s] of k.get(t) ?? []) {
      const s2 = reached.get(t)! || s;
      if (reached.get(u) === true || reached.get(u) === s2) continue;
      reached.set(u, s2);
      queue.push(u);
    }
  }
  return reached.has(y) && (reached.get(y)! || !strict);
}

/** x = value: the facts of x (and len x) go, keeping what they implied, then what the value says of x. */
function assign(k: Facts, scope: Scope, x: string, value: C.CExpr): void {
  const old = `${x} before`; // a term no variable can name (names have no spaces)
  same(k, old, x); // x's old value, while the value's operands may read it
  forget(k, x);
  forget(k, lenOf(x));
  const termOfNow = (a: C.Atom) => (a.kind === "Var" && a.name === x ? old : termOf(a));
  if (value.kind === "Var" && scope.relevant.has(lenOf(x))) same(k, lenOf(x), lenOf(value.name));
  if (value.kind === "NewArray" && termOfNow(value.length) !== null && scope.relevant.has(lenOf(x))) same(k, lenOf(x), termOfNow(value.length)!);
  if (scope.relevant.has(x)) {
    const y = value.kind === "Var" || (value.kind === "Int" && value.value === 0n) ? termOfNow(value) : isLength(value, scope.arrays) ? lenOf(value.base.name) : null;
    if (y !== null) same(k, x, y);
    if (isLength(value, scope.arrays)) fact(k, "0", x, false); // a length is never negative
    if (value.kind === "Int" && value.value !== 0n) fact(k, ...((value.value > 0n ? ["0", x] : [x, "0"]) as [string, string]), true);
    const [from, c] =
      value.kind !== "Binary" ? [null, 0n]
      : value.op === "+" && value.right.kind === "Int" ? [termOfNow(value.left), value.right.value]
      : value.op === "+" && value.left.kind === "Int" ? [termOfNow(value.right), value.left.value]
      : value.op === "-" && value.right.kind === "Int" ? [termOfNow(value.left), -value.right.value]
      : [null, 0n];
    const above = from === null ? [] : [...(k.get(from) ?? [])].filter(([, s]) => s).map(([z]) => z); // from < z
    const below = from === null ? [] : [...k].filter(([, m]) => m.get(from) === true).map(([z]) => z); // z < from
    if (from !== null && c === 0n) same(k, x, from);
    if (from !== null && c === 1n && above.length > 0) fact(k, from, x, true);
    if (from !== null && c === 1n) above.forEach((z) => fact(k, x, z, false));
    if (from !== null && c === -1n && (below.length > 0 || follows(k, "0", from, false))) fact(k, x, from, true);
    if (from !== null && c === -1n) below.forEach((z) => fact(k, z, x, false));
  }
  forget(k, old);
}

function domain(scope: Scope): Domain<Facts> {
  const order = (k: Facts, x: C.Atom, y: C.Atom, strict: boolean): boolean => {
    const [tx, ty] = [termOf(x), termOf(y)];
    if (tx === null || ty === null || !(tx === "0" || scope.relevant.has(tx)) || !(ty === "0" || scope.relevant.has(ty))) return true;
    if (follows(k, ty, tx, !strict)) return false; // y < x (or y <= x, for x < y) is known: this way is never taken
    fact(k, tx, ty, strict);
    return true;
  };
  return {
    entry: () => new Map(),
    copy: (k) => new Map([...k].map(([x, m]) => [x, new Map(m)])),
    step(k, s) {
      if (s.kind === "CheckIndex") void (order(k, { kind: "Int", value: 0n }, s.index, false) && order(k, s.index, s.length, true));
      if (s.kind === "Assign") assign(k, scope, s.name, s.value);
    },
    assume: (k, l, op, r) => ordersOf(l, op, r).every(([x, y, strict]) => order(k, x, y, strict)),
    join(old, now) {
      const out: Facts = new Map();
      for (const [x, m] of old) for (const [y, s] of m) if (now.get(x)?.has(y)) fact(out, x, y, s && now.get(x)!.get(y)!);
      return out;
    },
    equal: (a, b) => a.size === b.size && [...a].every(([x, m]) => m.size === b.get(x)?.size && [...m].every(([y, s]) => b.get(x)!.get(y) === s)),
  };
}

/** 0 <= i (i a literal, or a chain from 0) and i < n by a chain with a strict step. */
function proved(k: Facts, s: C.CheckIndex): boolean {
  const [i, n] = [termOf(s.index), termOf(s.length)];
  const nonNegative = (s.index.kind === "Int" && s.index.value >= 0n) || (i !== null && follows(k, "0", i, false));
  return nonNegative && i !== null && n !== null && follows(k, i, n, true);
}

export const dropChecksBelowLength = pass({
  name: "drop-checks-below-length",
  from: Lcfg,
  to: Lcfg,
  purpose: "an index check goes when a chain of comparisons keeps the index at least 0 and below the length on every path to it (i < len(a))",
  run: (program: C.Program): C.Program => ({ ...program, defs: program.defs.map((def) => dropProvedChecks(def, domain, proved)) }),
});
