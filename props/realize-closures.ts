// Realizing anonymous functions (props/realize.ts is the core): a LambdaE is
// an anonymous function of the result wanted, made and called where it
// stands, and a `letFn` statement one kept in a variable, which later calls
// (realize-functions.ts) may call. The body reads what it likes of the scope
// around it, so it captures variables of every type in scope (closures in
// variables too); inside it, everything around is read-only (assigning a
// captured variable is an error) and no loop encloses it.
//
// How a LambdaE reaches its call varies (`how`), so that closures are stored,
// passed and returned:
//   { let g = fn...; effect; g(args) }    the effect (often an assignment to a
//                                         variable it captured) shows that captures are copies
//   (fn...)(args)                         called where it is made
//   apply3(fn..., args)                   passed to a function that calls it
//   wrap3(fn...)(args)                    returned from a function, wrapped in a
//                                         closure that captures it
//   (Box(fn...).get())(args), (array(2, fn...)[1])(args), ((fn..., 0).0)(args)
//   (match Some(fn...) { Some(f) => f, None => fn... })(args)   with unions
//   apply3(f1, args)                      a fn item of the same type, as a value
// `apply<n>` and `wrap<n>` are fn items made once per function type (Walk.items).
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { functionType } from "../ir-defs/type-syntax.js";
import { observe } from "./places.js";
import { argumentsOf, typeOfAny } from "./realize-functions.js";
import type { AnyE, LambdaE, LambdaSkel, Stmt } from "./skeleton.js";
import { scalarType, type TypeInfo } from "./types.js";
import { block, call, exprStmt, int, v, type Context, type Walk } from "./walk.js";

interface Made {
  readonly expr: Lsrc.Lambda;
  /** Its type, `fn(T0, ...) -> R`, and its parameters' types. */
  readonly type: string;
  readonly params: readonly string[];
  /** The variables of the scope around that its body reads (what it captures). */
  readonly captured: readonly string[];
}

/** The variables an Lsrc tree reads (and calls through). */
function readsOf(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const n of node) readsOf(n, out);
  else if (typeof node === "object" && node !== null) {
    const n = node as { kind?: string; name?: string; callee?: unknown };
    if (n.kind === "Var") out.add(n.name!);
    if (n.kind === "Call" && typeof n.callee === "string") out.add(n.callee);
    for (const value of Object.values(node)) if (typeof value === "object") readsOf(value, out);
  }
  return out;
}

/** An anonymous function: fresh parameters, its body where the scope around is read-only. */
function lambda<R>(w: Walk, f: LambdaSkel<R>, ret: TypeInfo, ctx: Context, result: (r: R, ctx: Context) => Lsrc.Expr): Made {
  const params = f.params.map((p) => (typeof p === "number" ? w.types.palette[p % w.types.palette.length]! : scalarType(p)));
  const names = params.map(() => w.fresh("q"));
  const readOnly = ctx.scope.map((x) => (x.mutable ? { ...x, mutable: false } : x));
  const inner: Context = { scope: [...readOnly, ...params.map((p, i) => ({ name: names[i]!, type: p.canon, mutable: false }))], loops: 0, constant: false, callable: ctx.callable, main: false, earlier: [] };
  // What it reads first: one variable around it, or (reads >= 3) two, so that captures of two types sit side by side.
  const around = w.visible(ctx.scope, null, false);
  const reads = f.reads === null || around.length === 0 ? [] : f.reads >= 3 && around.length >= 2 ? [f.reads, f.reads + 1] : [f.reads];
  const observed = reads.flatMap((r) => { const x = around[r % around.length]!; return observe(w, v(x.name), x.type); });
  const stmts = [...observed, ...w.statements(f.body, inner, true)];
  const body = block(...stmts, exprStmt(result(f.result, inner)));
  const outer = new Set(ctx.scope.map((x) => x.name));
  const captured = [...readsOf(body, new Set())].filter((name) => outer.has(name) && !names.includes(name));
  w.used.add("anonymous function");
  if (params.length > 0) w.used.add("anonymous function with parameters");
  if (captured.length > 0) w.used.add("anonymous function capturing a variable");
  if (captured.some((name) => ctx.scope.some((x) => x.name === name && x.type.startsWith("fn(")))) w.used.add("closure capturing a closure");
  if (captured.some((name) => ctx.scope.some((x) => x.name === name && x.type !== "Int" && x.type !== "Bool" && !x.type.startsWith("fn(")))) w.used.add("closure capturing a String or heap value");
  if (captured.some((name) => ctx.scope.some((x) => x.name === name && w.types.unions?.ctors(x.type)))) w.used.add("closure capturing a union value");
  if (/\b[A-Z]\b/.test(functionType(params.map((p) => p.canon), ret.canon)) || captured.some((name) => ctx.scope.some((x) => x.name === name && /\b[A-Z]\b/.test(x.type)))) w.used.add("closure over a type parameter");
  const expr: Lsrc.Lambda = { kind: "Lambda", params: params.map((p, i) => ({ kind: "Param", name: names[i]!, type: p.written })), ret: ret.canon === "Unit" ? null : ret.written, body };
  return { expr, type: functionType(params.map((p) => p.canon), ret.canon), params: params.map((p) => p.canon), captured };
}

