// How the ILs write types: one spelling per type, so two types are equal when
// their texts are. A type is written
//
//     Int | Bool | Unit | String | Name            (a record, a union, a type parameter,
//                                                   or before check-types an alias)
//     Name[T1, T2, ...]                             (a generic record or union applied
//                                                   to its type arguments: Option[Int])
//     (T1, T2, ...)                                 (a tuple: two or more types)
//     Array[T] | Box[T]
//     fn(T1, T2) -> R                               (always with its `-> R`)
//
// and after lower-data-layout `Ref` stands for every type whose values are
// pointers to heap objects (spec/heap.md). A Name may be qualified,
// `prelude.Option`: that is how the ILs after check-types name an item of the
// prelude that the program's own item of the same name hides (spec/language.md).

export type TypeTree =
  /** `args` (absent: none) are those of a generic record or union: `Pair[Int, Bool]`. */
  | { readonly kind: "name"; readonly name: string; readonly args?: readonly TypeTree[] }
  | { readonly kind: "tuple"; readonly elems: readonly TypeTree[] }
  | { readonly kind: "Array" | "Box"; readonly elem: TypeTree }
  | { readonly kind: "fn"; readonly params: readonly TypeTree[]; readonly ret: TypeTree };

export function showType(t: TypeTree): string {
  switch (t.kind) {
    case "name": return t.args && t.args.length > 0 ? `${t.name}[${t.args.map(showType).join(", ")}]` : t.name;
    case "tuple": return `(${t.elems.map(showType).join(", ")})`;
    case "Array": case "Box": return `${t.kind}[${showType(t.elem)}]`;
    case "fn": return functionType(t.params.map(showType), showType(t.ret));
  }
}

/** Every named type in a type, outer ones first: `Pair[T, List[T]]` gives Pair, T, List, T
 * (each with its arguments). */
export function namedTypes(t: TypeTree, out: { name: string; args: readonly TypeTree[] }[] = []): { name: string; args: readonly TypeTree[] }[] {
  if (t.kind === "name") out.push({ name: t.name, args: t.args ?? [] });
  const parts = t.kind === "name" ? t.args ?? [] : t.kind === "tuple" ? t.elems : t.kind === "fn" ? [...t.params, t.ret] : [t.elem];
  for (const part of parts) namedTypes(part, out);
  return out;
}

/** The spelling of a function type. */
export const functionType = (params: readonly string[], ret: string): string => `fn(${params.join(", ")}) -> ${ret}`;

/** A name, possibly qualified by a module (`prelude.Option`, `util.shapes/Point`). */
const identifier = /[A-Za-z_][A-Za-z0-9_]*([./][A-Za-z_][A-Za-z0-9_]*)*/y;

/** A type's text as a tree; null when the text is not a type. */
export function parseType(text: string): TypeTree | null {
  const read = readType(text, 0);
  return read !== null && read.end === text.length ? read.type : null;
}

/** The type written at `at` in a longer text, and where it ends; null when none starts there (the IL reader's). */
export function readType(text: string, at: number): { type: TypeTree; end: number } | null {
  let i = at;
  const word = (): string | null => {
    identifier.lastIndex = i;
    const m = identifier.exec(text);
    if (!m) return null;
    i += m[0].length;
    return m[0];
  };
  const eat = (s: string): boolean => (text.startsWith(s, i) ? ((i += s.length), true) : false);
  const list = (close: string): TypeTree[] | null => {
    const items: TypeTree[] = [];
    if (eat(close)) return items;
    for (;;) {
      const t = one();
      if (t === null) return null;
      items.push(t);
      if (eat(close)) return items;
      if (!eat(", ")) return null;
    }
  };
  const one = (): TypeTree | null => {
    if (eat("(")) {
      const elems = list(")");
      return elems !== null && elems.length >= 2 ? { kind: "tuple", elems } : null;
    }
    const name = word();
    if (name === null) return null;
    if (name === "fn") {
      if (!eat("(")) return null;
      const params = list(")");
      if (params === null || !eat(" -> ")) return null;
      const ret = one();
      return ret === null ? null : { kind: "fn", params, ret };
    }
    if (name === "Array" || name === "Box") {
      if (!eat("[")) return null;
      const elem = one();
      return elem !== null && eat("]") ? { kind: name, elem } : null;
    }
    if (!eat("[")) return { kind: "name", name };
    const args = list("]");
    return args !== null && args.length > 0 ? { kind: "name", name, args } : null;
  };
  const type = one();
  return type === null ? null : { type, end: i };
}

/** `fn(A, B) -> R` as its parameter types and result type; null for any other type. */
export function splitFunctionType(text: string): { params: string[]; ret: string } | null {
  if (!text.startsWith("fn(")) return null;
  const t = parseType(text);
  return t?.kind === "fn" ? { params: t.params.map(showType), ret: showType(t.ret) } : null;
}

/** The element type of an Array[T] or a Box[T] (as `of` says), or null when `type` is not one. */
export function elementType(type: string, of: "Array" | "Box"): string | null {
  const t = parseType(type);
  return t?.kind === of ? showType(t.elem) : null;
}

/** Whether values of this type are pointers to heap objects: all but Int, Bool and Unit (a
 * function value is a closure, spec/heap.md). Once lay-out-closures has written every such type
 * as Ref, a type `fn(...) -> R` is a function's code, which is no object. */
export function isHeapType(text: string): boolean {
  return !(text === "Int" || text === "Bool" || text === "Unit");
}

/** A type with each type parameter replaced by its argument. */
export function substituteType(type: string, subst: ReadonlyMap<string, TypeTree>): string {
  if (subst.size === 0) return type;
  const go = (t: TypeTree): TypeTree => {
    switch (t.kind) {
      case "name": return t.args ? { ...t, args: t.args.map(go) } : (subst.get(t.name) ?? t);
      case "tuple": return { ...t, elems: t.elems.map(go) };
      case "fn": return { ...t, params: t.params.map(go), ret: go(t.ret) };
      default: return { ...t, elem: go(t.elem) };
    }
  };
  return showType(go(parseType(type)!));
}
