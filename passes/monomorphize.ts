// monomorphize: Luniq -> Lmono
//
// Makes one copy of each generic item per list of type arguments the program
// uses, starting from its other items and following what each copy uses in
// turn; an unused generic item leaves nothing. A copy is named by its type
// arguments (spec/symbols.md): `swap[Int, Bool]`. An instance of a generic
// record or union is a type, `Pair[Int, Bool]`, named by that type's text, so
// the types the program writes stay as they are: only a copy's own type
// parameters are replaced. Generic calls, generic functions used as values and
// generic record literals then name their instance. Each copy of a function
// gets fresh names for its variables (shared/fresh-copy.ts): it runs after
// uniquify, so no name is bound twice and `a.3[K]` (an element) reads apart
// from an instance. The front end refuses a generic item that needs ever larger
// instances of itself; a bound on their number makes a mistake there an error.
// Methods are made on demand too: a method call states its receiver's type,
// concrete once the copy's parameters are replaced (`(x.4: Int).show()` in
// `show_all[Int]`), which names the impl's method, `Int.show`, or an instance
// of a generic impl's, `Stack[Int].push` (its parameters are what the receiver's
// type has where the impl's has them); a method no call reaches leaves nothing.
//
// Before:                                   After:
//   record Pair[A, B] {first: A, second: B}   record Pair[Bool, Int] {first: Bool, second: Int}
//   fn swap[A, B](p.1: Pair[A, B])            fn swap[Int, Bool](p.4: Pair[Int, Bool]) -> Pair[Bool, Int] {
//       -> Pair[B, A] {                         Pair[Bool, Int] {first: p.4.second, ...}
//     Pair[B, A] {first: p.1.second, ...}     }
//   }                                         fn main() -> Unit { ... call swap[Int, Bool](p.2) ... }

import type * as In from "../ir-defs/generated/Luniq.js";
import type * as Out from "../ir-defs/generated/Lmono.js";
import { Luniq } from "../ir-defs/luniq.js";
import { Lmono } from "../ir-defs/lmono.js";
import { matchTypeTree, namedTypes, parseType, showType, substituteType as substitute, type TypeTree } from "../ir-defs/type-syntax.js";
import { isNode } from "../il/node.js";
import { rewriter } from "../il/rewrite.js";
import { pass, type PassContext } from "../il/pass.js";
import { CompileError, diagnosticSink, sourceNames } from "../front-end/diagnostics.js";
import { sourcesOf } from "../front-end/modules.js";
import { freshCopy } from "./shared/fresh-copy.js";
import { freshNamer } from "./shared/fresh-names.js";

type Generic = In.GenericFn | In.GenericRecord | In.GenericUnion | In.GenericMethod | In.Method;
type Method = In.Method | In.GenericMethod;
type Substitution = ReadonlyMap<string, TypeTree>;
/** More instances than any program the front end accepts could need, or a name longer: a mistake, stopped. */
export const [maxInstances, maxInstanceName] = [10_000, 20_000];

const isGeneric = (item: In.Item): boolean => item.kind === "GenericFn" || item.kind === "GenericRecord" || item.kind === "GenericUnion" || item.kind === "GenericMethod";
const isMethod = (item: In.Item): item is Method => item.kind === "Method" || item.kind === "GenericMethod";
/** The method a call of `method` on the concrete `type` calls (the front end let no two impls' methods
 * of one name match one type: front-end/protocols.ts), and its type arguments: its impl's parameters'
 * types in `type`, then its own, the call's `own`. */
function methodFor(methods: readonly Method[], type: string, method: string, own: readonly string[]): { generic: Method; targs: string[] } {
  for (const m of methods) {
    const tparams = m.kind === "GenericMethod" ? m.tparams.map((tp) => tp.name) : [];
    const sub = m.name === method ? matchTypeTree(parseType(m.type)!, parseType(type)!, new Set(tparams)) : null;
    let next = 0;
    if (sub) return { generic: m, targs: tparams.map((tp) => (sub.has(tp) ? showType(sub.get(tp)!) : own[next++]!)) };
  }
  throw new Error(`no method ${method} for ${type}`);
}
/** The name of an item's instance: the item and its type arguments, as a type is written. */
export const instanceName = (item: string, targs: readonly string[]): string => `${item}[${targs.join(", ")}]`;
/** `term` with `f` applied to every type it states (a let's, a parameter's, a pattern's, ...): the grammar says where.
 * A part in which no type changes is the same object, shared. */
function mapTypes<T>(term: T, f: (type: string) => string): T {
  if (Array.isArray(term)) return sameOr(term, term.map((t) => mapTypes(t, f))) as T;
  if (!isNode(term)) return term;
  let copy: Record<string, unknown> | null = null;
  for (const field of Luniq.kinds.get(term.kind)!.fields) {
    const value = term[field.name];
    let next = value;
    if (field.type === "type" || field.type === "appliedtype") next = Array.isArray(value) ? sameOr(value, value.map(f)) : typeof value === "string" ? f(value) : value;
    else if (Luniq.productions.has(field.type)) next = mapTypes(value, f);
    if (next !== value) (copy ??= { ...term })[field.name] = next;
  }
  return (copy ?? term) as T;
}
const sameOr = <T>(old: readonly T[], next: T[]): readonly T[] => (next.every((t, i) => t === old[i]) ? old : next);

