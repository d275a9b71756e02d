// The IL machinery, part 4: the default traversal, like nanopass's generated
// catamorphisms. A pass writes clauses only for the forms it changes:
//
//     const rename = rewriter<In.Node, Ctx>(Lin, {
//       Var: (node, env) => ({ ...node, name: env.get(node.name)! }),
//       // every other form: rebuilt from its rewritten children
//     });
//
// Every form without a clause is rebuilt from its rewritten children, and shared
// untouched when none of them changed, so unchanged subtrees are shared between
// the input and the output (a subtree in which, by the grammar, no clause can
// apply is shared without being walked). That fallback is what makes passes tiny; its risk,
// a form you forgot to handle slipping through, is caught by validating the
// output against the pass's output IL in checked mode.
//
// In a clause, `recur(child, ctx)` rewrites any child through the clauses, and
// `recur.children(node, ctx)` is the fallback itself. When a clause for an
// element of a list returns an array, its items are spliced into the list
// (one statement may become several).

import { kindsOf, type IL } from "./define.js";
import { isNode, type AnyNode } from "./node.js";

export interface Recur<Ctx> {
  <T = any>(child: unknown, ctx: Ctx): T;
  /** The fallback: `node` with each child rewritten (the same object if none changed). */
  children<T extends NodeLike>(node: T, ctx: Ctx): T;
}

/** Any node type: the generated IL node interfaces as well as AnyNode. */
export type NodeLike = { readonly kind: string };

export type Clauses<N extends NodeLike, Ctx> = {
  readonly [K in N["kind"]]?: (node: Extract<N, { kind: K }>, ctx: Ctx, recur: Recur<Ctx>) => unknown;
};

const childFieldsCache = new WeakMap<IL, Map<string, { name: string; many: boolean }[]>>();

/** For each kind, the fields that hold nodes (terminals are copied as they are). */
function childFields(il: IL): Map<string, { name: string; many: boolean }[]> {
  const cached = childFieldsCache.get(il);
  if (cached) return cached;
  const out = new Map<string, { name: string; many: boolean }[]>();
  childFieldsCache.set(il, out);
  for (const p of il.kinds.values()) {
    out.set(
      p.kind,
      p.fields.filter((f) => il.productions.has(f.type)).map((f) => ({ name: f.name, many: f.arity === "many" })),
    );
  }
  return out;
}

const reachingCache = new WeakMap<IL, Map<string, ReadonlySet<string>>>();

/** The kinds whose nodes may hold, by the grammar, a node of one of `targets`, or are one:
 * below any other kind no clause can apply, so the fallback shares the subtree untouched
 * without walking it (what keeps a pass with a few clauses from visiting every node). */
function kindsReaching(il: IL, targets: readonly string[]): ReadonlySet<string> {
  let byTargets = reachingCache.get(il);
  if (!byTargets) reachingCache.set(il, (byTargets = new Map()));
  const key = [...targets].sort().join(" ");
  const cached = byTargets.get(key);
  if (cached) return cached;
  const below = new Map([...il.kinds.values()].map((p) => [p.kind, p.fields.filter((f) => il.productions.has(f.type)).flatMap((f) => kindsOf(il, f.type))]));
  const reaching = new Set(targets);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [kind, children] of below) {
      if (!reaching.has(kind) && children.some((c) => reaching.has(c))) (reaching.add(kind), (grew = true));
    }
  }
  byTargets.set(key, reaching);
  return reaching;
}

