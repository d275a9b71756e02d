// What the tree interpreters (tree.ts) add for methods, from Lsrc to Lnoconst:
// the methods of impls (Lsrc) and Method items (Ltyped on) as functions of
// their own, and which one a call `v.m(...)` (or, in Lsrc, `a == b` on a
// record or union) runs.
//
// A method is found by the receiver's type when the call states one that has
// the method (`Point`, `Stack[Int]` after monomorphize, `Stack[T]` in a
// generic impl's own code), and otherwise by the receiver's value: its head
// (Int, Bool, String, Unit, its record's or its constructor's union's name),
// which names one impl (front-end/protocols.ts: an impl is for a type's head).
// So a generic function runs as it is, whatever its type arguments.

import type { AnyNode } from "../il/node.js";
import { parseType, type TypeTree } from "../ir-defs/type-syntax.js";
import type { Value } from "./values.js";

interface FnLike {
  readonly params: readonly { readonly name: string }[];
  readonly body: { readonly kind: string };
}

/** The name of a named type, aliases followed (Lsrc); null for any other type. */
function headOfType(text: string, aliases: ReadonlyMap<string, string>): string | null {
  let tree: TypeTree | null = parseType(text);
  for (let hops = 0; tree?.kind === "name" && aliases.has(tree.name) && hops < 100; hops++) tree = parseType(aliases.get(tree.name)!);
  return tree?.kind === "name" ? tree.name : null;
}

/** A type's name without its type arguments: `Pair[Int, Bool]` is a Pair. */
const withoutArgs = (name: string): string => {
  const at = name.indexOf("[");
  return at < 0 ? name : name.slice(0, at);
};

export interface Methods {
  /** Every method as a function, by `Type.method` (as its type is written) and by `Head.method`. */
  readonly functions: ReadonlyMap<string, FnLike>;
  /** The function a method call runs. */
  readonly dispatch: (type: string | undefined, method: string, receiver: Value) => string;
}

/** The methods of a program's items (the prelude's module opened up). */
export function methodsOf(items: readonly AnyNode[]): Methods {
  const aliases = new Map<string, string>();
  const unionOf = new Map<string, string>(); // a constructor -> its union's name
  for (const item of items) {
    if (item.kind === "TypeAlias") aliases.set(item.name as string, item.type as string);
    if (item.kind === "Union" || item.kind === "GenericUnion") for (const c of item.ctors as { name: string }[]) unionOf.set(c.name, withoutArgs(item.name as string));
  }
  const functions = new Map<string, FnLike>();
  const add = (type: string, name: string, fn: FnLike) => {
    const head = headOfType(type, aliases);
    if (head !== null) functions.set(`${head}.${name}`, fn);
    functions.set(`${type}.${name}`, fn);
  };
  for (const item of items) {
    if (item.kind === "Impl" || item.kind === "ProtocolImpl") for (const fn of item.methods as (AnyNode & FnLike)[]) add(item.type as string, fn.name as string, fn);
    if (item.kind === "Method" || item.kind === "GenericMethod") add(item.type as string, item.name as string, item as unknown as FnLike);
  }
  const headOfValue = (v: Value): string => {
    if (typeof v === "bigint") return "Int";
    if (typeof v === "boolean") return "Bool";
    if (typeof v === "string") return "String";
    const d = v as { record?: string; ctor?: string; unit?: true };
    if (d.record !== undefined) return withoutArgs(d.record);
    if (d.ctor !== undefined) return unionOf.get(d.ctor) ?? d.ctor;
    return d.unit ? "Unit" : "?";
  };
  const dispatch = (type: string | undefined, method: string, receiver: Value): string => {
    const exact = type === undefined ? undefined : `${type}.${method}`;
    if (exact !== undefined && functions.has(exact)) return exact;
    return `${headOfValue(receiver)}.${method}`;
  };
  return { functions, dispatch };
}
