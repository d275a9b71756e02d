// Ever larger instances (part of check-types): monomorphisation makes one copy
// of a generic item per list of type arguments it is used with, so a program
// must not need infinitely many (shared/quastra-brief.md §3):
//
//     fn f[T](x: T) { f((x, x)) }                  f[Int] needs f[(Int, Int)], which needs ...
//     union Nest[T] { Leaf(x: T), More(n: Nest[(T, T)]) }
//     impl[T] Stack[T] { fn up(self) { Stack { top: (self.top, self.top) }.up() } }
//
// The question is asked of the typed program, where every use of a generic
// item states its type arguments. Each type parameter of a generic item is a
// node of a graph; where item F uses item G with an argument that mentions F's
// parameter P (a call or value of a generic fn in F's body, a method call on an
// instance of a generic type, which uses its impl's method, a generic record or
// union in a field's type), there is an edge from F's P to G's parameter, which
// *grows* when the argument is more than P itself (`(P, P)`, `List[P]`). An
// instance can lead to ever larger ones exactly when a growing edge lies on a
// cycle: inside one strongly connected component of the graph (found by
// Tarjan's algorithm in il/graphs.ts, with a stack of its own so that no
// program overflows ours). Each such component is reported once, naming the chain.

import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import { Ltyped as LtypedIL } from "../ir-defs/ltyped.js";
import { matchTypeTree, namedTypes, parseType, showType, type TypeTree } from "../ir-defs/type-syntax.js";
import { forEachNode } from "../il/rewrite.js";
import { stronglyConnected } from "../il/graphs.js";
import type { Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { showChain } from "./dependency-order.js";

/** A type parameter of a generic item: `item` and its position. */
type Param = string;
const paramKey = (item: string, index: number): Param => `${item}#${index}`;

interface Edge {
  readonly to: Param;
  readonly grows: boolean;
  /** Where the use is, and the argument it gives (for the message). */
  readonly loc: Loc | undefined;
  readonly from: string;
  readonly param: string;
  readonly arg: string;
}

type Generic = Ltyped.GenericFn | Ltyped.GenericRecord | Ltyped.GenericUnion | Ltyped.GenericMethod;

/** A generic item's name in the graph: a generic impl's method is its impl's type and its own name, `Stack[T].push`. */
const keyOf = (item: Generic): string => (item.kind === "GenericMethod" ? `${item.type}.${item.name}` : item.name);

/** The generic impl's method a call of `method` on `type` calls, and its parameters' types there:
 * the impl's from the receiver's type, then its own from the call's `targs`. */
function methodUse(generics: ReadonlyMap<string, Generic>, type: string, method: string, targs: readonly TypeTree[]): { key: string; args: TypeTree[] } | null {
  const receiver = parseType(type);
  for (const [key, g] of generics) {
    if (g.kind !== "GenericMethod" || g.name !== method || receiver === null) continue;
    const sub = matchTypeTree(parseType(g.type)!, receiver, new Set(g.tparams.map((tp) => tp.name)));
    let next = 0;
    if (sub) return { key, args: g.tparams.map((tp) => sub.get(tp.name) ?? targs[next++]!) };
  }
  return null;
}

/** The edges from a generic item's parameters, for one use of `callee` with `args`. */
function useEdges(item: Generic, callee: string, args: readonly TypeTree[], loc: Loc | undefined, generics: ReadonlyMap<string, Generic>, edges: Map<Param, Edge[]>): void {
  if (!generics.has(callee)) return;
  const from = keyOf(item);
  item.tparams.forEach((tp, i) => {
    args.forEach((arg, j) => {
      if (!namedTypes(arg).some((t) => t.name === tp.name)) return;
      const grows = !(arg.kind === "name" && arg.name === tp.name && !arg.args?.length);
      edges.get(paramKey(from, i))!.push({ to: paramKey(callee, j), grows, loc, from, param: tp.name, arg: showType(arg) });
    });
  });
}

/** The graph: a node per type parameter of each generic item, an edge per use (a method call
 * on an instance of a generic type uses the impl's method with the type's arguments). */
function graphOf(generics: ReadonlyMap<string, Generic>): Map<Param, Edge[]> {
  const edges = new Map<Param, Edge[]>();
  for (const item of generics.values()) item.tparams.forEach((_, i) => edges.set(paramKey(keyOf(item), i), []));
  for (const item of generics.values()) {
    if (item.kind === "GenericFn" || item.kind === "GenericMethod") {
      forEachNode(LtypedIL, item.body, (node) => {
        if (node.kind === "MethodCall" || node.kind === "GenericMethodCall") {
          const use = methodUse(generics, node.type as string, node.method as string, ((node.targs ?? []) as string[]).map((t) => parseType(t)!));
          if (use) useEdges(item, use.key, use.args, node.loc, generics, edges);
        }
        if (node.kind !== "GenericCall" && node.kind !== "FnInstance") return;
        const callee = (node.kind === "GenericCall" ? node.callee : node.name) as string;
        useEdges(item, callee, (node.targs as string[]).map((t) => parseType(t)!), node.loc, generics, edges);
      });
    } else {
      const fields = item.kind === "GenericRecord" ? item.fields : item.ctors.flatMap((c) => c.fields);
      for (const f of fields) for (const use of namedTypes(parseType(f.type)!)) useEdges(item, use.name, use.args, item.loc, generics, edges);
    }
  }
  return edges;
}

/** The strongly connected components of the graph, each as a map from node to its
 * component's number (il/graphs.ts). */
function components(edges: ReadonlyMap<Param, readonly Edge[]>): Map<Param, number> {
  const component = new Map<Param, number>();
  stronglyConnected(edges.keys(), (node) => edges.get(node)!.map((e) => e.to)).forEach((nodes, c) => nodes.forEach((n) => component.set(n, c)));
  return component;
}

/** The items on a shortest path from `from` to `to` inside one component, by their names. */
function chain(edges: ReadonlyMap<Param, readonly Edge[]>, component: ReadonlyMap<Param, number>, from: Param, to: Param): string[] {
  const before = new Map<Param, Param | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length && !before.has(to); i++) {
    for (const e of edges.get(queue[i]!)!) {
      if (component.get(e.to) !== component.get(from) || before.has(e.to)) continue;
      before.set(e.to, queue[i]!);
      queue.push(e.to);
    }
  }
  const path: string[] = [];
  for (let n: Param | null | undefined = to; n; n = before.get(n)) path.unshift(n.slice(0, n.lastIndexOf("#")));
  return path;
}

