// Programs of several files: a generated program split into modules. Some of
// its items (never `main`), with every item they need and every impl of their
// types, move into the module `mods/lib.qs` (a subfolder), all `pub` there; the
// program's own file imports what it still uses with `use mods.lib.{...}` (a
// union brings its constructors). The split program must mean what the whole
// one means: the properties compare every IL's outcome, and the binaries',
// with the source interpreter's on the program before the split. The files
// are written to a temporary folder by props/check.ts (passes do no I/O).

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { forEachNode } from "../il/rewrite.js";
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
export function splitProgram(program: Lsrc.Program, picks: readonly boolean[]): { source: string; modules: ModuleFile[] } | null {
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
  // What the program's own file still names from the module: a constructor by its union.
  const needed = new Set<string>();
  for (const item of stay) {
    for (const n of mentions(item)) {
      const i = owner.get(n);
      if (i === undefined || !moved.has(i)) continue;
      const from = items[i]!;
      needed.add(from.kind === "Union" || from.kind === "GenericUnion" ? from.name : n);
    }
  }
  const text = (item: Item) => quastraSource({ kind: "Program", items: [item] }).trimEnd();
  const module = go.map((item) => (item.kind === "Impl" || item.kind === "ProtocolImpl" ? text(item) : `pub ${text(item)}`)).join("\n\n") + "\n";
  const use = needed.size > 0 ? `use ${splitModule.use}.{${[...needed].sort().join(", ")}}` : `use ${splitModule.use}`;
  const source = `${use}\n\n${quastraSource({ ...program, items: stay })}`;
  return { source, modules: [{ path: splitModule.path, source: module }] };
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
