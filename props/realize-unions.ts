// Realizing what the generator's `unions` switch adds (props/realize.ts is the
// core; realize-match.ts does `match`, union-values.ts the values of unions):
// calls of the prelude's functions (unwrap, unwrap_or, is_some, is_none,
// is_ok, is_err, abs) and of the program's generic functions, `try`, the
// generic functions themselves, and structurally recursive functions over
// recursive unions. Every value whose type arguments nothing else fixes is
// made self-typed (union-values.ts).
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { dataExpr, partExpr } from "./realize-data.js";
import { partition } from "./realize-match.js";
import type { FoldSkel, GenericCallE, GenericFnSkel, PreludeCallE, TryE, UnionShared } from "./skeleton.js";
import { backField, unionParams } from "./types-unions.js";
import { state, typed } from "./union-values.js";
import { bin, block, call, exprStmt, int, laterOperand, v, type Context, type Signature, type Variable, type Walk } from "./walk.js";

/** The first type named `name` (Option, Result) among the variables in scope and the palette, by pick. */
function typeNamed(w: Walk, ctx: Context, name: string, pick: number, fallback: string): string {
  const of = (t: string) => t.startsWith(`${name}[`) && w.types.unions!.canMake(t);
  const found = [...new Set([...w.visible(ctx.scope, null, false).map((x) => x.type).filter(of), ...w.types.palette.map((t) => t.canon).filter(of)])];
  return found.length === 0 ? fallback : found[pick % found.length]!;
}

/** The types a type argument may be chosen among here. */
function typeChoices(w: Walk): string[] {
  return ["Int", "Bool", "String", ...w.types.palette.map((t) => t.canon), ...w.types.unions!.opaque.keys()];
}

/** `unwrap(o)`, `is_some(o)`, `abs(n)`, ... with a result of the type; or `o.unwrap()`, `r.is_ok()`, ... */
function preludeCall(w: Walk, e: PreludeCallE, type: string, ctx: Context): Lsrc.Expr {
  const choices = type === "Int" ? ["unwrap", "unwrap_or", "abs"] : type === "Bool" ? ["is_some", "is_none", "is_ok", "is_err", "unwrap", "unwrap_or"] : ["unwrap", "unwrap_or"];
  const fn = choices[e.fn % choices.length]!;
  w.used.add(fn);
  const argument = (t: string, c = ctx) => typed(w, dataExpr(w, e.arg, t, c), t);
  const of = (target: Lsrc.Expr, ...args: Lsrc.Expr[]): Lsrc.Expr => {
    if (!e.method) return call(fn, target, ...args);
    w.used.add("prelude method");
    return { kind: "MethodCall", target, method: fn, args };
  };
  switch (fn) {
    case "abs": return call("abs", dataExpr(w, e.arg, "Int", ctx));
    case "unwrap": return of(argument(`Option[${type}]`));
    case "unwrap_or": {
      const option = argument(`Option[${type}]`);
      return of(option, typed(w, partExpr(w, e.other, type, laterOperand(ctx, option), e.fn), type));
    }
    case "is_some": case "is_none": return of(argument(typeNamed(w, ctx, "Option", e.fn, "Option[Int]")));
    default: return of(argument(typeNamed(w, ctx, "Result", e.fn, "Result[Int, String]")));
  }
}

/** Binds the type parameters in `pattern` so that it is `type`; null when it cannot be. */
function unify(pattern: string, type: string, tparams: readonly string[]): Map<string, string> | null {
  const bound = new Map<string, string>();
  const go = (p: TypeTree, t: TypeTree): boolean => {
    if (p.kind === "name" && p.args === undefined && tparams.includes(p.name)) {
      const text = showType(t);
      if (bound.has(p.name)) return bound.get(p.name) === text;
      bound.set(p.name, text);
      return true;
    }
    if (p.kind === "name") return t.kind === "name" && t.name === p.name && (p.args ?? []).length === (t.args ?? []).length && (p.args ?? []).every((a, i) => go(a, t.args![i]!));
    if (p.kind === "tuple") return t.kind === "tuple" && t.elems.length === p.elems.length && p.elems.every((a, i) => go(a, t.elems[i]!));
    if (p.kind === "Array" || p.kind === "Box") return t.kind === p.kind && go(p.elem, t.elem);
    return false;
  };
  return go(parseType(pattern)!, parseType(type)!) ? bound : null;
}

/** A call of a generic function of the program whose result is of the type; the type arguments
 * its result does not fix are chosen by pick, and its arguments fix them all. */
