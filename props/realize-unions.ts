// Realizing what the generator's `unions` switch adds (props/realize.ts is the
// core; realize-match.ts does `match`): values of unions, Option and Result
// (`Cons(1, Nil)`, `Some(x)`, `Err("no")`), generic record literals, calls of
// the prelude's functions (unwrap, unwrap_or, is_some, is_none, is_ok, is_err,
// abs) and of the program's generic functions, `try`, the generic functions
// themselves, and structurally recursive functions over recursive unions.
//
// Type arguments are never written at a use, so every value must let the
// checker infer them (spec/language.md, "Type inference"). A value is
// *self-typed* when its type follows from its parts alone: `Some(1)` is, `None`
// and `Ok(1)` are not (`Ok` says nothing of the error type). Where the type a
// value is used at is known (an annotated let, an argument of a non-generic
// function, a field, an assignment, a return), anything goes; where it is not
// (a let without a type, an expression statement, the array of `for v in`, a
// match's scrutinee, an argument of a generic function, the operand of `try`),
// a value that is not self-typed gets its type from a let: the let is
// annotated (`let x: Option[Int] = None`), or the value is written
// `{ let t0: Option[Int] = None; t0 }`.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { forEachNode } from "../il/rewrite.js";
import { dataExpr, partExpr, writtenParts } from "./realize-data.js";
import { partition } from "./realize-match.js";
import type { FoldSkel, GenericCallE, GenericFnSkel, PreludeCallE, TryE, UnionShared } from "./skeleton-unions.js";
import type { DataE } from "./skeleton.js";
import { backField, ctorValue, unionParams, type CtorInfo, type UnionTypes } from "./types-unions.js";
import { bin, block, call, exprStmt, int, laterOperand, letStmt, str, v, type Context, type Signature, type Variable, type Walk } from "./walk.js";

/** A generic function the code may call: its type parameters appear in its parameters' types. */
interface GenericSignature {
  readonly name: string;
  readonly tparams: readonly string[];
  readonly params: readonly string[];
  readonly ret: string;
}

/** What realizing one program keeps about its unions' functions. */
interface State {
  /** The generic functions realized so far (each may call the ones before it). */
  readonly generics: GenericSignature[];
  /** How many recursive constructors the value being built is inside. */
  building: number;
  /** Constructor name -> whether its union is generic, and whether its fields fix the type arguments. */
  readonly ctors: Map<string, { readonly generic: boolean; readonly fixes: boolean }>;
}

const states = new WeakMap<UnionTypes, State>();

function state(w: Walk): State {
  const u = w.types.unions!;
  let s = states.get(u);
  if (s === undefined) {
    const ctors = new Map(u.declared.flatMap((d) => d.ctors.map((c) => [c.name, { generic: d.tparams.length > 0, fixes: c.fixes }] as const)));
    s = { generics: [], building: 0, ctors };
    states.set(u, s);
  }
  return s;
}

const preludeGenerics = new Set(["unwrap", "unwrap_or", "is_some", "is_none", "is_ok", "is_err"]);

/** Whether the checker infers every type argument in e from e alone (see the header). */
export function selfTyped(w: Walk, e: Lsrc.Expr): boolean {
  if (w.types.unions === null) return true;
  const { ctors, generics } = state(w);
  const go = (e: Lsrc.Expr): boolean => {
    switch (e.kind) {
      case "Var": return !(ctors.get(e.name)?.generic ?? false);
      case "Call": {
        const c = ctors.get(e.callee);
        if (c !== undefined) return !c.generic || (c.fixes && e.args.every(go));
        const generic = preludeGenerics.has(e.callee) || generics.some((g) => g.name === e.callee);
        return generic || e.callee === "array" || e.callee === "Box" ? e.args.every(go) : true;
      }
      case "Tuple": return e.elems.every(go);
      case "RecordLit": return !w.types.unions!.isGenericRecord(e.name) || e.inits.every((i) => go(i.value));
      case "If": return go(e.then) && (e.else === null || go(e.else));
      case "Block": {
        const last = e.stmts[e.stmts.length - 1];
        return last?.kind !== "ExprStmt" || go(last.expr);
      }
      case "Match": return e.arms.every((a) => go(a.body));
      case "Try": return go(e.value);
      default: return true;
    }
  };
  return go(e);
}

/** Whether a let of this value needs its type written. */
export const needsType = (w: Walk, e: Lsrc.Expr): boolean => !selfTyped(w, e);

/** The value, self-typed: as it is, or `{ let t0: T = e; t0 }`. */
export function typed(w: Walk, e: Lsrc.Expr, type: string): Lsrc.Expr {
  if (selfTyped(w, e)) return e;
  w.used.add("value given its type by a let");
  const t = w.fresh("t");
  return block(letStmt(t, e, false, type), exprStmt(v(t)));
}

/** A value of a union type (a constructor chosen by the seed, its fields from the parts), or of a
 * type parameter of the generic function being realized; null for any other type. */
export function constructUnion(w: Walk, e: DataE & { k: "new" }, type: string, ctx: Context): Lsrc.Expr | null {
  const u = w.types.unions!;
  if (u.isOpaque(type)) return w.variable(ctx, type, e.seed) ?? w.types.defaultValue(type, e.seed);
  const ctors = u.ctors(type);
  if (ctors === null) return null;
  const s = state(w);
  // Recursive constructors nest at most three deep in one value written out.
  const usable = s.building >= 3 ? ctors.filter((c) => !c.recursive) : ctors;
  const c = usable[e.seed % usable.length]!;
  noteCtor(w, type, c);
  if (c.recursive) s.building++;
  try {
    return ctorValue(c, writtenParts(w, e, c.fields.map((f) => f.type), c.fields.map((_, i) => i), ctx));
  } finally {
    if (c.recursive) s.building--;
  }
}

