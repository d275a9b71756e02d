// Programs of several files: a generated program split into modules. Some of
// its items (never `main`), with every item they need and every impl of their
// types, move into the module `mods/lib.qs` (a subfolder), all `pub` there; the
// program's own file imports what it still uses with `use mods.lib.{...}` (a
// union brings its constructors), or, `qualified`, with `use mods.lib` and
// qualified uses: `lib.f(x)`, `lib.Circle(2)`, `lib.K`, `lib.f` as a value
// (its types, record literals and patterns still import their names, as
// `use mods.lib.{Shape}` beside it). With `twins`, two more modules with the
// same last segment in different folders, `mods/lib.qs`'s and `twin/lib.qs`,
// each hold a private fn `secret` of their own that a pub fn returns, and
// main panics unless each gives its own: private items of one name in two
// modules never meet. The split program must mean what the whole
// one means: the properties compare every IL's outcome, and the binaries',
// with the source interpreter's on the program before the split. The files
// are written to a temporary folder by props/check.ts (passes do no I/O).

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { forEachNode, rewriter } from "../il/rewrite.js";
import { namedTypes, parseType } from "../ir-defs/type-syntax.js";
import { quastraSource } from "../front-end/quastra-source.js";

/** A module's file: its path from the program's folder, and its text. */
export interface ModuleFile {
  readonly path: string;
  readonly source: string;
}

/** The module the split moves items into, and how the program's own file names it. */
export const splitModule = { path: "mods/lib.qs", use: "mods.lib" } as const;

type Item = Lsrc.Item;

/** The names an item declares: its own, and a union's constructors'. */
function declares(item: Item): string[] {
  if (item.kind === "Impl" || item.kind === "ProtocolImpl" || item.kind === "Module") return [];
  return item.kind === "Union" || item.kind === "GenericUnion" ? [item.name, ...item.ctors.map((c) => c.name)] : [item.name];
}

/** Every name an item's code or types mention (variables too: a superset is harmless). */
function mentions(item: Item): Set<string> {
  const names = new Set<string>();
  forEachNode(LsrcIL, item, (node) => {
    for (const key of ["name", "callee", "ctor", "protocol"]) if (typeof node[key] === "string") names.add(node[key] as string);
    if (node.kind === "TypeParam") for (const b of node.bounds as string[]) names.add(b);
    for (const f of LsrcIL.kinds.get(node.kind)!.fields) {
      const tree = f.type === "type" && typeof node[f.name] === "string" ? parseType(node[f.name] as string) : null;
      if (tree) for (const t of namedTypes(tree)) names.add(t.name);
    }
  });
  return names;
}

/** The head of an impl's type: `Stack` for `Stack[T]`. */
const implType = (item: Lsrc.Impl | Lsrc.ProtocolImpl): string => item.type.replace(/\[.*$/, "");

/**
 * The program split in two files as `picks` says (a pick per item: move it or not), or null
 * when nothing can move (a picked item needs `main`) or nothing was picked. The program's own
 * file is `source`; the module's, `modules`.
 */
export function splitProgram(program: Lsrc.Program, picks: readonly boolean[], style: { qualified: boolean; twins: boolean } = { qualified: false, twins: false }): { source: string; modules: ModuleFile[] } | null {
  const items = program.items.filter((item) => item.kind !== "Module");
  const owner = new Map<string, number>();
  items.forEach((item, i) => declares(item).forEach((n) => owner.set(n, i)));
  const moved = new Set<number>();
  const pending = items.flatMap((item, i) => (picks[i] === true && !(item.kind === "Fn" && item.name === "main") ? [i] : []));
  for (;;) {
    for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
      if (moved.has(i)) continue;
      moved.add(i);
      for (const n of mentions(items[i]!)) if (owner.has(n)) pending.push(owner.get(n)!);
    }
    // An impl goes with its type (it is written in the module that declares it), and an impl of a
    // protocol for a type the program does not declare (Int) with the protocol.
    items.forEach((item, i) => {
      if ((item.kind !== "Impl" && item.kind !== "ProtocolImpl") || moved.has(i)) return;
      const type = owner.get(implType(item));
      if (type !== undefined ? moved.has(type) : item.kind === "ProtocolImpl" && moved.has(owner.get(item.protocol) ?? -1)) pending.push(i);
    });
    if (pending.length === 0) break;
  }
  if (moved.size === 0 || [...moved].some((i) => declares(items[i]!).includes("main"))) return null;
  const stay = items.filter((_, i) => !moved.has(i));
  const go = items.filter((_, i) => moved.has(i));
  // With `qualified`, calls and values of moved items are written `lib.x` (in an item that
  // binds no variable of that name).
  const movedNames = new Set([...moved].flatMap((i) => declares(items[i]!)));
  const movedCtors = new Set(go.flatMap((item) => (item.kind === "Union" || item.kind === "GenericUnion" ? item.ctors.map((c) => c.name) : [])));
  const staying = style.qualified ? stay.map((item) => qualify(item, movedNames, movedCtors)) : stay;
  // What the program's own file still names from the module: a constructor by its union.
  const needed = new Set<string>();
  for (const item of staying) {
    for (const n of mentions(item)) {
      const i = owner.get(n);
      if (i === undefined || !moved.has(i)) continue;
      const from = items[i]!;
      needed.add(from.kind === "Union" || from.kind === "GenericUnion" ? from.name : n);
    }
  }
  const text = (item: Item) => quastraSource({ kind: "Program", items: [item] }).trimEnd();
  const twin = (value: number) => `fn secret() -> Int { ${value} }\n\npub fn secret_${value}() -> Int { secret() }\n`;
  const module = go.map((item) => (item.kind === "Impl" || item.kind === "ProtocolImpl" ? text(item) : `pub ${text(item)}`)).join("\n\n") + "\n" + (style.twins ? `\n${twin(1)}` : "");
  if (style.twins && !style.qualified) needed.add("secret_1");
  const uses = [
    ...(style.qualified ? [`use ${splitModule.use}`] : []),
    ...(needed.size > 0 ? [`use ${splitModule.use}.{${[...needed].sort().join(", ")}}`] : style.qualified ? [] : [`use ${splitModule.use}`]),
    ...(style.twins ? [`use ${twinModule.use}.{secret_2}`] : []),
  ];
  const withTwins = style.twins ? staying.map((item) => (item.kind === "Fn" && item.name === "main" ? checkTwins(item, style.qualified) : item)) : staying;
  const source = `${uses.join("\n\n")}\n\n${quastraSource({ ...program, items: withTwins })}`;
  return { source, modules: [{ path: splitModule.path, source: module }, ...(style.twins ? [{ path: twinModule.path, source: twin(2) }] : [])] };
}

