// The prelude (shared/quastra-brief.md §6): declarations written in Quastra,
// shipped in core/prelude.qs and compiled with every program: Option, Result,
// unwrap, abs, ... The driver reads the file (passes do no I/O) and hands its
// text to the parse pass in the pass context; parse calls `withPrelude`.
//
// The prelude's names form an outer scope: a program's own item (or
// constructor) of the same name hides the prelude's in the program, while the
// prelude's own code still means its own. `withPrelude` puts the prelude's
// items that the program may use after the program's own, in a
// `module prelude { ... }` item, where each item the program hides is renamed
// `prelude.X` (and so is every mention of it in the prelude's code), so that
// from there on every item has a name of its own. "May use" is by name: the
// items whose names are words of the program's text (a variable or a field
// named `abs` counts too; `try` counts for Result, `recv` for Option), and those their code names
// in turn; check-types keeps only the items the program really uses. A program
// that names nothing of the prelude's is left as it is.
//
// The prelude is parsed once per process. Its nodes have no locations: those
// would point into another file, and diagnostics, `trace` and the explorer
// read a location as a place in the program's own file.
//
// When modules come (issue 18), the prelude becomes a module imported
// implicitly; this is where that module's items are brought in.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { namedTypes, parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { forEachNode, rewriter } from "../il/rewrite.js";
import { withoutLoc, type AnyNode } from "../il/node.js";
import type { PassContext } from "../il/pass.js";
import { diagnosticSink } from "./diagnostics.js";
import { parseSource } from "./parser.js";

/** The prelude's module name, and the prefix of the names the ILs give its hidden items. */
export const preludeName = "prelude";
export const hiddenName = (name: string): string => `${preludeName}.${name}`;

/** The prelude's source, as the driver hands it in. */
export type PreludeSource = NonNullable<PassContext["prelude"]>;

interface ParsedPrelude {
  readonly source: string;
  readonly items: readonly Lsrc.Item[];
  /** The names each item declares (its own, a union's constructors') and the names its code uses. */
  readonly declares: readonly (readonly string[])[];
  readonly uses: readonly ReadonlySet<string>[];
}

let cache: ParsedPrelude | null = null;

/** The prelude's items, parsed once for a given text. A prelude that does not parse is the
 * compiler's own fault, not the program's: an exception. */
function parsePrelude(prelude: PreludeSource): ParsedPrelude {
  if (cache?.source === prelude.source) return cache;
  const sink = diagnosticSink(prelude.file);
  const program = parseSource(prelude.source, sink);
  if (sink.diagnostics.length > 0) {
    const d = sink.diagnostics[0]!;
    throw new Error(`the prelude ${prelude.file} does not parse: ${d.loc.line}:${d.loc.col}: ${d.message}`);
  }
  const items = program.items.map((item) => withoutLoc(item) as Lsrc.Item); // (the prelude has no `use` or `pub`)
  cache = { source: prelude.source, items, declares: items.map(declaredBy), uses: items.map((item) => namesIn([item])) };
  return cache;
}

/** The names an item brings into scope: its own, and a union's constructors' (a `use`, a
 * module header and an imported module bring none into the program's own file's scope). */
function declaredBy(item: Lsrc.Item | Lmodules.Item): string[] {
  if (item.kind === "Pub") return declaredBy(item.item);
  if (item.kind === "Impl" || item.kind === "ProtocolImpl" || item.kind === "Use" || item.kind === "ModuleHeader" || item.kind === "Imported" || item.kind === "Module") return [];
  return item.kind === "Union" || item.kind === "GenericUnion" ? [item.name, ...item.ctors.map((c) => c.name)] : [item.name];
}

/** Words that stand for a prelude item, whatever the program calls its own: `try` for Result
 * (a keyword, so no item has that name), and a channel's `recv`, which returns an Option. */
const standsFor: ReadonlyMap<string, string> = new Map([["try", "Result"], ["recv", "Option"]]);

/** Every name that code mentions and that might name an item: variables, callees, records,
 * a pattern's names and constructors, the names in types; and `try`, for Result. */
