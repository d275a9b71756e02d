// What the typing rules share (part of check-types): the checker's state while
// it walks one function (scopes of bindings, the loop depth, the result type,
// the type parameters in scope, type inference's vars, the items it uses), the
// program-wide facts it reads (functions, constants, records and unions, the
// table of types), and the small helpers every rule uses. The rules themselves
// are in check-body.ts (statements and expressions), check-data.ts (data) and
// check-match.ts (match, patterns, try); the last two check the expressions
// inside their constructs through `checkExpr` and `checkBlock` here, so they
// need not import check-body.ts.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import type { Loc } from "../il/node.js";
import { maxCaptures } from "../ir-defs/heap-layout.js";
import type { ConstantInfo } from "./check-constants.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { giveUp, resolve, unify, type Inference } from "./inference.js";
import type { TypeItems, TypeScope } from "./type-items.js";
import type { Protocols } from "./protocols.js";
import { ErrorType, isType, show, tooBig, UnitType, type Type, type TypeTable } from "./types.js";
import { hiddenName } from "./prelude.js";

export interface Binding {
  readonly type: Type;
  readonly mutable: boolean;
  readonly what: "let" | "for" | "parameter" | "pattern";
  readonly loc: Loc | undefined;
}

export interface Scope {
  /** Made on the first binding: most blocks bind nothing. */
  names: Map<string, Binding> | null;
  readonly parent: Scope | null;
  /** On the scope of an anonymous function's parameters, the boundary of its body: the
   * bindings from outside it that the body uses, which the function captures. */
  readonly captures?: Set<Binding>;
  /** With `captures`: the boundary is a spawned block's, not an anonymous function's (check-tasks.ts). */
  readonly spawned?: boolean;
}

/** A fn item's signature: its parameter and result types (`->` omitted: Unit), and its type
 * `fn(Int, Bool) -> Int`; for a generic one, its type parameters, which those use. */
export interface Signature {
  readonly tparams: readonly Type[];
  readonly params: readonly Type[];
  readonly ret: Type;
  readonly type: Type;
}

export interface Checker {
  readonly sink: DiagnosticSink;
  /** Where warnings go (an arm that can never match): check-types passes them on if there is no error. */
  readonly warnings: DiagnosticSink;
  readonly constants: ReadonlyMap<string, ConstantInfo>;
  /** The signature of each fn item, by name. */
  readonly functions: ReadonlyMap<string, Signature>;
  /** The program's records and unions, and how written types are read. */
  readonly data: TypeItems;
  /** Makes the types of expressions: each once (types.ts). */
  readonly types: TypeTable;
  /** The vars of the body being checked, and what they are bound to. */
  readonly inference: Inference;
  /** The name the ILs give the prelude's Result, which `try` unwraps (null without a prelude). */
  readonly preludeResult: string | null;
  /** The name the ILs give the prelude's Option, which a channel's `recv` returns (null without a prelude). */
  readonly preludeOption: string | null;
  /** The protocols, impls and methods (protocols.ts); the prelude's Eq and Ord, which `==`
   * and `<` on types other than Int, Bool and String call (null when the program has none). */
  readonly protocols: Protocols;
  readonly preludeEq: string | null;
  readonly preludeOrd: string | null;
  /** The bounds a generic use must meet, checked when the body's inference is done: the
   * used item's parameters, the type arguments found for them, where, and what is used. */
  readonly pendingBounds: { params: readonly Type[]; args: readonly Type[]; loc: Loc | undefined; what: string }[];
  /** The type parameters in scope, and the set that notes each item the item being checked uses. */
  typeScope: TypeScope;
  /** The result type of the function being checked. */
  result: Type;
  /** The function being checked when it has no `->` (so returns Unit), as a message names it
   * (`fact`, `this anonymous function`); null with one, and in main. */
  arrowless: string | null;
  scope: Scope | null;
  /** How many loops enclose the code being checked. */
  loops: number;
  /** How many `scope`s enclose the code being checked, inside its function (an anonymous one is a boundary). */
  scopes: number;
  /** The rules of statements and expressions (check-body.ts), for the rules
   * of data (check-data.ts) that check the expressions inside a construct. */
  readonly checkExpr: (c: Checker, e: Lsrc.Expr) => Typed<Ltyped.Expr>;
  readonly checkBlock: (c: Checker, b: Lsrc.Block) => Typed<Ltyped.Block>;
}

export interface Typed<N> {
  readonly node: N;
  readonly type: Type;
}

/** The binding a name refers to; one found outside an anonymous function (or several nested)
 * is noted as captured by each. */
export function lookup(c: Checker, name: string): Binding | undefined {
  let crossed: Set<Binding>[] | null = null;
  for (let s = c.scope; s; s = s.parent) {
    const b = s.names?.get(name);
    if (b) {
      crossed?.forEach((captures) => captures.add(b));
      return b;
    }
    if (s.captures) (crossed ??= []).push(s.captures);
  }
  return undefined;
}

/** The names code may use here: the variables in scope, the consts, functions and constructors. */
export function namesInScope(c: Checker): string[] {
  const names: string[] = [];
  for (let s = c.scope; s; s = s.parent) names.push(...(s.names?.keys() ?? []));
  return [...names, ...c.constants.keys(), ...c.functions.keys(), ...c.data.ctors.keys()];
}