function genericCall(w: Walk, e: GenericCallE, type: string, ctx: Context): Lsrc.Expr {
  const options = state(w).generics.flatMap((g) => {
    const bound = unify(g.ret, type, g.tparams);
    return bound === null ? [] : [{ g, bound }];
  });
  if (options.length === 0) return e.args[0] ? dataExpr(w, e.args[0], type, ctx) : w.fallback(type, e.pick);
  const { g, bound } = options[e.pick % options.length]!;
  const free = typeChoices(w);
  g.tparams.forEach((t, i) => {
    if (!bound.has(t)) {
      bound.set(t, free[(e.pick + i) % free.length]!);
      w.used.add("generic call whose result does not fix a type argument");
    }
  });
  let c = ctx;
  const args = g.params.map((p, i) => {
    const t = substituteAll(p, bound);
    const arg = typed(w, e.args[i] ? dataExpr(w, e.args[i]!, t, c) : w.fallback(t, e.pick + i), t);
    c = laterOperand(c, arg);
    return arg;
  });
  w.used.add("generic call");
  const at = state(w).calledAt;
  at.set(g.name, (at.get(g.name) ?? new Set()).add(g.tparams.map((t) => bound.get(t)).join(", ")));
  return call(g.name, ...args);
}

const substituteAll = (type: string, bound: ReadonlyMap<string, string>): string => {
  const t = parseType(type)!;
  const go = (t: TypeTree): TypeTree => {
    switch (t.kind) {
      case "name": return t.args === undefined && bound.has(t.name) ? parseType(bound.get(t.name)!)! : t.args === undefined ? t : { kind: "name", name: t.name, args: t.args.map(go) };
      case "tuple": return { kind: "tuple", elems: t.elems.map(go) };
      case "fn": return { kind: "fn", params: t.params.map(go), ret: go(t.ret) };
      default: return { kind: t.kind, elem: go(t.elem) };
    }
  };
  return showType(go(t));
};

/** The error type of a `Result[T, E]` result type, or null. */
function errorType(result: string | undefined): string | null {
  const t = result === undefined ? null : parseType(result);
  return t?.kind === "name" && t.name === "Result" && t.args?.length === 2 ? showType(t.args[1]!) : null;
}

/** `try e` in a function returning `Result[_, E]`: e is a `Result[T, E]` of the type T wanted. */
function tryExpr(w: Walk, e: TryE, type: string, ctx: Context): Lsrc.Expr {
  const error = errorType(ctx.result);
  if (error === null) return dataExpr(w, e.operand, type, ctx);
  const s = state(w);
  if (ctx.fn !== undefined) s.tried.add(ctx.fn);
  const operandType = `Result[${type}, ${error}]`;
  // Mostly a call of a function that returns such a Result, when there is one (one with a `try`
  // itself, when there is one: try through calls).
  const results = ctx.callable.filter((f) => errorType(f.ret) === error);
  const callers = results.filter((f) => f.ret === operandType);
  const chained = callers.filter((f) => s.tried.has(f.name));
  const generics = s.generics.filter((g) => unify(g.ret, operandType, g.tparams) !== null);
  const pick = e.operand.k === "call" ? e.operand.pick : 0;
  const callOf = (list: readonly Signature[], ret: string): Lsrc.Expr =>
    dataExpr(w, { k: "call", pick, ints: [], bools: [], data: [], indirect: false }, ret, { ...ctx, callable: list });
  let operand: Lsrc.Expr;
  if (e.via === 0 && callers.length > 0) operand = callOf(chained.length > 0 ? chained : callers, operandType);
  else if (e.via === 0 && results.length > 0) {
    // Only functions of another Result[X, E]: their call tried for its effect, `{ try f(); value }`.
    const f = results[pick % results.length]!;
    const tried: Lsrc.Expr = { kind: "Try", value: callOf([f], f.ret) };
    w.used.add("try");
    w.used.add("try of a call");
    return block(exprStmt(tried), exprStmt(dataExpr(w, e.operand, type, laterOperand(ctx, tried))));
  } else operand = typed(w, dataExpr(w, e.via === 1 && generics.length > 0 ? { k: "generic", pick: 0, args: [e.operand] } : e.operand, operandType, ctx), operandType);
  w.used.add("try");
  if (operand.kind === "Call" && !s.ctors.has(operand.callee)) w.used.add("try of a call");
  return { kind: "Try", value: operand };
}

/** The expressions every sort gains with the switch but match (realize-match.ts): try, the
 * prelude's functions, generic calls. */
export function unionExpr<E>(w: Walk, e: Exclude<UnionShared<E>, { k: "match" }>, type: string, ctx: Context): Lsrc.Expr {
  if (ctx.constant || w.types.unions === null) return w.fallback(type, 0);
  switch (e.k) {
    case "try": return tryExpr(w, e, type, ctx);
    case "prelude": return preludeCall(w, e, type, ctx);
    case "generic": return genericCall(w, e, type, ctx);
  }
}

