// Type inference (part of check-types): the type arguments of generic items at
// each use, found by unification, one function body at a time.
//
// A use of a generic function, constructor or record gets a fresh var for each
// of the item's type parameters (`instantiate`), so `Cons(1, Nil)` starts as
// `Cons[?1](1, Nil[?2])`. Wherever the rules want two types to be the same (an
// argument and its parameter, a `let`'s annotation and its value, the two
// arms of an `if`), `unify` makes them so by binding vars: here ?1 := Int from
// the 1, then ?2 := Int from Cons's `tail: List[T]`. Expected types flow into
// expressions this way too: `let x: Option[Int] = None` binds None's var to
// Int when the value meets the annotation.
//
// A var is bound once and never changed; `resolve` writes a type with its bound
// vars replaced. A type that meets an erroneous one (already reported) binds
// its vars to the error, so one mistake gives one diagnostic; one that meets
// Never (a value that never arrives) leaves them free, and a var that nothing
// else binds is then Unit, as a `let` of such a value is: `Some(panic("no"))`
// is an Option[Unit]. The types written into Ltyped nodes are only known once the
// whole body is checked, so a node whose type is still open is noted as a
// `hole` and filled in by `finish`, which also reports every var that nothing
// bound: "cannot infer the type argument `T` of `None`". Code without generic
// items never makes a var, and none of this costs it anything.