/** The second module `twins` adds: its last segment is splitModule's. */
export const twinModule = { path: "twin/lib.qs", use: "twin.lib" } as const;

/** Main, first checking that each module's private `secret` is its own (a panic if not). */
function checkTwins(main: Lsrc.Fn, qualified: boolean): Lsrc.Fn {
  const call = (n: number): Lsrc.Expr => (n === 1 && qualified ? { kind: "MethodCall", target: { kind: "Var", name: "lib" }, method: "secret_1", args: [] } : n === 1 ? { kind: "Call", callee: "secret_1", args: [] } : { kind: "Call", callee: "secret_2", args: [] });
  const check = (n: number): Lsrc.Stmt => ({ kind: "ExprStmt", expr: { kind: "If", cond: { kind: "Binary", op: "!=", left: call(n), right: { kind: "Int", value: BigInt(n) } }, then: { kind: "Block", stmts: [{ kind: "ExprStmt", expr: { kind: "Call", callee: "panic", args: [{ kind: "Str", value: "private items met" }] } }] }, else: null } });
  return { ...main, body: { ...main.body, stmts: [check(1), check(2), ...main.body.stmts] } };
}

/** An item with its calls and values of the `moved` items written `lib.x` (a method call or a
 * field of the module's name: resolve-modules reads them so); left as it is when it binds a
 * variable of one of those names (a pattern's bare name binds one unless it names a constructor:
 * `K0 => ...` shadows the const K0). */
function qualify(item: Item, moved: ReadonlySet<string>, ctors: ReadonlySet<string>): Item {
  let binds = false;
  forEachNode(LsrcIL, item, (node) => {
    const name = node.name as string;
    if ((node.kind === "Let" || node.kind === "Param" || node.kind === "For" || node.kind === "ForEach" || node.kind === "Using") && moved.has(name)) binds = true;
    if (node.kind === "Binder" && moved.has(name) && !ctors.has(name)) binds = true;
  });
  if (binds) return item;
  const module: Lsrc.Expr = { kind: "Var", name: splitModule.use.split(".").pop()! };
  return rewriter<Lsrc.Node, undefined>(LsrcIL, {
    Call: (node, ctx, recur) => {
      const args = node.args.map((a) => recur(a, ctx));
      return moved.has(node.callee) ? { kind: "MethodCall", target: module, method: node.callee, args } : { ...node, args };
    },
    Var: (node) => (moved.has(node.name) ? { kind: "Field", target: module, field: node.name } : node),
  })(item, undefined) as Item;
}

/** Writes a program of modules into the folder `dir`: its own file, generated.qs, whose path
 * it gives (the driver reads the modules' files from beside it), and its modules' files. */
export function writeProgram(dir: string, source: string, modules: readonly ModuleFile[]): string {
  writeFileSync(join(dir, "generated.qs"), source);
  for (const m of modules) {
    mkdirSync(dirname(join(dir, m.path)), { recursive: true });
    writeFileSync(join(dir, m.path), m.source);
  }
  return join(dir, "generated.qs");
}
