// A module's scope and what other modules may see of it (resolve-modules):
// what each module declares (declarationsOf), the names its `use`s bring in and
// the modules they name (scopeOf), the `pub` rule for an item used from
// another module (memberOf), and where an impl may be written (checkImpls).
// Errors, each at its place in its file: a `use` whose file cannot be read
// (naming the file tried), an unknown or private item of a module, two imports
// bringing one name (or two modules of one last segment), an import and an
// item of the file with one name, an impl outside its type's module. The
// prelude's `pub` items are an outer scope that the module's own names hide
// (front-end/prelude.ts). module-rename.ts renames a module's items through
// its scope.

import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { parseType } from "../ir-defs/type-syntax.js";
import type { Loc } from "../il/node.js";
import { didYouMean, sourceNames, type DiagnosticSink } from "./diagnostics.js";
import { coreModule, coreModules } from "./modules.js";

/** An item a module declares, under the name it is written with there. */
export interface Declared {
  /** Its name in the whole program: `area`, `geometry/area`. */
  readonly resolved: string;
  readonly pub: boolean;
  readonly ctor: boolean;
  /** A union's constructors (written names): `use m.{Shape}` brings them in too. */
  readonly ctors?: readonly string[];
  readonly loc: Loc | undefined;
}

/** A module: its full path ([] for the program's own file), file, and what it declares. */
export interface ModuleInfo {
  readonly path: readonly string[];
  /** How messages name it: its full path, `a.b`, or the program's own file's module name. */
  readonly name: string;
  readonly file: string;
  readonly items: readonly Lmodules.Item[];
  readonly declared: ReadonlyMap<string, Declared>;
}

/** What a module's code can name: its items and direct imports, and the modules `use` names. */
export interface Scope {
  readonly names: ReadonlyMap<string, Declared>;
  readonly modules: ReadonlyMap<string, ModuleInfo>;
  /** The names every module may use unless it hides them: the prelude's `pub` items. */
  readonly outer: ReadonlyMap<string, Declared>;
  /** What a name in no scope means (the prelude's, a built-in's, or an error: resolve-modules). */
  readonly free: (name: string, loc: Loc | undefined) => string;
  /** The names in no scope that `free` does not leave as they are: the program's own file's items. */
  readonly reserved: ReadonlySet<string>;
  /** The name in the ILs of a variable named like one of `reserved` (`a.b/x`). */
  readonly localName: (name: string) => string;
}

/** An item as declared, without its `pub`. */
export const declaredItem = (item: Lmodules.Item): Lmodules.Item => (item.kind === "Pub" ? item.item : item);

/** The names a module's items declare, each with its name in the whole program (`rename`). */
export function declarationsOf(items: readonly Lmodules.Item[], rename: (name: string) => string): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  const add = (name: string, pub: boolean, ctor: boolean, loc: Loc | undefined, ctors?: readonly string[]) => {
    if (!declared.has(name)) declared.set(name, { resolved: rename(name), pub, ctor, loc, ...(ctors ? { ctors } : {}) }); // (a second is check-types' to report)
  };
  for (const outer of items) {
    const item = declaredItem(outer);
    const pub = outer.kind === "Pub";
    switch (item.kind) {
      case "Union": case "GenericUnion":
        add(item.name, pub, false, item.loc, item.ctors.map((c) => c.name));
        for (const ctor of item.ctors) add(ctor.name, pub, true, ctor.loc);
        break;
      case "Fn": case "GenericFn": case "Record": case "GenericRecord": case "Const": case "TypeAlias": case "Protocol":
        add(item.name, pub, false, item.loc);
        break;
    }
  }
  return declared;
}

/** The item `name` of `module`, as used from another module at `loc`: its name in the whole
 * program; an unknown or private one is reported (and its name is left as written). */
export function memberOf(module: ModuleInfo, name: string, loc: Loc | undefined, sink: DiagnosticSink): string {
  const d = module.declared.get(name);
  if (d === undefined) {
    const pub = [...module.declared].filter(([, d]) => d.pub).map(([n]) => n);
    sink.report(loc, `the module \`${module.name}\` has no item \`${name}\`${didYouMean(name, pub)}`);
    return name;
  }
  if (!d.pub) {
    const where = d.loc ? `${module.file}:${d.loc.line}:${d.loc.col}` : module.file;
    sink.report(loc, `\`${name}\` is private to the module \`${module.name}\` (declared at ${where} without \`pub\`)`, d.loc ? [{ loc: { ...d.loc, file: module.file }, message: `\`${name}\` is declared here` }] : []);
  }
  return d.resolved;
}