/** Reports each set of generic items that would need ever larger instances of one another. */
export function checkInstantiation(items: readonly Ltyped.Item[], sink: DiagnosticSink): void {
  const generics = new Map<string, Generic>();
  for (const item of items) if (item.kind === "GenericFn" || item.kind === "GenericRecord" || item.kind === "GenericUnion" || item.kind === "GenericMethod") generics.set(keyOf(item), item);
  if (generics.size === 0) return;
  const edges = graphOf(generics);
  const component = components(edges);
  const reported = new Set<number>();
  for (const [node, out] of edges) {
    for (const e of out) {
      const c = component.get(node)!;
      if (!e.grows || component.get(e.to) !== c || reported.has(c)) continue;
      reported.add(c);
      const path = [e.from, ...chain(edges, component, e.to, node)];
      const names = showChain(path.length, (i) => path[i]!);
      const kind = generics.get(e.from)!.kind;
      const what = kind === "GenericFn" ? "the generic function" : kind === "GenericMethod" ? "the method" : "the generic type";
      const here = what === "the generic type" ? "here it uses" : "here it passes";
      sink.report(e.loc, `${what} \`${e.from}\` would need ever larger instances of itself: ${here} \`${e.arg}\` for its type parameter \`${e.param}\`, and the chain ${names} comes back to it, without end`);
    }
  }
}