function namesIn(items: readonly Lsrc.Item[]): Set<string> {
  const names = new Set<string>();
  for (const item of items) {
    forEachNode(LsrcIL, item, (node) => {
      switch (node.kind) {
        case "Var": case "Binder": names.add(node.name as string); break;
        case "Call": names.add(node.callee as string); break;
        case "RecordLit": names.add(node.name as string); break;
        case "CtorPat": names.add(node.ctor as string); break;
        case "Try": names.add("try"); break;
        case "MethodCall": if (node.method === "recv") names.add("recv"); break;
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
  return names;
}

/** The program with the prelude's items it may use after its own, in a `module prelude` item;
 * `words` are the words of the program's own file (front-end/lexer.ts), `moduleWords` those of
 * its modules' files: a module may use a prelude item that the program's own file hides. */
export function withPrelude<P extends Lsrc.Program | Lmodules.Program>(program: P, words: ReadonlySet<string>, source: PreludeSource, moduleWords: ReadonlySet<string> = new Set()): P {
  const prelude = parsePrelude(source);
  const own = new Set((program.items as readonly (Lsrc.Item | Lmodules.Item)[]).flatMap(declaredBy));
  const declaring = new Map<string, number>(); // a prelude name -> the item that declares it
  prelude.declares.forEach((names, i) => names.forEach((n) => declaring.set(n, i)));
  for (const [word, item] of standsFor) if (declaring.has(item)) declaring.set(word, declaring.get(item)!);
  const included = new Set<number>();
  const pending = [...declaring.keys()].filter((n) => (words.has(n) && (!own.has(n) || standsFor.has(n))) || moduleWords.has(n)).map((n) => declaring.get(n)!);
  // A protocol comes with a word of its methods' names too (`x.show()`), and an impl with its protocol.
  prelude.items.forEach((item, i) => {
    if (item.kind === "Protocol" && !own.has(item.name) && item.sigs.some((sig) => words.has(sig.name) || moduleWords.has(sig.name))) pending.push(i);
  });
  for (;;) {
    for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
      if (included.has(i)) continue;
      included.add(i);
      for (const n of prelude.uses[i]!) if (declaring.has(n)) pending.push(declaring.get(n)!);
    }
    prelude.items.forEach((item, i) => {
      if (item.kind === "ProtocolImpl" && !included.has(i) && included.has(declaring.get(item.protocol) ?? -1)) pending.push(i);
    });
    if (pending.length === 0) break;
  }
  if (included.size === 0) return program;
  const hidden = new Set([...declaring.keys()].filter((n) => own.has(n)));
  const items = prelude.items.filter((_, i) => included.has(i)).map((item) => (hidden.size > 0 ? renamed(item, hidden) : item));
  // (a program's own item hides the prelude's: its modules reach that one as `prelude.X`, resolve-modules)
  const module: Lsrc.Module = { kind: "Module", name: preludeName, items };
  return { ...program, items: [...program.items, module] };
}

/** A prelude item with every name in `hidden` renamed `prelude.X`, where it is declared and
 * wherever the prelude's code names it. (The prelude binds no local variable with the name
 * of one of its items, so every mention is of the item.) */
function renamed(item: Lsrc.Item, hidden: ReadonlySet<string>): Lsrc.Item {
  const name = (n: string) => (hidden.has(n) ? hiddenName(n) : n);
  const rename = (t: TypeTree): TypeTree => {
    switch (t.kind) {
      case "name": return { kind: "name", name: name(t.name), ...(t.args ? { args: t.args.map(rename) } : {}) };
      case "tuple": return { kind: "tuple", elems: t.elems.map(rename) };
      case "fn": return { kind: "fn", params: t.params.map(rename), ret: rename(t.ret) };
      default: return { kind: t.kind, elem: rename(t.elem) };
    }
  };
  const type = (text: string) => showType(rename(parseType(text)!));
  const names: Record<string, string> = { Protocol: "name", ProtocolImpl: "protocol", Var: "name", Binder: "name", Call: "callee", RecordLit: "name", CtorPat: "ctor", Ctor: "name", Fn: "name", GenericFn: "name", Union: "name", GenericUnion: "name", Record: "name", GenericRecord: "name", Const: "name", TypeAlias: "name" };
  const visit = (node: AnyNode, recur: { children<T extends { kind: string }>(n: T, ctx: undefined): T }) => {
    const out: Record<string, unknown> = { ...recur.children(node, undefined) };
    const field = names[node.kind];
    if (field) out[field] = name(out[field] as string);
    if (node.kind === "TypeParam") out.bounds = (out.bounds as string[]).map(name);
    for (const f of LsrcIL.kinds.get(node.kind)!.fields) if (f.type === "type" && typeof out[f.name] === "string") out[f.name] = type(out[f.name] as string);
    return out;
  };
  const clauses = Object.fromEntries([...LsrcIL.kinds.keys()].map((k) => [k, (node: AnyNode, _ctx: undefined, recur: Parameters<typeof visit>[1]) => visit(node, recur)]));
  return rewriter<Lsrc.Node, undefined>(LsrcIL, clauses)(item, undefined) as Lsrc.Item;
}