function noteCtor(w: Walk, type: string, c: CtorInfo): void {
  const name = type.replace(/\[.*$/, "");
  if (name === "Option" || name === "Result") w.used.add(`${name} value`);
  w.used.add(c.fields.length === 0 ? "constructor without fields" : "constructor with fields");
  if (c.recursive) w.used.add("recursive constructor");
}

/** Statements that print a union value (which has no effects): its constructor's name, then
 * what its fields hold, through a match; nothing past three unions deep. Null for other types. */
export function observeUnion(w: Walk, e: Lsrc.Expr, type: string, depth: number, observe: (e: Lsrc.Expr, type: string, depth: number) => Lsrc.Stmt[]): Lsrc.Stmt[] | null {
  const ctors = w.types.unions?.ctors(type);
  if (!ctors) return null;
  if (depth >= 3) return [];
  w.used.add("union value printed");
  const arms = ctors.map((c): Lsrc.Arm => {
    const names = c.fields.map(() => w.fresh("o"));
    const inner = c.fields.map((f, i) => observe(v(names[i]!), f.type, depth + 1));
    const args = inner.map((stmts, i): Lsrc.Pattern => (stmts.length === 0 ? { kind: "Wildcard" } : { kind: "Binder", name: names[i]! }));
    const pattern: Lsrc.Pattern = c.fields.length === 0 ? { kind: "Binder", name: c.name } : { kind: "CtorPat", ctor: c.name, args };
    return { kind: "Arm", pattern, guard: null, body: block(exprStmt(call("print", str(c.name))), ...inner.flat()) };
  });
  return [exprStmt({ kind: "Match", scrutinee: e, arms })];
}

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

/** `unwrap(o)`, `is_some(o)`, `abs(n)`, ... with a result of the type. */
function preludeCall(w: Walk, e: PreludeCallE, type: string, ctx: Context): Lsrc.Expr {
  const choices = type === "Int" ? ["unwrap", "unwrap_or", "abs"] : type === "Bool" ? ["is_some", "is_none", "is_ok", "is_err", "unwrap", "unwrap_or"] : ["unwrap", "unwrap_or"];
  const fn = choices[e.fn % choices.length]!;
  w.used.add(fn);
  const argument = (t: string, c = ctx) => typed(w, dataExpr(w, e.arg, t, c), t);
  switch (fn) {
    case "abs": return call("abs", dataExpr(w, e.arg, "Int", ctx));
    case "unwrap": return call("unwrap", argument(`Option[${type}]`));
    case "unwrap_or": {
      const option = argument(`Option[${type}]`);
      return call("unwrap_or", option, typed(w, partExpr(w, e.other, type, laterOperand(ctx, option), e.fn), type));
    }
    case "is_some": case "is_none": return call(fn, argument(typeNamed(w, ctx, "Option", e.fn, "Option[Int]")));
    default: return call(fn, argument(typeNamed(w, ctx, "Result", e.fn, "Result[Int, String]")));
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
  const operandType = `Result[${type}, ${error}]`;
  // Mostly a call of a function that returns such a Result, when there is one: try through calls.
  const callers = ctx.callable.filter((f) => f.ret === operandType);
  const generics = state(w).generics.filter((g) => unify(g.ret, operandType, g.tparams) !== null);
  const via: DataE | null =
    e.via === 0 && callers.length > 0 ? { k: "call", pick: e.operand.k === "call" ? e.operand.pick : 0, ints: [], bools: [], data: [], indirect: false }
    : e.via === 1 && generics.length > 0 ? { k: "generic", pick: 0, args: [e.operand] }
    : null;
  const operand = typed(w, dataExpr(w, via ?? e.operand, operandType, ctx), operandType);
  w.used.add("try");
  if (operand.kind === "Call" && !state(w).ctors.has(operand.callee)) w.used.add("try of a call");
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


/** The constructs a whole program shows: its kinds of unions and records, and `try` through
 * calls (a try on a call of a function that itself has a try). */
export function noteUnionItems(w: Walk, program: Lsrc.Program): void {
  const u = w.types.unions!;
  for (const d of u.declared) {
    if (d.name === "Option" || d.name === "Result" || !program.items.some((i) => i.name === d.name)) continue;
    w.used.add(d.tparams.length > 0 ? "generic union" : "union");
    if (d.ctors.some((c) => c.recursive)) w.used.add(d.tparams.length > 0 ? "recursive generic union" : "recursive union");
  }
  if (u.companions.size > 0) w.used.add("union and record holding each other");
  if (program.items.some((i) => i.kind === "GenericRecord")) w.used.add("generic record");
  const tries = new Map<string, string[]>();
  for (const item of program.items) {
    if (item.kind !== "Fn" && item.kind !== "GenericFn") continue;
    const callees: string[] = [];
    forEachNode(LsrcIL, item.body, (node) => {
      if (node.kind === "Try" && (node.value as Lsrc.Expr).kind === "Call") callees.push((node.value as Lsrc.Call).callee);
      else if (node.kind === "Try") callees.push("");
    });
    if (callees.length > 0) tries.set(item.name, callees);
  }
  for (const callees of tries.values()) if (callees.some((c) => tries.has(c))) w.used.add("try through two calls");
}
