// resolve-modules: Lmodules -> Lsrc
//
// Makes one program of the program's files: each module's items join the
// program's own, every name of an item written as the whole program names it
// (front-end/module-resolution.ts joins, module-scope.ts builds each module's
// scope, module-rename.ts renames): an item of the program's own file keeps its name, the module a.b's item x is `a.b/x` (so private items
// of one name in two modules never meet, spec/symbols.md), `b.x` and an item
// brought in by `use a.b.{x}` become `a.b/x`. The prelude (core.prelude) is a
// module every module imports implicitly, its `pub` names an outer scope that a
// module's own items and imports hide: its items that the program may use
// follow in a `module prelude` item, keeping their names, but `prelude.X` for
// one the program's own file hides or a private one (front-end/prelude.ts).
// `pub`, `use` and `module` headers are gone. Every error is reported where it
// is, in its own file: a module file not found, an unknown or private item,
// two imports of one name, an import clashing with an item, a header that is
// not the file's name, a cycle of imports.
//
// Before (Lmodules):                              After (Lsrc):
//   use geo.shapes in "geo/shapes.qs"               fn main() {
//   fn main() {                                       print(geo.shapes/area(2))
//     print(shapes.area(2))                         }
//   }                                               fn geo.shapes/area(x: Int) -> Int {
//   module geo.shapes from "geo/shapes.qs" {          geo.shapes/square(x)
//     pub fn area(x: Int) -> Int { square(x) }      }
//     fn square(x: Int) -> Int { (x * x) }          fn geo.shapes/square(x: Int) -> Int { (x * x) }
//   }

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { Lmodules as LmodulesIL } from "../ir-defs/lmodules.js";
import { Lsrc as LsrcIL } from "../ir-defs/lsrc.js";
import { CompileError, diagnosticSink } from "../front-end/diagnostics.js";
import { linkModules } from "../front-end/module-resolution.js";
import { sourcesOf } from "../front-end/modules.js";
import { pass, type PassContext } from "../il/pass.js";

export const resolveModules = pass({
  name: "resolve-modules",
  from: LmodulesIL,
  to: LsrcIL,
  purpose: "make one program of the program's modules: check every use and pub, name each module's items by the module's path",
  run(program: Lmodules.Program, context: PassContext): Lsrc.Program {
    const sink = diagnosticSink(context.file);
    const resolved = linkModules(program, { main: context.file, unreadable: (file) => context.modules?.get(file)?.error }, sink);
    if (sink.diagnostics.length > 0) throw new CompileError(sink.diagnostics, sourcesOf(context));
    return resolved;
  },
});