export function rewriter<N extends NodeLike, Ctx = undefined>(il: IL, clauses: Clauses<N, Ctx>): (node: N, ctx: Ctx) => any {
  const fields = childFields(il);
  const table = clauses as Record<string, ((node: AnyNode, ctx: Ctx, recur: Recur<Ctx>) => unknown) | undefined>;
  const walked = kindsReaching(il, Object.keys(table));

  /** `node` with each of its child fields `fs` rewritten (the same object if none changed). */
  const rebuild = (node: AnyNode, fs: readonly { name: string; many: boolean }[], ctx: Ctx): AnyNode => {
    let copy: Record<string, unknown> | null = null;
    for (const f of fs) {
      const old = node[f.name];
      let next: unknown;
      if (f.many && Array.isArray(old)) {
        let list: unknown[] | null = null;
        for (let i = 0; i < old.length; i++) {
          const item = recur(old[i], ctx);
          if (Array.isArray(item)) {
            list ??= old.slice(0, i);
            list.push(...item);
          } else if (list) list.push(item);
          else if (item !== old[i]) (list = old.slice(0, i)).push(item);
        }
        next = list ?? old;
      } else next = old === null || old === undefined ? old : recur(old, ctx);
      if (next !== old) (copy ??= { ...node })[f.name] = next;
    }
    return (copy ?? node) as AnyNode;
  };
  const children = <T extends NodeLike>(node: T, ctx: Ctx): T => rebuild(node as unknown as AnyNode, fields.get(node.kind) ?? [], ctx) as unknown as T;

  // What each kind gets, looked up once per node: its clause, or the fallback (a kind below which
  // a clause may apply), which has the kind's child fields at hand rather than looking them up
  // for every node (this loop runs for nearly every node of every pass); any other kind is
  // shared as it is.
  const fallbackFor = (fs: readonly { name: string; many: boolean }[]) => (node: AnyNode, ctx: Ctx) => rebuild(node, fs, ctx);
  const action = new Map<string, (node: AnyNode, ctx: Ctx, recur: Recur<Ctx>) => unknown>([...walked].map((kind) => [kind, table[kind] ?? fallbackFor(fields.get(kind) ?? [])]));
  const recur = ((child: unknown, ctx: Ctx): unknown => {
    if (typeof child !== "object" || child === null || Array.isArray(child)) return child;
    const act = action.get((child as AnyNode).kind);
    return act ? act(child as AnyNode, ctx, recur) : child;
  }) as Recur<Ctx>;
  recur.children = children;

  return (node: N, ctx: Ctx) => recur(node, ctx);
}

/** Calls `visit` on every node of a term, parents before children. A visitor
 * that takes a second parameter gets `path()`, naming the node from the root
 * (`items[0].body.stmts[2]`); paths are tracked only for such visitors, so a
 * plain walk stays cheap on large programs. */
export function forEachNode(il: IL, root: unknown, visit: (node: AnyNode, path: () => string) => void): void {
  const fields = childFields(il);
  const wantPaths = visit.length >= 2;
  // Parallel stacks: the nodes still to visit and, when paths are wanted, each one's path.
  const nodes: unknown[] = [root];
  const paths: string[] = [""];
  let current = "";
  const path = () => current || "(root)";
  while (nodes.length > 0) {
    const node = nodes.pop();
    if (wantPaths) current = paths.pop()!;
    if (typeof node !== "object" || node === null) continue;
    const kind = (node as AnyNode).kind;
    visit(node as AnyNode, path);
    const fs = fields.get(kind) ?? [];
    for (let i = fs.length - 1; i >= 0; i--) {
      const f = fs[i]!;
      const v = (node as AnyNode)[f.name];
      const at = wantPaths ? (current ? `${current}.${f.name}` : f.name) : "";
      if (f.many && Array.isArray(v)) {
        for (let j = v.length - 1; j >= 0; j--) {
          nodes.push(v[j]);
          if (wantPaths) paths.push(`${at}[${j}]`);
        }
      } else {
        nodes.push(v);
        if (wantPaths) paths.push(at);
      }
    }
  }
}

/** How many times each variable is read (its Var nodes) in a term, added to `into`. */
export function countReads(il: IL, root: unknown, into: Map<string, number> = new Map()): Map<string, number> {
  forEachNode(il, root, (n) => void (n.kind === "Var" && into.set(n.name as string, (into.get(n.name as string) ?? 0) + 1)));
  return into;
}