export const monomorphize = pass({
  name: "monomorphize",
  from: Luniq,
  to: Lmono,
  purpose: "make one copy of each generic item per list of type arguments used, named by them (swap[Int, Bool]); generic uses name their copy",
  run(program: In.Program, context: PassContext): Out.Program {
    const generics = new Map(program.items.filter((i) => isGeneric(i) && !isMethod(i)).map((item) => [item.name, item as Generic] as const));
    const methods = program.items.filter(isMethod);
    const fresh = freshNamer(Luniq, program);
    const instances = new Map<In.Item, Out.Item[]>(program.items.filter((i) => isGeneric(i) || isMethod(i)).map((item) => [item, []]));
    const made = new Set<string>();
    const work: [Generic, string, Substitution, string?][] = []; // (and a method's name in its instance: `map[Bool]`)

    /** The name of `item`'s instance at `targs`, made (later, from the work list) if it is new. */
    const instantiate = (item: string, targs: readonly string[], method?: { type: string; generic: Method }): string => { // (item: a method's name in its instance)
      const name = method ? `${method.type}.${item}` : instanceName(item, targs);
      if (made.has(name)) return name;
      const generic = method ? method.generic : generics.get(item)!;
      if (made.size >= maxInstances || name.length > maxInstanceName) {
        const sink = diagnosticSink(context.file, sourceNames);
        sink.report(generic.loc ?? { line: 1, col: 1, length: 1 }, `monomorphisation stopped: more than ${maxInstances} instances of generic items, or one named with more than ${maxInstanceName} characters (at ${name.slice(0, 80)}...)`);
        throw new CompileError(sink.diagnostics, sourcesOf(context));
      }
      made.add(name);
      work.push([generic, name, new Map((generic.kind === "Method" ? [] : generic.tparams).map((p, i) => [p.name, parseType(targs[i]!)!] as const)), item]);
      return name;
    };
    /** The method a call on `type` (concrete) calls, made if it is new; its name there (`map[Bool]` with its own type arguments). */
    const noteMethod = (type: string, method: string, own: readonly string[] = []): string => {
      const { generic, targs } = methodFor(methods, type, method, own);
      return instantiate(own.length > 0 ? instanceName(method, own) : method, targs, { type, generic }).slice(type.length + 1);
    };
    /** Every instance of a generic record or union that a type names. */
    const noted = new Set<string>(); // (a type noted once needs no second look)
    const noteType = (type: string): string => {
      if (noted.has(type)) return type;
      noted.add(type);
      for (const t of namedTypes(parseType(type)!)) if (t.args.length > 0 && generics.has(t.name)) instantiate(t.name, t.args.map(showType));
      return type;
    };
    const uses = rewriter<In.Node, undefined>(Luniq, {
      GenericCall: ({ targs, ...node }, ctx, recur): Out.Call => ({ ...node, kind: "Call", callee: instantiate(node.callee, targs), args: node.args.map((a) => recur(a, ctx)) }),
      FnInstance: ({ targs, ...node }): Out.Var => ({ ...node, kind: "Var", name: instantiate(node.name, targs) }),
      GenericRecordLit: ({ type, ...node }, ctx, recur): Out.RecordLit => ({ ...node, kind: "RecordLit", name: type, inits: node.inits.map((i) => recur(i, ctx)) }),
      Using(node, ctx, recur): Out.Using {
        noteMethod(node.type, "drop"); // (run however its block is left: expand-using)
        return { ...node, init: recur(node.init, ctx) } as Out.Using;
      },
      MethodCall: (node, ctx, recur): Out.MethodCall => ({ ...node, method: noteMethod(node.type, node.method), target: recur(node.target, ctx), args: node.args.map((a) => recur(a, ctx)) }),
      GenericMethodCall: ({ targs, ...node }, ctx, recur): Out.MethodCall => ({ ...node, kind: "MethodCall", method: noteMethod(node.type, node.method, targs), target: recur(node.target, ctx), args: node.args.map((a) => recur(a, ctx)) }),
    });
    /** An item with its type parameters replaced (none outside a copy) and its generic uses naming their instances. */
    const specialise = <T extends In.Item>(item: T, subst: Substitution): T => uses(mapTypes(item, (type) => noteType(substitute(type, subst))), undefined);

    const items = program.items.map((item) => (isGeneric(item) || isMethod(item) ? item : specialise(item, new Map())));
    for (let next = work.shift(); next; next = work.shift()) {
      const [generic, name, subst, method = ""] = next;
      const item = specialise(generic, subst);
      const loc = item.loc ? { loc: item.loc } : {}; // (the prelude's items have none)
      const instance: In.Item =
        item.kind === "GenericFn" ? freshCopy({ kind: "Fn", name, params: item.params, ret: item.ret, body: item.body, ...loc }, fresh)
        : item.kind === "GenericMethod" ? freshCopy({ kind: "Method", type: name.slice(0, -method.length - 1), name: method, params: item.params, ret: item.ret, body: item.body, ...loc }, fresh)
        : item.kind === "Method" ? item
        : item.kind === "GenericRecord" ? { kind: "Record", name, fields: item.fields, ...loc }
        : { kind: "Union", name, ctors: item.ctors, ...loc };
      instances.get(generic)!.push(instance as Out.Item); // (uses above left no generic form in it)
    }
    return { ...program, items: items.flatMap((item) => instances.get(item) ?? [item as Out.Item]) };
  },
});