import type { Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { ErrorType, silent, typeText, UnitType, type Type, type TypeTable } from "./types.js";

export interface Inference {
  /** What each bound var stands for. */
  readonly bindings: Map<Type, Type>;
  /** Vars that met only Never so far: Unit if nothing else binds them. */
  readonly diverging: Set<Type>;
  /** Every var made in this body, with the use that made it, for "cannot infer". */
  readonly made: { readonly v: Type; readonly loc: Loc | undefined; readonly what: string }[];
  /** Type fields of Ltyped nodes to write once the body is checked. */
  readonly holes: { readonly node: Record<string, unknown>; readonly field: string; readonly index: number | null; readonly type: Type }[];
}

export const newInference = (): Inference => ({ bindings: new Map(), diverging: new Set(), made: [], holes: [] });

/** The var at the end of a chain of bound vars, or the type it is bound to. */
function follow(inf: Inference, t: Type): Type {
  let u = t;
  for (let next = inf.bindings.get(u); next !== undefined; next = inf.bindings.get(u)) u = next;
  return u;
}

/** `t` with every bound var replaced by what it stands for (unbound ones stay). */
export function resolve(inf: Inference, types: TypeTable, t: Type): Type {
  if (!t.open) return t;
  const f = follow(inf, t);
  if (f !== t) return resolve(inf, types, f);
  const r = (x: Type) => resolve(inf, types, x);
  switch (t.kind) {
    case "named": return types.named(t.name, t.args.map(r));
    case "tuple": return types.tuple(t.elems.map(r));
    case "fn": return types.fn(t.params.map(r), r(t.ret));
    case "alias": return types.alias(t.name, r(t.target));
    default: return t; // an unbound var
  }
}

/** Whether the var `v` occurs in `t` (binding it there would make an infinite type). */
function occurs(inf: Inference, v: Type, t: Type): boolean {
  const u = follow(inf, t);
  if (u === v) return true;
  if (!u.open) return false;
  switch (u.kind) {
    case "named": return u.args.some((a) => occurs(inf, v, a));
    case "tuple": return u.elems.some((e) => occurs(inf, v, e));
    case "fn": return u.params.some((p) => occurs(inf, v, p)) || occurs(inf, v, u.ret);
    case "alias": return occurs(inf, v, u.target);
    default: return false;
  }
}

/** Binds every unbound var in `t` to the error type: once a mistake about `t` has been
 * reported, `finish` does not report its vars again. */
export function giveUp(inf: Inference, t: Type): void {
  const u = follow(inf, t);
  if (!u.open) return;
  switch (u.kind) {
    case "var": inf.bindings.set(u, ErrorType); return;
    case "named": u.args.forEach((a) => giveUp(inf, a)); return;
    case "tuple": u.elems.forEach((e) => giveUp(inf, e)); return;
    case "fn": u.params.forEach((p) => giveUp(inf, p)); giveUp(inf, u.ret); return;
    case "alias": giveUp(inf, u.target); return;
  }
}

/** Makes `a` and `b` the same type by binding vars, and says whether it could. Never and
 * an erroneous type fit anything (types.ts); a var is never bound to Never. */
export function unify(inf: Inference, a: Type, b: Type): boolean {
  if (!a.open && !b.open) return a.canon === b.canon || silent(a) || silent(b);
  const x = follow(inf, a);
  const y = follow(inf, b);
  if (x === y) return true;
  if (x.kind === "error" || y.kind === "error") {
    giveUp(inf, x.kind === "error" ? y : x);
    return true;
  }
  if (x.kind === "never" || y.kind === "never") {
    const other = x.kind === "never" ? y : x;
    if (other.kind === "var") inf.diverging.add(other);
    return true;
  }
  if (x.kind === "var" || y.kind === "var") {
    const [v, t] = x.kind === "var" ? [x, y] : [y, x];
    if (occurs(inf, v, t)) return false;
    inf.bindings.set(v, t);
    return true;
  }
  const [p, q] = [x.head, y.head];
  if (p.kind === "named" && q.kind === "named") return p.name === q.name && sameLength(p.args, q.args) && p.args.every((t, i) => unify(inf, t, q.args[i]!));
  if (p.kind === "tuple" && q.kind === "tuple") return sameLength(p.elems, q.elems) && p.elems.every((t, i) => unify(inf, t, q.elems[i]!));
  if (p.kind === "fn" && q.kind === "fn") return sameLength(p.params, q.params) && p.params.every((t, i) => unify(inf, t, q.params[i]!)) && unify(inf, p.ret, q.ret);
  return p.canon === q.canon;
}

const sameLength = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length;

/** `t` with each type parameter replaced as `sub` says (all at once). */
export function substitute(types: TypeTable, t: Type, sub: ReadonlyMap<Type, Type>): Type {
  if (!t.generic) return t;
  const s = (x: Type) => substitute(types, x, sub);
  switch (t.kind) {
    case "param": return sub.get(t) ?? t;
    case "named": return types.named(t.name, t.args.map(s));
    case "tuple": return types.tuple(t.elems.map(s));
    case "fn": return types.fn(t.params.map(s), s(t.ret));
    default: return t; // an alias names no parameter: aliases are not generic
  }
}

/** Fresh vars for an item's type parameters at one use (`what` names the use for
 * "cannot infer"), and the substitution they make. */
export function instantiate(inf: Inference, types: TypeTable, params: readonly Type[], item: string, loc: Loc | undefined): { args: Type[]; sub: Map<Type, Type> } {
  const args = params.map((p) => {
    const v = types.fresh();
    inf.made.push({ v, loc, what: `the type argument \`${p.kind === "param" ? p.name : "?"}\` of \`${item}\`` });
    return v;
  });
  return { args, sub: new Map(params.map((p, i) => [p, args[i]!])) };
}

/** `node[field]` (or `node[field][index]`) gets the text of `type`, now if it is known, or
 * once the body is checked (`finish`) if inference may still fix it. Gives the node. */
export function writeType<N extends object>(inf: Inference, types: TypeTable, node: N, field: keyof N & string, type: Type, index: number | null = null): N {
  const known = resolve(inf, types, type);
  const target = node as Record<string, unknown>;
  if (known.open) inf.holes.push({ node: target, field, index, type: known });
  else if (index === null) target[field] = typeText(known);
  else (target[field] as string[])[index] = typeText(known);
  return node;
}

/** At the end of a body: reports each var that nothing bound (once, where it was made; not
 * after an error in the body, `quiet`, which most often left it unbound: `Ok(x)` with `x` an
 * error), and writes every hole's type (an unbound var as an error's). */
export function finish(inf: Inference, types: TypeTable, sink: DiagnosticSink, quiet = false): void {
  for (const v of inf.diverging) if (follow(inf, v) === v) inf.bindings.set(v, UnitType);
  const reported = new Set<Type>();
  for (const { v, loc, what } of quiet ? [] : inf.made) {
    const root = follow(inf, v);
    if (root.kind !== "var" || reported.has(root)) continue;
    reported.add(root);
    sink.report(loc, `cannot infer ${what}: nothing here fixes it (write the type of the variable that holds the value: \`let x: Type = ...\`)`);
  }
  for (const { node, field, index, type } of inf.holes) {
    const known = resolve(inf, types, type);
    const text = typeText(known.open ? ErrorType : known);
    if (index === null) node[field] = text;
    else (node[field] as string[])[index] = text;
  }
  inf.bindings.clear();
  inf.diverging.clear();
  inf.made.length = 0;
  inf.holes.length = 0;
}
