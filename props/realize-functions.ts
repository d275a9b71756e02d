// Realizing calls and fn items (props/realize.ts is the core): a call of
// a function the code may call, with its arguments taken from the skeleton in
// order (Int, Bool, then the others read at their parameter types), directly
// or through a variable; and a fn item with its parameters in scope, an early
// return maybe, its statements and its result (sometimes a tail call).
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { splitFunctionType } from "../ir-defs/type-syntax.js";
import { dataExpr } from "./realize-data.js";
import type { AnyE, CallE, FnSkeleton } from "./skeleton.js";
import { scalarType, type TypeInfo, type Types } from "./types.js";
import { block, bool, call, exprStmt, int, kindOf, laterOperand, v, type Context, type Signature, type Walk } from "./walk.js";

/** The type of an expression of the skeleton (Data: one of the palette). */
export const typeOfAny = (types: Types, e: AnyE): TypeInfo =>
  e.ty === "Data" ? types.palette[e.type < 0 ? types.palette.length + e.type : e.type % types.palette.length]! : scalarType(e.ty);

/** The variables in scope that hold closures (of a type `fn(...) -> R`), as functions the code may call. */
export function closureVariables(ctx: Context): Signature[] {
  const seen = new Set<string>();
  const out: Signature[] = [];
  for (let i = ctx.scope.length - 1; i >= 0; i--) {
    const x = ctx.scope[i]!;
    if (seen.has(x.name)) continue;
    seen.add(x.name);
    const signature = splitFunctionType(x.type);
    if (signature !== null) out.push({ name: x.name, ...signature });
  }
  return out;
}

/** A call of a function (or of a closure in a variable) with a result of `type`, or a literal when there is none to call. */
export function callExpr(w: Walk, e: CallE, type: string, ctx: Context): Lsrc.Expr {
  const candidates = ctx.constant ? [] : [...ctx.callable, ...closureVariables(ctx)].filter((f) => f.ret === type);
  if (candidates.length === 0) return w.fallback(type, e.pick);
  const f = candidates[e.pick % candidates.length]!;
  if (!ctx.callable.includes(f)) w.used.add("call of a closure in a variable");
  const args = argumentsOf(w, e, f.params, ctx);
  w.used.add(`call ${kindOf(type)}`);
  if (f.params.length > 0) w.used.add("call with arguments");
  if (!e.indirect) return call(f.name, ...args);
  w.used.add("call through a variable");
  const holder = w.fresh("fv");
  return block({ kind: "Let", decl: "let", name: holder, type: null, init: v(f.name) }, exprStmt(call(holder, ...args)));
}

/** The arguments of a call with parameters of these types, taken from the skeleton in order (Int, Bool, then the others). */
export function argumentsOf(w: Walk, e: CallE, params: readonly string[], ctx: Context): Lsrc.Expr[] {
  let [i, b, d] = [0, 0, 0];
  // Left to right, each argument a later operand of the ones before it.
  let c = ctx;
  return params.map((p) => {
    let arg: Lsrc.Expr;
    if (p === "Int") arg = e.ints[i] ? w.int(e.ints[i++]!, c) : int(BigInt(i++));
    else if (p === "Bool") arg = e.bools[b] ? w.bool(e.bools[b++]!, c) : bool(b++ % 2 === 0);
    else {
      w.used.add(p === "String" ? "call with a String argument" : "call with a heap argument");
      const data = e.data[d++];
      arg = data ? dataExpr(w, data, p, c) : w.types.defaultValue(p, d);
    }
    c = laterOperand(c, arg);
    return arg;
  });
}

