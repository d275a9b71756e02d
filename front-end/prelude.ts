// The prelude (shared/quastra-brief.md §6): core/prelude.qs, a module written in
// Quastra that every module imports implicitly. The driver hands its text in the
// pass context (passes do no I/O); parse reads it into an Imported item like any
// other module's file (core.prelude), and resolve-modules gives every other
// module its `pub` items as an outer scope (module-resolution.ts): a module's own
// item or import of the same name hides the prelude's there, while the prelude's
// own code still means its own.
//
// Naming: the prelude's items keep their names in the whole program (`unwrap`,
// `Option`), as the language's own names do, but one that the program's own
// file hides, and a private one, is `prelude.X` (spec/symbols.md): no module
// can name it by accident. The joined program holds them in
// a `module prelude { ... }` item after every module's items, so that
// check-types knows them: it keeps only what the program uses.
//
// `preludeUsed` leaves out, before that, the prelude's items that no module can
// reach by name (parse already reads in only those the files' names may reach,
// `preludeReadFor`, all of it when a file names core.prelude itself), so that a program's trace and every pass before check-types
// carry only what it may use: an item some module's code names (a variable, a
// callee, a type, a constructor, a bound), Result for `try`, Option for a
// channel's `recv`, a protocol or an inherent impl (Option's `o.unwrap()`)
// whose method some code calls by name, an impl whose protocol is in, the Eq
// impl of a type that is in where some code uses `==` or `!=` (`Some(1) == o`:
// on Int, Bool and String they are primitives; on the program's own types, its
// own impls name Eq), and what those items name in turn.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { namedTypes, parseType } from "../ir-defs/type-syntax.js";
import { forEachNode } from "../il/rewrite.js";

/** The prelude's module name, and the names the ILs give the items the program's own file hides. */
export const preludeName = "prelude";
export const hiddenName = (name: string): string => `${preludeName}.${name}`;

/** The built-in functions, each with its arity: the outermost scope, around the prelude's. */
export const builtins: ReadonlyMap<string, number> = new Map([
  ["print", 1], ["read_int", 0], ["exit", 1], ["assert", 1], ["panic", 1], ["len", 1], ["array", 2], ["Box", 1],
  // The runtime's primitives that core.string and core.io are written over.
  ["string_byte", 2], ["string_slice", 3], ["write_string", 1], ["input_line", 0],
  ["yield", 0],
]);

/** The built-in that a callee `prelude.X` names (else undefined): where the program's own file
 * declares an X of its own, another module's X (and the test entry's `read_int`) is the
 * built-in, so it is named `prelude.X` in the whole program, as a prelude item would be. */
export function hiddenBuiltin(callee: string): string | undefined {
  const name = callee.startsWith(hiddenName("")) ? callee.slice(hiddenName("").length) : undefined;
  return name !== undefined && builtins.has(name) ? name : undefined;
}

const eqOps = new Set(["==", "!="]);
/** What namesIn records for `==` and `!=`: the Eq impls of the prelude's types that are in come with it. */
const equality = "==";

/** Every name that code mentions and that might name an item (as the joined program names
 * it): variables, callees, records, a pattern's names and constructors, the names in types,
 * protocols and bounds; and what the language's constructs stand for: `try` Result, `recv`
 * and `for v in` (maybe a channel) Option (by the names `stands` gives them), `==` and `!=` as
 * `equality`; method names, as `.m`. */
function namesIn(items: readonly Lsrc.Item[], names: Set<string>, stands: { result: string; option: string }): void {
  for (const item of items) {
    forEachNode(LsrcIL, item, (node) => {
      switch (node.kind) {
        case "Var": case "Binder": names.add(node.name as string); break;
        case "Call": names.add(node.callee as string); break;
        case "RecordLit": names.add(node.name as string); break;
        case "CtorPat": names.add(node.ctor as string); break;
        case "Try": names.add(stands.result); break;
        case "Binary": if (eqOps.has(node.op as string)) names.add(equality); break;
        case "MethodCall":
          names.add(`.${node.method as string}`);
          if (node.method === "recv") names.add(stands.option); // (a channel's recv gives an Option)
          break;
        case "ForEach": names.add(stands.option); break; // (over a channel, each value is a recv's; check-types keeps Option only if used)
        case "Field": names.add(`.${node.field as string}`); break; // (`o.unwrap` for `o.unwrap()`: its message names the method)
        case "ProtocolImpl": names.add(node.protocol as string); break;
        case "TypeParam": for (const b of node.bounds as string[]) names.add(b); break;
      }
      for (const f of LsrcIL.kinds.get(node.kind)!.fields) {
        const text = f.type === "type" ? (node[f.name] as string | null) : null;
        const tree = text === null ? null : parseType(text);
        if (tree) for (const named of namedTypes(tree)) names.add(named.name);
      }
    });
  }
}

