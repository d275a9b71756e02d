// What the source interpreters (tree.ts) add for unions, `match` and `try`,
// in Lsrc and Ltyped.
//
// A union's value is { ctor, tag, fields }, frozen (unions are values): the
// constructor's name, its position among its union's constructors (from 0),
// and its fields' values. Each constructor is a global: one without fields
// holds its value, so that Lsrc's `Nil` (a Var) reads it; one with fields
// holds { makes, tag }, which Lsrc's `Cons(1, Nil)` (a Call) calls and
// Ltyped's Construct reads the tag of. Constructor names are unique in a
// program (check-types, and front-end/prelude.ts for the prelude's).
//
// `match` evaluates its scrutinee once, then tries the arms top to bottom: the
// first whose pattern matches and whose guard (run with the pattern's names
// bound) is true gives the value. In Lsrc a bare name in a pattern is a
// constructor when a constructor without fields has that name; in Ltyped
// constructors are CtorPat and every Binder binds. `try e` gives the field of
// an Ok (tag 0 of the prelude's Result) and returns an Err (tag 1) from the
// function as it is.

import type * as Src from "../ir-defs/generated/Lsrc.js";
import type * as Typed from "../ir-defs/generated/Ltyped.js";
import type * as Matched from "../ir-defs/generated/Lnomatch.js";
import type { AnyNode } from "../il/node.js";
import { recordValue } from "./data.js";
import { evaluate, evaluateAll, newScope, type Cell, type Handler, type Handlers, type Machine, type Scope, type Value } from "./values.js";

export interface UnionValue {
  readonly ctor: string;
  readonly tag: number;
  readonly fields: readonly Value[];
}

/** What the global of a constructor with fields holds. */
export interface ConstructorValue {
  readonly makes: string;
  readonly tag: number;
  /** Its fields' names, in order. */
  readonly names: readonly string[];
}

export const isUnionValue = (v: Value): v is UnionValue & Value => typeof v === "object" && v !== null && "ctor" in v && "fields" in v;
export const isConstructor = (v: Value): v is ConstructorValue & Value => typeof v === "object" && v !== null && "makes" in v;

export const unionValue = (ctor: string, tag: number, fields: readonly Value[]): Value => Object.freeze({ ctor, tag, fields: Object.freeze([...fields]) });

/** The globals of a union item's constructors, by name. */
export function constructorCells(item: AnyNode): [string, Cell][] {
  const ctors = item.ctors as readonly { readonly name: string; readonly fields: readonly { readonly name: string }[] }[];
  return ctors.map((c, tag) => [c.name, { value: c.fields.length === 0 ? unionValue(c.name, tag, []) : Object.freeze({ makes: c.name, tag, names: Object.freeze(c.fields.map((f) => f.name)) }) }]);
}

/** A constructor's tag, from its global. */
function tagOf(ctor: string, m: Machine): number {
  const value = m.global(ctor)?.value;
  if (value === undefined || !(isConstructor(value) || isUnionValue(value))) throw new Error(`${ctor} is not a constructor`);
  return value.tag;
}

type Pattern = Src.Pattern | Typed.Pattern;

/** The names `p` binds when it matches `v` (added to `bound`), or false. `isCtor` says whether
 * a bare name is a constructor without fields (Lsrc) rather than a binder. */
function matches(p: Pattern, v: Value, bound: Map<string, Cell>, isCtor: (name: string) => boolean): boolean {
  switch (p.kind) {
    case "Wildcard": return true;
    case "Binder":
      if (isCtor(p.name)) return isUnionValue(v) && v.ctor === p.name;
      bound.set(p.name, { value: v });
      return true;
    case "IntPat": case "BoolPat": case "StrPat": return v === p.value;
    case "TuplePat": {
      const elems = (v as { tuple: readonly Value[] }).tuple;
      return p.elems.every((e, i) => matches(e, elems[i]!, bound, isCtor));
    }
    case "CtorPat":
      if (!isUnionValue(v)) throw new Error(`a ${p.ctor} pattern met a value that is no union's`);
      return v.ctor === p.ctor && p.args.every((a, i) => matches(a, v.fields[i]!, bound, isCtor));
  }
}

/** Lsrc: a bare name in a pattern is a constructor when the global of that name holds one's value. */
function sourceCtor(m: Machine): (name: string) => boolean {
  return (name) => {
    const value = m.global(name)?.value;
    return value !== undefined && isUnionValue(value) && value.ctor === name;
  };
}

const never = () => false;

function matchHandler(isCtor: (m: Machine) => (name: string) => boolean): Handler {
  return function* (node: Src.Match | Typed.Match, scope: Scope, m: Machine) {
    const value = yield* evaluate(node.scrutinee, scope, m);
    for (const arm of node.arms) {
      m.model.tick();
      const inner = newScope(scope);
      if (!matches(arm.pattern, value, inner.vars, isCtor(m))) continue;
      if (arm.guard !== null && (yield* evaluate(arm.guard, inner, m)) !== true) continue;
      return yield* evaluate(arm.body, inner, m);
    }
    throw new Error("no arm of a match matched (check-types proves one does)");
  };
}

/** `try` throws what `return` throws (tree.ts makes it), so that the call returns the Err. */
function tryHandler(returning: (value: Value) => unknown): Handler {
  return function* (node: Src.Try | Typed.Try, scope, m) {
    const value = yield* evaluate(node.value, scope, m);
    if (!isUnionValue(value)) throw new Error("try of a value that is no Result");
    if (value.tag === 0) return value.fields[0]!;
    throw returning(value);
  };
}

/** The handlers Lsrc adds: match (bare names may be constructors) and try. */
export function sourceUnions(returning: (value: Value) => unknown): Handlers {
  return { Match: matchHandler(sourceCtor), Try: tryHandler(returning) };
}

/** What Ltyped changes: match (every Binder binds), constructors, generic calls and instances. */
export const typedUnions: Handlers = {
  Match: matchHandler(() => never),
  *Construct(node: Typed.Construct, scope, m) {
    const fields = yield* evaluateAll(node.args, scope, m);
    return unionValue(node.ctor, tagOf(node.ctor, m), fields);
  },
  *GenericCall(node: Typed.GenericCall, scope, m) {
    const args = yield* evaluateAll(node.args, scope, m);
    return yield* m.call(node.callee, args);
  },
  *FnInstance(node: Typed.FnInstance) {
    return Object.freeze({ fn: node.name });
  },
  *GenericRecordLit(node: Typed.GenericRecordLit, scope, m) {
    return yield* recordValue(node.type, node.inits, scope, m);
  },
};

/** What Lnomatch adds, for the decision trees of compile-match: a constructor test and a field read. */
export const treeUnions: Handlers = {
  *IsCtor(node: Matched.IsCtor, scope, m) {
    const value = yield* evaluate(node.value, scope, m);
    if (!isUnionValue(value)) throw new Error(`a test for ${node.ctor} met a value that is no union's`);
    return value.ctor === node.ctor;
  },
  *CtorField(node: Matched.CtorField, scope, m) {
    const value = yield* evaluate(node.value, scope, m);
    if (!isUnionValue(value) || value.ctor !== node.ctor) throw new Error(`a field of ${node.ctor} read from a value it did not make`);
    const ctor = m.global(node.ctor)?.value;
    if (ctor === undefined || !isConstructor(ctor)) throw new Error(`${node.ctor} is no constructor with fields`);
    return value.fields[ctor.names.indexOf(node.field)]!;
  },
};
