// What the tree interpreters (tree.ts) add for methods, from Lsrc to Lnoconst:
// the methods of impls (Lsrc) and Method items (Ltyped on) as functions of
// their own, and which one a call `v.m(...)` (or, in Lsrc, `a == b` on a
// record or union) runs.
//
// An impl is for the types its type matches, its own parameters standing for
// any type (front-end/protocols.ts), and no type matches two impls' methods of
// one name. A method is found by the receiver's type when the call states one
// that matches an impl's (`Point`, `Stack[Int]` after monomorphize, `Stack[T]`
// in a generic impl's own code), and otherwise, in a generic function that runs
// as it is whatever its type arguments, and in Lsrc, which states no types, by
// the receiver's value: the impl whose type the value fits (an Int, a tuple of
// two values that fit, a record or union whose fields fit its type arguments).
// A value tells apart every impls' types but two that differ only in a
// function type's parts, or in the element type of an empty array: the front
// end accepts such a pair, and then, in those interpreters only, the first
// impl written is taken for both (spec/language.md, section 6).

import type { AnyNode } from "../il/node.js";
import { methodFunction } from "../ir-defs/names.js";
import { matchTypeTree, parseType, substituteType, type TypeTree } from "../ir-defs/type-syntax.js";
import { unit, type Value } from "./values.js";

interface FnLike {
  readonly params: readonly { readonly name: string }[];
  readonly body: { readonly kind: string };
}

/** A type's name without its type arguments: `Pair[Int, Bool]` is a Pair. */
const withoutArgs = (name: string): string => {
  const at = name.indexOf("[");
  return at < 0 ? name : name.slice(0, at);
};

export interface Methods {
  /** Every method as a function, by `Type.method` (its impl's type as written). */
  readonly functions: ReadonlyMap<string, FnLike>;
  /** The function a method call runs. */
  readonly dispatch: (type: string | undefined, method: string, receiver: Value) => string;
}

/** A record's or a constructor's type parameters and fields' types, by name. */
interface Shape {
  readonly tparams: readonly string[];
  readonly fields: readonly { readonly name: string; readonly type: string }[];
}

/** The methods of a program's items (the prelude's module opened up). */
export function methodsOf(items: readonly AnyNode[]): Methods {
  const aliases = new Map<string, string>();
  const unionOf = new Map<string, string>(); // a constructor -> its union's name
  const records = new Map<string, Shape>();
  const ctors = new Map<string, Shape>();
  const tparamsOf = (item: AnyNode) => ((item.tparams ?? []) as { name: string }[]).map((tp) => tp.name);
  for (const item of items) {
    if (item.kind === "TypeAlias") aliases.set(item.name as string, item.type as string);
    if (item.kind === "Record" || item.kind === "GenericRecord") records.set(withoutArgs(item.name as string), { tparams: tparamsOf(item), fields: item.fields as Shape["fields"] });
    if (item.kind === "Union" || item.kind === "GenericUnion") {
      for (const c of item.ctors as { name: string; fields: Shape["fields"] }[]) {
        unionOf.set(c.name, withoutArgs(item.name as string));
        ctors.set(c.name, { tparams: tparamsOf(item), fields: c.fields });
      }
    }
  }
  /** A type with its aliases written out (Lsrc's impls may name one). */
  const expand = (t: TypeTree): TypeTree => {
    for (let hops = 0; t.kind === "name" && !t.args && aliases.has(t.name) && hops < 100; hops++) t = parseType(aliases.get(t.name)!) ?? t;
    return t;
  };
  const entries: { key: string; name: string; pattern: TypeTree; vars: ReadonlySet<string> }[] = [];
  const functions = new Map<string, FnLike>();
  const add = (type: string, tparams: readonly string[], name: string, fn: FnLike) => {
    const key = `${type}.${name}`;
    functions.set(key, fn);
    const pattern = parseType(type);
    if (pattern !== null) entries.push({ key, name, pattern, vars: new Set(tparams) });
  };
  for (const item of items) {
    if (item.kind === "Impl" || item.kind === "ProtocolImpl") for (const fn of item.methods as (AnyNode & FnLike)[]) add(item.type as string, tparamsOf(item), fn.name as string, fn);
    if (item.kind === "Method" || item.kind === "GenericMethod") add(item.type as string, tparamsOf(item), item.name as string, item as unknown as FnLike);
  }
  /** Whether a value's fields fit a record's or constructor's fields at these type arguments. */
  const fieldsFit = (shape: Shape | undefined, args: readonly TypeTree[], values: readonly Value[], vars: ReadonlySet<string>): boolean => {
    if (!shape || args.length === 0) return true;
    const sub = new Map(shape.tparams.map((tp, i) => [tp, args[i]!] as const));
    return shape.fields.every((f, i) => fits(parseType(substituteType(f.type, sub))!, values[i]!, vars));
  };
  /** Whether a value is one of the values of the type `p`, its `vars` standing for any type. */
  const fits = (p0: TypeTree, v: Value, vars: ReadonlySet<string>): boolean => {
    const p = expand(p0);
    const d = (typeof v === "object" ? v : {}) as Record<string, unknown>;
    switch (p.kind) {
      case "tuple": return Array.isArray(d.tuple) && d.tuple.length === p.elems.length && p.elems.every((e, i) => fits(e, (d.tuple as Value[])[i]!, vars));
      case "Array": return Array.isArray(d.array) && (d.array as Value[]).every((x) => fits(p.elem, x, vars));
      case "Box": return d.box !== undefined && fits(p.elem, (d.box as { value: Value }).value, vars);
      case "fn": return "fn" in d || "lambda" in d;
      case "name":
        if (!p.args && vars.has(p.name)) return true;
        if (p.name === "Int") return typeof v === "bigint";
        if (p.name === "Bool") return typeof v === "boolean";
        if (p.name === "String") return typeof v === "string";
        if (p.name === "Unit") return v === unit || d.unit === true;
        if (typeof d.record === "string") {
          const fields = d.fields as Record<string, Value>;
          const shape = records.get(p.name);
          return withoutArgs(d.record) === p.name && fieldsFit(shape, p.args ?? [], shape?.fields.map((f) => fields[f.name]!) ?? [], vars);
        }
        if (typeof d.ctor === "string") return unionOf.get(d.ctor) === p.name && fieldsFit(ctors.get(d.ctor), p.args ?? [], d.fields as Value[], vars);
        return false;
    }
  };
  const known = new Map<string, string>(); // a stated type and a method -> its function
  const dispatch = (type: string | undefined, method: string, receiver: Value): string => {
    const stated = type === undefined ? undefined : `${type}.${method}`;
    const hit = stated === undefined ? undefined : known.get(stated);
    if (hit !== undefined) return hit;
    const t = type === undefined ? null : parseType(type);
    const byType = t === null ? undefined : entries.find((e) => e.name === method && matchTypeTree(expand(e.pattern), expand(t), e.vars));
    if (byType) {
      known.set(stated!, byType.key);
      return byType.key;
    }
    // (From Lresolved on a method is a function, named by its type: expand-using's IL still states it.)
    return entries.find((e) => e.name === method && fits(e.pattern, receiver, e.vars))?.key ?? methodFunction(type ?? "?", method);
  };
  return { functions, dispatch };
}
