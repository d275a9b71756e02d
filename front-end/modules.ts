// Modules (shared/quastra-brief.md §2): where the file of `use a.b` is, what a
// module's full path is. The driver reads
// the files (passes do no I/O) with these rules, and resolve-modules finds
// each `use`'s module again with the same ones.
//
// `use a.b` in the file `dir/f.qs` is the file `dir/a/b.qs`; `use core.x`,
// where x is a module the compiler ships (`coreModules`), is the compiler's own
// `core/x.qs`, from any file. Any other `core....` path is the program's own,
// like any `use`: a program may have a folder named `core`, but a module there
// named like a shipped one is never reached (`use core.math` is the
// compiler's). A module's full path is its file's path from the program's own
// folder, dots for slashes and without `.qs` (`dir/a/b.qs` from `dir/app.qs` is
// `a.b`), or `core.x`; an item of a module is named by the path and `/` after
// resolve-modules, `a.b/area` (spec/symbols.md).

import { posix } from "node:path";
import type { PassContext } from "../il/pass.js";
import type { SourceSet } from "./diagnostics.js";

/** The first segment of the compiler's own modules' paths, and the folder they are in. */
export const coreModule = "core";

/** The modules the compiler ships, `core/NAME.qs` (tests/core.test.ts checks the list). */
export const coreModules: ReadonlySet<string> = new Set(["array", "io", "math", "prelude", "string", "test"]);

/** The file of the module `path` (`use a.b`: ["a", "b"]) imported by the file `importer`. */
export function moduleFileOf(importer: string, path: readonly string[]): string {
  if (path.length === 2 && path[0] === coreModule && coreModules.has(path[1]!)) return `${coreModule}/${path[1]}.qs`;
  return posix.normalize(posix.join(posix.dirname(importer), ...path) + ".qs");
}

/** The prelude's file: a module every module imports implicitly (front-end/prelude.ts). */
export const preludeFile = `${coreModule}/prelude.qs`;

/** Whether a file is one of the compiler's own modules (by its name, as moduleFileOf gives it). */
export const isCoreFile = (file: string): boolean => {
  const [folder, name, ...more] = file.split("/");
  return folder === coreModule && more.length === 0 && coreModules.has(name!.replace(/\.qs$/, ""));
};

/** The full path of the module in `file`, in a program whose own file is `mainFile`. */
export function modulePathOf(file: string, mainFile: string): string[] {
  const relative = isCoreFile(file) ? file : posix.relative(posix.dirname(posix.normalize(mainFile)), file);
  return relative.replace(/\.qs$/, "").split("/");
}

/** The name a file gives its module: its file's name without `.qs`. */
export const moduleNameOf = (file: string): string => posix.basename(file).replace(/\.qs$/, "");

/** The name of an item of the module `path` in the ILs after resolve-modules: `a.b/area`. */
export const qualifiedName = (path: readonly string[], name: string): string => `${path.join(".")}/${name}`;

/** The text of each module's file that the driver read, by file name: what a diagnostic
 * pointing into one of them is shown with. */
export function sourcesOf(context: PassContext): SourceSet {
  const sources = new Map<string, string>();
  for (const m of context.modules?.values() ?? []) if (m.source !== null) sources.set(m.file, m.source);
  if (context.prelude) sources.set(context.prelude.file, context.prelude.source);
  return sources;
}