/** A fn item: its parameters in scope (immutable), an early return maybe, statements, its result. */
export function fnItem(w: Walk, f: FnSkeleton, name: string, types: readonly TypeInfo[], ctx: Context): Lsrc.Fn {
  const params: Lsrc.Param[] = types.map((type, j) => ({ kind: "Param", name: `p${j}`, type: type.written }));
  types.forEach((type, j) => {
    ctx.scope.push({ name: `p${j}`, type: type.canon, mutable: false });
    if (type.canon === "String") w.used.add("String parameter");
    else if (type.depth > 0) w.used.add("heap parameter");
  });
  const stmts: Lsrc.Stmt[] = [];
  const ret = typeOfAny(w.types, f.result);
  // One function of a program may call itself: when it has an early return and a tail call, and its
  // result and first parameter are Int (`recursive` below).
  const recursive = f.early !== null && f.tail !== null && ret.canon === "Int" && types[0]?.canon === "Int" && !w.used.has("recursive function") && !w.used.has("tail-recursive function");
  if (recursive) return recursiveFn(w, f, name, params, ctx);
  // A store that prefers the parameters' arrays and boxes, as a store in a later operand prefers what earlier ones read.
  if (f.change) stmts.push(...w.statements([f.change], { ...ctx, earlier: params.map((p) => p.name) }, true));
  if (f.early) {
    w.used.add(ret.canon === "Unit" ? "return without a value" : "return with a value");
    const value = ret.canon === "Unit" ? null : w.any(f.result, { ...ctx, scope: [...ctx.scope] });
    stmts.push(exprStmt({ kind: "If", cond: w.bool(f.early, ctx), then: block({ kind: "Return", value }), else: null }));
  }
  stmts.push(...w.statements(f.body, ctx, true));
  if (f.tail && ctx.callable.some((g) => g.ret === ret.canon)) {
    w.used.add("call as a function's result");
    stmts.push(exprStmt(callExpr(w, f.tail, ret.canon, ctx)));
  } else stmts.push(exprStmt(w.any(f.result, ctx)));
  if (ret.canon === "Unit") w.used.add("fn without a result");
  else if (ret.canon === "String") w.used.add("fn returning a String");
  else if (ret.depth > 0) w.used.add("fn returning a heap value");
  return { kind: "Fn", name, params, ret: ret.canon === "Unit" ? null : ret.written, body: block(...stmts) };
}

/** A function that calls itself, as fib does: `if p0 <= 0 { return p0 }` first; then (f.tail's
 * pick even) `let r = f((p0 & 3) - 1, p1, ...)`, the statements, and the result `result ^ r ^ p0`,
 * so the parameter lives across the call; or (odd) the statements and that call as the result, a
 * tail call. The depth is at most 4 whatever p0 is. Its guard needs no frame, so shrink-wrap-frames
 * moves the frame past it, and the parameter the guard reads is in a callee-saved register. */
function recursiveFn(w: Walk, f: FnSkeleton, name: string, params: Lsrc.Param[], ctx: Context): Lsrc.Fn {
  const tail = f.tail!.pick % 2 === 1;
  w.used.add(tail ? "tail-recursive function" : "recursive function");
  const guard = exprStmt({ kind: "If", cond: { kind: "Binary", op: "<=", left: v("p0"), right: int(0n) }, then: block({ kind: "Return", value: v("p0") }), else: null });
  const again = call(name, { kind: "Binary", op: "-", left: { kind: "Binary", op: "&", left: v("p0"), right: int(3n) }, right: int(1n) }, ...params.slice(1).map((p) => v(p.name)));
  const stmts: Lsrc.Stmt[] = [guard];
  if (f.change) stmts.push(...w.statements([f.change], { ...ctx, earlier: params.map((p) => p.name) }, true));
  if (tail) {
    stmts.push(...w.statements(f.body, ctx, true), exprStmt(again));
  } else {
    const r = w.fresh("rec");
    stmts.push({ kind: "Let", decl: "let", name: r, type: null, init: again });
    ctx.scope.push({ name: r, type: "Int", mutable: false });
    stmts.push(...w.statements(f.body, ctx, true));
    const xor = (a: Lsrc.Expr, b: Lsrc.Expr): Lsrc.Expr => ({ kind: "Binary", op: "^", left: a, right: b });
    stmts.push(exprStmt(xor(xor(w.any(f.result, ctx), v(r)), v("p0"))));
  }
  return { kind: "Fn", name, params, ret: "Int", body: block(...stmts) };
}
