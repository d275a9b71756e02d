// parse: source text -> Lmodules
//
// Reads Quastra source into an Lmodules program (lexer: front-end/lexer.ts, grammar and
// recursive descent: front-end/parser.ts), or throws one CompileError listing every
// syntax error found. Every node carries `loc`, its position in the source. Each file
// the program's imports reach (the driver reads them into the pass context) is parsed
// too, once, and follows as an Imported item under its module's full path; its nodes'
// locs name its file. The prelude's items that the program may use follow, in a
// `module prelude` item (front-end/prelude.ts), when the driver hands the prelude in.
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
import { CompileError, diagnosticSink, type Diagnostic } from "../front-end/diagnostics.js";
import { pass, type PassContext } from "../il/pass.js";
import { parseModuleFile } from "../front-end/parser.js";
import { withPrelude } from "../front-end/prelude.js";
import { withTestEntry } from "../front-end/test-entry.js";
import { moduleFileOf, modulePathOf, sourcesOf } from "../front-end/modules.js";

/** The items of the file `file`, each `use` saying which file it names. */
const withFiles = (items: readonly Lmodules.Item[], file: string): Lmodules.Item[] =>
  items.map((item) => (item.kind === "Use" ? { ...item, file: moduleFileOf(file, item.path) } : item));

export const parse = pass({
  name: "parse",
  from: "text",
  to: LmodulesIL,
  purpose: "read the program's files into Lmodules, reporting every syntax error; add the prelude's items it may use",
  run(source: string, context: PassContext): Lmodules.Program {
    const sink = diagnosticSink(context.file);
    const [words, moduleWords] = [new Set<string>(), new Set<string>()];
    const own = parseModuleFile(source, sink, context.prelude ? words : undefined);
    const program = context.tests ? withTestEntry(own, context.tests) : own;
    const diagnostics: Diagnostic[] = [...sink.diagnostics];
    const imported: Lmodules.Imported[] = [];
    const files = [...(context.modules?.values() ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    for (const { file, source: text } of files) {
      if (text === null) continue; // (resolve-modules says why, at the `use`)
      const moduleSink = diagnosticSink(file);
      const parsed = parseModuleFile(text, moduleSink, context.prelude ? moduleWords : undefined, file);
      diagnostics.push(...moduleSink.diagnostics);
      imported.push({ kind: "Imported", path: modulePathOf(file, context.file), file, items: withFiles(parsed.items, file), loc: parsed.loc });
    }
    if (diagnostics.length > 0) throw new CompileError(diagnostics, sourcesOf(context));
    const whole: Lmodules.Program = { ...program, items: [...withFiles(program.items, context.file), ...imported] };
    return context.prelude ? withPrelude(whole, words, context.prelude, moduleWords) : whole;
  },
});
