// Where values are in scope, and how the code reaches them (tests/props/
// realize-data.ts uses these): a place is a variable, or a call's result, and
// a path of at most 3 steps into it (fields, array elements, `get()`). Reads
// (`p.x`, `a[i].y`, `b.get().0`), `len`, element assignments, `for v in a`
// and the printing of whole values all start from a place.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type { Effect, IndexSkel } from "./skeleton.js";
import { printable, type Component } from "./types.js";
import { bin, block, call, exprStmt, int, laterOperand, str, v, type Context, type Walk } from "./walk.js";

/** Where a value is: a root (a variable, or a call) and the steps into it. */
export interface Place {
  readonly root: Lsrc.Expr;
  readonly path: readonly Component[];
  readonly type: string;
}

/** The places in scope (paths of at most 3 steps from a variable, or with `calls` from a call's result) whose type `accept`s. */
export function places(w: Walk, ctx: Context, accept: (type: string, steps: number) => boolean, calls = false): Place[] {
  const out: Place[] = [];
  const walk = (root: Lsrc.Expr, path: readonly Component[], type: string) => {
    if (accept(type, path.length)) out.push({ root, path, type });
    if (path.length < 3) for (const c of w.types.components(type)) walk(root, [...path, c], c.type);
  };
  if (ctx.constant) return out;
  for (const x of w.visible(ctx.scope, null, false)) walk({ kind: "Var", name: x.name }, [], x.type);
  // A call's result, with the first value of each parameter's type as arguments: `f1(0, "").items[0]`.
  if (calls) for (const f of ctx.callable) walk(call(f.name, ...f.params.map((p, i) => w.types.defaultValue(p, i))), [], f.ret);
  return out.filter((p) => p.root.kind === "Var" || p.path.length > 0);
}

/** A place as an expression; its first array index is `index`, any other 0. With an `effect`,
 * the root is read after it: `({ i = 2; a })[i]`. */
export function placeExpr(w: Walk, p: Place, index: IndexSkel, ctx: Context, effect: Effect = null): Lsrc.Expr {
  let e = p.root;
  let first = true;
  if (p.root.kind === "Call") w.used.add("field of a call's result");
  if (effect !== null) e = w.sideEffect(effect, ctx, "side effect before a place", () => p.root);
  for (const c of p.path) {
    if (c.step === "field") {
      w.used.add(/^\d+$/.test(c.field) ? "tuple field" : "record field");
      e = { kind: "Field", target: e, field: c.field };
    } else if (c.step === "get") {
      w.used.add("Box get");
      e = { kind: "MethodCall", target: e, method: "get", args: [] };
    } else {
      w.used.add("array index");
      if (c.type === "Bool") w.used.add("Bool element read");
      e = { kind: "Index", target: e, index: first ? indexExpr(w, index, laterOperand(ctx, e)) : int(0n) };
      first = false;
    }
  }
  return e;
}

export function indexExpr(w: Walk, s: IndexSkel, ctx: Context): Lsrc.Expr {
  if (s.k === "at") return int(BigInt(s.value));
  w.used.add(s.wild ? "index from any Int" : "computed index");
  return s.wild ? w.int(s.e, ctx) : bin(w.int(s.e, ctx), "&", int(1n));
}

/** Statements that print everything printable in a value (which must have no effects: a variable, or a path from one);
 * `depth`: how many unions it is inside (a union's value is printed through a match, props/realize-unions.ts). */
export function observe(w: Walk, e: Lsrc.Expr, type: string, depth = 0): Lsrc.Stmt[] {
  if (printable(type)) return [exprStmt(call("print", e))];
  const union = w.types.unions === null ? null : observeUnion(w, e, type, depth, (x, t, d) => observe(w, x, t, d));
  if (union !== null) return union;
  return w.types.components(type).flatMap((c): Lsrc.Stmt[] => {
    if (c.step === "field") return observe(w, { kind: "Field", target: e, field: c.field }, c.type, depth);
    if (c.step === "get") return observe(w, { kind: "MethodCall", target: e, method: "get", args: [] }, c.type, depth);
    const o = w.fresh("o");
    return [{ kind: "ForEach", name: o, iter: e, body: block(...observe(w, v(o), c.type, depth)) }];
  });
}

/** Statements that print a union value (which has no effects): its constructor's name, then
 * what its fields hold, through a match; nothing past three unions deep. Null for other types. */
function observeUnion(w: Walk, e: Lsrc.Expr, type: string, depth: number, observe: (e: Lsrc.Expr, type: string, depth: number) => Lsrc.Stmt[]): Lsrc.Stmt[] | null {
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
