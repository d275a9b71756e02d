// The checker's types (part of check-types). A type is an immutable node,
// interned (hash-consed) in a TypeTable: a table makes each node once, so two
// nodes built from the same parts are the same object, and comparing two
// types is one comparison of identities however large they are.
//
//   named   Int, Bool, Unit, String, a record `Point` or union `Shape`, a
//           generic record or union applied to its arguments (`Pair[Int, Bool]`,
//           `Option[T]`), or a built-in type constructor applied to its
//           argument: `Array[T]`, `Box[T]`
//   tuple   (T1, T2, ...)
//   fn      fn(T1, T2) -> R
//   alias   `A`, written where the program wrote the alias A, pointing at
//           the type it names
//   param   a type parameter `T` of a generic item (its `owner`), inside
//           that item: it stands for whatever type a use gives it, so it
//           equals only itself
//   var     a type not known yet: a type argument of a generic function or
//           type at one use, which inference (inference.ts) finds by
//           unification; each is made once and never interned
//   never   Never: what does not finish (panic, exit, a block ending in
//           break, continue or return); it fits wherever a type is expected
//   error   given to an expression that already has an error: it matches
//           anything silently, so that one mistake gives one diagnostic
//
// An alias is kept where it was written, so messages say `Grid`, not what Grid
// stands for. Each node also knows its `canon`, the same type with every alias
// replaced (an interned node too): two types are equal when their canons are
// the same node. Each node knows how deep and how long its canon is written
// out in full, computed from its parts when it is made, so an alias of an
// alias of ... is never expanded to answer any question: only `fullText`,
// which writes a type for the ILs after check-types (ir-defs/type-syntax.ts),
// expands it, and only once the type is known to be small enough (`tooBig`).
//
// Never and error appear only at the top of a type: a table makes a type with
// an error part an error, and one with a Never part Never (a tuple, Array or
// Box of a value that never arrives never arrives either).
//
// Each node also knows whether it holds a var (`open`: its meaning may still
// change as inference goes on) and whether it holds a param (`generic`: a use
// of its item must replace them), so that neither question walks a type.

import { maxNesting } from "./parser.js";

interface Common {
  /** Unique among all nodes ever made. */
  readonly id: number;
  /** This type with every alias replaced: itself when it holds no alias. */
  readonly canon: Type;
  /** What the outermost aliases stand for: the first node that is not an alias. */
  readonly head: Type;
  /** How deep the canon nests: 1 for Int, 2 for Array[Int]. */
  readonly depth: number;
  /** How many characters the canon takes written out in full (may be huge, never computed by writing it). */
  readonly textLength: number;
  /** Whether it holds a var somewhere. */
  readonly open: boolean;
  /** Whether it holds a param somewhere. */
  readonly generic: boolean;
}

export type Type =
  | (Common & { readonly kind: "named"; readonly name: string; readonly args: readonly Type[] })
  | (Common & { readonly kind: "tuple"; readonly elems: readonly Type[] })
  | (Common & { readonly kind: "fn"; readonly params: readonly Type[]; readonly ret: Type })
  | (Common & { readonly kind: "alias"; readonly name: string; readonly target: Type })
  | (Common & { readonly kind: "param"; readonly name: string; readonly owner: string })
  | (Common & { readonly kind: "var" })
  | (Common & { readonly kind: "never" | "error" });

type Parts =
  | { readonly kind: "named"; readonly name: string; readonly args: readonly Type[] }
  | { readonly kind: "tuple"; readonly elems: readonly Type[] }
  | { readonly kind: "fn"; readonly params: readonly Type[]; readonly ret: Type }
  | { readonly kind: "alias"; readonly name: string; readonly target: Type }
  | { readonly kind: "param"; readonly name: string; readonly owner: string }
  | { readonly kind: "var" }
  | { readonly kind: "never" | "error" };

let nextId = 0;

const children = (p: Parts): readonly Type[] =>
  p.kind === "named" ? p.args : p.kind === "tuple" ? p.elems : p.kind === "fn" ? [...p.params, p.ret] : p.kind === "alias" ? [p.target] : [];

/** The length of `a, b, c` for parts of these lengths. */
const listLength = (types: readonly Type[]) => types.reduce((sum, t) => sum + t.textLength, 0) + 2 * Math.max(0, types.length - 1);

