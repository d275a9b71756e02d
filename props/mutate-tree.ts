// Grammar-aware mutation of a parsed program (an Lsrc tree), for the fuzzer
// (props/fuzz.ts). The grammar is the IL's own definition (ir-defs/lsrc.ts):
// every field of every node is a *site* whose type is a nonterminal (Expr,
// Stmt, Block, Item, ...) or a terminal (int, name, type, binop, ...), so a
// mutation only ever puts a node where the grammar allows one of its kind.
// The result is printed as Quastra (front-end/quastra-source.ts): it parses,
// though it is often ill-typed, which is what the type checker must answer.
//
// Mutations: swap two subtrees, duplicate or delete a list element, copy a
// subtree over another, splice in a subtree from another program, change a
// literal to an edge value, rename an identifier (one use, or all of them),
// wrap an expression or statements in more nesting, change an operator, and
// change a written type. Nodes are never changed in place: a mutation
// rebuilds the path to what it changes.
import type { Arity, IL } from "../il/define.js";
import { kindsOf } from "../il/define.js";
import { isNode, type AnyNode } from "../il/node.js";
import { binaryOperators } from "../ir-defs/lsrc.js";
import { Lsrc } from "../ir-defs/lsrc.js";
import { edgeInts, stringLits } from "./skeleton.js";
import type { Random } from "./random.js";
import { diagnosticSink } from "../front-end/diagnostics.js";
import { parseSource } from "../front-end/parser.js";

export type Path = readonly (string | number)[];

/** A place in the tree: a field of a node, an element of a list field, or (arity "many") the list itself. */
export interface Site {
  readonly path: Path;
  /** The field's terminal or nonterminal. */
  readonly type: string;
  readonly arity: Arity;
  readonly value: unknown;
}

const grammar: IL = Lsrc;
const kindSets = new Map<string, ReadonlySet<string>>();
/** The node kinds a nonterminal admits (Expr admits Block too). */
function admits(nonterminal: string): ReadonlySet<string> {
  let set = kindSets.get(nonterminal);
  if (!set) kindSets.set(nonterminal, (set = new Set(kindsOf(grammar, nonterminal))));
  return set;
}
const isTerminal = (type: string) => grammar.terminals.has(type);
/** Whether `value` may stand at a site of this type. */
export const fits = (value: unknown, type: string): boolean => isNode(value) && admits(type).has(value.kind);

/** Every site of the tree, parents before children. */
export function sitesOf(root: AnyNode): Site[] {
  const out: Site[] = [];
  const visit = (node: AnyNode, path: Path) => {
    const production = grammar.kinds.get(node.kind);
    if (!production) return;
    for (const f of production.fields) {
      const value = node[f.name];
      const here = [...path, f.name];
      if (f.arity === "many") {
        if (!Array.isArray(value)) continue;
        out.push({ path: here, type: f.type, arity: "many", value });
        value.forEach((v, i) => {
          out.push({ path: [...here, i], type: f.type, arity: "one", value: v });
          if (isNode(v)) visit(v, [...here, i]);
        });
      } else {
        out.push({ path: here, type: f.type, arity: f.arity, value });
        if (isNode(value)) visit(value, here);
      }
    }
  };
  visit(root, []);
  return out;
}

/** The tree with the value at `path` replaced (or, with `f`, transformed). */
export function updateAt(root: unknown, path: Path, f: (old: unknown) => unknown): unknown {
  if (path.length === 0) return f(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = updateAt(copy[head as number], rest, f);
    return copy;
  }
  const node = root as Record<string, unknown>;
  return { ...node, [head!]: updateAt(node[head!], rest, f) };
}

export const valueAt = (root: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);

const isPrefix = (a: Path, b: Path) => a.length <= b.length && a.every((k, i) => b[i] === k);

/** The tree of a text that parses without a diagnostic, else null. */
export function parsedTree(source: string): AnyNode | null {
  const sink = diagnosticSink("fuzz.qs");
  try {
    const tree = parseSource(source, sink) as unknown as AnyNode;
    return sink.diagnostics.length === 0 ? tree : null;
  } catch {
    return null;
  }
}