/** Checks `inside` as the body of a capture boundary (an anonymous function, or a spawned block
 * when `spawned`): in a scope of its own that collects what it captures, where no loop around it
 * can be left by `break` or `continue`; then says when it captures more than a closure can hold. */
export function withinBoundary<R>(c: Checker, loc: Loc | undefined, what: string, spawned: boolean, inside: () => R): R {
  const [scope, loops] = [c.scope, c.loops];
  const captures = new Set<Binding>();
  c.scope = { names: null, parent: scope, captures, ...(spawned ? { spawned } : {}) };
  c.loops = 0;
  const result = inside();
  [c.scope, c.loops] = [scope, loops];
  if (captures.size > maxCaptures) c.sink.report(loc, `${what} captures ${captures.size} variables: at most ${maxCaptures} are supported (gather some in a tuple or a record)`);
  return result;
}

/** Whether `name` is a variable bound outside the anonymous function being checked (one it captures). */
export function isCaptured(c: Checker, name: string): boolean {
  for (let s = c.scope; s; s = s.parent) {
    if (s.names?.has(name)) return false;
    if (s.captures) return lookup(c, name) !== undefined;
  }
  return false;
}

export function bind(c: Checker, name: string, binding: Binding): void {
  (c.scope!.names ??= new Map()).set(name, binding);
}

/** Notes that the item being checked uses the item `name` (check-types keeps only the
 * prelude's items that the program uses). */
/** How to give `type` an impl of `protocol`, as a message advises: a bound for a type parameter,
 * an impl for the program's own record or union, or for the program's own protocol; for a
 * tuple, a function, a built-in type or the prelude's Option and Result, an impl of the
 * prelude's Eq, Ord or Show cannot be written (it goes where its protocol or its type is declared). */
export function implFix(c: Checker, protocol: string, type: Type): string {
  const h = type.head;
  if (h.kind === "param") return `add the bound \`${show(type)}: ${protocol}\``;
  const own = h.kind === "named" && (c.data.records.has(h.name) || c.data.unions.has(h.name)) && h.name !== c.preludeOption && h.name !== c.preludeResult;
  const prelude = protocol === c.preludeEq || protocol === c.preludeOrd || protocol === "Show" || protocol === hiddenName("Show");
  const ctor = c.data.ctors.get(protocol); // (`union Cmp { Lt, Eq, Gt }` hides the prelude's Eq)
  if (own && ctor && ctor.union.name !== c.preludeOption && ctor.union.name !== c.preludeResult) return `write \`impl ${protocol} for ${show(type)}\`, once this file's constructor \`${protocol}\` of ${ctor.union.name}, which hides the prelude's protocol, has another name`;
  if (own || !prelude) return `write \`impl ${protocol} for ${show(type)}\``;
  return `no program can write \`impl ${protocol} for ${show(type)}\`: an impl goes where its protocol or its type is declared`;
}

/** Why a value of type `found` is an error where the result is wanted, in a function without
 * `->` (else null): it returns Unit, and how to make it return the value. */
export const arrowHint = (c: Checker, found: Type): string | null =>
  c.arrowless === null || !isType(c.result, UnitType) ? null : `${c.arrowless} has no \`->\`, so it returns Unit: to return ${show(found)}, write \`-> ${show(found)}\` after its parameters`;

export const use = (c: Checker, name: string): void => void c.typeScope.uses?.add(name);

/** A type with what inference knows so far written in (inference.ts). */
export const known = (c: Checker, t: Type): Type => resolve(c.inference, c.types, t);

/** Makes `found` the type `expected` (binding vars: inference.ts), or reports "expected X,
 * found Y" at `loc` and gives false. `why` is added in parentheses. */
export function expectType(c: Checker, found: Type, expected: Type, loc: Loc | undefined, why?: string): boolean {
  if (unify(c.inference, found, expected)) return true;
  c.sink.report(loc, `expected ${show(known(c, expected))}, found ${show(known(c, found))}${why ? ` (${why})` : ""}`);
  giveUp(c.inference, found);
  giveUp(c.inference, expected);
  return false;
}

/** The type of two branches (if/else, the arms of a match): Never gives way to the other;
 * null if they differ. */
export function joinTypes(c: Checker, a: Type, b: Type): Type | null {
  if (a.kind === "never") return b;
  if (b.kind === "never") return a;
  if (unify(c.inference, a, b)) return known(c, a.kind === "error" ? b : a);
  giveUp(c.inference, a);
  giveUp(c.inference, b);
  return null;
}

/** `t`, which must be known here (a field, an element, what `print` prints): an unbound var
 * is reported at loc ("type annotations needed") and gives Error. */
export function mustKnow(c: Checker, t: Type, loc: Loc | undefined): Type {
  const k = known(c, t);
  if (k.kind !== "var") return k;
  c.sink.report(loc, "the type of this expression is not known here: write the type of the variable that holds it (`let x: Type = ...`)");
  giveUp(c.inference, k);
  return ErrorType;
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
  if (e.kind === "Scope") return tailLoc(e.body);
  const last = e.kind === "Block" ? e.stmts[e.stmts.length - 1] : undefined;
  return last?.kind === "ExprStmt" ? tailLoc(last.expr) : e.loc;
}