/** Makes a node from its parts; `canonOf` makes the alias-free node when a part holds an alias. */
function makeNode(parts: Parts, canonOf: (node: Type) => Type): Type {
  const node = { ...parts, id: nextId++ } as { -readonly [K in keyof Common]: Common[K] } & Parts;
  const inner = children(parts);
  node.open = parts.kind === "var" || inner.some((t) => t.open);
  node.generic = parts.kind === "param" || inner.some((t) => t.generic);
  if (parts.kind === "alias") {
    node.canon = parts.target.canon;
    node.head = parts.target.head;
    node.depth = parts.target.depth;
    node.textLength = parts.target.textLength;
  } else {
    node.head = node as Type;
    node.depth = 1 + inner.reduce((deepest, t) => Math.max(deepest, t.depth), 0);
    node.textLength =
      parts.kind === "named" ? parts.name.length + (parts.args.length > 0 ? 2 + listLength(parts.args) : 0)
      : parts.kind === "tuple" ? 2 + listLength(parts.elems)
      : parts.kind === "fn" ? "fn() -> ".length + listLength(parts.params) + parts.ret.textLength
      : parts.kind === "param" ? parts.name.length
      : parts.kind.length;
    node.canon = inner.every((t) => t.canon === t) ? (node as Type) : canonOf(node as Type);
  }
  return Object.freeze(node) as Type;
}

const builtin = (parts: Parts): Type => makeNode(parts, () => { throw new Error("a built-in type has no parts"); });

export const IntType = builtin({ kind: "named", name: "Int", args: [] });
export const BoolType = builtin({ kind: "named", name: "Bool", args: [] });
export const UnitType = builtin({ kind: "named", name: "Unit", args: [] });
export const StringType = builtin({ kind: "named", name: "String", args: [] });
export const NeverType = builtin({ kind: "never" });
export const ErrorType = builtin({ kind: "error" });

/** The names of the built-in types, which no item may take (shared/quastra-brief.md §3). */
export const builtinTypeNames: ReadonlySet<string> = new Set(["Int", "Bool", "Unit", "String", "Array", "Box", "Chan"]);

/** Makes the nodes of one compilation: each once (but a var: each call makes a new one). */
export interface TypeTable {
  named(name: string, args?: readonly Type[]): Type;
  tuple(elems: readonly Type[]): Type;
  fn(params: readonly Type[], ret: Type): Type;
  alias(name: string, target: Type): Type;
  param(owner: string, name: string): Type;
  fresh(): Type;
}

export function typeTable(): TypeTable {
  const nodes = new Map<string, Type>();
  for (const t of [IntType, BoolType, UnitType, StringType]) nodes.set(keyOf(t), t);
  const make = (parts: Parts): Type => {
    const inner = children(parts);
    if (inner.includes(ErrorType)) return ErrorType;
    if (inner.includes(NeverType)) return NeverType;
    const key = keyOf(parts);
    let node = nodes.get(key);
    if (node === undefined) {
      node = makeNode(parts, withoutAliases);
      nodes.set(key, node);
    }
    return node;
  };
  // The canon of a node whose parts hold aliases: the same node over their canons.
  const withoutAliases = (t: Type): Type => {
    switch (t.kind) {
      case "named": return make({ kind: "named", name: t.name, args: t.args.map((a) => a.canon) });
      case "tuple": return make({ kind: "tuple", elems: t.elems.map((e) => e.canon) });
      case "fn": return make({ kind: "fn", params: t.params.map((p) => p.canon), ret: t.ret.canon });
      default: return t.canon;
    }
  };
  const frozen = (types: readonly Type[]) => Object.freeze([...types]);
  return {
    named: (name, args = []) => make({ kind: "named", name, args: frozen(args) }),
    tuple: (elems) => make({ kind: "tuple", elems: frozen(elems) }),
    fn: (params, ret) => make({ kind: "fn", params: frozen(params), ret }),
    alias: (name, target) => make({ kind: "alias", name, target }),
    param: (owner, name) => make({ kind: "param", owner, name }),
    fresh: () => makeNode({ kind: "var" }, () => { throw new Error("a var has no parts"); }),
  };
}

/** A node's identity as its kind, name and the ids of its parts. */
function keyOf(p: Parts): string {
  const ids = children(p).map((t) => t.id).join(",");
  if (p.kind === "param") return `param ${p.owner} ${p.name}`;
  return p.kind === "named" || p.kind === "alias" ? `${p.kind} ${p.name} ${ids}` : `${p.kind} ${ids}`;
}

