// What the two halves of realizing a skeleton share: props/realize.ts
// (the integer and control-flow core, functions, the program) and
// props/realize-data.ts (strings, tuples, records, arrays, boxes). The
// core makes a Walk, and the data half calls back into it.
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type { AnyE, BoolE, IntE, Shared, Stmt } from "./skeleton.js";
import { printable, type Types } from "./types.js";

export interface Variable {
  readonly name: string;
  /** Its type's canonical text (props/types.ts). */
  readonly type: string;
  readonly mutable: boolean;
}

/** A function the code may call. */
export interface Signature {
  readonly name: string;
  readonly params: readonly string[];
  readonly ret: string;
}

/** Where a piece of code is: the variables in scope, how many loops enclose it, what it may call. */
export interface Context {
  readonly scope: Variable[];
  readonly loops: number;
  /** Inside a const: only literals, operators and other consts. */
  readonly constant: boolean;
  readonly callable: readonly Signature[];
  /** In main's body (not a function's), where code outside loops runs once. */
  readonly main: boolean;
  /** The variables that earlier operands of the enclosing expressions are, or read a place from
   * (`a` and `i` in the value of `a[i] = e`, `b` after `b.get()`): an assignment or a store in a
   * later operand picks one of them when it can, so that evaluation order shows (`a[i] = { i = 2; 7 }`). */
  readonly earlier: readonly string[];
  /** The result type of the function around (main's is Unit), where `return` may stand; none in a const. */
  readonly result?: string;
  /** The name of the function around (with the generator's `unions` switch: `try` through calls). */
  readonly fn?: string;
}

export interface Walk {
  /** The constructs written so far (for the coverage count). */
  readonly used: Set<string>;
  readonly types: Types;
  /** Items the realizers add to the program (fn items of props/realize-closures.ts, the records of props/realize-record-kernels.ts), by what they are. */
  readonly items: Map<string, Lsrc.Fn | Lsrc.Record>;
  /** Concatenations so far whose right operand may read variables (see realize-data.ts). */
  wideConcats: number;
  /** A fresh name: `prefix` and a number. */
  fresh(prefix: string): string;
  /** The variables a name reaches (the latest binding of each name), of a type; `null`: of any type but
   * a function's (closures in variables are only called: realize-functions.ts). */
  visible(scope: readonly Variable[], type: string | null, mutable: boolean): Variable[];
  /** A variable of the type chosen by pick, or null when there is none. */
  variable(ctx: Context, type: string, pick: number): Lsrc.Expr | null;
  /** A literal or default value of the type, varied by pick: what a variable or call falls back to. */
  fallback(type: string, pick: number): Lsrc.Expr;
  int(e: IntE, ctx: Context): Lsrc.Expr;
  bool(e: BoolE, ctx: Context): Lsrc.Expr;
  any(e: AnyE, ctx: Context): Lsrc.Expr;
  /** What every type's expressions share: a variable, a call, if/else, a block, a Never branch. */
  shared<E>(e: Shared<E>, type: string, ctx: Context, self: (e: E, ctx: Context) => Lsrc.Expr): Lsrc.Expr;
  /** Statements in a new scope; with `unit`, the block they make has type Unit. */
  statements(list: readonly Stmt[], ctx: Context, unit: boolean): Lsrc.Stmt[];
  /** `{ effect; value }`, the value made in `ctx` (the effect declares nothing: a let becomes its
   * value alone); the value alone when the effect comes to nothing. `construct` names it for the coverage count. */
  sideEffect(effect: Stmt, ctx: Context, construct: string, value: (ctx: Context) => Lsrc.Expr): Lsrc.Expr;
}

/** The variable an operand is, or the variables of a place it reads (`a` and `i` of `a[i].x`, `b` of `b.get()`). */
function operandVariables(e: Lsrc.Expr): string[] {
  switch (e.kind) {
    case "Var": return [e.name];
    case "Field": return operandVariables(e.target);
    case "Index": return [...operandVariables(e.target), ...(e.index.kind === "Var" ? [e.index.name] : [])];
    case "MethodCall": return e.method === "get" ? operandVariables(e.target) : [];
    default: return [];
  }
}

/** The context of a later operand: `ctx` after operands that were realized as `before`. */
export const laterOperand = (ctx: Context, ...before: Lsrc.Expr[]): Context =>
  ctx.constant || before.length === 0 ? ctx : { ...ctx, earlier: [...ctx.earlier, ...before.flatMap(operandVariables)] };

/** One of `list` chosen by `pick`: mostly one whose variable (`name`) an earlier operand read, when there is one. */
export function prefer<T>(ctx: Context, list: readonly T[], name: (x: T) => string | null, pick: number): T | undefined {
  const read = pick % 4 === 3 ? [] : list.filter((x) => { const n = name(x); return n !== null && ctx.earlier.includes(n); });
  const from = read.length > 0 ? read : list;
  return from[pick % from.length];
}

/** How constructs name a type: Int, Bool, Unit, String, or "heap value". */
export const kindOf = (type: string): string => (printable(type) || type === "Unit" ? type : "heap value");

/** The names of variables: few, so that shadowing is common (`K0` shadows a const). */
export const namePool = ["a", "b", "c", "x", "y", "n", "flag", "K0"];

export const int = (value: bigint): Lsrc.Int => ({ kind: "Int", value });
export const bool = (value: boolean): Lsrc.Bool => ({ kind: "Bool", value });
export const str = (value: string): Lsrc.Str => ({ kind: "Str", value });
export const v = (name: string): Lsrc.Var => ({ kind: "Var", name });
export const bin = (left: Lsrc.Expr, op: Lsrc.Binary["op"], right: Lsrc.Expr): Lsrc.Binary => ({ kind: "Binary", left, op, right });
export const call = (callee: string, ...args: Lsrc.Expr[]): Lsrc.Call => ({ kind: "Call", callee, args });
export const block = (...stmts: Lsrc.Stmt[]): Lsrc.Block => ({ kind: "Block", stmts });
export const exprStmt = (expr: Lsrc.Expr): Lsrc.ExprStmt => ({ kind: "ExprStmt", expr });
export const letStmt = (name: string, init: Lsrc.Expr, mutable = false, type: string | null = null): Lsrc.Let => ({ kind: "Let", decl: mutable ? "let mut" : "let", name, type, init });
export const forRange = (name: string, from: Lsrc.Expr, to: Lsrc.Expr, ...body: Lsrc.Stmt[]): Lsrc.For => ({ kind: "For", name, from, to, body: block(...body) });
export const print = (e: Lsrc.Expr): Lsrc.Stmt => exprStmt(call("print", e));
