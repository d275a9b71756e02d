// What the typing rules share (part of check-types): the checker's state while
// it walks one function (scopes of bindings, the loop depth, the result type),
// the program-wide facts it reads (functions, constants, records, the table
// of types), and the
// small helpers every rule uses. The rules themselves are in check-body.ts
// (statements and expressions) and check-data.ts (data), which reach each
// other only through `checkExpr` and `checkBlock` here, so neither imports the other.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import type { Loc } from "../il/node.js";
import type { ConstantInfo } from "./check-constants.js";
import type { DiagnosticSink } from "./diagnostics.js";
import type { TypeItems } from "./type-items.js";
import { ErrorType, fits, show, tooBig, type Type, type TypeTable } from "./types.js";

export interface Binding {
  readonly type: Type;
  readonly mutable: boolean;
  readonly what: "let" | "for" | "parameter";
  readonly loc: Loc | undefined;
}

export interface Scope {
  /** Made on the first binding: most blocks bind nothing. */
  names: Map<string, Binding> | null;
  readonly parent: Scope | null;
}

export interface Checker {
  readonly sink: DiagnosticSink;
  readonly constants: ReadonlyMap<string, ConstantInfo>;
  /** The type of each fn item, by name: `fn(Int, Int) -> Bool`. */
  readonly functions: ReadonlyMap<string, Type>;
  /** The program's records, and how written types are read. */
  readonly records: TypeItems;
  /** Makes the types of expressions: each once (types.ts). */
  readonly types: TypeTable;
  /** The result type of the function being checked. */
  result: Type;
  scope: Scope | null;
  /** How many loops enclose the code being checked. */
  loops: number;
  /** The rules of statements and expressions (check-body.ts), for the rules
   * of data (check-data.ts) that check the expressions inside a construct. */
  readonly checkExpr: (c: Checker, e: Lsrc.Expr) => Typed<Ltyped.Expr>;
  readonly checkBlock: (c: Checker, b: Lsrc.Block) => Typed<Ltyped.Block>;
}

export interface Typed<N> {
  readonly node: N;
  readonly type: Type;
}

export function lookup(c: Checker, name: string): Binding | undefined {
  for (let s = c.scope; s; s = s.parent) {
    const b = s.names?.get(name);
    if (b) return b;
  }
  return undefined;
}

export function bind(c: Checker, name: string, binding: Binding): void {
  (c.scope!.names ??= new Map()).set(name, binding);
}

/** Reports "expected X, found Y" at `loc` unless `found` fits. */
export function expectType(c: Checker, found: Type, expected: Type, loc: Loc | undefined): void {
  if (!fits(found, expected)) c.sink.report(loc, `expected ${show(expected)}, found ${show(found)}`);
}

/** A type made for an expression at loc (a tuple, an array, a box), or Error after reporting
 * that it is too big to write out for the ILs (types.ts, tooBig). */
export function made(c: Checker, type: Type, loc: Loc | undefined): Type {
  const why = tooBig(type);
  if (why === null) return type;
  c.sink.report(loc, `the type of this expression, ${show(type)}, ${why}`);
  return ErrorType;
}

/** Reports an expression of type Never (at loc) used where its value's type must be known
 * (spec/language.md): `why` says what cannot be done with it. Gives null, for "no type". */
export function neverValue(c: Checker, loc: Loc | undefined, why: string): null {
  c.sink.report(loc, `this expression never produces a value (its type is Never): ${why}`);
  return null;
}

/** Where a value comes from: the last expression of a block, for carets. */
export function tailLoc(e: Lsrc.Expr): Loc | undefined {
  const last = e.kind === "Block" ? e.stmts[e.stmts.length - 1] : undefined;
  return last?.kind === "ExprStmt" ? tailLoc(last.expr) : e.loc;
}

