// Module resolution (resolve-modules, and the meaning of an Lmodules program):
// the modules are joined into one program. Each module's scope is built from
// its items and its `use`s (module-scope.ts), its items are renamed through it
// (module-rename.ts), and all of them become one program: the program's own
// file's items, then each module's, then the prelude's that the program may
// use (front-end/prelude.ts). The prelude, core/prelude.qs, is a module like
// the others, whose `pub` items every other module sees unless it declares or
// imports the same name. Errors found here, each at its place in its file: a
// `module` header that is not the file's name, a cycle of imports (named
// whole: `app -> a -> b -> app`); the scope's own are module-scope.ts's.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { posix } from "node:path";
import type { Loc } from "../il/node.js";
import type { DiagnosticSink } from "./diagnostics.js";
import { moduleNameOf, preludeFile, qualifiedName } from "./modules.js";
import { checkImpls, declarationsOf, declaredItem, scopeOf, type ModuleInfo } from "./module-scope.js";
import { renameItems } from "./module-rename.js";
import { builtins, hiddenName, preludeName, preludeUsed } from "./prelude.js";

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
    } else modules.set(m.file, { path: m.path, name: m.path.join("."), file: m.file, items: m.items, declared: declarationsOf(m.items, (n) => qualifiedName(m.path, n)) });
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
    const { names, aliases } = scopeOf(m, targetOf, files.unreadable, sink);
    checkImpls(m, names, sink);
    const free = (name: string, loc: Loc | undefined): string => {
      if (m === main || !main.declared.has(name)) return name;
      if (builtins.has(name)) return hiddenName(name); // (the built-in, not the program's own file's)
      sink.report(loc, `\`${name}\` is neither declared in the module \`${m.name}\` nor imported into it`);
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