const loc = { line: 1, col: 1, length: 1 };
const int = (value: bigint): AnyNode => ({ kind: "Int", value, loc });
const exprStmt = (expr: AnyNode): AnyNode => ({ kind: "ExprStmt", expr, loc });
const block = (stmts: readonly AnyNode[]): AnyNode => ({ kind: "Block", stmts, loc });

const builtinNames = ["print", "len", "array", "Box", "read_int", "exit", "assert", "panic", "main", "Int", "Bool", "String", "Unit", "Array", "get", "set", "_"];
const typePool = [
  "Int", "Bool", "Unit", "String", "(Int, Int)", "(Bool, String, Int)", "Array[Int]", "Box[Int]", "Array[Array[String]]",
  "Box[(Int, Bool)]", "fn(Int) -> Int", "fn() -> Unit", "Array[Box[Array[Int]]]", "((Int, Int), (Bool, Bool))", "Nope",
];
const oddStrings = [...stringLits, "x".repeat(3000), "\u{202e}rtl", "\u{feff}", "\u{10ffff}", "%s%n{}", "日本語のテキスト"];
const moreInts = [...edgeInts, 2n ** 31n, -(2n ** 31n), 2n ** 32n, 4095n, 4096n, -4096n, 65535n, 65536n, 127n, 128n, 255n, 256n, -129n];

/** Names the program uses (variables, functions, records, fields), to rename into. */
function namesOf(sites: readonly Site[]): string[] {
  return [...new Set(sites.filter((s) => s.type === "name" && typeof s.value === "string").map((s) => s.value as string))];
}

type Mutation = (root: AnyNode, sites: readonly Site[], r: Random, donors: readonly AnyNode[]) => AnyNode | null;

const nodeSites = (sites: readonly Site[]) => sites.filter((s) => s.arity !== "many" && isNode(s.value));

/** Two subtrees that fit each other's place trade places. */
const swap: Mutation = (root, sites, r) => {
  const nodes = nodeSites(sites);
  if (nodes.length < 2) return null;
  const a = r.pick(nodes);
  const sameKind = r.chance(0.5);
  const others = nodes.filter((b) => !isPrefix(a.path, b.path) && !isPrefix(b.path, a.path) && fits(a.value, b.type) && fits(b.value, a.type) && (!sameKind || (b.value as AnyNode).kind === (a.value as AnyNode).kind));
  if (others.length === 0) return null;
  const b = r.pick(others);
  return updateAt(updateAt(root, a.path, () => b.value), b.path, () => a.value) as AnyNode;
};

/** A list element is repeated, or dropped; an optional part is dropped. */
const duplicateOrDelete: Mutation = (root, sites, r) => {
  const lists = sites.filter((s) => s.arity === "many" && (s.value as unknown[]).length > 0);
  const optionals = sites.filter((s) => s.arity === "optional" && s.value !== null);
  if (lists.length === 0) return null;
  if (optionals.length > 0 && r.chance(0.15)) return updateAt(root, r.pick(optionals).path, () => null) as AnyNode;
  const list = r.pick(lists);
  const items = list.value as unknown[];
  const i = r.int(items.length);
  if (r.chance(0.5)) return updateAt(root, list.path, () => items.filter((_, k) => k !== i)) as AnyNode;
  const copies = r.chance(0.1) ? r.between(2, 60) : 1;
  return updateAt(root, list.path, () => [...items.slice(0, i + 1), ...Array(copies).fill(items[i]), ...items.slice(i + 1)]) as AnyNode;
};

