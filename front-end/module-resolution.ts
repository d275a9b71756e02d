// Module resolution (resolve-modules, and the meaning of an Lmodules program):
// every module's scope is built from its items and its `use`s, its items are
// renamed through it (module-scope.ts), and all of them become one program:
// the program's own file's items, then each module's, then the prelude's that
// the program may use (front-end/prelude.ts). The prelude, core/prelude.qs, is
// a module like the others, whose `pub` items every other module sees unless
// it declares or imports the same name.
//
// Errors, each at its place in its file: a `use` whose file cannot be read
// (naming the file tried), an unknown or private item of a module, two imports
// bringing one name (or two modules of one last segment), an import and an
// item of the file with one name, a `module` header that is not the file's
// name, a cycle of imports (named whole: `app -> a -> b -> app`).

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { posix } from "node:path";
import type { Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { moduleNameOf, preludeFile, qualifiedName } from "./modules.js";
import { parseType } from "../ir-defs/type-syntax.js";
import { declarationsOf, declaredItem, memberOf, renameItems, type Declared, type ModuleInfo } from "./module-scope.js";
import { hiddenName, preludeName, preludeUsed } from "./prelude.js";

/** The program's own file (null when unknown: the interpreter's, for a program already checked),
 * and why a module's file could not be read (the driver's words), by file name. */
export interface ModuleFiles {
  readonly main: string | null;
  readonly unreadable: (file: string) => string | undefined;
}

const isUse = (item: Lmodules.Item): item is Lmodules.Use => item.kind === "Use";

/** A module's items as Lsrc: `pub` unwrapped, `use` and the header gone. */
const sourceItems = (items: readonly Lmodules.Item[]): Lsrc.Item[] =>
  items.map(declaredItem).filter((item) => item.kind !== "Use" && item.kind !== "ModuleHeader" && item.kind !== "Imported") as Lsrc.Item[];

/** The whole program, every module's items under their names in the whole program; the
 * prelude's (core/prelude.qs, when parse brought it in) that the program may use last, in a
 * `module prelude` item. */
export function linkModules(program: Lmodules.Program, files: ModuleFiles, sink: DiagnosticSink): Lsrc.Program {
  const own = program.items.filter((item) => item.kind !== "Imported" && item.kind !== "Module");
  const main: ModuleInfo = { path: [], name: files.main === null ? "main" : moduleNameOf(files.main), file: files.main ?? "", items: own, declared: declarationsOf(own, (n) => n) };
  const modules = new Map<string, ModuleInfo>();
  let prelude: ModuleInfo | null = null;
  for (const m of program.items) {
    if (m.kind !== "Imported") continue;
    if (m.file === preludeFile) {
      const pub = declarationsOf(m.items, (n) => n);
      const named = (n: string) => (main.declared.has(n) || !pub.get(n)?.pub ? hiddenName(n) : n); // (what no module may name is `prelude.X`)
      prelude = { path: m.path, name: m.path.join("."), file: m.file, items: m.items, declared: declarationsOf(m.items, named) };
    }
    else modules.set(m.file, { path: m.path, name: m.path.join("."), file: m.file, items: m.items, declared: declarationsOf(m.items, (n) => qualifiedName(m.path, n)) });
  }
  const outer = new Map([...(prelude?.declared ?? [])].filter(([, d]) => d.pub));
  const mainFile = files.main === null ? null : posix.normalize(files.main);
  const targetOf = (use: Lmodules.Use) => modules.get(use.file) ?? (use.file === mainFile ? main : use.file === preludeFile ? prelude ?? undefined : undefined);
  const items: Lsrc.Item[] = [];
  let preludeItems: Lsrc.Item[] = [];
  for (const m of [main, ...modules.values(), ...(prelude ? [prelude] : [])]) {
    for (const item of m.items) {
      if (item.kind === "ModuleHeader" && files.main !== null && item.name !== moduleNameOf(m.file)) {
        sink.report(item.loc, `this file is the module \`${moduleNameOf(m.file)}\` (${posix.basename(m.file)}), not \`${item.name}\`: a module's name is its file's`);
      }
    }
    const { names, aliases } = importsOf(m, targetOf, files, sink);
    checkImpls(m, names, sink);
    const free = (name: string, loc: Loc | undefined): string => {
      if (m !== main && main.declared.has(name)) sink.report(loc, `\`${name}\` is neither declared in the module \`${m.name}\` nor imported into it`);
      return name;
    };
    const reserved = m === main ? new Set<string>() : new Set(main.declared.keys());
    const renamed = renameItems(sourceItems(m.items), { names, modules: aliases, outer: m === prelude ? new Map() : outer, free, reserved, localName: (n) => qualifiedName(m.path, n) }, sink);
    if (m === prelude) preludeItems = preludeUsed(items, renamed);
    else items.push(...renamed);
  }
  reportCycles(main, (m) => m.items.filter(isUse).flatMap((use) => { const t = targetOf(use); return t ? [{ use, target: t }] : []; }), sink);
  const module: Lsrc.Module[] = preludeItems.length > 0 ? [{ kind: "Module", name: preludeName, items: preludeItems }] : [];
  return { ...program, items: [...items, ...module] };
}

/** A module's scope: its own items, the names its `use`s bring in, and the modules they name. */
function importsOf(m: ModuleInfo, targetOf: (use: Lmodules.Use) => ModuleInfo | undefined, files: ModuleFiles, sink: DiagnosticSink) {
  const names = new Map<string, Declared>(m.declared);
  const aliases = new Map<string, ModuleInfo>();
  const broughtAt = new Map<string, { loc: Loc | undefined; by: string }>();
  const bring = (name: string, loc: Loc | undefined, by: string): boolean => {
    const local = m.declared.get(name);
    const earlier = broughtAt.get(name);
    if (local) sink.report(loc, `\`${name}\` is both imported (${by}) and declared in this file`, local.loc ? [{ loc: local.loc, message: `\`${name}\` is declared here` }] : []);
    else if (earlier) sink.report(loc, `\`${name}\` is imported twice: ${by}, and ${earlier.by}`, earlier.loc ? [{ loc: earlier.loc, message: `\`${name}\` is first imported here` }] : []);
    else broughtAt.set(name, { loc, by });
    return !local && !earlier;
  };
  for (const use of m.items.filter(isUse)) {
    const shown = use.path.join(".");
    const target = targetOf(use);
    if (!target) {
      const why = files.unreadable(use.file) ?? "not read";
      sink.report(use.loc, `cannot find the module \`${shown}\`: tried ${use.file} (${why.replace(`cannot read ${use.file}: `, "")})`);
      continue;
    }
    if (use.names.length === 0) {
      const alias = use.path[use.path.length - 1]!;
      if (bring(alias, use.loc, `the module \`${shown}\``)) aliases.set(alias, target);
      continue;
    }
    for (const imp of use.names) {
      memberOf(target, imp.name, imp.loc, sink);
      const d = target.declared.get(imp.name);
      if (!d) continue;
      for (const name of [imp.name, ...(d.ctors ?? [])]) {
        if (bring(name, imp.loc, `from \`${shown}\``)) names.set(name, target.declared.get(name)!);
      }
    }
  }
  return { names, aliases };
}

/** An inherent impl is written in the module that declares its type; `impl P for T` in the
 * module that declares P or T (brief §2): an impl for another module's type is an error. */
function checkImpls(m: ModuleInfo, names: ReadonlyMap<string, Declared>, sink: DiagnosticSink): void {
  const here = (name: string) => m.declared.get(name)?.ctor === false;
  const other = (name: string) => name.includes("/") || (names.has(name) && !m.declared.has(name));
  for (const outer of m.items) {
    const item = declaredItem(outer);
    if (item.kind !== "Impl" && item.kind !== "ProtocolImpl") continue;
    const tree = parseType(item.type);
    const type = tree?.kind === "name" ? tree.name : "";
    const protocol = item.kind === "ProtocolImpl" ? item.protocol : null;
    const shown = type.replace("/", ".");
    if (protocol === null ? other(type) : !here(protocol) && !here(type) && (other(protocol) || other(type))) {
      sink.report(item.loc, protocol === null
        ? `an impl of \`${shown}\` is written in the module that declares \`${shown}\`, not here`
        : `\`impl ${protocol.replace("/", ".")} for ${shown}\` is written in the module that declares \`${protocol.replace("/", ".")}\` or \`${shown}\`, not here`);
    }
  }
}

/** Reports each cycle of imports once, at the `use` that closes it, naming it whole. */
function reportCycles(main: ModuleInfo, edgesOf: (m: ModuleInfo) => { use: Lmodules.Use; target: ModuleInfo }[], sink: DiagnosticSink): void {
  const done = new Set<ModuleInfo>();
  const stack: ModuleInfo[] = [];
  const visit = (m: ModuleInfo) => {
    stack.push(m);
    for (const { use, target } of edgesOf(m)) {
      const at = stack.indexOf(target);
      if (at >= 0) sink.report(use.loc, `cyclic imports: ${[...stack.slice(at), target].map((x) => x.name).join(" -> ")}`);
      else if (!done.has(target)) visit(target);
    }
    stack.pop();
    done.add(m);
  };
  visit(main);
}