/** A module's scope: its own items, the names its `use`s bring in, and the modules they name. */
export function scopeOf(m: ModuleInfo, targetOf: (use: Lmodules.Use) => ModuleInfo | undefined, unreadable: (file: string) => string | undefined, sink: DiagnosticSink) {
  const names = new Map<string, Declared>(m.declared);
  const aliases = new Map<string, ModuleInfo>();
  const broughtAt = new Map<string, { loc: Loc | undefined; by: string; union?: string }>();
  /** Brings `name` in (`union`: with that union, as its constructor). */
  const bring = (name: string, loc: Loc | undefined, by: string, union?: string): boolean => {
    const local = m.declared.get(name);
    const earlier = broughtAt.get(name);
    if (local) sink.report(loc, `\`${name}\` is both imported (${by}) and declared in this file`, local.loc ? [{ loc: local.loc, message: `\`${name}\` is declared here` }] : []);
    else if (earlier) {
      const withUnion = union ?? earlier.union; // (`use shapes.{Shape, Circle}`)
      const fix = withUnion ? ` (the union \`${withUnion}\` brings its constructors: leave \`${name}\` out)` : "";
      sink.report(loc, `\`${name}\` is imported twice: ${by}, and ${earlier.by}${fix}`, earlier.loc ? [{ loc: earlier.loc, message: `\`${name}\` is first imported here` }] : []);
    }
    else broughtAt.set(name, union ? { loc, by, union } : { loc, by });
    return !local && !earlier;
  };
  for (const use of m.items.filter((item): item is Lmodules.Use => item.kind === "Use")) {
    const shown = use.path.join(".");
    const target = targetOf(use);
    if (!target) {
      const why = unreadable(use.file) ?? "not read";
      // (a `core....` path that is no module the compiler ships is the program's own: say which it ships)
      const shipped = use.path[0] === coreModule ? `; the compiler's own are ${[...coreModules].filter((name) => name !== "prelude").map((name) => `${coreModule}.${name}`).join(", ")}` : "";
      const found = !why.startsWith(`cannot read ${use.file}`); // (read, but no UTF-8 text)
      sink.report(use.loc, found ? `cannot use the module \`${shown}\`: ${why}` : `cannot find the module \`${shown}\`: tried ${use.file} (${why.replace(`cannot read ${use.file}: `, "")})${shipped}`);
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
        const union = name === imp.name ? undefined : imp.name; // (a union brings its constructors)
        if (bring(name, imp.loc, union ? `from \`${shown}\` with the union \`${union}\`` : `from \`${shown}\``, union)) names.set(name, target.declared.get(name)!);
      }
    }
  }
  return { names, aliases };
}

/** An inherent impl is written in the module that declares its type; `impl P for T` in the
 * module that declares P or T (brief §2): an impl for another module's type is an error. */
export function checkImpls(m: ModuleInfo, names: ReadonlyMap<string, Declared>, sink: DiagnosticSink): void {
  const here = (name: string) => m.declared.get(name)?.ctor === false;
  const other = (name: string) => name.includes("/") || (names.has(name) && !m.declared.has(name));
  for (const outer of m.items) {
    const item = declaredItem(outer);
    if (item.kind !== "Impl" && item.kind !== "ProtocolImpl") continue;
    const tree = parseType(item.type);
    const type = tree?.kind === "name" ? tree.name : "";
    const protocol = item.kind === "ProtocolImpl" ? item.protocol : null;
    const shown = sourceNames(type === "" ? item.type : type); // ("": a tuple, a function type, ...: no module declares it)
    const declarers = type === "" ? `\`${protocol}\`` : `\`${protocol}\` or \`${shown}\``;
    if (protocol === null ? other(type) : !here(protocol) && !here(type) && (other(protocol) || other(type))) {
      sink.report(item.loc, protocol === null
        ? `an impl of \`${shown}\` is written in the module that declares \`${shown}\`, not here`
        : sourceNames(`\`impl ${protocol} for ${shown}\` is written in the module that declares ${declarers}, not here`));
    }
  }
}