/** A subtree (of this program or, spliced, of another) replaces one of the same nonterminal, or joins a list. */
const copyOver: Mutation = (root, sites, r, donors) => {
  const from = r.chance(0.5) && donors.length > 0 ? nodeSites(sitesOf(r.pick(donors))) : nodeSites(sites);
  if (from.length === 0) return null;
  const piece = r.pick(from).value as AnyNode;
  const lists = sites.filter((s) => s.arity === "many" && admits(s.type).has(piece.kind));
  if (lists.length > 0 && r.chance(0.3)) {
    const list = r.pick(lists);
    const items = list.value as unknown[];
    const at = r.int(items.length + 1);
    return updateAt(root, list.path, () => [...items.slice(0, at), piece, ...items.slice(at)]) as AnyNode;
  }
  const places = sites.filter((s) => s.arity !== "many" && !isTerminal(s.type) && fits(piece, s.type));
  if (places.length === 0) return null;
  return updateAt(root, r.pick(places).path, () => piece) as AnyNode;
};

/** An integer, string or boolean literal becomes an edge value; or an expression becomes a literal. */
const literal: Mutation = (root, sites, r) => {
  const terminals = sites.filter((s) => s.type === "int" || s.type === "string" || s.type === "bool");
  if (terminals.length === 0 || r.chance(0.15)) {
    const exprs = nodeSites(sites).filter((s) => s.type === "Expr");
    if (exprs.length === 0) return null;
    const value = r.pick<AnyNode>([int(r.pick(moreInts)), { kind: "Bool", value: r.chance(0.5), loc }, { kind: "Str", value: r.pick(oddStrings), loc }, { kind: "Unit", loc }]);
    return updateAt(root, r.pick(exprs).path, () => value) as AnyNode;
  }
  const site = r.pick(terminals);
  const value = site.type === "int" ? r.pick(moreInts) : site.type === "bool" ? !site.value : r.pick(oddStrings);
  return updateAt(root, site.path, () => value) as AnyNode;
};

/** One use of a name, or every one, gets another name: one of the program's, a built-in's, a fresh or a long one. */
const rename: Mutation = (root, sites, r) => {
  const names = sites.filter((s) => (s.type === "name" || s.type === "field") && s.arity !== "many");
  if (names.length === 0) return null;
  const site = r.pick(names);
  const fresh = r.weighted<string>([[6, r.pick([...namesOf(sites), "x"])], [2, r.pick(builtinNames)], [1, `n${r.int(100)}`], [1, "v".repeat(r.pick([1, 64, 5000]))], ...(site.type === "field" ? [[1, String(r.int(4))] as [number, string]] : [])]);
  if (r.chance(0.3)) return updateAt(root, site.path, () => fresh) as AnyNode;
  // Every occurrence: the program's structure stays, its names collide or shadow differently.
  return sites.filter((s) => s.type === site.type && s.value === site.value).reduce<unknown>((t, s) => updateAt(t, s.path, () => fresh), root) as AnyNode;
};

/** An expression in 1 to many layers of blocks, ifs, unary operators, parentheses of binary
 * operators or calls; or a run of statements in a loop or a block. */