// ---------------------------------------------------------------- the rules

/** The same type, once aliases are replaced. */
export const same = (a: Type, b: Type): boolean => a.canon === b.canon;

/** Never, or already wrong: fits anything and is never reported again. */
export const silent = (t: Type): boolean => t.kind === "never" || t.kind === "error";

/** Whether a value of type `found` may be used where `expected` is wanted. */
export const fits = (found: Type, expected: Type): boolean => same(found, expected) || silent(found) || expected === ErrorType;

/** The type of two branches (if/else): Never gives way to the other; null if they differ. */
export function join(a: Type, b: Type): Type | null {
  if (silent(a)) return b === NeverType ? a : b;
  if (silent(b)) return a;
  return same(a, b) ? a : null;
}

/** Whether `t` is the built-in type `name` (Int, Bool, Unit, String), through aliases. */
export const isType = (t: Type, builtinType: Type): boolean => t.canon === builtinType;

/** The element type of an Array[T], Box[T] or Chan[T] (as written: `Array[Count]` gives Count), or null. */
export function elementOf(t: Type, of: "Array" | "Box" | "Chan"): Type | null {
  const h = t.head;
  return h.kind === "named" && h.name === of && h.args.length === 1 ? h.args[0]! : null;
}

// ---------------------------------------------------------------- limits

/** The most characters a type written out in full may take (what the ILs after check-types carry). */
export const maxTypeLength = 10_000;

/** Why a type cannot be written out for the ILs (too deep or too long once its aliases are
 * replaced), as the end of a message `the type X ...`; null when it can be. */
export function tooBig(t: Type): string | null {
  if (t.depth > maxNesting) return `nests more than ${maxNesting} levels deep once its aliases are written out`;
  if (t.textLength > maxTypeLength) return `is too large: written out without aliases it would take more than ${maxTypeLength} characters`;
  return null;
}

const texts = new WeakMap<Type, string>();

/** The type written out in full, every alias replaced: one spelling per type, as the ILs
 * write types (ir-defs/type-syntax.ts). Only for a type that is not tooBig. */
export function fullText(t: Type): string {
  const canon = t.canon;
  const known = texts.get(canon);
  if (known !== undefined) return known;
  if (tooBig(canon) !== null) throw new Error(`a type too large to write out reached fullText (${show(t)})`);
  let text: string;
  switch (canon.kind) {
    case "named": text = canon.args.length === 0 ? canon.name : `${canon.name}[${canon.args.map(fullText).join(", ")}]`; break;
    case "tuple": text = `(${canon.elems.map(fullText).join(", ")})`; break;
    case "fn": text = `fn(${canon.params.map(fullText).join(", ")}) -> ${fullText(canon.ret)}`; break;
    case "param": text = canon.name; break;
    default: throw new Error(`${canon.kind} is no type of the ILs`);
  }
  texts.set(canon, text);
  return text;
}

/** How the ILs write the type of a variable or parameter: in full; Unit for one that never
 * gets a value (Never), and for one whose type is wrong (the program is rejected anyway). */
export const typeText = (t: Type): string => (silent(t) ? "Unit" : fullText(t));

/** At most this many characters of a type are shown in a message; the rest is `...`. */
export const maxShownLength = 120;

/** A type as written in messages: aliases by their names, cut after maxShownLength characters. */
export function show(t: Type): string {
  if (t === ErrorType) return "an erroneous expression";
  let out = "";
  const list = (open: string, types: readonly Type[], close: string) => {
    out += open;
    for (let i = 0; i < types.length; i++) {
      if (i > 0) out += ", ";
      if (out.length >= maxShownLength) {
        out += "...";
        break;
      }
      write(types[i]!);
    }
    out += close;
  };
  const write = (x: Type): void => {
    if (out.length >= maxShownLength) {
      out += "...";
      return;
    }
    switch (x.kind) {
      case "named": if (x.args.length === 0) out += x.name; else list(`${x.name}[`, x.args, "]"); return;
      case "alias": case "param": out += x.name; return;
      case "var": out += "_"; return;
      case "tuple": list("(", x.elems, ")"); return;
      case "fn": list("fn(", x.params, ") -> "); write(x.ret); return;
      case "never": out += "Never"; return;
      case "error": out += "_"; return;
    }
  };
  write(t);
  return out;
}
