// Which types an impl is for (part of check-types). An impl is written for a
// type in which its own type parameters may stand (`impl[T] Stack[T]`,
// `impl[A: Show, B: Show] Show for (A, B)`, `impl Show for Pair[Int, Bool]`,
// `impl Sum for Array[Int]`): it is for every type that this pattern matches
// once its parameters are replaced. A type's method is then found by matching
// the type against the impls' patterns, and two impls of one protocol (or two
// methods of one name) overlap when one type matches both: when their
// patterns unify.

import type { Type } from "./types.js";

/** The parts of a type (its canon's), in order. */
const partsOf = (t: Type): readonly Type[] =>
  t.kind === "named" ? t.args : t.kind === "tuple" ? t.elems : t.kind === "fn" ? [...t.params, t.ret] : [];

/** Whether two nodes have the same form (kind, name, arity), parts aside. */
function sameForm(a: Type, b: Type): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "named" && b.kind === "named") return a.name === b.name && a.args.length === b.args.length;
  if (a.kind === "tuple" && b.kind === "tuple") return a.elems.length === b.elems.length;
  if (a.kind === "fn" && b.kind === "fn") return a.params.length === b.params.length;
  return a === b;
}

/** The replacement of `vars` (an impl's parameters) that makes `pattern` the type `t`, or null
 * when none does. A type parameter of `t` that is not one of `vars` (the one of a generic
 * function around a call) is matched only by itself or by one of `vars`. */
export function matchType(pattern: Type, t: Type, vars: readonly Type[], sub = new Map<Type, Type>()): Map<Type, Type> | null {
  const p = pattern.canon;
  const u = t.canon;
  if (vars.includes(p)) {
    const bound = sub.get(p);
    if (bound !== undefined) return bound === u ? sub : null;
    sub.set(p, u);
    return sub;
  }
  if (!p.generic) return p === u ? sub : null;
  if (!sameForm(p, u)) return null;
  const [ps, us] = [partsOf(p), partsOf(u)];
  for (let i = 0; i < ps.length; i++) if (matchType(ps[i]!, us[i]!, vars, sub) === null) return null;
  return sub;
}

/** Whether some type matches both patterns, `a`'s parameters `aVars` and `b`'s `bVars`
 * (unification, with the occurs check: `(T, T)` and `(U, Array[U])` do not overlap). */
export function overlap(a: Type, b: Type, aVars: readonly Type[], bVars: readonly Type[]): boolean {
  const vars = new Set([...aVars, ...bVars]);
  const sub = new Map<Type, Type>();
  const walk = (t: Type): Type => {
    let x = t.canon;
    while (vars.has(x) && sub.has(x)) x = sub.get(x)!;
    return x;
  };
  const occurs = (v: Type, t: Type): boolean => walk(t) === v || partsOf(walk(t)).some((part) => occurs(v, part));
  const unify = (x0: Type, y0: Type): boolean => {
    const [x, y] = [walk(x0), walk(y0)];
    if (x === y) return true;
    if (vars.has(x)) return !occurs(x, y) && (sub.set(x, y), true);
    if (vars.has(y)) return !occurs(y, x) && (sub.set(y, x), true);
    if (!sameForm(x, y)) return false;
    const [xs, ys] = [partsOf(x), partsOf(y)];
    return xs.every((part, i) => unify(part, ys[i]!));
  };
  return unify(a, b);
}

/** Whether `param` occurs in `t`. */
export const occursIn = (param: Type, t: Type): boolean => t.canon === param || partsOf(t.canon).some((part) => occursIn(param, part));