/** The generic functions' items, in order (each may call the ones before it); `base` is the context of a function. */
export function genericFns(w: Walk, list: readonly GenericFnSkel[], base: Context): Lsrc.GenericFn[] {
  const u = w.types.unions!;
  return list.map((g, i) => {
    const tparams = unionParams.slice(0, 1 + (g.tparams % 2));
    // Types made of a type parameter: itself, an Option, a tuple, an array, the program's generic items, ...
    const generics = u.genericItems();
    const menu = (n: number): string => {
      const t = tparams[n % tparams.length]!;
      const options = [t, `Option[${t}]`, `(${t}, Int)`, `Result[${t}, String]`, `Array[${t}]`, "Int", "Bool", ...generics.map((d) => `${d.name}[${Array.from({ length: d.params }, () => t).join(", ")}]`)];
      return options[n % options.length]!;
    };
    const params = [...tparams, ...g.params.slice(0, 2).map(menu)];
    const ret = menu(g.result);
    const name = `g${i}`;
    tparams.forEach((t, j) => u.opaque.set(t, v(`p${j}`)));
    const scope: Variable[] = params.map((type, j) => ({ name: `p${j}`, type, mutable: false }));
    const ctx: Context = { ...base, scope, result: ret };
    try {
      const stmts = w.statements(g.body, ctx, true);
      const value = dataExpr(w, g.value, ret, ctx);
      w.used.add("generic fn");
      if (tparams.length > 1) w.used.add("generic fn with two type parameters");
      state(w).generics.push({ name, tparams, params, ret });
      return {
        kind: "GenericFn",
        name,
        tparams: tparams.map((t): Lsrc.TypeParam => ({ kind: "TypeParam", name: t, bounds: [] })),
        params: params.map((type, j): Lsrc.Param => ({ kind: "Param", name: `p${j}`, type })),
        ret: ret === "Unit" ? null : ret,
        body: block(...stmts, exprStmt(value)),
      };
    } finally {
      u.opaque.clear();
    }
  });
}

/**
 * The structurally recursive functions: `fn h0(v: List, acc: Int) -> Int { match v { ... } }`
 * over a recursive union of the program (generic ones too). Each arm whose pattern binds a part
 * of v that is a List again (or a companion record holding one) adds a call on one of them,
 * `Cons(x, rest) => ... + h0(rest, ...)`: every call is on a smaller value, so it ends, in as
 * many calls as the value is deep (one part per arm, as a search in a tree goes one way).
 * Non-generic ones are returned with their signatures, for the code to call.
 */
export function folds(w: Walk, list: readonly FoldSkel[], base: Context): { items: Lsrc.Item[]; signatures: Signature[] } {
  const u = w.types.unions!;
  const recursive = u.declared.filter((d) => d.ctors.some((c) => c.recursive));
  const items: Lsrc.Item[] = [];
  const signatures: Signature[] = [];
  if (recursive.length === 0) return { items, signatures };
  list.forEach((f, i) => {
    const d = recursive[f.pick % recursive.length]!;
    const type = d.tparams.length === 0 ? d.name : `${d.name}[${d.tparams.join(", ")}]`;
    const name = `h${i}`;
    const knot = new Set([type, ...u.companions.keys()].filter((t) => t === type || u.companions.get(t)!.some((x) => x.type === type)));
    const ctx: Context = { ...base, scope: [{ name: "v", type, mutable: false }, { name: "acc", type: "Int", mutable: false }], result: "Int", callable: [...signatures] };
    // A generic one's type parameters have no values here: nothing may need one made.
    d.tparams.forEach((t) => u.hidden.add(t));
    const arms = partition(w, type, f.shape, { top: true, keep: knot }).map((leaf, j): Lsrc.Arm => {
      const a = f.arms[j % Math.max(1, f.arms.length)];
      const inner: Context = { ...ctx, scope: [...ctx.scope, ...leaf.binders], earlier: ["v"] };
      const body = a ? w.int(a.body, inner) : int(BigInt(j));
      const parts = leaf.binders.filter((b) => knot.has(b.type));
      const part = parts[(f.pick + j) % Math.max(1, parts.length)];
      if (part === undefined) return { kind: "Arm", pattern: leaf.pattern, guard: null, body };
      const sub: Lsrc.Expr = part.type === type ? v(part.name) : { kind: "Field", target: v(part.name), field: backField };
      const acc = a ? w.int(a.acc, laterOperand(inner, body)) : v("acc");
      return { kind: "Arm", pattern: leaf.pattern, guard: null, body: bin(body, "+", call(name, sub, acc)) };
    });
    u.hidden.clear();
    const match: Lsrc.Match = { kind: "Match", scrutinee: v("v"), arms };
    const params: Lsrc.Param[] = [{ kind: "Param", name: "v", type }, { kind: "Param", name: "acc", type: "Int" }];
    w.used.add(d.tparams.length === 0 ? "fold over a recursive union" : "generic fold over a recursive union");
    if (knot.size > 1) w.used.add("fold through a record and a union");
    if (d.tparams.length === 0) {
      items.push({ kind: "Fn", name, params, ret: "Int", body: block(exprStmt(match)) });
      signatures.push({ name, params: [type, "Int"], ret: "Int" });
    } else {
      const tparams = d.tparams.map((t): Lsrc.TypeParam => ({ kind: "TypeParam", name: t, bounds: [] }));
      items.push({ kind: "GenericFn", name, tparams, params, ret: "Int", body: block(exprStmt(match)) });
      state(w).generics.push({ name, tparams: d.tparams, params: [type, "Int"], ret: "Int" });
    }
  });
  return { items, signatures };
}
