// drop-checks-in-range: Lcfg -> Lcfg; an optimisation (--opt 1)
//
// Purpose: an index check that cannot fail, because every value the index
// may have there is at least 0 and below every length the array may have,
// goes; so does the load of the length that only it read. In an inner loop
// `a[i * n + k]` costs a load of a's length, a compare and a branch besides
// the access itself; when the loops' bounds keep the index within a length
// known from `array(n * n, 0)`, none of that is needed.
//
// What it proves first, per function, by a forward analysis to a fixed point
// (passes/shared/index-checks.ts): at the check `check 0 <= i < n`, a range
// [lo, hi] of the values i may have, and one of n's, with lo >= 0 and hi below
// n's lo, on every path that reaches it. Ranges of terms (a variable, or
// `len a`, the length of the array in a) come from
// - an assignment: of a literal; a copy; `*(a + 16)` (len a); `array(n, v)`
//   (len a is n's range, from 0 up: a negative n has panicked); +, -, * and &
//   computed on ranges, exactly, in 128 bits: when some values of the range
//   would wrap the result is unknown (any Int);
// - a branch, on each way out (past `if i < n`, i's hi is below n's hi, n's lo
//   above i's lo; the other way, i >= n);
// - a check that ran: past it 0 <= i < n.
// An assignment to x forgets x's range and len x's. Where ways meet, a range
// covers both. A block whose start has changed three times widens: a bound
// still moving goes to the next literal of the function's branches and array
// lengths (each, one less and one more), or to the end of Int: so `i.next`,
// counted up under `if i.next < 500`, gets [0, 500], and the analysis ends.
//
// Before:                                  After:
//   main.block9:                             main.block9:
//     k.10 = k.10.next                         k.10 = k.10.next
//     k.10.next = (k.10.next + 1)              k.10.next = (k.10.next + 1)
//     tmp.35 = (i.7 * 500)                     tmp.35 = (i.7 * 500)
//     index.18 = (tmp.35 + k.10)               index.18 = (tmp.35 + k.10)
//     tmp.36 = *(a.2 + 16): Int                tmp.37 = *(a.2 + 24 + 8 * index.18): Int
//     check 0 <= index.18 < tmp.36
//     tmp.37 = *(a.2 + 24 + 8 * index.18): Int
//   (i.7 and k.10 are in [0, 499]: index.18 in [0, 249999]; a.2 = array(250000, 0))

import type * as C from "../ir-defs/generated/Lcfg.js";
import { Lcfg } from "../ir-defs/lcfg.js";
import { INT_MAX, INT_MIN } from "../ir-defs/semantics.js";
import { pass } from "../il/pass.js";
import { dropProvedChecks, isLength, lenOf, ordersOf, type Domain, type Scope } from "./shared/index-checks.js";

type Range = readonly [bigint, bigint];
type Ranges = Map<string, Range>;
const min = (x: bigint, y: bigint) => (x < y ? x : y);
const max = (x: bigint, y: bigint) => (x > y ? x : y);
const fits = (r: Range): Range | null => (r[0] >= INT_MIN && r[1] <= INT_MAX ? r : null);

/** The values a term or an atom may have (a length is never negative). */
function rangeOf(k: Ranges, t: string | C.Atom): Range {
  if (typeof t !== "string") return t.kind === "Int" ? [t.value, t.value] : t.kind === "Var" ? rangeOf(k, t.name) : [INT_MIN, INT_MAX];
  return k.get(t) ?? (t.startsWith("len ") ? [0n, INT_MAX] : [INT_MIN, INT_MAX]);
}

/** The range of `l op r`, or null when some of its values would wrap (or op is not + - * &). */
function arithmetic(k: Ranges, l: C.Atom, op: C.Binary["op"], r: C.Atom): Range | null {
  const [[a, b], [c, d]] = [rangeOf(k, l), rangeOf(k, r)];
  const corners = [a * c, a * d, b * c, b * d];
  switch (op) {
    case "+": return fits([a + c, b + d]);
    case "-": return fits([a - d, b - c]);
    case "*": return fits([corners.reduce(min), corners.reduce(max)]);
    case "&": return a >= 0n && c >= 0n ? [0n, min(b, d)] : a >= 0n ? [0n, b] : c >= 0n ? [0n, d] : null; // x & y is within a non-negative operand
    default: return null;
  }
}