const nest: Mutation = (root, sites, r) => {
  const stmtLists = sites.filter((s) => s.arity === "many" && s.type === "Stmt" && (s.value as unknown[]).length > 0);
  if (stmtLists.length > 0 && r.chance(0.3)) {
    const list = r.pick(stmtLists);
    const items = list.value as AnyNode[];
    const i = r.int(items.length);
    const j = r.between(i + 1, items.length);
    const body = block(items.slice(i, j));
    const wrapper = r.pick<AnyNode>([
      exprStmt(body),
      { kind: "While", cond: { kind: "Bool", value: r.chance(0.3), loc }, body: block([...body.stmts as AnyNode[], { kind: "Break", loc }]), loc },
      { kind: "For", name: r.pick(["i", "x", "n"]), from: int(0n), to: int(BigInt(r.between(0, 3))), body, loc },
      exprStmt({ kind: "If", cond: { kind: "Bool", value: true, loc }, then: body, else: null, loc }),
    ]);
    return updateAt(root, list.path, () => [...items.slice(0, i), wrapper, ...items.slice(j)]) as AnyNode;
  }
  const exprs = nodeSites(sites).filter((s) => s.type === "Expr");
  if (exprs.length === 0) return null;
  const site = r.pick(exprs);
  // Up to a little past the parser's limit of nesting (deeper texts come from byte mutations, which do not recurse).
  const layers = r.weighted([[8, r.few(4)], [2, r.between(10, 80)], [1, r.between(200, 300)]]);
  const kind = r.int(6); // one kind of layer, repeated: deep nesting of one construct
  const wrap = (e: AnyNode): AnyNode => {
    switch (kind) {
      case 0: return block([exprStmt(e)]);
      // (the else branch holds a copy only when there are few layers: each would double the program)
      case 1: return { kind: "If", cond: { kind: "Bool", value: true, loc }, then: block([exprStmt(e)]), else: layers <= 3 ? block([exprStmt(e)]) : null, loc };
      case 2: return { kind: "Unary", op: r.pick(["-", "!", "~"]), arg: e, loc };
      case 3: return { kind: "Binary", left: e, op: r.pick(binaryOperators), right: int(r.pick(moreInts)), loc };
      case 4: return { kind: "Tuple", elems: layers <= 3 ? [e, e] : [e, int(0n)], loc };
      default: return { kind: "Call", callee: r.pick(["abs", "print", "len", "f", "main"]), args: [e], loc };
    }
  };
  return updateAt(root, site.path, (e) => {
    let out = e as AnyNode;
    for (let k = 0; k < layers; k++) out = wrap(out);
    return out;
  }) as AnyNode;
};

const operatorGroups: readonly (readonly string[])[] = [["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"], ["==", "!=", "<", "<=", ">", ">="], ["&&", "||"], ["-", "~"]];

/** An operator, assignment operator or `let`/`let mut` becomes another of its kind. */
const operator: Mutation = (root, sites, r) => {
  const ops = sites.filter((s) => ["binop", "unop", "assignop", "decl"].includes(s.type));
  if (ops.length === 0) return null;
  const site = r.pick(ops);
  // Mostly an operator of the same group, so that the program stays well typed and goes on into the passes.
  const group = operatorGroups.find((g) => g.includes(site.value as string));
  const choices = group && r.chance(0.7) ? group : grammar.terminals.get(site.type)!.values!;
  return updateAt(root, site.path, () => r.pick(choices)) as AnyNode;
};

/** A written type becomes another: a built-in one, one the program declares, or a nesting of them. */
const retype: Mutation = (root, sites, r) => {
  const types = sites.filter((s) => s.type === "type" && typeof s.value === "string");
  if (types.length === 0) return null;
  const site = r.pick(types);
  const declared = sites.filter((s) => s.type === "name" && /^(items\.\d+\.name)$/.test(s.path.join("."))).map((s) => s.value as string);
  let t = r.pick([...typePool, ...declared, ...types.map((s) => s.value as string)]);
  if (r.chance(0.2)) for (let k = r.weighted([[4, r.few(4)], [1, r.between(50, 300)]]); k > 0; k--) t = r.chance(0.5) ? `Array[${t}]` : `(${t}, Int)`;
  return updateAt(root, site.path, () => t) as AnyNode;
};

/** Expressions and statements where compilers go wrong: Never-typed values, edges of the arithmetic, empty and negative arrays. */
const snippetSource = `fn main() {
    panic("p")
    if true { panic("x") } else { 0 }
    read_int()
    exit(3)
    array(3, 0)
    array(-1, true)
    array(0, "s")
    Box(1)
    Box(Box(2)).get().get()
    (1, true).1
    len("h\u{e9}llo")
    "a" + "b"
    9223372036854775807 + 1
    -9223372036854775807 - 1
    (-9223372036854775807 - 1) / -1
    (-9223372036854775807 - 1) % -1
    1 << 64
    7 / 0
    assert(false)
    main()
    { let mut z = 1; z += 1; z }
    { print(0); () }
    while true { break }
    return
    break
    continue
    let q = { return }
    for k in 0..3 { continue }
}`;
const snippets: readonly AnyNode[] = (() => {
  const program = parseSource(snippetSource, diagnosticSink("snippets.qs")) as unknown as { items: { body: { stmts: AnyNode[] } }[] };
  return program.items[0]!.body.stmts;
})();