/** The fn item `apply<n>(f, a0, ...)` that calls f, or `wrap<n>(f)` that returns a closure calling f, for functions of `type`. */
function helper(w: Walk, what: "apply" | "wrap", type: string, params: readonly string[], ret: string): string {
  const key = `${what} ${type}`;
  const known = w.items.get(key);
  if (known) return known.name;
  const name = `${what}${w.items.size}`;
  const args = params.map((_, i) => `a${i}`);
  const calling = block(exprStmt(call("f", ...args.map(v))));
  const item: Lsrc.Fn =
    what === "apply"
      ? { kind: "Fn", name, params: [{ kind: "Param", name: "f", type }, ...params.map((p, i): Lsrc.Param => ({ kind: "Param", name: args[i]!, type: p }))], ret: ret === "Unit" ? null : ret, body: calling }
      : { kind: "Fn", name, params: [{ kind: "Param", name: "f", type }], ret: type, body: block(exprStmt({ kind: "Lambda", params: params.map((p, i) => ({ kind: "Param", name: args[i]!, type: p })), ret: ret === "Unit" ? null : ret, body: calling })) };
  w.items.set(key, item);
  return name;
}

const apply = (callee: Lsrc.Expr, args: Lsrc.Expr[]): Lsrc.Apply => ({ kind: "Apply", callee, args });

/** An anonymous function with a result of `type`, made and called where it stands (see the header). */
export function lambdaExpr<E>(w: Walk, e: LambdaE<E>, type: string, ctx: Context, self: (e: E, ctx: Context) => Lsrc.Expr): Lsrc.Expr {
  if (ctx.constant) return self(e.fn.result, ctx);
  // A type naming a generic function's type parameter (T, U) cannot leave it: no helper item then.
  const open = (t: string) => /\b[A-Z]\b/.test(t);
  const how = open(type) && [2, 3, 7].includes(e.how % 8) ? 1 : e.how % 8;
  const items = how === 7 ? ctx.callable.filter((f) => f.ret === type) : [];
  if (items.length > 0) {
    const f = items[e.args.pick % items.length]!;
    w.used.add("fn item passed as a value");
    return call(helper(w, "apply", functionType(f.params, f.ret), f.params, type), v(f.name), ...argumentsOf(w, e.args, f.params, ctx));
  }
  const made = lambda(w, e.fn, { canon: type, written: type, depth: 0 }, ctx, self);
  const args = (c: Context = ctx) => argumentsOf(w, e.args, made.params, c);
  switch (open(made.type) && [2, 3, 7].includes(how) ? 1 : how) {
    case 1:
      w.used.add("anonymous function called where it is made");
      return apply(made.expr, args());
    case 2: case 7:
      w.used.add("closure passed to a function");
      return call(helper(w, "apply", made.type, made.params, type), made.expr, ...args());
    case 3:
      w.used.add("closure returned from a function");
      w.used.add("closure capturing a closure"); // wrap's closure captures the one it is given
      return apply(call(helper(w, "wrap", made.type, made.params, type), made.expr), args());
    case 4:
      w.used.add("closure in a Box");
      return apply({ kind: "MethodCall", target: call("Box", made.expr), method: "get", args: [] }, args());
    case 5:
      w.used.add("closure in an array");
      return apply({ kind: "Index", target: call("array", int(2n), made.expr), index: int(BigInt(e.args.pick % 2)) }, args());
    case 6:
      if (w.types.unions !== null && e.args.pick % 2 === 1) {
        // In an Option, matched on: the closure flows out of a match arm (compile-match runs before closure conversion).
        w.used.add("closure in a union, matched on");
        const some: Lsrc.Expr = call("Some", made.expr);
        const arms: Lsrc.Arm[] = [{ kind: "Arm", pattern: { kind: "CtorPat", ctor: "Some", args: [{ kind: "Binder", name: "f" }] }, guard: null, body: v("f") }, { kind: "Arm", pattern: { kind: "Binder", name: "None" }, guard: null, body: made.expr }];
        return apply({ kind: "Match", scrutinee: some, arms }, args());
      }
      w.used.add("closure in a tuple");
      return apply({ kind: "Field", target: { kind: "Tuple", elems: [made.expr, int(0n)] }, field: "0" }, args());
    default: {
      // In a variable; then an effect that prefers what the closure captured, then the call.
      w.used.add("closure in a variable");
      const g = w.fresh("g");
      const after: Context = { ...ctx, scope: [...ctx.scope], earlier: [...ctx.earlier, ...made.captured] };
      const between = e.between === null ? [] : w.statements([e.between], after, false);
      if (between.some((s) => s.kind === "Assign" && made.captured.includes(s.name))) w.used.add("captured variable assigned before the call");
      return block({ kind: "Let", decl: "let", name: g, type: null, init: made.expr }, ...between, exprStmt(call(g, ...args(after))));
    }
  }
}

/** `let g = fn(...) -> R { ... }`: a closure in a variable of main or a function, which calls may call. */
export function letFnStmt(w: Walk, s: Stmt & { k: "letFn" }, name: string, ctx: Context): Lsrc.Stmt {
  const made = lambda<AnyE>(w, s.fn, typeOfAny(w.types, s.fn.result), ctx, (r, c) => w.any(r, c));
  ctx.scope.push({ name, type: made.type, mutable: false });
  w.used.add("let of an anonymous function");
  return { kind: "Let", decl: "let", name, type: null, init: made.expr };
}