/** The range `value` gives x, or null (unknown). */
function valueRange(k: Ranges, scope: Scope, value: C.CExpr): Range | null {
  if (value.kind === "Int" || value.kind === "Var") return rangeOf(k, value);
  if (isLength(value, scope.arrays)) return rangeOf(k, lenOf(value.base.name));
  return value.kind === "Binary" ? arithmetic(k, value.left, value.op, value.right) : null;
}

/** Assume x < y (strict) or x <= y: each range narrows to what the other allows; false when one is left empty. */
function order(k: Ranges, scope: Scope, x: C.Atom, y: C.Atom, strict: boolean): boolean {
  if (x.kind === "Bool" || y.kind === "Bool") return true;
  const [[a, b], [c, d], gap] = [rangeOf(k, x), rangeOf(k, y), strict ? 1n : 0n];
  const [nx, ny]: [Range, Range] = [[a, min(b, d - gap)], [max(c, a + gap), d]];
  if (nx[0] > nx[1] || ny[0] > ny[1]) return false;
  if (x.kind === "Var" && scope.relevant.has(x.name)) k.set(x.name, nx);
  if (y.kind === "Var" && scope.relevant.has(y.name)) k.set(y.name, ny);
  return true;
}

const zero: C.Int = { kind: "Int", value: 0n };

function domain(scope: Scope, def: C.Def): Domain<Ranges> {
  // The values a widened bound may stop at: the literals of branches and array lengths, one less and one more.
  const literals = new Set([INT_MIN, INT_MAX]);
  for (const b of def.blocks) {
    const atoms = [...(b.tail.kind === "Branch" ? [b.tail.left, b.tail.right] : []), ...b.stmts.flatMap((s) => (s.kind === "Assign" && s.value.kind === "NewArray" ? [s.value.length] : []))];
    for (const a of atoms) if (a.kind === "Int") [a.value - 1n, a.value, a.value + 1n].forEach((v) => literals.add(v));
  }
  const steps = [...literals].filter((v) => v >= INT_MIN && v <= INT_MAX).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return {
    entry: () => new Map(),
    copy: (k) => new Map(k),
    step(k, s) {
      if (s.kind === "CheckIndex") void (order(k, scope, zero, s.index, false) && order(k, scope, s.index, s.length, true));
      if (s.kind !== "Assign") return;
      const r = scope.relevant.has(s.name) ? valueRange(k, scope, s.value) : null;
      const length = s.value.kind === "NewArray" ? rangeOf(k, s.value.length) : s.value.kind === "Var" ? k.get(lenOf(s.value.name)) : undefined;
      k.delete(s.name);
      k.delete(lenOf(s.name));
      if (r) k.set(s.name, r);
      if (length && scope.relevant.has(lenOf(s.name))) k.set(lenOf(s.name), [max(length[0], 0n), length[1]]); // past array(n, v), n >= 0
    },
    assume: (k, l, op, r) => ordersOf(l, op, r).every(([x, y, strict]) => order(k, scope, x, y, strict)),
    join(old, now, changes) {
      const out: Ranges = new Map();
      for (const [t, [a, b]] of old) {
        const r = now.get(t);
        if (!r) continue;
        const [lo, hi] = [r[0] >= a ? a : changes < 3 ? r[0] : [...steps].reverse().find((v) => v <= r[0])!, r[1] <= b ? b : changes < 3 ? r[1] : steps.find((v) => v >= r[1])!];
        if (lo > INT_MIN || hi < INT_MAX) out.set(t, [lo, hi]);
      }
      return out;
    },
    equal: (a, b) => a.size === b.size && [...a].every(([t, [lo, hi]]) => b.get(t)?.[0] === lo && b.get(t)?.[1] === hi),
  };
}

export const dropChecksInRange = pass({
  name: "drop-checks-in-range",
  from: Lcfg,
  to: Lcfg,
  purpose: "an index check goes when the index's range of values lies within the array's length (ranges from literals, arithmetic and branches)",
  run: (program: C.Program): C.Program => ({
    ...program,
    defs: program.defs.map((def) => dropProvedChecks(def, (scope) => domain(scope, def), (k, s) => rangeOf(k, s.index)[0] >= 0n && rangeOf(k, s.index)[1] < rangeOf(k, s.length)[0])),
  }),
});