/** A snippet (above) goes where an expression or a statement may stand. */
const inject: Mutation = (root, sites, r) => {
  const places = sites.filter((s) => s.arity !== "many" && (s.type === "Expr" || s.type === "Stmt"));
  // Often where a value is taken apart (`e.x`, `e[i]`, `e.get()`, `for v in e`): where a Never or odd value tests the most.
  const receivers = places.filter((s) => /^(target|iter|array)$/.test(String(s.path[s.path.length - 1])));
  if (places.length === 0) return null;
  const site = r.pick(receivers.length > 0 && r.chance(0.3) ? receivers : places);
  const stmt = r.pick(snippets);
  const value = site.type === "Stmt" ? stmt : stmt.kind === "ExprStmt" ? (stmt.expr as AnyNode) : block([stmt]);
  return updateAt(root, site.path, () => value) as AnyNode;
};

export const treeMutations: readonly (readonly [number, string, Mutation])[] = [
  [3, "swap", swap],
  [3, "duplicate-or-delete", duplicateOrDelete],
  [3, "copy-or-splice", copyOver],
  [4, "literal", literal],
  [2, "rename", rename],
  [2, "nest", nest],
  [3, "operator", operator],
  [1, "retype", retype],
  [2, "inject", inject],
];

/**
 * After a subtree has moved, its variables may be out of scope: each use of a
 * name that is not in scope (not a parameter, a `let` or loop variable
 * before it, nor an item) gets the name of a variable that is, so that more
 * mutants get past name resolution to the type checker and the passes.
 */
export function repairNames(root: AnyNode, r: Random): AnyNode {
  const items = new Set(((root.items as AnyNode[] | undefined) ?? []).map((i) => i.name as string));
  const builtins = new Set(builtinNames);
  const visit = (node: unknown, scope: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, scope));
    if (!isNode(node)) return node;
    const n = node as AnyNode & Record<string, unknown>;
    const known = (name: string) => scope.includes(name) || items.has(name) || builtins.has(name);
    const rename = (name: unknown) => (typeof name === "string" && !known(name) && scope.length > 0 ? r.pick(scope) : name);
    switch (n.kind) {
      case "Fn": return { ...n, body: visit(n.body, (n.params as AnyNode[]).map((p) => p.name as string)) };
      case "Block": {
        let inner = scope;
        const stmts = (n.stmts as AnyNode[]).map((s) => {
          const out = visit(s, inner);
          if (s.kind === "Let") inner = [...inner, s.name as string];
          return out;
        });
        return { ...n, stmts };
      }
      case "For": return { ...n, from: visit(n.from, scope), to: visit(n.to, scope), body: visit(n.body, [...scope, n.name as string]) };
      case "ForEach": return { ...n, iter: visit(n.iter, scope), body: visit(n.body, [...scope, n.name as string]) };
      case "Var": return { ...n, name: rename(n.name) };
      case "Assign": case "SetField": return { ...n, name: rename(n.name), value: visit(n.value, scope) };
      default: {
        const out: Record<string, unknown> = { ...n };
        for (const [k, v] of Object.entries(n)) if (k !== "loc" && typeof v === "object") out[k] = visit(v, scope);
        return out;
      }
    }
  };
  return visit(root, []) as AnyNode;
}

/** One grammar-aware mutation of the program (trying a few if one does not apply); null if none applies. */
export function mutateTree(root: AnyNode, r: Random, donors: readonly AnyNode[]): { tree: AnyNode; how: string } | null {
  const sites = sitesOf(root);
  for (let attempt = 0; attempt < 8; attempt++) {
    const [how, m] = r.weighted(treeMutations.map(([w, name, m]) => [w, [name, m] as const]));
    const tree = m(root, sites, r, donors);
    if (tree !== null) return { tree, how };
  }
  return null;
}