/** The names an item of the joined program declares: its own, a union's constructors', a
 * protocol's methods' and an inherent impl's (`.m`). */
function declaredBy(item: Lsrc.Item): string[] {
  switch (item.kind) {
    case "Union": case "GenericUnion": return [item.name, ...item.ctors.map((c) => c.name)];
    case "Protocol": return [item.name, ...item.sigs.map((s) => `.${s.name}`)];
    case "Impl": return item.methods.map((m) => `.${(m as Lsrc.Fn).name}`);
    case "ProtocolImpl": case "Module": return [];
    default: return [item.name];
  }
}

/** The prelude's items (renamed as the joined program names them) that the program's other
 * items (`program`) may use, in their order. */
export function preludeUsed(program: readonly Lsrc.Item[], prelude: readonly Lsrc.Item[]): Lsrc.Item[] {
  const declaring = new Map<string, number[]>(); // (`.m`: a protocol's, and an impl's too)
  prelude.forEach((item, i) => declaredBy(item).forEach((n) => declaring.set(n, [...(declaring.get(n) ?? []), i])));
  const nameOf = (n: string) => (declaring.has(hiddenName(n)) ? hiddenName(n) : n);
  const stands = { result: nameOf("Result"), option: nameOf("Option") };
  const eq = nameOf("Eq");
  const names = new Set<string>();
  namesIn(program, names, stands);
  const included = new Set<number>();
  const pending = [...names].flatMap((n) => declaring.get(n) ?? []);
  for (;;) {
    for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
      if (included.has(i)) continue;
      included.add(i);
      const uses = new Set<string>();
      namesIn([prelude[i]!], uses, stands);
      for (const n of uses) pending.push(...(declaring.get(n) ?? []));
    }
    const isIn = (name: string) => (declaring.get(name) ?? []).some((p) => included.has(p));
    prelude.forEach((item, i) => { // an impl comes with its protocol; and Eq's for a type that is in, with `==` (`Some(1) == o`)
      if (item.kind !== "ProtocolImpl" || included.has(i)) return;
      const type = parseType(item.type);
      if (isIn(item.protocol) || (names.has(equality) && item.protocol === eq && type?.kind === "name" && isIn(type.name))) pending.push(i);
    });
    if (pending.length === 0) break;
  }
  return prelude.filter((_, i) => included.has(i));
}

/** An Lmodules item as Lsrc code (its `pub` unwrapped), or null for a `use`, a header, a module. */
const asCode = (item: Lmodules.Item): Lsrc.Item | null => {
  const inner = item.kind === "Pub" ? item.item : item;
  return inner.kind === "Use" || inner.kind === "ModuleHeader" || inner.kind === "Imported" ? null : (inner as Lsrc.Item);
};

/** The prelude's module as parse reads it in: only the items that the program's files (`items`,
 * its own and its modules') may use by their names as written, and what those name in turn
 * (preludeUsed, before resolve-modules makes it exact); null when they use none, so that a
 * program that uses nothing of the prelude's is read, traced and shown without it. */
export function preludeReadFor(items: readonly Lmodules.Item[], prelude: Lmodules.Imported): Lmodules.Imported | null {
  const code = items.flatMap((item) => (item.kind === "Imported" ? item.items : [item])).map(asCode).filter((item) => item !== null);
  const used = new Set(preludeUsed(code, prelude.items.map(asCode).filter((item) => item !== null)));
  if (used.size === 0) return null;
  return { ...prelude, items: prelude.items.filter((item) => { const c = asCode(item); return c === null || used.has(c); }) };
}
