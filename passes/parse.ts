// parse: source text -> Lmodules
//
// Reads Quastra source into an Lmodules program (lexer: front-end/lexer.ts, grammar and
// recursive descent: front-end/parser.ts), or throws one CompileError listing every
// syntax error found. Every node carries `loc`, its position in the source. Each file
// the program's imports reach (the driver reads them into the pass context) is parsed
// too, once, and follows as an Imported item under its module's full path; its nodes'
// locs name its file. The prelude (core/prelude.qs, when the driver hands it in) is
// the last such module, core.prelude, which every module imports implicitly
// (front-end/prelude.ts); it is parsed once per process, and only its items that
// the files may use by name are read in (all of them when a file names it). Each file is lexed and
// parsed once per compilation: the driver, which parses each file to find its
// imports, hands its parse on (front-end/parse-once.ts).
// For `qnano test`, the program's main is the entry that runs the test standard input
// names (front-end/test-entry.ts).
//
// Before (text):                     After (Lmodules, printed):
//   use geometry.{area}                use geometry.{area} in "geometry.qs"
//   fn main() {                        fn main() {
//       let x = 1 + 2 * -3               let x = (1 + (2 * -3))
//       print(area(x))                   print(area(x))
//   }                                  }
//                                      module geometry from "geometry.qs" {
//                                        pub fn area(x: Int) -> Int { ... }
//                                      }

import type * as Lmodules from "../ir-defs/generated/Lmodules.js";
import { Lmodules as LmodulesIL } from "../ir-defs/lmodules.js";
import { CompileError, type Diagnostic } from "../front-end/diagnostics.js";
import { pass, type PassContext } from "../il/pass.js";
import { takeParse } from "../front-end/parse-once.js";
import { withTestEntry } from "../front-end/test-entry.js";
import { preludeReadFor } from "../front-end/prelude.js";
import { moduleFileOf, modulePathOf, preludeFile, sourcesOf } from "../front-end/modules.js";

/** The items of the file `file`, each `use` saying which file it names. */
const withFiles = (items: readonly Lmodules.Item[], file: string): Lmodules.Item[] =>
  items.map((item) => (item.kind === "Use" ? { ...item, file: moduleFileOf(file, item.path) } : item));

/** The prelude's file, parsed once per text (it is the same in every compilation). */
let preludeCache: { source: string; module: Lmodules.Imported; diagnostics: Diagnostic[] } | null = null;

/** The module in `file` as an Imported item, under its full path in the program `mainFile`. */
function importedModule(file: string, text: string, mainFile: string, diagnostics: Diagnostic[]): Lmodules.Imported {
  const parsed = takeParse(text, file, false);
  diagnostics.push(...parsed.diagnostics);
  return { kind: "Imported", path: modulePathOf(file, mainFile), file, items: withFiles(parsed.program.items, file), loc: parsed.program.loc };
}

export const parse = pass({
  name: "parse",
  from: "text",
  to: LmodulesIL,
  purpose: "read the program's files into Lmodules, reporting every syntax error; and the prelude's items they may use",
  run(source: string, context: PassContext): Lmodules.Program {
    const parsed = takeParse(source, context.file, true);
    const program = context.tests ? withTestEntry(parsed.program, context.tests) : parsed.program;
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    const imported: Lmodules.Imported[] = [];
    const files = [...(context.modules?.values() ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const { file, source: text } of files) {
      if (text === null || (context.prelude && file === preludeFile)) continue; // (resolve-modules says why, at the `use`; the prelude follows)
      imported.push(importedModule(file, text, context.file, diagnostics));
    }
    if (context.prelude) {
      const { file, source: text } = context.prelude;
      if (preludeCache?.source !== text) {
        const found: Diagnostic[] = [];
        preludeCache = { source: text, module: importedModule(file, text, file, found), diagnostics: found };
      }
      diagnostics.push(...preludeCache.diagnostics);
      const files = [...program.items, ...imported];
      const named = files.some((item) => (item.kind === "Imported" ? item.items : [item]).some((i) => i.kind === "Use" && i.path.join("/") === preludeFile.replace(/\.qs$/, "")));
      const read = named ? preludeCache.module : preludeReadFor(files, preludeCache.module);
      if (read) imported.push(read);
    }
    if (diagnostics.length > 0) throw new CompileError(diagnostics, sourcesOf(context));
    return { ...program, items: [...withFiles(program.items, context.file), ...imported] };
  },
});
